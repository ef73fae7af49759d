// Administration from the pages and the API: accounts (add, roles, city, what changed, a new password) and
// webhook subscriptions with their deliveries — admins only, every refused form changing nothing; and a
// person's own password, on «my account» and over the API.
#include <catch2/catch.hpp>

#include "ApiHelpers.h"
#include "PageHelpers.h"

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
