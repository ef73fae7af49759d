#include <Poco/String.h>

#include <algorithm>

#include "MeetingView.h"
#include "PageText.h"
#include "PageViews.h"
#include "Roles.h"
#include "SessionView.h"

// Administration (admins only): the accounts — adding one, its roles and city, what changed in it — and the
// webhook subscriptions with their recent deliveries.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void requireAdmin(const Principal& viewer) { lacuna::requireAdmin(viewer, "manages the service"); }

std::string accountEventLabel(const std::string& type) {
    if (type == "created") return "ساخت حساب";
    if (type == "changed") return "تغییر نقش‌ها یا شهر";
    if (type == "feed_reset") return "نشانی تازه تقویم";
    if (type == "disabled") return "غیرفعال شد؛ نشست‌ها بسته شد";
    if (type == "enabled") return "دوباره فعال شد";
    if (type == "password_changed") return "تغییر گذرواژه به دست خود کاربر";
    if (type == "password_reset")
        return "گذرواژه تازه از مدیر؛ نشست‌ها بسته شد";
    if (type == "session_ended") return "یک نشست بسته شد";
    if (type == "sessions_ended") return "نشست‌های باز یک‌جا بسته شد";
    return type;
}

/// The role checkboxes and the city choice of an account form (the include ACCOUNT_INPUTS), checked as
/// `held` and `city` say, with the messages of a refused form's `error`.
void showAccountInputs(PageContext& page, ctemplate::TemplateDictionary& parent,
                       const std::vector<std::string>& held, const std::string& city,
                       const ValidationError* error) {
    ctemplate::TemplateDictionary& dict = *parent.AddIncludeDictionary("ACCOUNT_INPUTS");
    dict.SetFilename("account_inputs.tpl");
    const RefusedForm refused{"", 0, nullptr, error};
    for (const char* field : {"roles", "municipality"})
        if (const std::string message = refused.messageFor(field); !message.empty())
            dict.SetValueAndShowSection(Poco::toUpper(std::string(field)) + "_ERROR", message,
                                        Poco::toUpper(std::string(field)) + "_HAS_ERROR");
    for (const std::string& role : allRoles()) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("ROLE");
        row->SetValue("VALUE", role);
        row->SetValue("LABEL", roleNames(page.site(), {role}));
        if (std::find(held.begin(), held.end(), role) != held.end()) row->ShowSection("CHECKED");
        row->SetValue("SCOPE", requiresMunicipality(role)  ? "در یک شهر"
                               : forbidsMunicipality(role) ? "در کمیته، بی‌شهر"
                                                           : "");
    }
    showChoices(dict, "CITY_CHOICE", cityChoices(page), city);
}

std::optional<std::string> chosenCity(const FormFields& form) {
    const std::string city = form.one("municipality");
    return city.empty() ? std::nullopt : std::optional<std::string>(city);
}

void users(PageContext& page, const FormFields* typed, const ValidationError* error) {
    const Principal& viewer = page.requireViewer();
    ctemplate::TemplateDictionary& dict = page.content();
    for (const User& u : page.api().users.listUsers(viewer)) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("USER");
        row->SetIntValue("ID", static_cast<long>(u.id));
        row->SetValue("USERNAME", u.username);
        row->SetValue("ROLES", roleNames(page.site(), u.roles));
        row->SetValue("CITY", accountPlace(page.api(), u.municipality));
        showTime(*row, "CREATED_AT", u.createdAt, false);
        if (u.disabledAt) row->ShowSection("DISABLED");
    }
    dict.SetValue("NEW_USERNAME", typed ? typed->one("username") : "");
    showAccountInputs(page, dict, typed ? typed->all("role") : std::vector<std::string>{},
                      typed ? typed->one("municipality") : "", error);
}

void userList(PageContext& page) {
    requireAdmin(page.requireViewer());
    pageQuery(page.exchange(), {});
    users(page, nullptr, nullptr);
    page.render("کاربران", "admin_users.tpl");
}

void addUser(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    requireAdmin(viewer);
    createFromForm(
        page, "کاربران", "admin_users.tpl",
        [&](const FormFields& form) {
            try {
                const User user = page.api().users.addUser(
                    viewer, {form.one("username"), form.one("password"), form.all("role"), chosenCity(form)});
                return "/admin/users/" + std::to_string(user.id) + "?added=1";
            } catch (const AlreadyExists& e) {
                // A taken name is a mistake in the form, shown beside the field like any other.
                throw ValidationError(
                    e.what(),
                    {{"username", "taken", "این نام کاربری پیش‌تر ثبت شده است"}},
                    ValidationError::Kind::RuleViolation);
            }
        },
        [&](const FormFields& form, const ValidationError& e) { users(page, &form, &e); });
}

void showAccount(PageContext& page, const Principal& viewer, const User& user, const RefusedForm& refused,
                 std::optional<std::int64_t> endedAll = std::nullopt) {
    const bool rolesRefused = refused.is("account") && refused.error;
    const FormFields* typed = rolesRefused ? refused.typed : nullptr;
    ctemplate::TemplateDictionary& dict = page.content();
    // An admin's own password is changed with the current one, on their own account page.
    dict.ShowSection(user.id == viewer.userId ? "OWN_ACCOUNT" : "OTHER_ACCOUNT");
    dict.SetIntValue("ID", static_cast<long>(user.id));
    dict.SetIntValue("VERSION", static_cast<long>(user.version));
    dict.SetValue("USERNAME", user.username);
    dict.SetValue("ROLES", roleNames(page.site(), user.roles));
    dict.SetValue("CITY", accountPlace(page.api(), user.municipality));
    showTime(dict, "CREATED_AT", user.createdAt, false);
    if (user.disabledAt)
        showTime(*dict.AddSectionDictionary("DISABLED"), "AT", *user.disabledAt, false);
    else
        dict.ShowSection("ACTIVE");
    showAccountInputs(page, dict, typed ? typed->all("role") : user.roles,
                      typed ? typed->one("municipality") : user.municipality.value_or(""),
                      rolesRefused ? refused.error : nullptr);
    showSessions(page, dict, user.id, "/admin/users/" + std::to_string(user.id) + "/sessions", endedAll);
    showRecordTimeline(page, page.api().recordEvents.history("user", user.id), nullptr, accountEventLabel);
}

void userPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query =
        pageQuery(page.exchange(), {"added", "changed", "password", "status", "ended", "gone", "ended_all"});
    const User user = page.api().users.getUser(viewer, page.exchange().idParam("id"));
    if (query.text("added")) page.content().ShowSection("JUST_ADDED");
    if (query.text("changed")) page.content().ShowSection("JUST_CHANGED");
    if (query.text("password")) page.content().ShowSection("JUST_RESET");
    if (query.text("status")) page.content().ShowSection("JUST_STATUS");
    if (query.text("ended")) page.content().ShowSection("JUST_ENDED");
    if (query.text("gone")) page.content().ShowSection("ALREADY_ENDED");
    showAccount(page, viewer, user, {}, query.count("ended_all", true));
    page.render("کاربر " + user.username, "admin_user.tpl");
}

/// A form of one account's page: `change(viewer, id, form)` does it, then the page again with `done` in
/// its query; when refused, the page with the form's mistakes.
template <typename Change>
void submitAccountForm(PageContext& page, const std::string& formName, const std::string& done,
                       Change change) {
    const Principal& viewer = page.requireViewer();
    const std::int64_t id = page.exchange().idParam("id");
    submitForm(
        page, formName, 0,
        [&](const FormFields& form) {
            change(viewer, id, form);
            return "/admin/users/" + std::to_string(id) + "?" + done + "=1";
        },
        [&](const RefusedForm& refused, HTTPResponse::HTTPStatus status) {
            const User user = page.api().users.getUser(viewer, id);
            showAccount(page, viewer, user, refused);
            page.render("کاربر " + user.username, "admin_user.tpl", status);
        });
}

void changeUser(PageContext& page) {
    submitAccountForm(page, "account", "changed",
                      [&](const Principal& viewer, std::int64_t id, const FormFields& form) {
                          page.api().users.changeAccount(viewer, id, {form.all("role"), chosenCity(form)},
                                                         formVersion(form));
                      });
}

void setStatus(PageContext& page) {
    submitAccountForm(
        page, "status", "status", [&](const Principal& viewer, std::int64_t id, const FormFields& form) {
            page.api().users.setActive(viewer, id, form.one("active") == "1", formVersion(form));
        });
}

void resetPassword(PageContext& page) {
    submitAccountForm(page, "password", "password",
                      [&](const Principal& viewer, std::int64_t id, const FormFields& form) {
                          requireTypedTwice(form, "password");
                          page.api().users.resetPassword(viewer, id, form.one("password"));
                      });
}

std::string eventTypeLabel(const std::string& type) { return type == "*" ? "همه رویدادها" : type; }

void webhooks(PageContext& page, const FormFields* typed) {
    const Principal& viewer = page.requireViewer();
    ctemplate::TemplateDictionary& dict = page.content();
    for (const WebhookSubscription& w : page.api().webhooks.list(viewer)) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("SUBSCRIPTION");
        row->SetIntValue("ID", static_cast<long>(w.id));
        row->SetValue("URL", w.url);
        std::string events;
        for (const std::string& e : w.events) events += (events.empty() ? "" : "، ") + eventTypeLabel(e);
        row->SetValue("EVENTS", events);
        row->SetValue("STATE", w.active ? "فعال" : "غیرفعال");
        if (!w.active) row->ShowSection("INACTIVE");
        showTime(*row, "CREATED_AT", w.createdAt, false);
    }
    dict.SetValue("NEW_URL", typed ? typed->one("url") : "");
    const std::vector<std::string> ticked = typed ? typed->all("event") : std::vector<std::string>{};
    for (const std::string& type : WebhookService::eventTypes()) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("EVENT_TYPE");
        row->SetValue("VALUE", type);
        if (std::find(ticked.begin(), ticked.end(), type) != ticked.end()) row->ShowSection("CHECKED");
    }
    if (std::find(ticked.begin(), ticked.end(), "*") != ticked.end()) dict.ShowSection("ALL_CHECKED");
}

void webhookList(PageContext& page) {
    requireAdmin(page.requireViewer());
    pageQuery(page.exchange(), {});
    webhooks(page, nullptr);
    page.render("وب‌هوک‌ها", "admin_webhooks.tpl");
}

void subscribe(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    requireAdmin(viewer);
    const FormFields form = page.form();
    try {
        std::vector<std::string> events = form.all("event");
        if (std::find(events.begin(), events.end(), "*") != events.end()) events = {"*"};
        const WebhookSubscription w = page.api().webhooks.subscribe(viewer, form.one("url"), events);
        // The secret is shown once, on the answer to the form that made it.
        ctemplate::TemplateDictionary& dict = page.content();
        dict.SetIntValue("ID", static_cast<long>(w.id));
        dict.SetValue("URL", w.url);
        dict.SetValue("SECRET", w.secret);
        page.render("وب‌هوک تازه", "admin_webhook_secret.tpl", HTTPResponse::HTTP_CREATED);
    } catch (const ValidationError& e) {
        showFieldErrors(page, e);
        webhooks(page, &form);
        page.render("وب‌هوک‌ها", "admin_webhooks.tpl", refusedStatus(e));
    }
}

void webhookPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), {"retried", "refused"});
    const std::int64_t id = page.exchange().idParam("id");
    const std::vector<WebhookSubscription> all = page.api().webhooks.list(viewer);
    const auto w =
        std::find_if(all.begin(), all.end(), [&](const WebhookSubscription& s) { return s.id == id; });
    if (w == all.end()) throw NotFound("no webhook subscription " + std::to_string(id));
    ctemplate::TemplateDictionary& dict = page.content();
    dict.SetIntValue("ID", static_cast<long>(w->id));
    dict.SetValue("URL", w->url);
    if (w->active) dict.ShowSection("ACTIVE");
    if (query.text("retried")) dict.ShowSection("JUST_RETRIED");
    if (query.text("refused")) dict.ShowSection("REFUSED");
    const std::vector<WebhookDelivery> deliveries = page.api().webhooks.deliveries(viewer, id);
    if (deliveries.empty()) dict.ShowSection("NO_DELIVERIES");
    for (const WebhookDelivery& d : deliveries) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("DELIVERY");
        row->SetValue("EVENT_TYPE", d.eventType);
        row->SetValue("STATE", d.state == "delivered" ? "رسید"
                               : d.state == "failed"  ? "ناموفق (رها شد)"
                                                      : "در انتظار تلاش دوباره");
        row->SetValue("STATE_CLASS", d.state);
        row->SetValue("ATTEMPTS", persianDigits(std::to_string(d.attempts)));
        row->SetValue("LAST_STATUS", d.lastStatus ? std::to_string(d.lastStatus) : "—");
        if (!d.lastError.empty()) row->SetValueAndShowSection("LAST_ERROR", d.lastError, "HAS_ERROR");
        if (d.deliveredAt)
            showTime(*row->AddSectionDictionary("DELIVERED"), "AT", *d.deliveredAt);
        else if (d.state == "pending")
            showTime(*row->AddSectionDictionary("NEXT"), "AT", d.nextAttemptAt);
        if (d.retries > 0)
            row->SetValueAndShowSection("RETRIES", persianDigits(std::to_string(d.retries)), "RETRIED");
        if (d.state == "failed" && w->active) {
            ctemplate::TemplateDictionary* retry = row->AddSectionDictionary("RETRY");
            retry->SetIntValue("DELIVERY_ID", static_cast<long>(d.id));
        }
    }
    page.render("وب‌هوک " + w->url, "admin_webhook.tpl");
}

/// Sends a delivery given up on again, then the subscription's page with what became of it.
void retryDelivery(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    page.form();
    const std::int64_t id = page.exchange().idParam("id");
    const std::string back = "/admin/webhooks/" + std::to_string(id);
    try {
        page.api().webhooks.retryDelivery(viewer, id, page.exchange().idParam("delivery"));
        page.redirect(back + "?retried=1#deliveries");
    } catch (const StateConflict&) {
        page.redirect(back + "?refused=1#deliveries");
    }
}

void unsubscribe(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    page.form();
    const std::int64_t id = page.exchange().idParam("id");
    page.api().webhooks.unsubscribe(viewer, id);
    page.redirect("/admin/webhooks/" + std::to_string(id));
}

}  // namespace

void addAdminPages(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "GET", "/admin/users", userList);
    addPage(router, api, site, "POST", "/admin/users", addUser);
    addPage(router, api, site, "GET", "/admin/users/{id}", userPage);
    addPage(router, api, site, "POST", "/admin/users/{id}/sessions/{session}/end", [](PageContext& page) {
        const std::int64_t id = page.exchange().idParam("id");
        endSessionFromPage(page, id, "/admin/users/" + std::to_string(id));
    });
    addPage(router, api, site, "POST", "/admin/users/{id}/sessions/end", [](PageContext& page) {
        const std::int64_t id = page.exchange().idParam("id");
        endOtherSessionsFromPage(page, id, "/admin/users/" + std::to_string(id));
    });
    addPage(router, api, site, "POST", "/admin/users/{id}", changeUser);
    addPage(router, api, site, "POST", "/admin/users/{id}/status", setStatus);
    addPage(router, api, site, "POST", "/admin/users/{id}/password", resetPassword);
    addPage(router, api, site, "GET", "/admin/webhooks", webhookList);
    addPage(router, api, site, "POST", "/admin/webhooks", subscribe);
    addPage(router, api, site, "GET", "/admin/webhooks/{id}", webhookPage);
    addPage(router, api, site, "POST", "/admin/webhooks/{id}/deactivation", unsubscribe);
    addPage(router, api, site, "POST", "/admin/webhooks/{id}/deliveries/{delivery}/retry", retryDelivery);
}

}  // namespace lacuna
