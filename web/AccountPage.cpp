#include <Poco/String.h>

#include "MeetingView.h"
#include "PageContext.h"
#include "PageText.h"
#include "PageViews.h"
#include "SessionView.h"

// A person's own account: who they are here, their password, and where they are signed in.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void showAccount(PageContext& page, const Principal& viewer,
                 std::optional<std::int64_t> endedAll = std::nullopt) {
    ctemplate::TemplateDictionary& dict = page.content();
    dict.SetValue("USERNAME", viewer.username);
    dict.SetValue("ROLES", roleNames(page.site(), viewer.roles));
    dict.SetValue("CITY", accountPlace(page.api(), viewer.municipality));
    showSessions(page, dict, viewer.userId, "/account/sessions", endedAll);
}

void accountPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const auto query = pageQuery(page.exchange(), {"changed", "ended", "gone", "ended_all"});
    for (const char* done : {"changed", "ended", "gone"})
        if (query.text(done)) page.content().ShowSection(Poco::toUpper(std::string(done)));
    showAccount(page, viewer, query.count("ended_all", true));
    page.render("حساب من", "account.tpl");
}

void changePassword(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    submitForm(
        page, "password", 0,
        [&](const FormFields& form) {
            requireTypedTwice(form, "new_password");
            page.api().auth.changePassword(viewer, page.sessionToken(), form.one("current_password"),
                                           form.one("new_password"));
            return std::string("/account?changed=1");
        },
        [&](const RefusedForm&, HTTPResponse::HTTPStatus status) {
            showAccount(page, viewer);
            page.render("حساب من", "account.tpl", status);
        });
}

}  // namespace

void addAccountPage(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "GET", "/account", accountPage);
    addPage(router, api, site, "POST", "/account/password", changePassword);
    addPage(router, api, site, "POST", "/account/sessions/end", [](PageContext& page) {
        endOtherSessionsFromPage(page, page.requireViewer().userId, "/account");
    });
    addPage(router, api, site, "POST", "/account/sessions/{session}/end",
            [](PageContext& page) { endSessionFromPage(page, page.requireViewer().userId, "/account"); });
}

}  // namespace lacuna
