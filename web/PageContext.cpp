#include "PageContext.h"

#include <Poco/DigestEngine.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/SHA2Engine.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <set>

#include "Errors.h"
#include "PageViews.h"
#include "PersianText.h"
#include "Problem.h"
#include "Roles.h"

namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string formDecode(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%') {
            const int hi = i + 2 < text.size() ? hexValue(text[i + 1]) : -1;
            const int lo = hi >= 0 ? hexValue(text[i + 2]) : -1;
            if (lo < 0)
                throw ValidationError("the form is not valid", {{"body", "encoding", "a bad %-escape"}});
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += text[i];
        }
    }
    if (!isValidUtf8(out))
        throw ValidationError("the form is not valid", {{"body", "encoding", "not UTF-8"}});
    return out;
}

/// Whether two strings are equal, in a time that does not tell how much of them matched.
bool sameSecret(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

/// What a person reads as the title of an error page.
const char* errorTitle(int status) {
    switch (status) {
        case 400:
            return "درخواست نامعتبر است";
        case 403:
            return "اجازه این کار را ندارید";
        case 404:
            return "پیدا نشد";
        case 409:
            return "این مورد در این فاصله تغییر کرده است";
        case 413:
            return "حجم فرستاده‌شده بیش از حد است";
        case 415:
            return "قالب فرستاده‌شده پذیرفته نیست";
        case 422:
            return "شرط لازم برقرار نیست";
        case 428:
            return "نسخه خوانده‌شده لازم است";
        case 429:
            return "تعداد تلاش‌ها بیش از حد مجاز است؛ کمی بعد دوباره بکوشید";
        case 503:
            return "سامانه موقتاً در دسترس نیست؛ دوباره بکوشید";
        default:
            return "خطایی در سامانه رخ داد";
    }
}

/// Whether the Origin header names the host the request was sent to. Ports are left aside: nginx passes
/// on the host without the public port, and cookies (SameSite) are not bound to ports either.
bool sameHost(const std::string& origin, const std::string& hostHeader) {
    std::string host;
    try {
        host = Poco::URI(origin).getHost();
    } catch (const Poco::Exception&) {
        return false;
    }
    std::string expected = hostHeader;
    if (!expected.empty() && expected.front() == '[')
        expected = expected.substr(1, expected.find(']') == std::string::npos ? 0 : expected.find(']') - 1);
    else if (expected.find(':') != std::string::npos)
        expected = expected.substr(0, expected.find(':'));
    return !host.empty() && Poco::icompare(host, expected) == 0;
}

}  // namespace

FormFields::FormFields(const std::string& body) {
    std::size_t start = 0;
    while (start <= body.size() && !body.empty()) {
        std::size_t end = body.find('&', start);
        if (end == std::string::npos) end = body.size();
        const std::string pair = body.substr(start, end - start);
        if (!pair.empty()) {
            const std::size_t eq = pair.find('=');
            _fields.emplace_back(formDecode(pair.substr(0, eq)),
                                 eq == std::string::npos ? "" : formDecode(pair.substr(eq + 1)));
        }
        start = end + 1;
    }
}

std::string FormFields::one(const std::string& name) const {
    const std::vector<std::string> values = all(name);
    if (values.size() > 1)
        throw ValidationError("the form is not valid", {{name, "duplicate", "sent more than once"}});
    return values.empty() ? "" : values.front();
}

std::vector<std::string> FormFields::all(const std::string& name) const {
    std::vector<std::string> values;
    for (const auto& [key, value] : _fields)
        if (key == name) values.push_back(value);
    return values;
}

bool FormFields::has(const std::string& name) const {
    for (const auto& field : _fields)
        if (field.first == name) return true;
    return false;
}

PageContext::PageContext(const ApiServices& api, const WebSite& site, Exchange& ex)
    : _api(api), _site(site), _ex(ex), _layout("layout"), _content(_layout.AddIncludeDictionary("CONTENT")) {}

std::string PageContext::cookieName() const {
    // __Host- binds the cookie to this host and path, over TLS only.
    return _site.config.secureCookies ? "__Host-lacuna_session" : "lacuna_session";
}

std::string PageContext::sessionToken() const {
    Poco::Net::NameValueCollection cookies;
    _ex.request().getCookies(cookies);
    return cookies.get(cookieName(), "");
}

const Principal* PageContext::viewer() {
    if (!_viewerChecked) {
        _viewerChecked = true;
        const std::string token = sessionToken();
        if (!token.empty()) {
            try {
                _viewer = _ex.authenticateWith(token);
            } catch (const Unauthorized&) {
                _viewer.reset();
            }
        }
    }
    return _viewer ? &*_viewer : nullptr;
}

const Principal& PageContext::requireViewer() {
    if (const Principal* p = viewer()) return *p;
    throw SignInNeeded();
}

std::string PageContext::csrfToken() {
    const std::string token = sessionToken();
    if (token.empty() || !viewer()) return "";
    // Only a page of this site can read it: the session token is in an HttpOnly cookie.
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update("lacuna-csrf:" + token);
    return Poco::DigestEngine::digestToHex(sha.digest());
}

FormFields PageContext::form(bool checkToken) {
    const auto& request = _ex.request();
    // A browser names where a form came from; another site's page is refused before anything else.
    if (Poco::icompare(request.get("Sec-Fetch-Site", "same-origin"), "cross-site") == 0)
        throw Forbidden("a form from another site is refused");
    if (request.has("Origin") && !sameHost(request.get("Origin"), request.getHost()))
        throw Forbidden("a form from another origin is refused");
    FormFields fields(_ex.formBody());
    if (checkToken && viewer()) {
        const std::string sent = fields.one("csrf");
        if (sent.empty() || !sameSecret(sent, csrfToken()))
            throw Forbidden(
                "the form's security token is missing or out of date; reload the page and send it again");
    }
    return fields;
}

bool PageContext::fromHtmx() const { return _ex.request().get("HX-Request", "") == "true"; }

std::string PageContext::here() const { return _ex.request().getURI(); }

void PageContext::render(const std::string& title, const std::string& templateName,
                         HTTPResponse::HTTPStatus status) {
    const StaticAssets& assets = _site.assets;
    _layout.SetValue("TITLE", title);
    _layout.SetValue("CSS_URL", assets.urlOf("app.css"));
    _layout.SetValue("HTMX_URL", assets.urlOf("htmx.min.js"));
    _layout.SetValue("APP_JS_URL", assets.urlOf("app.js"));
    _layout.SetValue("JDP_JS_URL", assets.urlOf("jalalidatepicker/jalalidatepicker.min.js"));
    _layout.SetValue("JDP_CSS_URL", assets.urlOf("jalalidatepicker/jalalidatepicker.min.css"));
    _layout.SetValue("FONT_URL", assets.urlOf("fonts/Vazirmatn-Regular.woff2"));
    if (const Principal* p = viewer()) {
        ctemplate::TemplateDictionary* user = _layout.AddSectionDictionary("SIGNED_IN");
        user->SetValue("USERNAME", p->username);
        user->SetValue("ROLES", roleNames(_site, p->roles));
        if (p->hasRole(roles::ADMIN)) user->ShowSection("ADMIN");
        if (p->municipality)
            if (const Municipality* m = _api.catalog.findMunicipality(*p->municipality))
                user->SetValue("CITY", m->nameFa);
        _layout.SetTemplateGlobalValue("CSRF", csrfToken());
    }
    _content->SetFilename(templateName);
    sendHtml(status, _site.templates.render("layout.tpl", _layout));
}

void PageContext::renderFragment(const std::string& templateName) {
    if (viewer()) _content->SetTemplateGlobalValue("CSRF", csrfToken());
    sendHtml(HTTPResponse::HTTP_OK, _site.templates.render(templateName, *_content));
}

void PageContext::sendHtml(HTTPResponse::HTTPStatus status, const std::string& html) {
    auto& response = _ex.response();
    response.set("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                 "base-uri 'none'; object-src 'none'");
    response.set("Referrer-Policy", "same-origin");
    response.set("X-Frame-Options", "DENY");
    response.set("Vary", "Accept-Encoding, Cookie, HX-Request");
    // Pages show what one person may see: never kept by a shared cache, nor by the browser's.
    const std::string cache = "no-store";
    // Level 1: a page is made for one request, and at 1 it costs a third of the time of the default
    // for a tenth more bytes (a gap's page: ~3 KB either way).
    const bool packed = html.size() > 1024 && acceptsGzip(_ex.request().get("Accept-Encoding", ""));
    const std::string body = packed ? gzipText(html, 1) : html;
    _ex.send(status, "text/html; charset=utf-8", body, cache, packed ? "gzip" : "");
}

void PageContext::redirect(const std::string& location) {
    auto& response = _ex.response();
    response.set("Location", location);
    response.set("Referrer-Policy", "same-origin");
    _ex.send(HTTPResponse::HTTP_SEE_OTHER, "text/plain; charset=utf-8", "", "no-store");
}

void PageContext::download(const std::string& filename, const std::string& contentType,
                           const std::string& body) {
    _ex.response().set("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    _ex.send(HTTPResponse::HTTP_OK, contentType, body, "no-store");
}

void PageContext::setSessionCookie(const std::string& token, std::int64_t expiresAtMs) {
    std::string cookie = cookieName() + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
    if (_site.config.secureCookies) cookie += "; Secure";
    if (token.empty())
        cookie += "; Max-Age=0";
    else
        cookie += "; Max-Age=" +
                  std::to_string(std::max<std::int64_t>(0, (expiresAtMs - _api.clock.nowMs()) / 1000));
    _ex.response().add("Set-Cookie", cookie);
}

HTTPResponse::HTTPStatus refusedStatus(const ValidationError& error) {
    return error.kind() == ValidationError::Kind::RuleViolation ? HTTPResponse::HTTP_UNPROCESSABLE_ENTITY
                                                                : HTTPResponse::HTTP_BAD_REQUEST;
}

std::int64_t formVersion(const FormFields& form, const std::string& field, std::int64_t minimum) {
    const auto v = wholeNumber(form.one(field));
    if (!v || *v < minimum)
        throw ValidationError("the form is not valid",
                              {{field, "invalid", "reload the page and send it again"}});
    return *v;
}

void requireTypedTwice(const FormFields& form, const std::string& field) {
    if (form.one(field) != form.one(field + "_again"))
        throw ValidationError("the two new passwords differ",
                              {{field + "_again", "mismatch", "type the same new password twice"}});
}

std::string roleNames(const WebSite& site, const std::vector<std::string>& roles) {
    std::string names;
    for (const std::string& role : roles)
        names += (names.empty() ? "" : "، ") + PageLabels::fa(site.labels.roles, role);
    return names;
}

void showFieldErrors(PageContext& page, const ValidationError& error) {
    ctemplate::TemplateDictionary& dict = page.content();
    ctemplate::TemplateDictionary* summary = dict.AddIncludeDictionary("ERROR_SUMMARY");
    summary->SetFilename("errors.tpl");
    summary->SetValue("MESSAGE", error.message());
    std::set<std::string> shown;
    for (const FieldError& f : error.fields()) {
        ctemplate::TemplateDictionary* item = summary->AddSectionDictionary("ERROR");
        item->SetValue("FIELD", f.field);
        // An entry of a list (agenda[2], provisions[0].law) links to the list's own field.
        item->SetValue("ANCHOR", f.field.substr(0, f.field.find('[')));
        item->SetValue("DETAIL", f.detail);
        // The message stands beside the field, and beside the list an entry of it belongs to.
        for (const std::string& name : {f.field, f.field.substr(0, f.field.find('['))}) {
            std::string key = Poco::toUpper(name);
            for (char& c : key)
                if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
            if (shown.insert(key).second)
                dict.SetValueAndShowSection(key + "_ERROR", f.detail, key + "_HAS_ERROR");
        }
    }
}

void addPage(Router& router, const ApiServices& api, const WebSite& site, const char* method,
             const char* pattern, PageHandler handler) {
    router.add(method, pattern, [&api, &site, handler](Exchange& ex) {
        PageContext page(api, site, ex);
        try {
            handler(page);
        } catch (const SignInNeeded&) {
            std::string next;
            Poco::URI::encode(page.here(), "&?=#+%", next);
            // htmx follows a redirect inside its request; it is told to load the login page whole instead.
            if (page.fromHtmx()) ex.response().set("HX-Redirect", "/login?next=" + next);
            page.redirect("/login?next=" + next);
        } catch (...) {
            if (ex.response().sent()) return;
            if (page.fromHtmx()) {
                // The error page replaces the page's main part, whatever the form meant to update.
                ex.response().set("HX-Retarget", "main");
                ex.response().set("HX-Reselect", "main");
                ex.response().set("HX-Reswap", "outerHTML");
            }
            const ProblemAnswer answer = describeProblem(ex.response(), ex.path(), std::current_exception());
            PageContext error(api, site, ex);
            ctemplate::TemplateDictionary& dict = error.content();
            dict.SetValue("STATUS", persianDigits(std::to_string(static_cast<int>(answer.kind.status))));
            dict.SetValue("HEADING", errorTitle(answer.kind.status));
            dict.SetValue("DETAIL", answer.detail);
            if (answer.fieldErrors)
                for (const FieldError& f : *answer.fieldErrors) {
                    ctemplate::TemplateDictionary* item = dict.AddSectionDictionary("FIELD_ERROR");
                    item->SetValue("FIELD", f.field);
                    item->SetValue("DETAIL", f.detail);
                }
            error.render(errorTitle(answer.kind.status), "error.tpl", answer.kind.status);
        }
    });
}

}  // namespace lacuna
