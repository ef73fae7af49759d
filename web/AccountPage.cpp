#include "MeetingView.h"
#include "PageContext.h"
#include "PageText.h"
#include "PageViews.h"

// A person's own account: who they are here, and their password.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void showAccount(PageContext& page, const Principal& viewer) {
    ctemplate::TemplateDictionary& dict = page.content();
    dict.SetValue("USERNAME", viewer.username);
    dict.SetValue("ROLES", roleNames(page.site(), viewer.roles));
    dict.SetValue("CITY", accountPlace(page.api(), viewer.municipality));
}

void accountPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const auto query = pageQuery(page.exchange(), {"changed"});
    if (query.text("changed")) page.content().ShowSection("CHANGED");
    showAccount(page, viewer);
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
}

}  // namespace lacuna
