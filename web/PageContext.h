#pragma once

#include <ctemplate/template.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ApiServices.h"
#include "WebSite.h"

namespace lacuna {

/// The fields of a submitted form, in the order sent.
class FormFields {
public:
    /// Parses application/x-www-form-urlencoded text; ValidationError for bad percent-encoding or
    /// text that is not UTF-8.
    explicit FormFields(const std::string& body);

    /// The one value of `name`, or "" when absent; ValidationError when it was sent twice.
    std::string one(const std::string& name) const;
    /// Every value of `name`, in order.
    std::vector<std::string> all(const std::string& name) const;
    bool has(const std::string& name) const;

private:
    std::vector<std::pair<std::string, std::string>> _fields;
};

/// Raised by a page that needs a signed-in person when there is none: the answer is a redirect to
/// the login page, which brings the person back.
class SignInNeeded : public std::exception {
public:
    const char* what() const noexcept override { return "sign in needed"; }
};

/// One page request: who is signed in (the session cookie), the form and its CSRF token, and the
/// answer (a template in the layout, with the security headers, compressed when the client accepts it).
class PageContext {
public:
    PageContext(const ApiServices& api, const WebSite& site, Exchange& ex);

    const ApiServices& api() const { return _api; }
    const WebSite& site() const { return _site; }
    Exchange& exchange() { return _ex; }

    /// The signed-in person, or null when the request carries no live session.
    const Principal* viewer();
    /// The signed-in person; SignInNeeded otherwise.
    const Principal& requireViewer();
    /// The session token of the cookie ("" when none).
    std::string sessionToken() const;

    /// The submitted form, after the request was shown to come from our own pages: same origin
    /// (Origin / Sec-Fetch-Site) and, for a signed-in person, the form's CSRF token. Forbidden otherwise.
    /// Signing in checks no token (`checkToken` false): there is no session to derive it from yet, and a
    /// tab opened before another tab signed in must still work; the origin check still holds.
    FormFields form(bool checkToken = true);
    /// The CSRF token of the current session (what forms carry).
    std::string csrfToken();

    /// The dictionary of the page's own template.
    ctemplate::TemplateDictionary& content() { return *_content; }
    /// Renders `templateName` inside the layout with `title`, and answers `status`.
    void render(const std::string& title, const std::string& templateName,
                Poco::Net::HTTPResponse::HTTPStatus status = Poco::Net::HTTPResponse::HTTP_OK);
    /// Renders `templateName` alone (an htmx fragment).
    void renderFragment(const std::string& templateName);
    /// Whether htmx asked (HX-Request), so a fragment may answer.
    bool fromHtmx() const;
    /// 303 See Other to `location` (a path of this site).
    void redirect(const std::string& location);
    /// Answers a file to save (an export): `filename` (ASCII), never cached.
    void download(const std::string& filename, const std::string& contentType, const std::string& body);
    /// Sets the session cookie (after sign-in), or clears it (`token` empty).
    void setSessionCookie(const std::string& token, std::int64_t expiresAtMs);
    /// The path and query of this request (where to come back after sign-in).
    std::string here() const;

private:
    void sendHtml(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& html);
    std::string cookieName() const;

    const ApiServices& _api;
    const WebSite& _site;
    Exchange& _ex;
    ctemplate::TemplateDictionary _layout;
    ctemplate::TemplateDictionary* _content;
    bool _viewerChecked = false;
    std::optional<Principal> _viewer;
};

/// A page handler: decodes the request, calls one core service, renders one template.
using PageHandler = void (*)(PageContext& page);

/// Adds `handler` for (method, pattern). A failure becomes an HTML page with the status the one error
/// mapping gives (Problem.h); SignInNeeded a redirect to the login page.
void addPage(Router& router, const ApiServices& api, const WebSite& site, const char* method,
             const char* pattern, PageHandler handler);

/// The status of a refused form: 422 when it broke a rule of the domain, 400 when it was malformed.
Poco::Net::HTTPResponse::HTTPStatus refusedStatus(const ValidationError& error);

/// The record version a form carries in `field` (at least `minimum`); ValidationError naming it otherwise.
std::int64_t formVersion(const FormFields& form, const std::string& field = "expected_version",
                         std::int64_t minimum = 1);

/// A new password a form asks for twice (`field` and `field`_again): ValidationError naming the second
/// when the two differ, which only a form needs (an API client sends what it means once).
void requireTypedTwice(const FormFields& form, const std::string& field);

/// Adds the values of a validation error to the page: a summary at the top linking to each field, and
/// `<FIELD>_ERROR` beside each field named in `fields` (form field name → template prefix).
void showFieldErrors(PageContext& page, const ValidationError& error);

/// Roles as people read them («مدیر حقوقی، ناظر»).
std::string roleNames(const WebSite& site, const std::vector<std::string>& roles);

}  // namespace lacuna
