// Administration from the pages and the API: accounts (add, roles, city, what changed, a new password) and
// webhook subscriptions with their deliveries — admins only, every refused form changing nothing; and a
// person's own password, on «my account» and over the API.
#include <catch2/catch.hpp>

#include "ApiHelpers.h"
#include "AuthService.h"
#include "JalaliDate.h"
#include "PageHelpers.h"
#include "PasswordHasher.h"
#include "PersianText.h"
#include "SessionView.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

std::string usersNow(TestService& t) { return t.client->get("/api/v1/users", t.token("admin")).body; }

/// The audit events of an account, oldest first, as the admin reads them.
Poco::JSON::Array::Ptr accountHistory(TestService& t, const std::string& username) {
    return t.client->get("/api/v1/users/" + idOfUser(t, username) + "/history", t.token("admin"))
        .json()
        ->getArray("items");
}

/// Event `index` of an account's `history` is of `type`, made by `actor`.
void checkAccountEvent(const Poco::JSON::Array::Ptr& history, unsigned index, const std::string& type,
                       const std::string& actor) {
    REQUIRE(history->size() > index);
    const auto event = history->getObject(index);
    CHECK(event->getValue<std::string>("type") == type);
    CHECK(event->getObject("actor")->getValue<std::string>("username") == actor);
}

}  // namespace

TEST_CASE("only an admin reaches the administration pages", "[http][web][admin]") {
    TestService t;
    for (const char* user : {"tehran.director", "secretary", "observer"}) {
        const Browser b(t, user);
        CHECK(b.get("/admin/users").status == 403);
        CHECK(b.get("/admin/webhooks").status == 403);
        CHECK(b.get("/admin/users/1").status == 403);
        CHECK(b.post("/admin/users",
                     {{"username", "x.someone"}, {"password", "0123456789ab"}, {"role", "admin"}})
                  .status == 403);
        CHECK(b.get("/").body.find("href=\"/admin/users\"") == std::string::npos);
    }
    const Browser admin(t, "admin");
    CHECK(admin.get("/").body.find("href=\"/admin/users\"") != std::string::npos);
    requireSecureHtml(admin.get("/admin/users"));
    requireSecureHtml(admin.get("/admin/webhooks"));
}

TEST_CASE("an admin adds an account and changes its roles and city; a session in use takes them at once",
          "[http][web][admin]") {
    TestService t;
    const Browser admin(t, "admin");
    const std::string before = usersNow(t);
    // Each mistake is named beside its field; the password is never sent back; nothing is stored.
    const Reply bad = admin.post(
        "/admin/users", {{"username", "Bad Name"}, {"password", "short"}, {"role", "legal_director"}});
    CHECK(bad.status == 400);
    for (const char* field : {"username", "password", "municipality"})
        CHECK(bad.body.find(std::string("href=\"#f-") + field + "\"") != std::string::npos);
    CHECK(bad.body.find("value=\"Bad Name\"") != std::string::npos);
    CHECK(bad.body.find("short") == std::string::npos);
    CHECK(bad.body.find("value=\"legal_director\" checked") != std::string::npos);
    const Reply noRole =
        admin.post("/admin/users", {{"username", "shiraz.director"}, {"password", "0123456789ab"}});
    CHECK(noRole.status == 400);
    CHECK(noRole.body.find("href=\"#f-roles\"") != std::string::npos);
    const Reply committeeInCity = admin.post("/admin/users", {{"username", "x.secretary"},
                                                              {"password", "0123456789ab"},
                                                              {"role", "committee_secretary"},
                                                              {"municipality", "tehran"}});
    CHECK(committeeInCity.status == 400);
    const Reply taken = admin.post("/admin/users", {{"username", "tehran.director"},
                                                    {"password", "0123456789ab"},
                                                    {"role", "observer"},
                                                    {"municipality", "tehran"}});
    CHECK(taken.status == 422);
    CHECK(taken.body.find("href=\"#f-username\"") != std::string::npos);
    CHECK(admin
              .post("/admin/users",
                    {{"username", "x.observer"}, {"password", "0123456789ab"}, {"role", "observer"}}, false)
              .status == 403);
    CHECK(usersNow(t) == before);

    const Reply added = admin.post("/admin/users", {{"username", "shiraz.director"},
                                                    {"password", "گذرواژه‌ای بلند"},
                                                    {"role", "legal_director"},
                                                    {"municipality", "tehran"}});
    INFO(added.body.substr(0, 1500));
    REQUIRE(added.status == 303);
    const std::string page = added.header("Location").substr(0, added.header("Location").find('?'));
    const Reply shown = admin.get(added.header("Location"));
    requireSecureHtml(shown);
    CHECK(shown.body.find("حساب ساخته شد") != std::string::npos);
    CHECK(shown.body.find("ساخت حساب") != std::string::npos);
    CHECK(t.client->login("shiraz.director", "گذرواژه‌ای بلند").size() > 0);

    // A director demoted to observer loses what the role gave, in the session already open.
    const Browser director(t, "tehran.director");
    REQUIRE(director.get("/opinions/new").status == 200);
    const std::string directorPage = "/admin/users/" + idOfUser(t, "tehran.director");
    const std::string account = t.client->get("/api/v1" + directorPage.substr(6), t.token("admin")).body;
    CHECK(admin
              .post(directorPage, {{"role", "observer"},
                                   {"role", "nonsense"},
                                   {"municipality", "tehran"},
                                   {"expected_version", "1"}})
              .status == 400);
    CHECK(admin.post(directorPage, {{"role", "legal_expert"}, {"expected_version", "1"}}).status == 400);
    CHECK(
        admin
            .post(directorPage, {{"role", "observer"}, {"municipality", "tehran"}, {"expected_version", "7"}})
            .status == 409);
    CHECK(t.client->get("/api/v1" + directorPage.substr(6), t.token("admin")).body == account);
    REQUIRE(
        admin
            .post(directorPage, {{"role", "observer"}, {"municipality", "tehran"}, {"expected_version", "1"}})
            .status == 303);
    CHECK(director.get("/opinions/new").status == 403);
    const Reply changed = admin.get(directorPage);
    CHECK(changed.body.find("تغییر نقش‌ها یا شهر") != std::string::npos);
    CHECK(changed.body.find("value=\"observer\" checked") != std::string::npos);
    CHECK(changed.body.find("value=\"legal_director\" checked") == std::string::npos);

    // The only admin keeps the role.
    const std::string adminPage = "/admin/users/" + idOfUser(t, "admin");
    CHECK(admin.post(adminPage, {{"role", "observer"}, {"expected_version", "1"}}).status == 409);
    CHECK(admin.get("/admin/users").status == 200);
}

TEST_CASE("accounts over the API: read, change with the version read, history", "[http][admin]") {
    TestService t;
    const std::string path = "/api/v1/users/" + idOfUser(t, "tehran.expert");
    const Reply read = t.client->get(path, t.token("admin"));
    REQUIRE(read.status == 200);
    CHECK(read.header("ETag") == "\"1\"");
    CHECK(t.client->get(path, t.token("tehran.director")).status == 403);
    requireProblem(
        put(t, "admin", path, withVersion(R"("roles":["legal_expert","wizard"],"municipality":"tehran")", 1)),
        400, "roles[1]");
    requireProblem(
        put(t, "admin", path, withVersion(R"("roles":["committee_member"],"municipality":"nowhere")", 1)),
        400, "municipality");
    CHECK(put(t, "tehran.director", path,
              withVersion(R"("roles":["legal_director"],"municipality":"tehran")", 1))
              .status == 403);
    CHECK(t.client->get(path, t.token("admin")).body == read.body);
    const Reply changed =
        put(t, "admin", path,
            withVersion(R"("roles":["legal_expert","liaison_officer"],"municipality":"tehran")", 1));
    INFO(changed.body);
    REQUIRE(changed.status == 200);
    CHECK(changed.json()->getValue<int>("version") == 2);
    CHECK(put(t, "admin", path, withVersion(R"("roles":["observer"],"municipality":"tehran")", 1)).status ==
          409);
    const auto history = t.client->get(path + "/history", t.token("admin")).json()->getArray("items");
    REQUIRE(history->size() == 2);
    checkAccountEvent(history, 1, "changed", "admin");
}

TEST_CASE("an admin subscribes a webhook from the page, sees its secret once and its deliveries",
          "[http][web][admin]") {
    TestService t;
    const Browser admin(t, "admin");
    const Reply bad =
        admin.post("/admin/webhooks", {{"url", "ftp://example.org/x"}, {"event", "gap.nonsense"}});
    CHECK(bad.status == 400);
    CHECK(bad.body.find("href=\"#f-url\"") != std::string::npos);
    CHECK(bad.body.find("value=\"ftp://example.org/x\"") != std::string::npos);
    CHECK(t.client->get("/api/v1/webhooks", t.token("admin")).json()->getArray("items")->size() == 0);
    CHECK(
        admin.post("/admin/webhooks", {{"url", "https://example.org/hook"}, {"event", "gap.created"}}, false)
            .status == 403);

    const Reply made =
        admin.post("/admin/webhooks", {{"url", "http://127.0.0.1:9/hook"}, {"event", "gap.created"}});
    INFO(made.body.substr(0, 1500));
    REQUIRE(made.status == 201);
    CHECK(made.body.find("تنها همین یک بار") != std::string::npos);
    const auto items = t.client->get("/api/v1/webhooks", t.token("admin")).json()->getArray("items");
    REQUIRE(items->size() == 1);
    const std::string page = "/admin/webhooks/" + items->getObject(0)->getValue<std::string>("id");
    createGap(t);
    const Reply shown = admin.get(page);
    requireSecureHtml(shown);
    CHECK(shown.body.find("gap.created") != std::string::npos);
    CHECK(admin.get("/admin/webhooks").body.find("href=\"" + page + "\"") != std::string::npos);
    REQUIRE(admin.post(page + "/deactivation", {}).status == 303);
    CHECK(admin.get(page).body.find("/deactivation") == std::string::npos);
    CHECK(admin.get("/admin/webhooks/999").status == 404);
}

TEST_CASE("a webhook delivery given up on is sent again from its subscription's page", "[http][web][admin]") {
    TestService t(testBackend(), 64, [](AppConfig& c) {
        c.webhooks.maxAttempts = 1;  // one refusal gives it up
        c.webhooks.dispatch = false;
    });
    const Browser admin(t, "admin");
    REQUIRE(admin.post("/admin/webhooks", {{"url", "http://127.0.0.1:9/hook"}, {"event", "gap.created"}})
                .status == 201);
    const std::string id = t.client->get("/api/v1/webhooks", t.token("admin"))
                               .json()
                               ->getArray("items")
                               ->getObject(0)
                               ->getValue<std::string>("id");
    const std::string page = "/admin/webhooks/" + id;
    createGap(t);
    REQUIRE(t.service().deliverWebhooks() == 1);  // nobody listens on port 9
    const auto state = [&] {
        return t.client->get("/api/v1/webhooks/" + id + "/deliveries", t.token("admin"))
            .json()
            ->getArray("items")
            ->getObject(0);
    };
    REQUIRE(state()->getValue<std::string>("state") == "failed");
    const std::string retry = page + "/deliveries/" + state()->getValue<std::string>("id") + "/retry";
    CHECK(admin.get(page).body.find("action=\"" + retry + "\"") != std::string::npos);
    CHECK(admin.post(retry, {}, false).status == 403);
    CHECK(Browser(t, "secretary").post(retry, {}).status == 403);
    CHECK(state()->getValue<std::string>("state") == "failed");
    const Reply sent = admin.post(retry, {});
    REQUIRE(sent.status == 303);
    CHECK(sent.header("Location") == page + "?retried=1#deliveries");
    CHECK(state()->getValue<std::string>("state") == "pending");
    CHECK(admin.get(page + "?retried=1").body.find("به صف برگشت") != std::string::npos);
    CHECK(admin.get(page).body.find("action=\"" + retry + "\"") == std::string::npos);  // it waits: no button
    CHECK(admin.post(retry, {}).header("Location") == page + "?refused=1#deliveries");
    CHECK(admin.get(page + "?refused=1").body.find("دوباره فرستاده نشد") != std::string::npos);
}

namespace {}  // namespace

TEST_CASE("a person changes their own password: every other session ends, this one stays",
          "[http][auth][account]") {
    TestService t;
    const std::string here = t.token("tehran.director");
    const std::string elsewhere = t.client->login("tehran.director", TestService::PASSWORD);
    const std::string before = usersNow(t);
    const auto change = [&](const std::string& token, const std::string& body) {
        return t.client->send("PUT", "/api/v1/me/password", token, body);
    };
    // Every refusal names its field and changes nothing: the password, the sessions, the account.
    requireProblem(change("", R"({"current_password":"correct horse 1","new_password":"a new password"})"),
                   401);
    requireProblem(change(here, R"({"new_password":"a new password"})"), 400, "current_password");
    requireProblem(change(here, R"({"current_password":"correct horse 1"})"), 400, "new_password");
    requireProblem(change(here, R"({"current_password":"correct horse 1","new_password":"short"})"), 400,
                   "new_password");
    requireProblem(change(here, R"({"current_password":"correct horse 1","new_password":"correct horse 1"})"),
                   400, "new_password");
    requireProblem(
        change(here,
               R"({"current_password":"correct horse 1","new_password":"a new password","role":"admin"})"),
        400, "role");
    requireProblem(change(here, R"({"current_password":"correct horse 1","new_password":7})"), 400,
                   "new_password");
    requireProblem(change(here, R"({"current_password":"wrong horse 1","new_password":"a new password"})"),
                   422, "current_password");
    CHECK(meStatus(t, here) == 200);
    CHECK(meStatus(t, elsewhere) == 200);
    CHECK(usersNow(t) == before);
    CHECK(accountHistory(t, "tehran.director")->size() == 1);  // created

    const Reply changed =
        change(here, R"({"current_password":"correct horse 1","new_password":"گذرواژه تازه و بلند"})");
    INFO(changed.body);
    REQUIRE(changed.status == 204);
    CHECK(meStatus(t, here) == 200);
    CHECK(meStatus(t, elsewhere) == 401);
    CHECK(loginStatus(t, "tehran.director", TestService::PASSWORD) == 401);
    CHECK(loginStatus(t, "tehran.director", "گذرواژه تازه و بلند") == 201);
    // Another account's sessions are untouched.
    CHECK(meStatus(t, t.token("tehran.expert")) == 200);
    const auto history = accountHistory(t, "tehran.director");
    REQUIRE(history->size() == 2);
    checkAccountEvent(history, 1, "password_changed", "tehran.director");
    CHECK(t.client->get("/api/v1/users/" + idOfUser(t, "tehran.director"), t.token("admin")).header("ETag") ==
          "\"2\"");
    const std::string all = t.client->get("/api/v1/users", t.token("admin")).body;
    CHECK(all.find("pbkdf2") == std::string::npos);
}

TEST_CASE("a wrong current password counts as a failed login: the sixth try is throttled",
          "[http][auth][account]") {
    TestService t;
    const std::string token = t.token("secretary");
    for (int i = 0; i < 5; ++i)
        requireProblem(t.client->send("PUT", "/api/v1/me/password", token,
                                      R"({"current_password":"guess )" + std::to_string(i) +
                                          R"(","new_password":"a new password"})"),
                       422, "current_password");
    const Reply blocked =
        t.client->send("PUT", "/api/v1/me/password", token,
                       R"({"current_password":"correct horse 1","new_password":"a new password"})");
    requireProblem(blocked, 429);
    CHECK(!blocked.header("Retry-After").empty());
    CHECK(loginStatus(t, "secretary", "a new password") == 429);
    t.clock.advanceMs(15LL * 60 * 1000 + 1);
    CHECK(loginStatus(t, "secretary", TestService::PASSWORD) == 201);
    CHECK(meStatus(t, token) == 200);
}

TEST_CASE("an admin gives an account a new password: every session of it ends", "[http][admin][account]") {
    TestService t;
    const std::string path = "/api/v1/users/" + idOfUser(t, "tehran.expert") + "/password";
    const std::string first = t.token("tehran.expert");
    const std::string second = t.client->login("tehran.expert", TestService::PASSWORD);
    const std::string before = usersNow(t);
    requireProblem(put(t, "tehran.director", path, R"({"password":"a new password"})"), 403);
    requireProblem(put(t, "tehran.expert", path, R"({"password":"a new password"})"), 403);
    requireProblem(put(t, "admin", path, R"({"password":"short"})"), 400, "password");
    requireProblem(put(t, "admin", path, R"({})"), 400, "password");
    requireProblem(put(t, "admin", "/api/v1/users/999999/password", R"({"password":"a new password"})"), 404);
    // An admin's own password is changed with the current one.
    requireProblem(put(t, "admin", "/api/v1/users/" + idOfUser(t, "admin") + "/password",
                       R"({"password":"a new password"})"),
                   422, "password");
    CHECK(meStatus(t, first) == 200);
    CHECK(meStatus(t, second) == 200);
    CHECK(usersNow(t) == before);

    REQUIRE(put(t, "admin", path, R"({"password":"a new password"})").status == 204);
    CHECK(meStatus(t, first) == 401);
    CHECK(meStatus(t, second) == 401);
    CHECK(loginStatus(t, "tehran.expert", TestService::PASSWORD) == 401);
    CHECK(loginStatus(t, "tehran.expert", "a new password") == 201);
    CHECK(meStatus(t, t.token("admin")) == 200);
    const auto history = accountHistory(t, "tehran.expert");
    REQUIRE(history->size() == 2);
    checkAccountEvent(history, 1, "password_reset", "admin");
}

TEST_CASE("the password forms: one's own on «my account», another's on the admin's page",
          "[http][web][account]") {
    TestService t;
    const Browser director(t, "tehran.director");
    const std::string other = t.client->login("tehran.director", TestService::PASSWORD);
    const Reply page = director.get("/account");
    requireSecureHtml(page);
    CHECK(page.body.find("action=\"/account/password\"") != std::string::npos);
    CHECK(page.body.find("href=\"/account\"") != std::string::npos);  // in every page's header

    const Reply twice = director.post("/account/password", {{"current_password", TestService::PASSWORD},
                                                            {"new_password", "first new pw 1"},
                                                            {"new_password_again", "second new pw 2"}});
    CHECK(twice.status == 400);
    CHECK(twice.body.find("href=\"#f-new_password_again\"") != std::string::npos);
    CHECK(twice.body.find("first new pw 1") == std::string::npos);  // a password is never sent back
    const Reply wrong = director.post("/account/password", {{"current_password", "not it at all"},
                                                            {"new_password", "first new pw 1"},
                                                            {"new_password_again", "first new pw 1"}});
    CHECK(wrong.status == 422);
    CHECK(wrong.body.find("href=\"#f-current_password\"") != std::string::npos);
    CHECK(director
              .post("/account/password",
                    {{"current_password", TestService::PASSWORD},
                     {"new_password", "first new pw 1"},
                     {"new_password_again", "first new pw 1"}},
                    false)
              .status == 403);  // no CSRF token
    CHECK(meStatus(t, other) == 200);

    const Reply done = director.post("/account/password", {{"current_password", TestService::PASSWORD},
                                                           {"new_password", "first new pw 1"},
                                                           {"new_password_again", "first new pw 1"}});
    REQUIRE(done.status == 303);
    CHECK(done.header("Location") == "/account?changed=1");
    CHECK(director.get("/account?changed=1").body.find("گذرواژه تازه ثبت شد") != std::string::npos);
    CHECK(meStatus(t, other) == 401);
    CHECK(loginStatus(t, "tehran.director", "first new pw 1") == 201);

    // The admin's page of another account has the form; their own page sends them to «my account».
    const Browser admin(t, "admin");
    const std::string expertPage = "/admin/users/" + idOfUser(t, "tehran.expert");
    const std::string expert = t.token("tehran.expert");
    CHECK(admin.get(expertPage).body.find("action=\"" + expertPage + "/password\"") != std::string::npos);
    const std::string adminPage = admin.get("/admin/users/" + idOfUser(t, "admin")).body;
    CHECK(adminPage.find("/password\"") == std::string::npos);
    CHECK(adminPage.find("href=\"/account\">حساب من</a> عوض") != std::string::npos);
    const Reply mismatch =
        admin.post(expertPage + "/password", {{"password", "new expert pw 1"}, {"password_again", "other"}});
    CHECK(mismatch.status == 400);
    CHECK(mismatch.body.find("href=\"#f-password_again\"") != std::string::npos);
    // The account's own form still shows the roles it holds.
    CHECK(mismatch.body.find("value=\"legal_expert\" checked") != std::string::npos);
    const Reply shortOne =
        admin.post(expertPage + "/password", {{"password", "short"}, {"password_again", "short"}});
    CHECK(shortOne.status == 400);
    CHECK(shortOne.body.find("href=\"#f-password\"") != std::string::npos);
    CHECK(meStatus(t, expert) == 200);
    CHECK(director
              .post(expertPage + "/password",
                    {{"password", "new expert pw 1"}, {"password_again", "new expert pw 1"}})
              .status == 403);
    const Reply reset = admin.post(expertPage + "/password",
                                   {{"password", "new expert pw 1"}, {"password_again", "new expert pw 1"}});
    REQUIRE(reset.status == 303);
    const Reply shown = admin.get(reset.header("Location"));
    CHECK(shown.body.find("همه نشست‌های این کاربر همان دم بسته شد") !=
          std::string::npos);
    CHECK(shown.body.find("گذرواژه تازه از مدیر") != std::string::npos);
    CHECK(meStatus(t, expert) == 401);
    CHECK(loginStatus(t, "tehran.expert", "new expert pw 1") == 201);
}

namespace {

std::int64_t versionOf(TestService& t, const std::string& username) {
    return t.client->get("/api/v1/users/" + idOfUser(t, username), t.token("admin"))
        .json()
        ->getValue<std::int64_t>("version");
}

}  // namespace

TEST_CASE(
    "an admin disables an account: no sign-in, no session, no feed, no mail, no assignment; enabled, "
    "it signs in anew",
    "[http][admin][account]") {
    TestService t;
    const std::string first = t.token("tehran.expert");
    const std::string second = t.client->login("tehran.expert", TestService::PASSWORD);
    const Reply feed = t.client->post("/api/v1/me/calendar-feed", first, "");
    REQUIRE(feed.status == 201);
    const std::string feedPath = feed.json()->getValue<std::string>("path");
    CHECK(t.client->get(feedPath, "").status == 200);
    const std::int64_t v = versionOf(t, "tehran.expert");
    const std::string path = "/api/v1/users/" + idOfUser(t, "tehran.expert") + "/status";
    const std::string before = usersNow(t);

    // Refusals name the field and change nothing.
    requireProblem(setAccountStatus(t, "tehran.director", "tehran.expert", false, v), 403);
    requireProblem(put(t, "admin", path, withVersion("", v)), 400, "active");
    requireProblem(put(t, "admin", path, withVersion(R"("active":"no")", v)), 400, "active");
    requireProblem(put(t, "admin", path, R"({"active":false})"), 428);
    requireProblem(setAccountStatus(t, "admin", "tehran.expert", false, v + 5), 409);
    requireProblem(setAccountStatus(t, "admin", "admin", false, versionOf(t, "admin")), 422, "active");
    CHECK(usersNow(t) == before);
    CHECK(meStatus(t, first) == 200);

    const Reply disabled = setAccountStatus(t, "admin", "tehran.expert", false, v);
    INFO(disabled.body);
    REQUIRE(disabled.status == 200);
    CHECK(disabled.json()->getValue<bool>("active") == false);
    CHECK(disabled.json()->has("disabled_at"));
    CHECK(disabled.json()->has("disabled_at_jalali"));
    CHECK(disabled.header("ETag") == "\"" + std::to_string(v + 1) + "\"");
    CHECK(meStatus(t, first) == 401);
    CHECK(meStatus(t, second) == 401);
    const Reply refused =
        t.client->post("/api/v1/session", "", R"({"username":"tehran.expert","password":"correct horse 1"})");
    requireProblem(refused, 401);
    CHECK(refused.body.find("disabled") != std::string::npos);
    // One who does not know the password learns nothing of the account's state.
    const Reply guess =
        t.client->post("/api/v1/session", "", R"({"username":"tehran.expert","password":"a wrong guess"})");
    CHECK(guess.body.find("disabled") == std::string::npos);
    CHECK(t.client->get(feedPath, "").status == 404);
    // Asking again for the state it is in changes and records nothing.
    REQUIRE(setAccountStatus(t, "admin", "tehran.expert", false, v + 1).status == 200);
    CHECK(versionOf(t, "tehran.expert") == v + 1);

    // A disabled account is offered for no assignment.
    REQUIRE(setAccountStatus(t, "admin", "mashhad.member", false, versionOf(t, "mashhad.member")).status ==
            200);
    const Reply asked =
        t.client->post("/api/v1/opinions", t.token("tehran.director"),
                       R"({"title":"عوارض کسب","question":"آیا عوارض کسب بر دفتر وکالت است؟"})");
    REQUIRE(asked.status == 201);
    const std::string opinion = "/api/v1/opinions/" + asked.json()->getValue<std::string>("id");
    requireProblem(
        t.client->post(
            opinion + "/transitions", t.token("secretary"),
            R"({"transition":"assign","fields":{"assignee":"mashhad.member"},"expected_version":1})"),
        422, "fields.assignee");
    const Browser secretary(t, "secretary");
    const std::string page = secretary.get(opinion.substr(7)).body;
    CHECK(page.find("value=\"tehran.member\"") != std::string::npos);
    CHECK(page.find("value=\"mashhad.member\"") == std::string::npos);

    const Reply enabled = setAccountStatus(t, "admin", "tehran.expert", true, v + 1);
    REQUIRE(enabled.status == 200);
    CHECK(enabled.json()->getValue<bool>("active") == true);
    CHECK(!enabled.json()->has("disabled_at"));
    CHECK(meStatus(t, first) == 401);  // no session comes back
    CHECK(loginStatus(t, "tehran.expert", TestService::PASSWORD) == 201);
    const auto history = accountHistory(t, "tehran.expert");
    REQUIRE(history->size() == 4);  // created, feed_reset, disabled, enabled
    checkAccountEvent(history, 2, "disabled", "admin");
    checkAccountEvent(history, 3, "enabled", "admin");
}

TEST_CASE("the last active admin keeps the role: a disabled admin does not count", "[http][admin][account]") {
    TestService t;
    REQUIRE(t.client
                ->post("/api/v1/users", t.token("admin"),
                       R"({"username":"second.admin","password":"0123456789ab","roles":["admin"]})")
                .status == 201);
    REQUIRE(setAccountStatus(t, "admin", "second.admin", false, 1).status == 200);
    const std::string self = "/api/v1/users/" + idOfUser(t, "admin");
    requireProblem(put(t, "admin", self, withVersion(R"("roles":["observer"])", 1)), 409);
    REQUIRE(setAccountStatus(t, "admin", "second.admin", true, 2).status == 200);
    CHECK(put(t, "admin", self, withVersion(R"("roles":["observer"])", 1)).status == 200);
}

TEST_CASE("an admin disables and enables an account from its page", "[http][web][admin][account]") {
    TestService t;
    const Browser admin(t, "admin");
    const std::string expert = t.token("tehran.expert");
    const std::string page = "/admin/users/" + idOfUser(t, "tehran.expert");
    CHECK(admin.get(page).body.find("action=\"" + page + "/status\"") != std::string::npos);
    CHECK(admin.get("/admin/users/" + idOfUser(t, "admin")).body.find("/status\"") == std::string::npos);
    CHECK(admin.post(page + "/status", {{"active", "0"}, {"expected_version", "1"}}, false).status == 403);
    CHECK(t.client->get("/api/v1/users/" + idOfUser(t, "tehran.expert"), t.token("admin")).header("ETag") ==
          "\"1\"");
    const Reply stale = admin.post(page + "/status", {{"active", "0"}, {"expected_version", "9"}});
    CHECK(stale.status == 409);
    CHECK(meStatus(t, expert) == 200);

    const Reply done = admin.post(page + "/status", {{"active", "0"}, {"expected_version", "1"}});
    REQUIRE(done.status == 303);
    CHECK(meStatus(t, expert) == 401);
    const std::string shown = admin.get(done.header("Location")).body;
    CHECK(shown.find("حساب غیرفعال شد") != std::string::npos);
    CHECK(shown.find("<strong>غیرفعال</strong> از") != std::string::npos);
    CHECK(shown.find("فعال کردن دوباره") != std::string::npos);
    CHECK(shown.find("غیرفعال شد؛ نشست‌ها بسته شد") !=
          std::string::npos);  // the history
    CHECK(admin.get("/admin/users").body.find("<span class=\"tag\">غیرفعال</span>") != std::string::npos);
    REQUIRE(admin.post(page + "/status", {{"active", "1"}, {"expected_version", "2"}}).status == 303);
    CHECK(admin.get("/admin/users").body.find("<span class=\"tag\">غیرفعال</span>") == std::string::npos);
    CHECK(loginStatus(t, "tehran.expert", TestService::PASSWORD) == 201);
}

namespace {

const std::string PHONE =
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36";

/// Signs `username` in as the program `userAgent` and returns the token.
std::string loginAs(TestService& t, const std::string& username, const std::string& userAgent) {
    const Reply r =
        t.client->send("POST", "/api/v1/session", "",
                       R"({"username":")" + username + R"(","password":")" + TestService::PASSWORD + "\"}",
                       {{"User-Agent", userAgent}});
    REQUIRE(r.status == 201);
    return r.json()->getValue<std::string>("token");
}

/// The live sessions `path` lists to the holder of `token`.
Poco::JSON::Array::Ptr sessionsAt(TestService& t, const std::string& path, const std::string& token) {
    const Reply r = t.client->get(path, token);
    INFO(r.body);
    REQUIRE(r.status == 200);
    return r.json()->getArray("items");
}

/// The id of the session in `sessions` that signed in as `userAgent`.
std::string sessionWith(const Poco::JSON::Array::Ptr& sessions, const std::string& userAgent) {
    for (std::size_t i = 0; i < sessions->size(); ++i)
        if (sessions->getObject(i)->optValue<std::string>("user_agent", "") == userAgent)
            return sessions->getObject(i)->getValue<std::string>("id");
    FAIL("no session signed in as " << userAgent);
    return "";
}

}  // namespace

TEST_CASE("a session's program is named as a person would call it", "[unit]") {
    CHECK(describeUserAgent(PHONE) == "Chrome، Android");
    CHECK(
        describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                          "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0") == "Edge، Windows");
    CHECK(describeUserAgent(
              "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
              "like Gecko) Version/17.5 Mobile/15E148 Safari/604.1") == "Safari، iOS");
    CHECK(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0") ==
          "Firefox، Linux");
    CHECK(describeUserAgent("curl/8.0") == "curl");
    CHECK(describeUserAgent("lacuna-sync/2.1 (+https://example.org)") == "lacuna-sync");
    CHECK(describeUserAgent("") == "نامعلوم");
    CHECK(describeUserAgent("(compatible)") == "نامعلوم");
    // A tool's long name is cut between characters, never inside one.
    std::string persian;
    for (int i = 0; i < 30; ++i) persian += "سامانه";
    const std::string named = describeUserAgent(persian);
    CHECK(isValidUtf8(named));
    CHECK(utf8Length(named) == 40);
}

TEST_CASE("a person sees where they are signed in and ends one session; an admin does so for anyone",
          "[http][auth][account]") {
    TestService t;
    const std::string here = t.token("tehran.director");
    t.clock.advanceMs(1000);
    const std::string phone = loginAs(t, "tehran.director", PHONE);
    t.clock.advanceMs(1000);
    const std::string longAgent(300, 'x');
    const std::string tool = loginAs(t, "tehran.director", "lacuna-sync/2.1 " + longAgent);
    const std::string expert = t.token("tehran.expert");
    const std::string directorPath = "/api/v1/users/" + idOfUser(t, "tehran.director");

    const Reply listed = t.client->get("/api/v1/me/sessions", here);
    const auto mine = listed.json()->getArray("items");
    REQUIRE(mine->size() == 3);
    for (std::size_t i = 0; i < mine->size(); ++i) {
        const auto s = mine->getObject(i);
        CHECK(std::regex_match(s->getValue<std::string>("id"), std::regex("[0-9a-f]{16}")));
        CHECK(s->getValue<std::string>("client") == "127.0.0.1");
        CHECK(s->getValue<bool>("current") == (i == 2));  // the oldest, signed in first, is this request's
        if (i > 0)
            CHECK(s->getValue<std::string>("created_at") <=
                  mine->getObject(i - 1)->getValue<std::string>("created_at"));
    }
    CHECK(mine->getObject(0)->getValue<std::string>("user_agent") ==
          "lacuna-sync/2.1 " + longAgent.substr(0, 240));
    CHECK(mine->getObject(1)->getValue<std::string>("user_agent") == PHONE);
    for (const std::string& token : {here, phone, tool}) {
        CHECK(listed.body.find(token) == std::string::npos);
        CHECK(listed.body.find(sha256Hex(token)) == std::string::npos);
    }
    const std::string phoneId = sessionWith(mine, PHONE);
    const std::string hereId = mine->getObject(2)->getValue<std::string>("id");
    CHECK(sessionsAt(t, "/api/v1/me/sessions", expert)->size() == 1);
    CHECK(sessionsAt(t, directorPath + "/sessions", here)->size() == 3);  // one's own, by id too

    // Every refusal changes nothing: no session ends, the account stays as it was.
    const std::string before = usersNow(t);
    requireProblem(t.client->send("DELETE", "/api/v1/me/sessions/" + phoneId, expert), 404);
    requireProblem(t.client->send("DELETE", "/api/v1/me/sessions/" + phoneId, ""), 401);
    requireProblem(t.client->send("DELETE", "/api/v1/me/sessions/0123456789abcdef", here), 404);
    requireProblem(t.client->send("DELETE", "/api/v1/me/sessions/" + phoneId.substr(0, 8), here), 404);
    requireProblem(t.client->send("DELETE", directorPath + "/sessions/" + phoneId, expert), 403);
    requireProblem(t.client->get(directorPath + "/sessions", expert), 403);
    requireProblem(t.client->get("/api/v1/users/999999/sessions", t.token("admin")), 404);
    requireProblem(t.client->send("DELETE", "/api/v1/users/999999/sessions/" + phoneId, t.token("admin")),
                   404);
    CHECK(meStatus(t, phone) == 200);
    CHECK(usersNow(t) == before);
    CHECK(accountHistory(t, "tehran.director")->size() == 1);

    // The owner ends the telephone's session: it stops at once, the others go on.
    REQUIRE(t.client->send("DELETE", "/api/v1/me/sessions/" + phoneId, here).status == 204);
    CHECK(meStatus(t, phone) == 401);
    CHECK(meStatus(t, here) == 200);
    CHECK(meStatus(t, tool) == 200);
    CHECK(loginStatus(t, "tehran.director", TestService::PASSWORD) == 201);  // the password stays
    requireProblem(t.client->send("DELETE", "/api/v1/me/sessions/" + phoneId, here), 404);
    auto history = accountHistory(t, "tehran.director");
    REQUIRE(history->size() == 2);
    checkAccountEvent(history, 1, "session_ended", "tehran.director");
    const auto data = history->getObject(1)->getObject("data");
    CHECK(data->getValue<std::string>("session") == phoneId);
    CHECK(data->getValue<std::string>("client") == "127.0.0.1");
    CHECK(data->getValue<std::string>("user_agent") == PHONE);
    CHECK(t.client->get(directorPath, t.token("admin")).header("ETag") == "\"2\"");

    // An admin sees the account's sessions (none of them the admin's own) and ends one.
    const auto seen = sessionsAt(t, directorPath + "/sessions", t.token("admin"));
    REQUIRE(seen->size() == 3);  // here, the tool, and the sign-in just made
    for (std::size_t i = 0; i < seen->size(); ++i) CHECK_FALSE(seen->getObject(i)->getValue<bool>("current"));
    const std::string toolId = sessionWith(seen, "lacuna-sync/2.1 " + longAgent.substr(0, 240));
    REQUIRE(t.client->send("DELETE", directorPath + "/sessions/" + toolId, t.token("admin")).status == 204);
    CHECK(meStatus(t, tool) == 401);
    CHECK(meStatus(t, here) == 200);
    history = accountHistory(t, "tehran.director");
    REQUIRE(history->size() == 3);
    checkAccountEvent(history, 2, "session_ended", "admin");

    // An expired session is not listed, and cannot be ended.
    t.clock.advanceMs(12LL * 3600 * 1000 + 1);
    const std::string fresh = loginAs(t, "tehran.director", PHONE);
    const auto after = sessionsAt(t, "/api/v1/me/sessions", fresh);
    REQUIRE(after->size() == 1);
    CHECK(after->getObject(0)->getValue<bool>("current"));
    requireProblem(t.client->send("DELETE", "/api/v1/me/sessions/" + hereId, fresh), 404);
}

TEST_CASE("«my account» and an account's admin page list the live sessions with a button to end each",
          "[http][web][account]") {
    TestService t;
    const Browser director(t, "tehran.director");
    t.clock.advanceMs(1000);
    const std::string phone = loginAs(t, "tehran.director", PHONE);
    const auto sessions = sessionsAt(t, "/api/v1/me/sessions", director.token);
    REQUIRE(sessions->size() == 2);
    const std::string phoneId = sessionWith(sessions, PHONE);
    const std::string ownId = sessions->getObject(0)->getValue<std::string>("id") == phoneId
                                  ? sessions->getObject(1)->getValue<std::string>("id")
                                  : sessions->getObject(0)->getValue<std::string>("id");

    const Reply page = director.get("/account");
    requireSecureHtml(page);
    CHECK(page.body.find("نشست‌های باز") != std::string::npos);
    CHECK(page.body.find("Chrome، Android") != std::string::npos);
    CHECK(page.body.find("<bdi dir=\"ltr\">127.0.0.1</bdi>") != std::string::npos);
    CHECK(page.body.find("همین نشست") != std::string::npos);
    CHECK(page.body.find("action=\"/account/sessions/" + phoneId + "/end\"") != std::string::npos);
    CHECK(page.body.find("/account/sessions/" + ownId + "/end") == std::string::npos);  // sign out instead

    // Another site cannot end a session; a second click finds it ended already.
    CHECK(director.post("/account/sessions/" + phoneId + "/end", {}, false).status == 403);
    CHECK(meStatus(t, phone) == 200);
    const Reply ended = director.post("/account/sessions/" + phoneId + "/end", {});
    REQUIRE(ended.status == 303);
    CHECK(ended.header("Location") == "/account?ended=1#sessions");
    CHECK(meStatus(t, phone) == 401);
    CHECK(director.get("/account?ended=1").body.find("آن نشست بسته شد") != std::string::npos);
    const Reply again = director.post("/account/sessions/" + phoneId + "/end", {});
    CHECK(again.header("Location") == "/account?gone=1#sessions");
    CHECK(director.get("/account?gone=1").body.find("پیش‌تر بسته شده بود") !=
          std::string::npos);

    // The admin's page of the account: the same list, none of it the admin's own.
    const std::string second = loginAs(t, "tehran.director", "curl/8.0");
    const std::string secondId = sessionWith(sessionsAt(t, "/api/v1/me/sessions", second), "curl/8.0");
    const std::string accountPage = "/admin/users/" + idOfUser(t, "tehran.director");
    const Browser admin(t, "admin");
    const Reply adminView = admin.get(accountPage);
    CHECK(adminView.body.find("action=\"" + accountPage + "/sessions/" + secondId + "/end\"") !=
          std::string::npos);
    CHECK(adminView.body.find("action=\"" + accountPage + "/sessions/" + ownId + "/end\"") !=
          std::string::npos);
    CHECK(adminView.body.find("همین نشست") == std::string::npos);
    CHECK(Browser(t, "tehran.expert").post(accountPage + "/sessions/" + secondId + "/end", {}).status == 403);
    CHECK(meStatus(t, second) == 200);
    const Reply byAdmin = admin.post(accountPage + "/sessions/" + secondId + "/end", {});
    REQUIRE(byAdmin.status == 303);
    CHECK(byAdmin.header("Location") == accountPage + "?ended=1#sessions");
    CHECK(meStatus(t, second) == 401);
    CHECK(meStatus(t, director.token) == 200);
    const std::string shown = admin.get(accountPage + "?ended=1").body;
    CHECK(
        shown.find(
            "نشست‌های دیگر این کاربر و گذرواژه‌اش همان است که بود") !=
        std::string::npos);
    CHECK(shown.find("یک نشست بسته شد") != std::string::npos);  // in the account's history
}

TEST_CASE("a person signs out everywhere else at once; an admin signs a person out everywhere",
          "[http][auth][account]") {
    TestService t;
    // One session expires before the others are ended: it is not counted.
    const std::string old = loginAs(t, "tehran.director", "old/1.0");
    t.clock.advanceMs(12LL * 3600 * 1000 - 1000);
    const std::string here = loginAs(t, "tehran.director", PHONE);
    const std::string tool = loginAs(t, "tehran.director", "lacuna-sync/2.1");
    const std::string laptop = loginAs(t, "tehran.director", "Mozilla/5.0 (Windows NT 10.0) Firefox/128.0");
    t.clock.advanceMs(2000);
    const std::string expert = t.token("tehran.expert");
    const std::string admin = t.token("admin");
    const std::string directorPath = "/api/v1/users/" + idOfUser(t, "tehran.director");
    CHECK(meStatus(t, old) == 401);

    // Every refusal changes nothing: every session goes on, no event, the same version.
    const std::string before = usersNow(t);
    requireProblem(t.client->send("DELETE", "/api/v1/me/sessions", ""), 401);
    requireProblem(t.client->send("DELETE", directorPath + "/sessions", expert), 403);
    requireProblem(t.client->send("DELETE", "/api/v1/users/999999/sessions", admin), 404);
    requireProblem(t.client->send("DELETE", "/api/v1/users/x/sessions", admin), 404);
    for (const std::string& token : {here, tool, laptop}) CHECK(meStatus(t, token) == 200);
    CHECK(usersNow(t) == before);
    CHECK(accountHistory(t, "tehran.director")->size() == 1);

    // The owner: every other live session ends at once, this one and other accounts' go on.
    const Reply ended = t.client->send("DELETE", "/api/v1/me/sessions", here);
    INFO(ended.body);
    REQUIRE(ended.status == 200);
    CHECK(ended.json()->getValue<std::int64_t>("ended") == 2);
    CHECK(meStatus(t, tool) == 401);
    CHECK(meStatus(t, laptop) == 401);
    CHECK(meStatus(t, here) == 200);
    CHECK(meStatus(t, expert) == 200);
    CHECK(loginStatus(t, "tehran.director", TestService::PASSWORD) == 201);  // the password stays
    auto history = accountHistory(t, "tehran.director");
    REQUIRE(history->size() == 2);
    checkAccountEvent(history, 1, "sessions_ended", "tehran.director");
    CHECK(history->getObject(1)->getObject("data")->getValue<std::int64_t>("sessions") == 2);
    CHECK(t.client->get(directorPath, admin).header("ETag") == "\"2\"");

    // Nothing else live but the one just signed in: ending them again ends that one only; then none, and
    // no event for none.
    REQUIRE(t.client->send("DELETE", "/api/v1/me/sessions", here).json()->getValue<std::int64_t>("ended") ==
            1);
    const Reply none = t.client->send("DELETE", "/api/v1/me/sessions", here);
    REQUIRE(none.status == 200);
    CHECK(none.json()->getValue<std::int64_t>("ended") == 0);
    CHECK(accountHistory(t, "tehran.director")->size() == 3);
    CHECK(t.client->get(directorPath, admin).header("ETag") == "\"3\"");

    // An admin ends every session of the account, the one the owner uses too; the admin's own goes on.
    const std::string again = loginAs(t, "tehran.director", "curl/8.0");
    const Reply byAdmin = t.client->send("DELETE", directorPath + "/sessions", admin);
    REQUIRE(byAdmin.status == 200);
    CHECK(byAdmin.json()->getValue<std::int64_t>("ended") == 2);
    CHECK(meStatus(t, here) == 401);
    CHECK(meStatus(t, again) == 401);
    CHECK(meStatus(t, admin) == 200);
    history = accountHistory(t, "tehran.director");
    REQUIRE(history->size() == 4);
    checkAccountEvent(history, 3, "sessions_ended", "admin");
    CHECK(history->getObject(3)->getObject("data")->getValue<std::int64_t>("sessions") == 2);
    // An admin's own account from /users/{id}/sessions keeps the session that asks.
    const std::string adminPhone = loginAs(t, "admin", PHONE);
    const Reply own = t.client->send("DELETE", "/api/v1/users/" + idOfUser(t, "admin") + "/sessions", admin);
    REQUIRE(own.status == 200);
    CHECK(own.json()->getValue<std::int64_t>("ended") == 1);
    CHECK(meStatus(t, adminPhone) == 401);
    CHECK(meStatus(t, admin) == 200);
}

TEST_CASE("«my account» and an account's admin page end every other session with one button",
          "[http][web][account]") {
    TestService t;
    const Browser director(t, "tehran.director");
    const std::string phone = loginAs(t, "tehran.director", PHONE);
    // One other session: its own button is enough, no button for all.
    CHECK(director.get("/account").body.find("action=\"/account/sessions/end\"") == std::string::npos);
    const std::string tool = loginAs(t, "tehran.director", "curl/8.0");
    const Reply page = director.get("/account");
    requireSecureHtml(page);
    CHECK(page.body.find("action=\"/account/sessions/end\"") != std::string::npos);
    CHECK(page.body.find("بستن همه نشست‌های دیگر") != std::string::npos);

    // Another site cannot; nor can another person reach an account's sessions through the admin's path.
    CHECK(director.post("/account/sessions/end", {}, false).status == 403);
    const std::string accountPage = "/admin/users/" + idOfUser(t, "tehran.director");
    CHECK(Browser(t, "tehran.expert").post(accountPage + "/sessions/end", {}).status == 403);
    CHECK(meStatus(t, phone) == 200);
    CHECK(meStatus(t, tool) == 200);

    const Reply ended = director.post("/account/sessions/end", {});
    REQUIRE(ended.status == 303);
    CHECK(ended.header("Location") == "/account?ended_all=2#sessions");
    CHECK(meStatus(t, phone) == 401);
    CHECK(meStatus(t, tool) == 401);
    CHECK(meStatus(t, director.token) == 200);
    const Reply told = director.get("/account?ended_all=2");
    CHECK(told.body.find("۲ نشست همان دم بسته شد") != std::string::npos);
    CHECK(told.body.find("action=\"/account/sessions/end\"") == std::string::npos);  // none left to end
    CHECK(director.post("/account/sessions/end", {}).header("Location") == "/account?ended_all=0#sessions");
    CHECK(director.get("/account?ended_all=0").body.find("نشست دیگری باز نبود") != std::string::npos);
    CHECK(director.get("/account?ended_all=x").status == 400);

    // The admin's page of the account ends all of them, the owner's own too.
    loginAs(t, "tehran.director", PHONE);
    const Browser admin(t, "admin");
    const Reply adminView = admin.get(accountPage);
    CHECK(adminView.body.find("action=\"" + accountPage + "/sessions/end\"") != std::string::npos);
    CHECK(adminView.body.find("بستن همه نشست‌های این کاربر") != std::string::npos);
    const Reply byAdmin = admin.post(accountPage + "/sessions/end", {});
    REQUIRE(byAdmin.status == 303);
    CHECK(byAdmin.header("Location") == accountPage + "?ended_all=2#sessions");
    CHECK(meStatus(t, director.token) == 401);
    CHECK(meStatus(t, admin.token) == 200);
    const std::string shown = admin.get(accountPage + "?ended_all=2").body;
    CHECK(shown.find("۲ نشست همان دم بسته شد") != std::string::npos);
    CHECK(shown.find("نشست‌های باز یک‌جا بسته شد") !=
          std::string::npos);  // in the account's history
    CHECK(shown.find("نشست بازی نیست") != std::string::npos);
}

TEST_CASE("a session shows when and from where it was last used, written at most once in five minutes",
          "[http][auth][account]") {
    TestService t(testBackend(), 64,
                  [](AppConfig& c) { c.server.trustedProxies = {Poco::Net::IPAddress("127.0.0.1")}; });
    const auto from = [](const std::string& address) {
        return std::map<std::string, std::string>{{"X-Forwarded-For", address}};
    };
    const Reply signedIn = t.client->send(
        "POST", "/api/v1/session", "",
        R"({"username":"tehran.director","password":")" + std::string(TestService::PASSWORD) + "\"}",
        {{"X-Forwarded-For", "10.1.1.1"}, {"User-Agent", PHONE}});
    REQUIRE(signedIn.status == 201);
    const std::string phone = signedIn.json()->getValue<std::string>("token");
    const std::int64_t signInAt = t.clock.nowMs();
    const std::string admin = t.token("admin");
    const std::string sessionsPath = "/api/v1/users/" + idOfUser(t, "tehran.director") + "/sessions";
    // The admin reads the list: the director's session is not used by that.
    const auto phoneSession = [&] {
        const auto sessions = sessionsAt(t, sessionsPath, admin);
        REQUIRE(sessions->size() == 1);
        return sessions->getObject(0);
    };
    const auto lastUse = [&] {
        const auto s = phoneSession();
        return std::pair{s->getValue<std::string>("last_used_at"), s->getValue<std::string>("last_client")};
    };
    CHECK(lastUse() == std::pair{formatIsoUtc(signInAt), std::string("10.1.1.1")});
    CHECK(phoneSession()->getValue<std::string>("last_used_at_jalali") ==
          phoneSession()->getValue<std::string>("created_at_jalali"));

    // Used again within five minutes, from anywhere: nothing is written.
    t.clock.advanceMs(AuthService::TOUCH_EVERY_MS - 1);
    REQUIRE(t.client->send("GET", "/api/v1/me", phone, "", from("10.2.2.2")).status == 200);
    CHECK(lastUse() == std::pair{formatIsoUtc(signInAt), std::string("10.1.1.1")});
    // Five minutes after the last recorded use: this use is recorded, with its address.
    t.clock.advanceMs(1);
    REQUIRE(t.client->send("GET", "/api/v1/me", phone, "", from("10.2.2.2")).status == 200);
    const std::int64_t usedAt = t.clock.nowMs();
    CHECK(lastUse() == std::pair{formatIsoUtc(usedAt), std::string("10.2.2.2")});
    CHECK(phoneSession()->getValue<std::string>("client") == "10.1.1.1");  // where it signed in stays
    t.clock.advanceMs(60 * 1000);
    REQUIRE(t.client->send("GET", "/api/v1/me", phone, "", from("10.3.3.3")).status == 200);
    CHECK(lastUse() == std::pair{formatIsoUtc(usedAt), std::string("10.2.2.2")});
    // No event: using a session changes no record.
    CHECK(accountHistory(t, "tehran.director")->size() == 1);

    // The pages say it, and mark a use from another address than the sign-in's.
    const std::string page = Browser(t, "admin").get("/admin/users/" + idOfUser(t, "tehran.director")).body;
    CHECK(page.find("آخرین استفاده") != std::string::npos);
    CHECK(page.find("<bdi dir=\"ltr\">10.2.2.2</bdi>") != std::string::npos);
    CHECK(page.find("نشانی دیگری جز نشانی ورود") != std::string::npos);
}
