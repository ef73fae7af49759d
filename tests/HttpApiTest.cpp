// The HTTP API over a real socket, against the in-process server on a free port.
#include <Poco/JSON/Array.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "ApiHelpers.h"
#include "TestService.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {}  // namespace

TEST_CASE("login issues a bearer token that logout revokes", "[http][auth]") {
    TestService t;
    requireProblem(
        t.client->post("/api/v1/session", "", R"({"username":"tehran.director","password":"wrong"})"), 401);
    const Reply login = t.client->post("/api/v1/session", "",
                                       R"({"username":"Tehran.Director","password":"correct horse 1"})");
    REQUIRE(login.status == 201);
    const auto body = login.json();
    const std::string token = body->getValue<std::string>("token");
    CHECK(token.size() >= 43);  // 256 bits, base64url
    CHECK(body->getValue<std::string>("expires_at") == "2026-11-26T21:00:00.000Z");
    CHECK(body->getObject("user")->getValue<std::string>("municipality") == "tehran");
    CHECK(body->getObject("user")->has("password_hash") == false);

    const Reply me = t.client->get("/api/v1/me", token);
    REQUIRE(me.status == 200);
    CHECK(me.json()->getValue<std::string>("username") == "tehran.director");

    requireProblem(t.client->get("/api/v1/me", ""), 401);
    requireProblem(t.client->get("/api/v1/me", "not-a-token"), 401);
    CHECK(t.client->send("DELETE", "/api/v1/session", token).status == 204);
    requireProblem(t.client->get("/api/v1/me", token), 401);

    const std::string second = t.client->login("tehran.director", TestService::PASSWORD);
    t.clock.advanceMs(12LL * 3600 * 1000);
    requireProblem(t.client->get("/api/v1/me", second), 401);  // expired
}

TEST_CASE("more than five failed logins in 15 minutes get 429 with Retry-After", "[http][auth]") {
    TestService t;
    for (int i = 0; i < 5; ++i)
        requireProblem(
            t.client->post("/api/v1/session", "", R"({"username":"secretary","password":"guess"})"), 401);
    const Reply blocked =
        t.client->post("/api/v1/session", "", R"({"username":"secretary","password":"correct horse 1"})");
    requireProblem(blocked, 429);
    CHECK(std::stoi(blocked.header("Retry-After")) > 800);
    CHECK(std::stoi(blocked.header("Retry-After")) <= 900);
    // Another username from the same address is throttled too: the address failed five times.
    requireProblem(
        t.client->post("/api/v1/session", "", R"({"username":"liaison","password":"correct horse 1"})"), 429);

    t.clock.advanceMs(15LL * 60 * 1000 + 1);
    CHECK(t.client->post("/api/v1/session", "", R"({"username":"secretary","password":"correct horse 1"})")
              .status == 201);
}

TEST_CASE("64 failed logins sent at once check no more than five passwords", "[http][auth][concurrency]") {
    TestService t;
    std::atomic<int> unauthorized{0}, throttled{0}, other{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < 64; ++i)
        threads.emplace_back([&] {
            while (!go) std::this_thread::yield();
            const Reply r =
                t.client->post("/api/v1/session", "", R"({"username":"secretary","password":"guess"})");
            (r.status == 401 ? unauthorized : r.status == 429 ? throttled : other)++;
        });
    go = true;
    for (auto& th : threads) th.join();
    CHECK(unauthorized == 5);
    CHECK(throttled == 59);
    CHECK(other == 0);
    // The right password is not checked either until the window has passed.
    requireProblem(
        t.client->post("/api/v1/session", "", R"({"username":"secretary","password":"correct horse 1"})"),
        429);
}

TEST_CASE("a director reports a gap and reads it back with reference, labels and Jalali dates",
          "[http][gaps]") {
    TestService t;
    const Reply r = t.client->post("/api/v1/gaps", t.token("tehran.director"), NEW_GAP);
    REQUIRE(r.status == 201);
    const auto gap = r.json();
    CHECK(r.header("Location") == gapPath(gap));
    CHECK(r.header("ETag") == "\"1\"");
    CHECK(gap->getValue<std::string>("reference") == "G-1405-0001");
    CHECK(gap->getValue<std::string>("title") == "خلأ قانونی در وصول عوارض نوسازی");
    CHECK(gap->getValue<std::string>("municipality") == "tehran");
    CHECK(gap->getValue<std::string>("municipality_fa") == "تهران");
    CHECK(gap->getObject("state")->getValue<std::string>("name") == "reported");
    CHECK(gap->getObject("state")->getValue<std::string>("label_fa") == "گزارش‌شده");
    CHECK(gap->getValue<std::string>("created_at") == "2026-11-26T09:00:00.000Z");
    CHECK(gap->getValue<std::string>("created_at_jalali") == "1405-09-05");
    CHECK(gap->getValue<int>("version") == 1);
    CHECK(gap->getObject("impact")->getValue<Poco::Int64>("exposure_rials") == 2500000000LL);
    CHECK(gap->getArray("provisions")->getObject(0)->getValue<std::string>("article") == "ماده ۲۹");
    CHECK(gap->getValue<bool>("editable"));

    const Reply read = t.client->get(gapPath(gap), t.token("observer"));
    REQUIRE(read.status == 200);
    CHECK(read.json()->getValue<std::string>("description") == gap->getValue<std::string>("description"));
    CHECK(read.json()->getArray("available_transitions")->size() == 0);

    // The secretary sees the transitions the secretary may fire.
    const auto forSecretary = t.client->get(gapPath(gap), t.token("secretary")).json();
    std::set<std::string> names;
    const auto transitions = forSecretary->getArray("available_transitions");
    for (std::size_t i = 0; i < transitions->size(); ++i)
        names.insert(transitions->getObject(static_cast<unsigned>(i))->getValue<std::string>("name"));
    CHECK(names == std::set<std::string>{"triage", "merge", "reject"});

    CHECK(createGap(t, "tehran.expert")->getValue<std::string>("reference") == "G-1405-0002");
}

TEST_CASE("only a city's legal director or expert reports and edits its gaps", "[http][gaps][authz]") {
    TestService t;
    requireProblem(t.client->post("/api/v1/gaps", t.token("tehran.observer"), NEW_GAP), 403);
    requireProblem(t.client->post("/api/v1/gaps", t.token("secretary"), NEW_GAP), 400, "municipality");
    std::string forMashhad = NEW_GAP;
    forMashhad.insert(1, R"("municipality": "mashhad",)");
    requireProblem(t.client->post("/api/v1/gaps", t.token("tehran.director"), forMashhad), 403);
    CHECK(listCount(t, "admin") == 0);

    const auto gap = createGap(t);
    const std::string path = gapPath(gap);
    const std::string before = snapshot(t, path);
    const std::string edit = R"({"title": "عنوان تازه", "expected_version": 1})";
    requireProblem(t.client->send("PATCH", path, t.token("mashhad.director"), edit), 403);
    requireProblem(t.client->send("PATCH", path, t.token("tehran.observer"), edit), 403);
    requireProblem(t.client->send("PATCH", path, t.token("secretary"), edit), 403);
    CHECK(snapshot(t, path) == before);

    const Reply edited = t.client->send("PATCH", path, t.token("tehran.expert"), edit);
    REQUIRE(edited.status == 200);
    CHECK(edited.json()->getValue<std::string>("title") == "عنوان تازه");
    CHECK(edited.json()->getValue<int>("version") == 2);
    CHECK(edited.header("ETag") == "\"2\"");

    // Each transition only by its roles.
    requireProblem(fire(t, "tehran.director", path, "triage", 2), 403);
    requireProblem(fire(t, "mashhad.director", path, "withdraw", 2, R"(,"comment":"x")"), 403);
    REQUIRE(fire(t, "secretary", path, "triage", 2).status == 200);

    // Admin manages users; nobody else does.
    requireProblem(t.client->get("/api/v1/users", t.token("secretary")), 403);
    requireProblem(
        t.client->post("/api/v1/users", t.token("tehran.director"),
                       R"({"username":"new.user","password":"long enough 1","roles":["observer"]})"),
        403);
    const Reply users = t.client->get("/api/v1/users", t.token("admin"));
    REQUIRE(users.status == 200);
    CHECK(users.json()->getArray("items")->size() == 11);
    const Reply added = t.client->post(
        "/api/v1/users", t.token("admin"),
        R"({"username":"shiraz.director","password":"long enough 1","roles":["legal_director"],"municipality":"shiraz"})");
    REQUIRE(added.status == 201);
    CHECK(t.client->login("shiraz.director", "long enough 1").size() > 40);
    requireProblem(
        t.client->post("/api/v1/users", t.token("admin"),
                       R"({"username":"shiraz.director","password":"long enough 1","roles":["observer"]})"),
        409);
    requireProblem(
        t.client->post("/api/v1/users", t.token("admin"),
                       R"({"username":"x","password":"short","roles":["king"],"municipality":"paris"})"),
        400, "roles[0]");
}

TEST_CASE("a confidential gap is invisible to other cities' users", "[http][gaps][authz]") {
    TestService t;
    std::string secret = NEW_GAP;
    secret.insert(1, R"("confidential": true,)");
    const auto gap = createGap(t, "tehran.director", secret);
    const std::string path = gapPath(gap);

    requireProblem(t.client->get(path, t.token("mashhad.director")), 404);
    requireProblem(t.client->get(path + "/history", t.token("mashhad.member")), 404);
    requireProblem(t.client->get(path, t.token("observer")), 404);
    requireProblem(t.client->get(path, t.token("liaison")), 404);
    requireProblem(fire(t, "mashhad.director", path, "withdraw", 1, R"(,"comment":"x")"), 404);
    CHECK(listCount(t, "mashhad.director") == 0);
    CHECK(listCount(t, "observer") == 0);

    CHECK(t.client->get(path, t.token("tehran.observer")).status == 200);
    CHECK(t.client->get(path, t.token("secretary")).status == 200);
    CHECK(t.client->get(path, t.token("admin")).status == 200);
    CHECK(listCount(t, "tehran.observer") == 1);
    CHECK(listCount(t, "secretary") == 1);
}

TEST_CASE("ids that name no gap answer 404, never 500", "[http][gaps]") {
    TestService t;
    createGap(t);
    const std::string token = t.token("tehran.director");
    for (const char* id :
         {"0", "-1", "999999", "99999999999999999999999", "abc", "1.5", "1e3", "%00", "1%20"}) {
        INFO(id);
        requireProblem(t.client->get(std::string("/api/v1/gaps/") + id, token), 404);
        requireProblem(t.client->get(std::string("/api/v1/gaps/") + id + "/history", token), 404);
    }
    requireProblem(t.client->get("/api/v1/nothing-here", token), 404);
    const Reply wrongMethod = t.client->send("PUT", "/api/v1/gaps/1", token, "{}");
    requireProblem(wrongMethod, 405);
    CHECK(wrongMethod.header("Allow") == "GET, PATCH");
}

TEST_CASE("a stale version gets 409 and changes nothing", "[http][gaps][concurrency]") {
    TestService t;
    const auto gap = createGap(t);
    const std::string path = gapPath(gap);
    REQUIRE(fire(t, "secretary", path, "triage", 1).status == 200);
    const std::string before = snapshot(t, path);

    requireProblem(fire(t, "secretary", path, "reject", 1, R"(,"comment":"تکراری")"), 409);
    requireProblem(
        t.client->send("PATCH", path, t.token("tehran.director"), R"({"title":"دیر", "expected_version":1})"),
        409);
    requireProblem(t.client->send("PATCH", path, t.token("tehran.director"), R"({"title":"دیر"})",
                                  {{"If-Match", "\"1\""}}),
                   409);
    requireProblem(
        t.client->send("PATCH", path, t.token("tehran.director"), R"({"title":"بی‌نسخه"})"), 428);
    requireProblem(t.client->send("PATCH", path, t.token("tehran.director"),
                                  R"({"title":"دو", "expected_version":2})", {{"If-Match", "\"3\""}}),
                   400, "expected_version");
    requireProblem(
        t.client->send("PATCH", path, t.token("tehran.director"), R"({"title":"بد"})", {{"If-Match", "v2"}}),
        400, "If-Match");
    CHECK(snapshot(t, path) == before);

    const Reply ok = t.client->send("PATCH", path, t.token("tehran.director"),
                                    R"({"title":"به‌موقع"})", {{"If-Match", "\"2\""}});
    REQUIRE(ok.status == 200);
    CHECK(ok.json()->getValue<int>("version") == 3);
}

TEST_CASE("eight threads firing one transition at one version: exactly one wins",
          "[http][gaps][concurrency]") {
    TestService t;
    const auto gap = createGap(t);
    const std::string path = gapPath(gap);
    const std::string token = t.token("secretary");
    const auto historyBefore = t.client->get(path + "/history", token).json()->getArray("items")->size();

    std::atomic<int> ok{0}, conflict{0}, other{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            while (!go) std::this_thread::yield();
            const Reply r = t.client->post(path + "/transitions", token,
                                           R"({"transition":"triage","expected_version":1})");
            (r.status == 200 ? ok : r.status == 409 ? conflict : other)++;
        });
    go = true;
    for (auto& th : threads) th.join();
    CHECK(ok == 1);
    CHECK(conflict == 7);
    CHECK(other == 0);
    const auto history = t.client->get(path + "/history", token).json()->getArray("items");
    CHECK(history->size() == historyBefore + 1);
    CHECK(t.client->get(path, token).json()->getValue<int>("version") == 2);
}

TEST_CASE("bad input is refused as problem+json naming the field, and nothing is stored",
          "[http][validation]") {
    TestService t;
    const auto gap = createGap(t);
    const std::string path = gapPath(gap);
    const std::string token = t.token("tehran.director");
    const std::string before = snapshot(t, path);
    const std::string longTitle(301 * 2, 'x');

    struct Case {
        std::string name, body;
        int status;
        std::string field;
    };
    const std::vector<Case> creates = {
        {"malformed JSON", R"({"title": )", 400, "title"},
        {"empty body", "", 400, "body"},
        {"body not an object", R"(["title"])", 400, "body"},
        {"wrong type", R"({"title": 5, "description": "d", "kind": "vacuum", "category": "fees"})", 400,
         "title"},
        {"wrong nested type",
         R"({"title": "t", "description": "d", "kind": "vacuum", "category": "fees", "impact": {"pending_lawsuits": "many"}})",
         400, "impact.pending_lawsuits"},
        {"missing required", R"({"title": "t", "kind": "vacuum", "category": "fees"})", 400, "description"},
        {"mass assignment of state",
         R"({"title": "t", "description": "d", "kind": "vacuum", "category": "fees", "state": "enacted"})",
         400, "state"},
        {"mass assignment of id",
         R"({"title": "t", "description": "d", "kind": "vacuum", "category": "fees", "id": 1})", 400, "id"},
        {"mass assignment of version",
         R"({"title": "t", "description": "d", "kind": "vacuum", "category": "fees", "version": 9})", 400,
         "version"},
        {"mass assignment of reference",
         R"({"title": "t", "description": "d", "kind": "vacuum", "category": "fees", "reference": "G-1"})",
         400, "reference"},
        {"mass assignment of created_by",
         R"({"title": "t", "description": "d", "kind": "vacuum", "category": "fees", "created_by": 1})", 400,
         "created_by"},
        {"duplicate keys",
         R"({"title": "t", "title": "u", "description": "d", "kind": "vacuum", "category": "fees"})", 400,
         "title"},
        {"NUL in a string",
         R"({"title": "t\u0000", "description": "d", "kind": "vacuum", "category": "fees"})", 400, "title"},
        {"invalid UTF-8",
         "{\"title\": \"\xC3\x28\", \"description\": \"d\", \"kind\": \"vacuum\", \"category\": \"fees\"}",
         400, "title"},
        {"over-long title",
         R"({"title": ")" + longTitle + R"(", "description": "d", "kind": "vacuum", "category": "fees"})",
         400, "title"},
        {"blank title", R"({"title": " \u200c ", "description": "d", "kind": "vacuum", "category": "fees"})",
         400, "title"},
        {"too deep",
         R"({"title": "t", "description": "d", "kind": "vacuum", "category": "fees", "impact": {"a": [[[[[[[[1]]]]]]]]}})",
         400, "impact.a[0][0][0][0][0][0]"},
        {"unknown kind", R"({"title": "t", "description": "d", "kind": "gap", "category": "fees"})", 400,
         "kind"},
        {"unknown category", R"({"title": "t", "description": "d", "kind": "vacuum", "category": "tax"})",
         400, "category"},
        {"unknown municipality",
         R"({"title": "t", "description": "d", "kind": "vacuum", "category": "fees", "municipality": "paris"})",
         400, "municipality"},
        {"negative exposure",
         R"({"title": "t", "description": "d", "kind": "vacuum", "category": "fees", "impact": {"exposure_rials": -1}})",
         400, "impact.exposure_rials"},
        {"provision without law",
         R"({"title": "t", "description": "d", "kind": "vacuum", "category": "fees", "provisions": [{"article": "۵"}]})",
         400, "provisions[0].law"},
    };
    for (const auto& c : creates) {
        INFO(c.name);
        requireProblem(t.client->send("POST", "/api/v1/gaps", token, c.body), c.status, c.field);
    }
    {
        // 50 provisions at their length limits, in 4-byte characters: each field is allowed, the whole is
        // not.
        std::string law, article, provisions;
        for (int i = 0; i < 300; ++i) law += "\xF0\x9F\x93\x9C";
        for (int i = 0; i < 100; ++i) article += "\xF0\x9F\x93\x9C";
        for (int i = 0; i < 50; ++i)
            provisions +=
                (i ? "," : "") + std::string(R"({"law":")") + law + R"(","article":")" + article + "\"}";
        requireProblem(
            t.client->send(
                "POST", "/api/v1/gaps", token,
                R"({"title":"t","description":"d","kind":"vacuum","category":"fees","provisions":[)" +
                    provisions + "]}"),
            400, "provisions");
    }
    requireProblem(t.client->send("POST", "/api/v1/gaps", token, NEW_GAP, {}, "text/plain"), 415);
    requireProblem(t.client->send("POST", "/api/v1/gaps", token, std::string(1100000, ' ')), 413);

    const std::vector<Case> transitions = {
        {"unknown transition", R"({"transition": "teleport", "expected_version": 1})", 400, "transition"},
        {"missing transition", R"({"expected_version": 1})", 400, "transition"},
        {"not from this state", R"({"transition": "endorse", "expected_version": 1})", 409, ""},
        {"missing required comment", R"({"transition": "withdraw", "expected_version": 1})", 422, "comment"},
        {"unknown transition field",
         R"({"transition": "withdraw", "comment": "c", "fields": {"state": "x"}, "expected_version": 1})",
         400, "fields.state"},
        {"field of the wrong type", R"({"transition": "withdraw", "comment": 3, "expected_version": 1})", 400,
         "comment"},
        {"unknown member",
         R"({"transition": "withdraw", "comment": "c", "to": "enacted", "expected_version": 1})", 400, "to"},
        {"bad expected_version", R"({"transition": "withdraw", "comment": "c", "expected_version": "1"})",
         400, "expected_version"},
    };
    for (const auto& c : transitions) {
        INFO(c.name);
        requireProblem(t.client->send("POST", path + "/transitions", token, c.body), c.status, c.field);
    }
    const std::vector<Case> edits = {
        {"edit unknown field", R"({"municipality": "mashhad", "expected_version": 1})", 400, "municipality"},
        {"edit wrong type", R"({"confidential": "yes", "expected_version": 1})", 400, "confidential"},
        {"edit blank description", R"({"description": "", "expected_version": 1})", 400, "description"},
    };
    for (const auto& c : edits) {
        INFO(c.name);
        requireProblem(t.client->send("PATCH", path, token, c.body), c.status, c.field);
    }
    requireProblem(t.client->get("/api/v1/gaps?limit=1000", token), 400, "limit");
    requireProblem(t.client->get("/api/v1/gaps?sort=title", token), 400, "sort");
    requireProblem(t.client->get("/api/v1/gaps?state=lost", token), 400, "state");
    requireProblem(t.client->get("/api/v1/gaps?colour=red", token), 400, "colour");
    requireProblem(t.client->get("/api/v1/gaps?state=reported&state=triaged", token), 400, "state");
    requireProblem(t.client->get("/api/v1/gaps?cursor=garbage", token), 400, "cursor");

    CHECK(snapshot(t, path) == before);
    CHECK(listCount(t, "secretary") == 1);
}

TEST_CASE("a gap walks to committee review; its state always equals the last event's to-state",
          "[http][workflow]") {
    TestService t;
    const auto gap = createGap(t);
    const std::string path = gapPath(gap);
    struct Step {
        std::string user, transition, extra, state;
    };
    const std::vector<Step> steps = {
        {"secretary", "triage", "", "triaged"},
        {"tehran.director", "start_drafting", "", "drafting"},
        {"", "draft", "", "drafting"},
        {"tehran.director", "submit_for_review", "", "committee_review"},
        {"secretary", "request_revision", R"(,"comment":"ماده ۲ مبهم است")", "drafting"},
        {"tehran.director", "submit_for_review", "", "committee_review"},
    };
    std::int64_t version = 1;
    for (const auto& step : steps) {
        INFO(step.transition);
        const Reply r = step.transition == "draft"
                            ? saveDraft(t, path, 0, "متن اصلاحی ماده ۲۹")
                            : fire(t, step.user, path, step.transition, version, step.extra);
        INFO(r.body);
        REQUIRE(r.status == (step.transition == "draft" ? 201 : 200));
        ++version;
        const auto history = t.client->get(path + "/history", t.token("secretary")).json()->getArray("items");
        const auto last = history->getObject(static_cast<unsigned>(history->size() - 1));
        CHECK(last->getObject("to_state")->getValue<std::string>("name") == step.state);
        CHECK(last->getValue<std::int64_t>("sequence") == version);
    }
    const auto history = t.client->get(path + "/history", t.token("secretary")).json()->getArray("items");
    REQUIRE(history->size() == steps.size() + 1);
    const auto created = history->getObject(0);
    CHECK(created->getValue<std::string>("type") == "created");
    CHECK(created->get("from_state").isEmpty());
    CHECK(created->getValue<std::string>("client_address") == "127.0.0.1");
    CHECK(created->getValue<std::string>("at_jalali") == "1405-09-05");
    CHECK(history->getObject(3)->getValue<std::string>("type") == "draft_saved");
    CHECK(history->getObject(3)->getObject("fields")->getValue<int>("draft_version") == 1);
    const auto revision = history->getObject(5);
    CHECK(revision->getValue<std::string>("transition") == "request_revision");
    CHECK(revision->getValue<std::string>("comment") == "ماده ۲ مبهم است");
    CHECK(revision->getObject("actor")->getValue<std::string>("username") == "secretary");
    CHECK(revision->getObject("from_state")->getValue<std::string>("name") == "committee_review");

    // Endorsing is a meeting's decision: the secretary cannot fire it by hand.
    requireProblem(fire(t, "secretary", path, "endorse", version), 422, "decision");
    // Sending to parliament is the bill's: a liaison officer cannot fire it by hand either.
    CHECK(t.client->get(path, t.token("secretary")).json()->getValue<std::int64_t>("version") == version);
}

TEST_CASE("edits record old and new values; editing is refused outside editable states", "[http][gaps]") {
    TestService t;
    const auto gap = createGap(t);
    const std::string path = gapPath(gap);
    const Reply edited = t.client->send("PATCH", path, t.token("tehran.director"),
                                        R"({"priority":"urgent","confidential":true,"expected_version":1})");
    REQUIRE(edited.status == 200);
    const auto history = t.client->get(path + "/history", t.token("secretary")).json()->getArray("items");
    REQUIRE(history->size() == 2);
    const auto changes = history->getObject(1)->getArray("changes");
    REQUIRE(changes->size() == 2);
    CHECK(changes->getObject(0)->getValue<std::string>("field") == "priority");
    CHECK(changes->getObject(0)->getValue<std::string>("old") == "high");
    CHECK(changes->getObject(0)->getValue<std::string>("new") == "urgent");

    // An edit that changes nothing makes no version and no event.
    const Reply same = t.client->send("PATCH", path, t.token("tehran.director"),
                                      R"({"priority":"urgent","expected_version":2})");
    REQUIRE(same.status == 200);
    CHECK(same.json()->getValue<int>("version") == 2);

    for (const auto& [transition, extra] : std::vector<std::pair<std::string, std::string>>{
             {"triage", ""}, {"start_drafting", ""}, {"submit_for_review", ""}}) {
        if (transition == "submit_for_review") REQUIRE(saveDraft(t, path, 0, "متن").status == 201);
        const int version = t.client->get(path, t.token("secretary")).json()->getValue<int>("version");
        REQUIRE(fire(t, transition == "triage" ? "secretary" : "tehran.director", path, transition, version,
                     extra)
                    .status == 200);
    }
    const Reply locked = t.client->send("PATCH", path, t.token("tehran.director"),
                                        R"({"title":"x y z","expected_version":6})");
    requireProblem(locked, 409);
    CHECK(t.client->get(path, t.token("tehran.director")).json()->getValue<bool>("editable") == false);
}

TEST_CASE("merging needs a visible, open survivor", "[http][workflow]") {
    TestService t;
    const auto survivor = createGap(t);
    const auto duplicate = createGap(t, "mashhad.director");
    const std::string path = gapPath(duplicate);
    requireProblem(fire(t, "secretary", path, "merge", 1,
                        R"(,"comment":"تکراری","fields":{"duplicate_of":"G-1405-0099"})"),
                   422, "fields.duplicate_of");
    requireProblem(fire(t, "secretary", path, "merge", 1,
                        R"(,"comment":"تکراری","fields":{"duplicate_of":")" +
                            duplicate->getValue<std::string>("reference") + "\"}"),
                   422, "fields.duplicate_of");
    const Reply merged = fire(
        t, "secretary", path, "merge", 1,
        R"(,"comment":"تکراری","fields":{"duplicate_of":")" + survivor->getValue<std::string>("id") + "\"}");
    REQUIRE(merged.status == 200);
    const auto history = t.client->get(path + "/history", t.token("secretary")).json()->getArray("items");
    CHECK(history->getObject(1)->getObject("fields")->getValue<std::string>("duplicate_of") == "G-1405-0001");
}

TEST_CASE("the list filters, searches the normalised text, sorts and pages", "[http][list]") {
    TestService t;
    const std::vector<std::string> titles = {"عوارض شهرداری‌ها بر اراضی",
                                             "تملک املاک طرح", "قرارداد پيمانكاري", "ماده ۱۰۰ قانون",
                                             "کمیسیون ماده صد"};
    for (std::size_t i = 0; i < titles.size(); ++i) {
        t.clock.advanceMs(1000);
        const std::string body =
            R"({"title":")" + titles[i] + R"(","description":"شرح","kind":"vacuum","category":")" +
            (i % 2 ? "land" : "fees") + R"(","priority":")" + (i == 3 ? "urgent" : "normal") + "\"}";
        createGap(t, i == 4 ? "mashhad.director" : "tehran.director", body);
    }
    CHECK(listCount(t, "observer") == 5);
    CHECK(listCount(t, "observer", "&municipality=mashhad") == 1);
    CHECK(listCount(t, "observer", "&category=land") == 2);
    CHECK(listCount(t, "observer", "&priority=urgent") == 1);
    CHECK(listCount(t, "observer", "&state=reported&kind=vacuum") == 5);
    CHECK(listCount(t, "observer", "&state=triaged") == 0);

    const auto search = [&](const std::string& q) {
        Poco::URI uri("/api/v1/gaps");
        uri.addQueryParameter("q", q);
        const Reply r = t.client->get(uri.toString(), t.token("observer"));
        REQUIRE(r.status == 200);
        return r.json()->getArray("items")->size();
    };
    CHECK(search("شهرداریها") == 1);  // ZWNJ folded
    CHECK(search("شهرداری‌ها") == 1);
    CHECK(search("پیمانکاری") == 1);  // Arabic yeh/kaf stored, Persian typed
    CHECK(search("ماده 100") == 1);   // Persian digits stored, ASCII typed
    CHECK(search("ماده") == 2);
    CHECK(search("ماده صد کمیسیون") == 1);
    CHECK(search("%") == 0);
    CHECK(search("' OR 1=1 --") == 0);

    const auto page = [&](const std::string& query) {
        const Reply r = t.client->get("/api/v1/gaps?" + query, t.token("observer"));
        INFO(r.body);
        REQUIRE(r.status == 200);
        return r.json();
    };
    auto first = page("limit=2&sort=created_at");
    CHECK(first->getArray("items")->getObject(0)->getValue<std::string>("title") == titles[0]);
    std::vector<std::string> seen;
    std::string cursor;
    for (int i = 0; i < 5; ++i) {
        const auto p = page("limit=2&sort=created_at" + (cursor.empty() ? "" : "&cursor=" + cursor));
        for (std::size_t k = 0; k < p->getArray("items")->size(); ++k)
            seen.push_back(
                p->getArray("items")->getObject(static_cast<unsigned>(k))->getValue<std::string>("title"));
        if (p->get("next_cursor").isEmpty()) break;
        cursor = p->getValue<std::string>("next_cursor");
    }
    CHECK(seen == titles);
    requireProblem(t.client->get("/api/v1/gaps?limit=2&sort=-created_at&cursor=" +
                                     first->getValue<std::string>("next_cursor"),
                                 t.token("observer")),
                   400, "cursor");
    CHECK(page("sort=-priority")->getArray("items")->getObject(0)->getValue<std::string>("priority") ==
          "urgent");
}

TEST_CASE("the workflow, municipalities and health are served", "[http]") {
    TestService t;
    const Reply wf = t.client->get("/api/v1/workflows/gap", t.token("observer"));
    REQUIRE(wf.status == 200);
    CHECK(wf.json()->getValue<std::string>("initial") == "reported");
    CHECK(wf.json()->getArray("states")->size() == 10);
    const Reply cities = t.client->get("/api/v1/municipalities", t.token("observer"));
    REQUIRE(cities.status == 200);
    CHECK(cities.json()->getArray("items")->getObject(0)->getValue<std::string>("name_fa") == "تهران");
    const Reply health = t.client->get("/healthz", "");
    REQUIRE(health.status == 200);
    CHECK(health.json()->getValue<std::string>("status") == "ok");
}

TEST_CASE("health answers within 2 s while 40 clients send one header byte per second", "[http][slow]") {
    TestService t;
    std::vector<std::unique_ptr<Poco::Net::StreamSocket>> slow;
    for (int i = 0; i < 40; ++i) {
        auto socket = std::make_unique<Poco::Net::StreamSocket>();
        socket->connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(t.service().port())));
        socket->sendBytes("G", 1);
        slow.push_back(std::move(socket));
    }
    std::atomic<bool> done{false};
    std::thread trickle([&] {
        const char* rest = "ET /healthz HTTP/1.1\r\n";
        for (int second = 0; !done && rest[second]; ++second) {
            for (auto& s : slow) s->sendBytes(rest + second, 1);
            for (int i = 0; i < 10 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    for (int probe = 0; probe < 3; ++probe) {
        const auto start = std::chrono::steady_clock::now();
        Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(t.service().port()));
        session.setTimeout(Poco::Timespan(2, 0));
        Poco::Net::HTTPRequest request("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        std::string body;
        Poco::StreamCopier::copyToString(session.receiveResponse(response), body);
        const auto elapsed = std::chrono::steady_clock::now() - start;
        CHECK(response.getStatus() == 200);
        CHECK(elapsed < std::chrono::seconds(2));
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    done = true;
    trickle.join();
    for (auto& s : slow) s->close();
}

TEST_CASE("X-Forwarded-For is believed only from a trusted proxy, and only its untrusted right-most hop",
          "[http][auth]") {
    const std::string gapBody = NEW_GAP;
    {
        TestService direct;  // no trusted proxies: the header is the client's own claim and is ignored
        const Reply r = direct.client->send("POST", "/api/v1/gaps", direct.token("tehran.director"), gapBody,
                                            {{"X-Forwarded-For", "10.9.9.9"}});
        REQUIRE(r.status == 201);
        const auto history = direct.client->get(gapPath(r.json()) + "/history", direct.token("secretary"))
                                 .json()
                                 ->getArray("items");
        CHECK(history->getObject(0)->getValue<std::string>("client_address") == "127.0.0.1");
    }
    TestService behindProxy(testBackend(), 64, [](AppConfig& c) {
        c.server.trustedProxies = {Poco::Net::IPAddress("127.0.0.1"), Poco::Net::IPAddress("10.0.0.254")};
    });
    const Reply r = behindProxy.client->send("POST", "/api/v1/gaps", behindProxy.token("tehran.director"),
                                             gapBody, {{"X-Forwarded-For", "1.2.3.4, 10.0.0.7, 10.0.0.254"}});
    REQUIRE(r.status == 201);
    const auto history =
        behindProxy.client->get(gapPath(r.json()) + "/history", behindProxy.token("secretary"))
            .json()
            ->getArray("items");
    CHECK(history->getObject(0)->getValue<std::string>("client_address") == "10.0.0.7");

    // The login throttle counts the real client: five failures from one address block it, not others.
    const auto attempt = [&](const std::string& user, const std::string& password, const std::string& from) {
        return behindProxy.client
            ->send("POST", "/api/v1/session", "",
                   R"({"username":")" + user + R"(","password":")" + password + "\"}",
                   {{"X-Forwarded-For", from}})
            .status;
    };
    for (const char* user : {"observer", "liaison", "mashhad.member", "tehran.expert", "tehran.observer"})
        CHECK(attempt(user, "wrong", "10.0.0.1") == 401);
    CHECK(attempt("secretary", TestService::PASSWORD, "10.0.0.1") == 429);
    CHECK(attempt("secretary", TestService::PASSWORD, "10.0.0.2") == 201);
}

TEST_CASE("one request id follows a request: its answer, a problem's body, the audit events it makes",
          "[http][logs]") {
    TestService t;
    const std::string director = t.token("tehran.director");
    // Given by a load balancer, it is kept and echoed; the gap's events name the requests that made them.
    const Reply created =
        t.client->send("POST", "/api/v1/gaps", director, NEW_GAP, {{"X-Request-Id", "lb-7f3a:2026/12/01"}});
    REQUIRE(created.status == 201);
    CHECK(created.header("X-Request-Id") == "lb-7f3a:2026/12/01");
    const std::string path = gapPath(created.json());
    const Reply triaged =
        t.client->send("POST", path + "/transitions", t.token("secretary"),
                       R"({"transition":"triage","expected_version":1})", {{"X-Request-Id", "triage-1"}});
    REQUIRE(triaged.status == 200);
    const auto history = t.client->get(path + "/history", director).json()->getArray("items");
    REQUIRE(history->size() == 2);
    CHECK(history->getObject(0)->getValue<std::string>("request_id") == "lb-7f3a:2026/12/01");
    CHECK(history->getObject(1)->getValue<std::string>("request_id") == "triage-1");

    // A record's event (a meeting the secretary schedules) names its request too.
    const Reply meeting =
        t.client->send("POST", "/api/v1/meetings", t.token("secretary"),
                       R"({"scheduled_at":"2026-11-30T09:30:00+03:30","place":"تهران","agenda":[]})",
                       {{"X-Request-Id", "meeting-1"}});
    REQUIRE(meeting.status == 201);
    const auto meetingHistory =
        t.client
            ->get("/api/v1/meetings/" + meeting.json()->getValue<std::string>("id") + "/history", director)
            .json()
            ->getArray("items");
    REQUIRE(meetingHistory->size() == 1);
    CHECK(meetingHistory->getObject(0)->getValue<std::string>("request_id") == "meeting-1");

    // None given, or one the service does not take (too long, a space, markup, a quote, not ASCII): a new
    // one, different every time, in the header.
    std::set<std::string> made;
    for (const std::string& given : {std::string(), std::string(129, 'a'), std::string("two words"),
                                     std::string("<script>"), std::string("a\"b"), std::string("شناسه")}) {
        INFO("given '" << given << "'");
        const Reply r = given.empty() ? t.client->get(path, director)
                                      : t.client->send("GET", path, director, "", {{"X-Request-Id", given}});
        CHECK(r.status == 200);
        const std::string id = r.header("X-Request-Id");
        CHECK(id != given);
        CHECK(id.size() >= 16);
        made.insert(id);
    }
    CHECK(made.size() == 6);

    // A refusal quotes the request in its body as in its header, and changes nothing.
    const Reply refused = t.client->send("POST", "/api/v1/gaps", director, R"({"title":""})",
                                         {{"X-Request-Id", "bad-input-1"}});
    requireProblem(refused, 400);
    CHECK(refused.header("X-Request-Id") == "bad-input-1");
    CHECK(refused.json()->getValue<std::string>("request_id") == "bad-input-1");
    const Reply unknown = t.client->get("/api/v1/nothing-here", director);
    requireProblem(unknown, 404);
    CHECK(unknown.json()->getValue<std::string>("request_id") == unknown.header("X-Request-Id"));
    CHECK(listCount(t, "tehran.director") == 1);
}
