// Administration from the pages and the API: accounts (add, roles, city, what changed) and webhook
// subscriptions with their deliveries — admins only, every refused form changing nothing.
#include <catch2/catch.hpp>

#include "ApiHelpers.h"
#include "PageHelpers.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

std::string usersNow(TestService& t) { return t.client->get("/api/v1/users", t.token("admin")).body; }

std::string idOfUser(TestService& t, const std::string& username) {
    const auto items = t.client->get("/api/v1/users", t.token("admin")).json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i)
        if (items->getObject(i)->getValue<std::string>("username") == username)
            return items->getObject(i)->getValue<std::string>("id");
    FAIL("no user " << username);
    return "";
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
    CHECK(history->getObject(1)->getValue<std::string>("type") == "changed");
    CHECK(history->getObject(1)->getObject("actor")->getValue<std::string>("username") == "admin");
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
