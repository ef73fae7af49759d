#include "PageContext.h"

// Signing in and out of the pages: a session cookie backed by the same sessions as bearer tokens.
namespace lacuna {
namespace {

/// Where to go after signing in: a path of this site only (never `//host` or another origin).
std::string safeNext(const std::string& next) {
    if (next.size() < 1 || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\')))
        return "/";
    for (const char c : next)
        if (static_cast<unsigned char>(c) < 0x20) return "/";
    return next;
}

void showLogin(PageContext& page, const std::string& username, const std::string& next) {
    page.content().SetValue("USERNAME", username);
    page.content().SetValue("NEXT", safeNext(next));
}

void loginForm(PageContext& page) {
    if (page.viewer()) return page.redirect("/");
    const QueryParams query = page.exchange().query({"next"});
    showLogin(page, "", query.text("next").value_or("/"));
    page.render("ورود", "login.tpl");
}

void signIn(PageContext& page) {
    const FormFields form = page.form(false);
    const std::string username = form.one("username"), next = form.one("next");
    try {
        const IssuedSession session = page.api().auth.login(
            username, form.one("password"), page.exchange().clientAddress(), page.exchange().userAgent());
        page.setSessionCookie(session.token, session.expiresAt);
        page.redirect(safeNext(next));
    } catch (const Unauthorized&) {
        showLogin(page, username, next);
        page.content().ShowSection("FAILED");
        page.render("ورود", "login.tpl", Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED);
    } catch (const TooManyRequests& e) {
        page.exchange().response().set("Retry-After", std::to_string(e.retryAfterSeconds()));
        showLogin(page, username, next);
        page.content().ShowSection("THROTTLED");
        page.render("ورود", "login.tpl", Poco::Net::HTTPResponse::HTTP_TOO_MANY_REQUESTS);
    }
}

void signOut(PageContext& page) {
    page.requireViewer();
    page.form();  // the CSRF token: another site may not sign a person out
    page.api().auth.logout(page.sessionToken());
    page.setSessionCookie("", 0);
    page.redirect("/login");
}

}  // namespace

void addSessionPages(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "GET", "/login", loginForm);
    addPage(router, api, site, "POST", "/login", signIn);
    addPage(router, api, site, "POST", "/logout", signOut);
}

}  // namespace lacuna
