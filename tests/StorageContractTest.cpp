// The storage contract: what every backend must do, written once and run on each of them.
#include <atomic>
#include <catch2/catch.hpp>
#include <functional>
#include <set>
#include <thread>

#include "Errors.h"
#include "GapListSql.h"
#include "GapService.h"
#include "MeetingRepository.h"
#include "ProvisionsJson.h"
#include "SearchText.h"
#include "SqlBillRepository.h"
#include "SqlMeetingRepository.h"
#include "SqlOpinionRepository.h"
#include "SqliteConnection.h"
#include "StoreFactory.h"
#include "TestStores.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

/// The audit event a stored account starts with.
RecordEvent userCreated() { return recordEvent(Principal{}, "user", 0, "created", "", 1000); }

User someUser(const std::string& name, std::optional<std::string> city = "tehran") {
    return User{0, name, "pbkdf2-sha256$1$AA==$AA==", std::move(city), {"legal_director"}, 1000};
}

Gap someGap(std::int64_t createdBy, const std::string& title, const std::string& city = "tehran",
            std::int64_t at = 1000) {
    Gap g;
    g.fields = GapFields{title, "شرح " + title, "vacuum", "fees",           {{"قانون شهرداری", "ماده ۵۵"}},
                         city,  "normal",       false,    {3, 5000000000LL}};
    g.state = "reported";
    g.createdBy = createdBy;
    g.createdAt = g.updatedAt = at;
    return g;
}

GapEvent createdEvent(std::int64_t actor) {
    GapEvent e;
    e.at = 1000;
    e.actorId = actor;
    e.actorName = "someone";
    e.clientAddress = "127.0.0.1";
    e.type = "created";
    e.changesJson = "[]";
    e.fieldsJson = "{}";
    e.toState = "reported";
    return e;
}

GapEvent transitionEvent(std::int64_t actor, const std::string& from, const std::string& to) {
    GapEvent e = createdEvent(actor);
    e.type = "transition";
    e.fromState = from;
    e.toState = to;
    e.transition = "triage";
    return e;
}

GapStateChange stateChange(std::int64_t gapId, std::int64_t expected, const std::string& to, std::int64_t at,
                           GapEvent event) {
    event.at = at;
    return GapStateChange{gapId, expected, to, std::nullopt, event};
}

}  // namespace

TEST_CASE("a created gap reads back byte for byte with a yearly reference", "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    const std::int64_t uid = store->users().create(someUser("director"), userCreated());

    const Gap first = store->gaps().create(someGap(uid, "خلأ شهرداری\u200Cها ي ك"), 1405, createdEvent(uid));
    const Gap second = store->gaps().create(someGap(uid, "دوم"), 1405, createdEvent(uid));
    const Gap nextYear = store->gaps().create(someGap(uid, "سوم"), 1406, createdEvent(uid));
    CHECK(first.reference == "G-1405-0001");
    CHECK(second.reference == "G-1405-0002");
    CHECK(nextYear.reference == "G-1406-0001");
    CHECK(first.version == 1);

    const auto read = store->gaps().find(first.id);
    REQUIRE(read);
    CHECK(read->fields.title == "خلأ شهرداری\u200Cها ي ك");
    CHECK(read->fields.provisions == std::vector<Provision>{{"قانون شهرداری", "ماده ۵۵"}});
    CHECK(read->fields.impact == Impact{3, 5000000000LL});
    CHECK(read->createdByName == "director");
    CHECK(store->gaps().findByReference("G-1405-0002")->id == second.id);
    CHECK_FALSE(store->gaps().find(999999));
    CHECK_FALSE(store->gaps().findByReference("G-1405-9999"));

    const auto events = store->gaps().history(first.id);
    REQUIRE(events.size() == 1);
    CHECK(events[0].sequence == 1);
    CHECK(events[0].type == "created");
}

TEST_CASE("a stale version changes nothing and writes no event", "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    const std::int64_t uid = store->users().create(someUser("director"), userCreated());
    const Gap gap = store->gaps().create(someGap(uid, "نسخه"), 1405, createdEvent(uid));

    store->gaps().changeState(
        stateChange(gap.id, 1, "triaged", 2000, transitionEvent(uid, "reported", "triaged")));
    CHECK_THROWS_AS(store->gaps().changeState(stateChange(gap.id, 1, "rejected", 3000,
                                                          transitionEvent(uid, "reported", "rejected"))),
                    VersionConflict);
    Gap edited = *store->gaps().find(gap.id);
    edited.fields.title = "ویرایش";
    CHECK_THROWS_AS(store->gaps().update(edited, 1, createdEvent(uid)), VersionConflict);
    CHECK_THROWS_AS(store->gaps().changeState(
                        stateChange(424242, 1, "triaged", 3000, transitionEvent(uid, "reported", "triaged"))),
                    NotFound);

    const Gap now = *store->gaps().find(gap.id);
    CHECK(now.version == 2);
    CHECK(now.state == "triaged");
    CHECK(now.fields.title == "نسخه");
    CHECK(now.updatedAt == 2000);
    const auto events = store->gaps().history(gap.id);
    REQUIRE(events.size() == 2);
    CHECK(events[1].sequence == 2);
    CHECK(events[1].toState == "triaged");

    edited.fields.provisions = {{"قانون الف", "ماده ۱"}, {"قانون ب", "ماده ۲"}};
    edited.updatedAt = 4000;
    GapEvent editEvent = createdEvent(uid);
    editEvent.type = "edited";
    store->gaps().update(edited, 2, editEvent);
    const Gap afterEdit = *store->gaps().find(gap.id);
    CHECK(afterEdit.version == 3);
    CHECK(afterEdit.fields.title == "ویرایش");
    CHECK(afterEdit.fields.provisions.size() == 2);
    CHECK(store->gaps().history(gap.id).back().sequence == 3);
}

TEST_CASE("listing filters, hides others' confidential gaps and pages by cursor without gaps or repeats",
          "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    const std::int64_t uid = store->users().create(someUser("director"), userCreated());
    std::set<std::int64_t> all;
    for (int i = 0; i < 25; ++i) {
        Gap g = someGap(uid, "مورد " + std::to_string(i), i % 2 ? "tehran" : "mashhad", 1000 + i / 3);
        g.fields.confidential = i % 5 == 0;
        g.fields.priority = i % 4 == 0 ? "urgent" : "low";
        all.insert(store->gaps().create(g, 1405, createdEvent(uid)).id);
    }

    GapQuery q;
    q.limit = 4;
    q.scope.everyGap = true;
    std::set<std::int64_t> seen;
    std::int64_t lastKey = INT64_MAX, pages = 0;
    for (;;) {
        const GapPage page = store->gaps().list(q);
        for (const Gap& g : page.items) {
            CHECK(seen.insert(g.id).second);
            CHECK(g.createdAt <= lastKey);
            lastKey = g.createdAt;
        }
        ++pages;
        if (!page.next) break;
        q.after = page.next;
    }
    CHECK(seen == all);
    CHECK(pages == 7);

    GapQuery tehranViewer;
    tehranViewer.limit = 100;
    tehranViewer.scope.city = "tehran";
    for (const Gap& g : store->gaps().list(tehranViewer).items)
        CHECK((!g.fields.confidential || g.fields.municipality == "tehran"));
    CHECK(store->gaps().list(tehranViewer).items.size() == 25 - 3);  // mashhad's confidential: i = 0, 10, 20

    GapQuery filtered;
    filtered.limit = 100;
    filtered.scope.everyGap = true;
    filtered.municipality = "mashhad";
    filtered.priority = "urgent";
    for (const Gap& g : store->gaps().list(filtered).items) {
        CHECK(g.fields.municipality == "mashhad");
        CHECK(g.fields.priority == "urgent");
    }
    CHECK(store->gaps().list(filtered).items.size() == 7);  // i = 0, 4, …, 24
    filtered.municipality = "tehran";
    CHECK(store->gaps().list(filtered).items.empty());  // urgent ones are even-numbered, all in mashhad

    GapQuery search;
    search.limit = 100;
    search.scope.everyGap = true;
    search.terms = {"مورد", "12"};
    REQUIRE(store->gaps().list(search).items.size() == 1);
    search.terms = {"100%"};
    CHECK(store->gaps().list(search).items.empty());
    search.terms = {"_"};
    CHECK(store->gaps().list(search).items.empty());
}

TEST_CASE("counts per state follow the list's filters and visibility and stop above the cap", "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    const std::int64_t uid = store->users().create(someUser("director"), userCreated());
    // 30 gaps: every third triaged; Tehran's odd ones, Mashhad's even; every fifth confidential.
    for (int i = 0; i < 30; ++i) {
        Gap g = someGap(uid, "مورد شمارش " + std::to_string(i), i % 2 ? "tehran" : "mashhad", 1000 + i);
        g.fields.confidential = i % 5 == 0;
        g.state = i % 3 == 0 ? "triaged" : "reported";
        store->gaps().create(g, 1405, createdEvent(uid));
    }
    const std::vector<std::string> states = {"reported", "triaged", "drafting"};
    GapQuery everyone;
    everyone.scope.everyGap = true;
    everyone.state = "triaged";  // a state filter is left aside: the counts are per state
    using Counts = std::map<std::string, std::int64_t>;
    CHECK(store->gaps().countByState(everyone, states, 100) ==
          Counts{{"reported", 20}, {"triaged", 10}, {"drafting", 0}});
    // The cap: each count stops at cap + 1.
    CHECK(store->gaps().countByState(everyone, states, 12) ==
          Counts{{"reported", 13}, {"triaged", 10}, {"drafting", 0}});
    // Mashhad's confidential ones (i = 0, 10, 20) are not counted for Tehran.
    GapQuery tehran;
    tehran.scope.city = "tehran";
    std::int64_t hiddenReported = 0, hiddenTriaged = 0;
    for (int i = 0; i < 30; ++i)
        if (i % 5 == 0 && i % 2 == 0) (i % 3 == 0 ? hiddenTriaged : hiddenReported)++;
    CHECK(store->gaps().countByState(tehran, states, 100) ==
          Counts{{"reported", 20 - hiddenReported}, {"triaged", 10 - hiddenTriaged}, {"drafting", 0}});
    GapQuery filtered;
    filtered.scope.everyGap = true;
    filtered.municipality = "tehran";
    filtered.terms = {"شمارش"};
    // Tehran's: i odd, 15 in all; triaged when i % 3 == 0: 3, 9, 15, 21, 27.
    CHECK(store->gaps().countByState(filtered, states, 100) ==
          Counts{{"reported", 10}, {"triaged", 5}, {"drafting", 0}});
}

TEST_CASE("users are unique by name; sessions expire and are revoked; failed logins are counted",
          "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    const std::int64_t uid = store->users().create(someUser("director"), userCreated());
    store->users().create(someUser("secretary", std::nullopt), userCreated());
    CHECK_THROWS_AS(store->users().create(someUser("director"), userCreated()), AlreadyExists);
    CHECK(store->users().count() == 2);
    CHECK(store->users().findByUsername("secretary")->municipality == std::nullopt);
    CHECK(store->users().findById(uid)->roles == std::vector<std::string>{"legal_director"});

    store->sessions().create("hash-a", uid, 1000, 5000, "10.0.0.7",
                             "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0");
    CHECK(store->sessions().findSessionUser("hash-a", 4999)->user.id == uid);
    CHECK(store->sessions().findSessionUser("hash-a", 4999)->user.username == "director");
    CHECK_FALSE(store->sessions().findSessionUser("hash-a", 5000));
    CHECK_FALSE(store->sessions().findSessionUser("hash-b", 1000));
    // A live session is listed by the first 16 characters of its hash, the newest first, with where it signed
    // in from; ending one leaves the others, counts as a change of the account, and a second time finds none.
    const std::string b(64, 'b'), c(64, 'c');
    store->sessions().create(b, uid, 1100, 9000, "::1", "");
    store->sessions().create(c, uid, 1200, 9000, "10.0.0.8", "curl/8.0");
    std::vector<SessionInfo> live = store->users().liveSessions(uid, 4999, 10);
    REQUIRE(live.size() == 3);
    CHECK(live[0].id == c.substr(0, 16));
    CHECK(live[0].client == "10.0.0.8");
    CHECK(live[0].userAgent == "curl/8.0");
    CHECK(live[0].createdAt == 1200);
    CHECK(live[0].expiresAt == 9000);
    CHECK(live[1].userAgent.empty());
    CHECK(live[2].id == "hash-a");
    // Its sign-in is a session's first use; a later use is recorded with its address.
    CHECK(live[0].lastUsedAt == 1200);
    CHECK(live[0].lastClient == "10.0.0.8");
    CHECK(store->sessions().findSessionUser("hash-a", 4999)->lastUsedAt == 1000);
    store->sessions().touch("hash-a", 2500, "10.0.0.9");
    CHECK(store->sessions().findSessionUser("hash-a", 4999)->lastUsedAt == 2500);
    live = store->users().liveSessions(uid, 4999, 10);
    REQUIRE(live.size() == 3);
    CHECK(live[2].lastUsedAt == 2500);
    CHECK(live[2].lastClient == "10.0.0.9");
    CHECK(live[2].client == "10.0.0.7");
    CHECK(live[2].createdAt == 1000);
    CHECK(store->users().liveSessions(uid, 5000, 10).size() == 2);  // hash-a expires at 5000
    CHECK(store->users().liveSessions(uid, 4999, 1).size() == 1);
    RecordEvent ended = userCreated();
    ended.type = "session_ended";
    ended.at = 3000;
    store->users().endSession(uid, b.substr(0, 16), ended, std::nullopt);
    CHECK_FALSE(store->sessions().findSessionUser(b, 3001));
    CHECK(store->sessions().findSessionUser(c, 3001)->user.id == uid);
    CHECK(store->users().findById(uid)->version == 2);
    CHECK_THROWS_AS(store->users().endSession(uid, b.substr(0, 16), ended, std::nullopt), NotFound);
    CHECK_THROWS_AS(store->users().endSession(uid + 1, c.substr(0, 16), ended, std::nullopt), NotFound);
    CHECK(store->users().findById(uid)->version == 2);
    CHECK(store->users().liveSessions(uid, 3001, 10).size() == 2);

    store->sessions().revoke("hash-a", 2000);
    CHECK_FALSE(store->sessions().findSessionUser("hash-a", 3000));

    // Each admitted attempt counts as a failure until its user's failures are cleared; an attempt is
    // refused once its username or its address has `max` failures in the window.
    SessionRepository& sessions = store->sessions();
    for (int i = 0; i < 3; ++i)
        CHECK(sessions.admitLoginAttempt("director", "10.0.0.1", 100 + i, 0, 4).admitted);
    SessionRepository::LoginAttempt a = sessions.admitLoginAttempt("other", "10.0.0.1", 200, 0, 4);
    CHECK(a.admitted);
    CHECK(a.failures.byClient == 3);
    CHECK(a.failures.byUsername == 0);
    a = sessions.admitLoginAttempt("director", "10.0.0.1", 300, 0, 4);
    CHECK_FALSE(a.admitted);  // the address has four
    CHECK(a.failures.byUsername == 3);
    CHECK(a.failures.byClient == 4);
    CHECK(a.failures.oldestByUsername == 100);
    a = sessions.admitLoginAttempt("director", "10.0.0.9", 300, 101, 4);  // only the one at 102 counts
    CHECK(a.admitted);
    CHECK(a.failures.byUsername == 1);
    CHECK(a.failures.byClient == 0);
    sessions.clearLoginFailures("director");
    a = sessions.admitLoginAttempt("director", "10.0.0.9", 400, 0, 4);
    CHECK(a.failures.byUsername == 0);
    CHECK(a.failures.byClient == 0);  // they were that address's only ones
}

TEST_CASE("failed logins older than the window are deleted by the next attempt, of any name or address",
          "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    const StoreSettings settings = freshStoreSettings(backend, dir);
    auto store = openStore(settings);
    const auto db = openDatabase(settings);
    const auto kept = [&] {
        std::int64_t n = 0;
        db->query([&](SqlSession& s) { n = selectInteger(s, "SELECT COUNT(*) FROM login_failures", {}); });
        return n;
    };
    // A password sprayed over names never used again, from addresses never seen again.
    SessionRepository& sessions = store->sessions();
    for (int i = 0; i < 50; ++i)
        CHECK(
            sessions
                .admitLoginAttempt("name" + std::to_string(i), "10.0.0." + std::to_string(i), 1000 + i, 0, 5)
                .admitted);
    CHECK(kept() == 50);
    // Someone else's attempt with a window that starts after the first 30: those 30 go, the rest still count.
    const SessionRepository::LoginAttempt a =
        sessions.admitLoginAttempt("name40", "10.0.0.40", 2000, 1029, 5);
    CHECK(a.admitted);
    CHECK(a.failures.byUsername == 1);
    CHECK(a.failures.byClient == 1);
    CHECK(kept() == 21);  // 20 of the window, and this attempt
    CHECK(sessions.admitLoginAttempt("name5", "10.0.0.5", 2001, 1029, 5).failures.byUsername == 0);
    CHECK(kept() == 22);
}

TEST_CASE("an account's live sessions all end but one, however many, as one change; none live writes nothing",
          "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    const std::int64_t uid = store->users().create(someUser("director"), userCreated());
    const std::int64_t other = store->users().create(someUser("expert"), userCreated());
    // More than a page of them (UserService::SESSIONS_SHOWN is 100), one expired, one of another account.
    const auto hashOf = [](int i) { return std::string(60, 'a') + std::to_string(1000 + i); };
    for (int i = 0; i < 120; ++i) store->sessions().create(hashOf(i), uid, 1000 + i, 9000, "10.0.0.7", "");
    store->sessions().create("expired", uid, 500, 2000, "", "");
    store->sessions().create("theirs", other, 1000, 9000, "", "");
    RecordEvent ended = userCreated();
    ended.type = "sessions_ended";
    ended.at = 3000;

    // The notice telling the owner goes into the outbox with the change, keyed by the account's new version.
    OutgoingMail notice;
    notice.userId = uid;
    notice.recipient = "director@example.ir";
    notice.subject = "sessions ended";
    notice.text = "text";
    notice.html = "<p>html</p>";
    notice.createdAt = notice.nextAttemptAt = 3000;

    CHECK(store->users().endSessions(uid, hashOf(7), ended, notice) == 119);
    std::vector<OutgoingMail> outbox = store->mail().messages(uid, 20);
    REQUIRE(outbox.size() == 1);
    CHECK(outbox[0].digestKey == "account:2");
    CHECK(outbox[0].subject == "sessions ended");
    CHECK(store->sessions().findSessionUser(hashOf(7), 3001)->user.id == uid);
    for (int i : {0, 6, 8, 99, 100, 119}) CHECK_FALSE(store->sessions().findSessionUser(hashOf(i), 3001));
    CHECK(store->sessions().findSessionUser("theirs", 3001)->user.id == other);
    const std::vector<SessionInfo> live = store->users().liveSessions(uid, 3001, 200);
    REQUIRE(live.size() == 1);
    CHECK(live[0].id == hashOf(7).substr(0, 16));
    CHECK(store->users().findById(uid)->version == 2);
    CHECK(store->users().findById(other)->version == 1);
    auto events = store->recordEvents().history("user", uid);
    REQUIRE(events.size() == 2);
    CHECK(events[1].type == "sessions_ended");
    CHECK(events[1].at == 3000);
    CHECK(events[1].dataJson == R"({"sessions":119})");

    // Nothing left to end but the one kept: no change, no event.
    CHECK(store->users().endSessions(uid, hashOf(7), ended, notice) == 0);
    CHECK(store->users().findById(uid)->version == 2);
    CHECK(store->recordEvents().history("user", uid).size() == 2);
    CHECK(store->mail().messages(uid, 20).size() == 1);
    // "" keeps none.
    ended.at = 4000;
    CHECK(store->users().endSessions(uid, "", ended, std::nullopt) == 1);
    CHECK(store->mail().messages(uid, 20).size() == 1);
    CHECK_FALSE(store->sessions().findSessionUser(hashOf(7), 4001));
    CHECK(store->users().findById(uid)->version == 3);
    events = store->recordEvents().history("user", uid);
    REQUIRE(events.size() == 3);
    CHECK(events[2].dataJson == R"({"sessions":1})");
}

TEST_CASE("gaps created at once get consecutive references and the ids they read back by",
          "[storage][concurrency]") {
    // MariaDB hands back the new count and the new id with the INSERT itself (RETURNING); the others
    // ask after it. Either way, writers racing for the year's counter must neither share nor skip one.
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = openStore(freshStoreSettings(backend, dir));
    const std::int64_t uid = store->users().create(someUser("director"), userCreated());
    constexpr int THREADS = 6, EACH = 10;
    std::vector<std::vector<Gap>> made(THREADS);
    std::vector<std::thread> threads;
    for (int t = 0; t < THREADS; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < EACH; ++i)
                made[t].push_back(
                    store->gaps().create(someGap(uid, "خلأ " + std::to_string(t) + "-" + std::to_string(i)),
                                         1405, createdEvent(uid)));
        });
    for (auto& t : threads) t.join();
    std::set<std::string> references;
    std::set<std::int64_t> ids;
    for (const auto& list : made)
        for (const Gap& g : list) {
            references.insert(g.reference);
            ids.insert(g.id);
            const auto read = store->gaps().find(g.id);
            REQUIRE(read);
            CHECK(read->reference == g.reference);
            CHECK(read->fields.title == g.fields.title);
            CHECK(store->gaps().history(g.id).size() == 1);
            CHECK(store->inbox().watches(g.id, uid));
        }
    CHECK(ids.size() == THREADS * EACH);
    REQUIRE(references.size() == THREADS * EACH);
    CHECK(*references.begin() == "G-1405-0001");
    CHECK(*references.rbegin() == "G-1405-0060");
    // The reporter watches each of his gaps and was told of none of them.
    CHECK(store->inbox().notifications(uid, false, 100).empty());
}

TEST_CASE("sign-in attempts made at once are admitted no more than the limit", "[storage][concurrency]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = openStore(freshStoreSettings(backend, dir));
    constexpr int THREADS = 8, EACH = 8, LIMIT = 5;
    std::atomic<int> admitted{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < THREADS; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < EACH; ++i)
                // One username from many addresses, as a spread-out guess at one account would be.
                if (store->sessions()
                        .admitLoginAttempt("director", "10.0.0." + std::to_string(t), 1000 + i, 0, LIMIT)
                        .admitted)
                    ++admitted;
        });
    for (auto& t : threads) t.join();
    CHECK(admitted == LIMIT);
}

TEST_CASE("the store survives being reopened and keeps everything", "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    const StoreSettings settings = freshStoreSettings(backend, dir);
    std::int64_t id = 0;
    {
        auto store = openStore(settings);
        const std::int64_t uid = store->users().create(someUser("director"), userCreated());
        id = store->gaps().create(someGap(uid, "ماندگار"), 1405, createdEvent(uid)).id;
    }
    auto reopened = openStore(settings);
    REQUIRE(reopened->gaps().find(id));
    CHECK(reopened->gaps().find(id)->fields.title == "ماندگار");
    CHECK(reopened->reachable());
}

TEST_CASE("every filter and sort combination of the list runs and orders its page", "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    const std::int64_t uid = store->users().create(someUser("director"), userCreated());
    for (int i = 0; i < 12; ++i) {
        Gap g = someGap(uid, "مورد " + std::to_string(i), i % 2 ? "tehran" : "mashhad", 1000 + i);
        g.fields.priority = gapvalues::priorities()[i % 4];
        store->gaps().create(g, 1405, createdEvent(uid));
    }
    for (const auto key :
         {GapQuery::SortKey::CreatedAt, GapQuery::SortKey::UpdatedAt, GapQuery::SortKey::Priority})
        for (const bool descending : {true, false})
            for (const bool byState : {false, true})
                for (const bool byCity : {false, true}) {
                    GapQuery q;
                    q.limit = 100;
                    q.scope.everyGap = true;
                    q.sortKey = key;
                    q.descending = descending;
                    if (byState) q.state = "reported";
                    if (byCity) q.municipality = "tehran";
                    INFO(gapListIndex(q) << (descending ? " desc" : " asc"));
                    const GapPage page = store->gaps().list(q);
                    CHECK(page.items.size() == (byCity ? 6u : 12u));
                    for (std::size_t i = 1; i < page.items.size(); ++i) {
                        const auto a = gapSortKey(page.items[i - 1], key), b = gapSortKey(page.items[i], key);
                        CHECK((descending ? a >= b : a <= b));
                    }
                }
}

namespace {

/// A fresh store on `backend` with one user, to fill with a generated data set and read the plans of the
/// lists' statements from.
class PlanProbe {
public:
    explicit PlanProbe(const std::string& backend)
        : mysql(backend == "mysql"), _settings(freshStoreSettings(backend, _dir)) {
        {
            auto store = openStore(_settings);
            uid = store->users().create(someUser("director"), userCreated());
        }
        _database = openDatabase(_settings);
    }

    /// INSERTs `count` rows into `table (columns)`, `values` being their expressions over `seq` (1…count).
    void insert(const std::string& table, const std::string& values, int count) {
        run(mysql ? "INSERT INTO " + table + " SELECT " + values + " FROM seq_1_to_" + std::to_string(count)
                  : "WITH RECURSIVE n(seq) AS (SELECT 1 UNION ALL SELECT seq + 1 FROM n WHERE seq < " +
                        std::to_string(count) + ") INSERT INTO " + table + " SELECT " + values + " FROM n");
    }
    /// `prefix` followed by seq, as a text expression.
    std::string numbered(const std::string& prefix) const {
        return mysql ? "CONCAT('" + prefix + "', seq)" : "'" + prefix + "' || seq";
    }
    void analyze() { run(mysql ? "ANALYZE TABLE gaps, bills, meetings, opinions" : "ANALYZE"); }

    /// The steps of the statement's plan, one per line — MariaDB: "table key=KEY Extra"; SQLite: the
    /// detail — and, on MariaDB, how many temporary tables running it wrote to disk (its temporary tables
    /// go to disk when they hold a text column).
    using Statement = std::pair<std::string, std::vector<SqlParameter>>;
    std::string plan(const std::function<Statement(const SqlSession&)>& statement) {
        std::string all;
        _database->read([&](SqlSession& s) {
            const Statement st = statement(s);
            all = planIn(s, st.first, st.second);
        });
        return all;
    }
    std::string plan(const std::string& sql, const std::vector<SqlParameter>& parameters) {
        return plan([&](const SqlSession&) { return Statement{sql, parameters}; });
    }

    const bool mysql;
    std::int64_t uid = 0;

private:
    std::string planIn(SqlSession& s, const std::string& sql, const std::vector<SqlParameter>& parameters) {
        std::string all;
        const auto steps = selectRows(s, (mysql ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql, parameters,
                                      [&](const SqlStatement& row) {
                                          if (!mysql) return row.text(3);
                                          // id, select_type, table, type, possible_keys, key, key_len, ref,
                                          // rows, Extra
                                          return row.text(2) + " key=" + (row.isNull(5) ? "" : row.text(5)) +
                                                 " " + (row.isNull(9) ? "" : row.text(9));
                                      });
        for (const std::string& step : steps) all += step + " \n";
        if (!mysql) return all;
        const auto diskTables = [&] {
            return selectOne(s, "SHOW SESSION STATUS LIKE 'Created_tmp_disk_tables'", {},
                             [](const SqlStatement& r) { return std::stoll(r.text(1)); })
                .value();
        };
        const long long before = diskTables();
        selectRows(s, sql, parameters, [](const SqlStatement&) { return 0; });
        return all + "temporary tables on disk: " + std::to_string(diskTables() - before) + "\n";
    }

    /// Each statement in its own transaction: MariaDB's ANALYZE TABLE commits whatever came before it.
    void run(const std::string& sql) {
        _database->write([&](SqlSession& s) {
            const auto statement = s.prepare(sql);
            while (statement->step()) {
            }
        });
    }

    TempDir _dir;
    StoreSettings _settings;
    std::unique_ptr<SqlDatabase> _database;
};

/// How many times `part` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size()))
        ++n;
    return n;
}

}  // namespace

TEST_CASE("the list's plan stays on its index, without a sort, on a skewed data set of 20,000 gaps",
          "[storage]") {
    // What a planner's statistics can mislead: 95% of the gaps in one city, 98% of them closed. Whatever the
    // statistics say (ANALYZE ran), every filter and sort must read its own index in order, never sort.
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    PlanProbe probe(backend);
    probe.insert(
        "gaps (reference, title, description, search_text, provisions, kind, category, municipality, "
        "priority, priority_rank, confidential, pending_lawsuits, exposure_rials, state, version, "
        "created_by, created_at, updated_at)",
        probe.numbered("P-") +
            ", 'عنوان', 'شرح', '', '[]', 'vacuum', 'fees', CASE WHEN seq % 20 = 0 THEN 'mashhad' ELSE "
            "'tehran' END, 'normal', seq % 4, 0, 0, 0, CASE WHEN seq % 50 = 0 THEN 'reported' ELSE "
            "'closed' END, 1, " +
            std::to_string(probe.uid) + ", 1000 + seq, 2000 + (seq * 7919) % 20000",
        20000);
    probe.analyze();
    for (const auto key :
         {GapQuery::SortKey::CreatedAt, GapQuery::SortKey::UpdatedAt, GapQuery::SortKey::Priority})
        for (const bool descending : {true, false})
            for (const char* state : {"", "reported", "closed"})
                for (const char* city : {"", "mashhad", "tehran"})
                    for (const auto columns : {GapListColumns::Whole, GapListColumns::Summary}) {
                        GapQuery q;
                        q.limit = 20;
                        q.scope.everyGap = true;
                        q.sortKey = key;
                        q.descending = descending;
                        if (*state) q.state = state;
                        if (*city) q.municipality = city;
                        const std::string index = gapListIndex(q);
                        INFO(index << (descending ? " desc" : " asc") << " state=" << state << " city="
                                   << city << (columns == GapListColumns::Summary ? " (summaries)" : ""));
                        const std::string plan = probe.plan([&](const SqlSession& s) {
                            GapListSql list = buildGapListSql(q, s, columns);
                            return PlanProbe::Statement{std::move(list.sql), std::move(list.parameters)};
                        });
                        INFO(plan);
                        if (probe.mysql) {
                            CHECK_THAT(plan, Catch::Contains("g key=" + index + " "));
                            CHECK_THAT(plan, !Catch::Contains("filesort"));
                            CHECK_THAT(plan, Catch::Contains("temporary tables on disk: 0"));
                        } else {
                            CHECK_THAT(plan, Catch::Contains("INDEX " + index + " "));
                            CHECK_THAT(plan, !Catch::Contains("TEMP B-TREE"));
                        }
                    }
}

TEST_CASE(
    "the bills board, the meetings calendar and the opinions list stay on their indexes on a skewed "
    "data set",
    "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    PlanProbe probe(backend);
    const std::string uid = std::to_string(probe.uid);
    // 98% of the bills promulgated, of the meetings held, of the opinions published; 95% of the opinions
    // from one city.
    probe.insert(
        "bills (reference, title, channel, registration_no, lead_commission, advisory_commissions, "
        "urgency, state, version, due_at, extensions, created_by, created_at, updated_at)",
        probe.numbered("B-") +
            ", 'لایحه', 'government_bill', '', 'کمیسیون قضایی و حقوقی', '', 'ordinary', CASE WHEN seq % "
            "50 = 0 THEN 'submitted' ELSE 'promulgated' END, 1, NULL, 0, " +
            uid + ", 1000 + seq, 1000 + seq",
        20000);
    probe.insert(
        "meetings (scheduled_at, place, state, version, created_by, created_at, updated_at)",
        "1000 + (seq * 7919) % 20000, 'تهران', CASE WHEN seq % 50 = 0 THEN 'scheduled' ELSE 'held' END, "
        "1, " +
            uid + ", 1000 + seq, 1000 + seq",
        20000);
    probe.insert(
        "opinions (reference, municipality, asked_by, title, question, answer, assignee, state, version, "
        "due_at, published_at, created_at, updated_at)",
        probe.numbered("O-") + ", CASE WHEN seq % 20 = 0 THEN 'mashhad' ELSE 'tehran' END, " + uid +
            ", 'استعلام', 'پرسش', 'پاسخ', '', CASE WHEN seq % 50 = 0 THEN 'asked' ELSE 'published' END, 1, "
            "NULL, NULL, 1000 + seq, 1000 + seq",
        20000);
    probe.analyze();
    const auto noSort = [&](const std::string& plan) {
        CHECK_THAT(plan, !Catch::Contains(probe.mysql ? "filesort" : "TEMP B-TREE"));
    };
    const auto noDiskTables = [&](const std::string& plan) {
        if (probe.mysql) CHECK_THAT(plan, Catch::Contains("temporary tables on disk: 0"));
    };

    SECTION("the bills board: each state's newest by its index, then their rows by key") {
        for (const std::vector<std::string>& states : std::vector<std::vector<std::string>>{
                 {}, {"submitted"}, {"submitted", "promulgated"}, {"draft", "submitted", "promulgated"}}) {
            const std::string plan = probe.plan([&](const SqlSession& s) {
                return PlanProbe::Statement{billListSql(s, states.size()), billListParameters(states, 20)};
            });
            INFO(states.size() << " states\n" << plan);
            noDiskTables(plan);
            if (states.empty()) {
                CHECK_THAT(plan, Catch::Contains(probe.mysql ? "b key=bills_by_created "
                                                             : "INDEX bills_by_created"));
                noSort(plan);
            } else {
                CHECK(occurrences(plan, probe.mysql ? "bills key=bills_by_state "
                                                    : "INDEX bills_by_state ") == states.size());
                // Only the rows the states' parts found are sorted, once, to merge them.
                CHECK(occurrences(plan, probe.mysql ? "filesort" : "TEMP B-TREE") <= 1);
                CHECK_THAT(plan,
                           Catch::Contains(probe.mysql ? "b key=PRIMARY" : "USING INTEGER PRIMARY KEY"));
            }
        }
    }
    SECTION("the meetings calendar and list: by time, or by state and time") {
        for (const char* state : {"", "scheduled", "held"})
            for (const bool range : {false, true})
                for (const bool earliestFirst : {true, false}) {
                    MeetingQuery q;
                    if (*state) q.state = state;
                    if (range) q.from = 5000, q.before = 6000;
                    q.earliestFirst = earliestFirst;
                    std::vector<SqlParameter> parameters;
                    const std::string sql = meetingSummariesSql(q, parameters);
                    const std::string plan = probe.plan(sql, parameters);
                    const std::string index = *state ? "meetings_by_state" : "meetings_by_time";
                    INFO("state=" << state << " range=" << range << " earliest first=" << earliestFirst
                                  << "\n"
                                  << plan);
                    CHECK_THAT(
                        plan, Catch::Contains(probe.mysql ? "m key=" + index + " " : "INDEX " + index + " "));
                    noSort(plan);
                    noDiskTables(plan);
                }
    }
    SECTION("the opinions list: newest first through the index of its filters") {
        for (const char* state : {"", "asked", "published"})
            for (const char* city : {"", "mashhad", "tehran"}) {
                const std::string plan = probe.plan([&](const SqlSession& s) {
                    PlanProbe::Statement st;
                    st.first = opinionListSql(s, *state ? std::optional<std::string>(state) : std::nullopt,
                                              *city ? std::optional<std::string>(city) : std::nullopt, 20,
                                              st.second);
                    return st;
                });
                const std::string index = *state && *city ? "opinions_by_municipality_state"
                                          : *city         ? "opinions_by_municipality"
                                          : *state        ? "opinions_by_state"
                                                          : "";
                INFO("state=" << state << " city=" << city << "\n" << plan);
                if (index.empty())  // newest first: the table's own order
                    CHECK_THAT(plan, Catch::Contains(probe.mysql ? "o key=PRIMARY" : "SCAN o"));
                else
                    CHECK_THAT(
                        plan, Catch::Contains(probe.mysql ? "o key=" + index + " " : "INDEX " + index + " "));
                noSort(plan);
                noDiskTables(plan);
            }
    }
}

TEST_CASE("drafts are immutable versions per gap; a stale save changes nothing", "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    const std::int64_t uid = store->users().create(someUser("director"), userCreated());
    const Gap gap = store->gaps().create(someGap(uid, "پیش‌نویس"), 1405, createdEvent(uid));
    Draft d;
    d.gapId = gap.id;
    d.text = "متن «اول»؛ با نیم‌فاصله";
    d.rationale = "دلیل";
    d.provisions = {{"قانون شهرداری", "ماده ۱۰۰"}};
    d.authorId = uid;
    d.authorName = "director";
    d.createdAt = 2000;
    GapEvent saved = createdEvent(uid);
    saved.type = "draft_saved";
    CHECK(store->drafts().save(d, 0, saved).version == 1);
    d.text = "متن دوم";
    CHECK_THROWS_AS(store->drafts().save(d, 0, saved), VersionConflict);
    CHECK(store->drafts().save(d, 1, saved).version == 2);
    d.gapId = 424242;
    CHECK_THROWS_AS(store->drafts().save(d, 0, saved), NotFound);

    CHECK(store->drafts().latestVersion(gap.id) == 2);
    const auto first = store->drafts().find(gap.id, 1);
    REQUIRE(first);
    CHECK(first->text == "متن «اول»؛ با نیم‌فاصله");
    CHECK(first->provisions == std::vector<Provision>{{"قانون شهرداری", "ماده ۱۰۰"}});
    CHECK(store->drafts().list(gap.id).size() == 2);
    // Each save is a gap event too: created, draft 1, draft 2 — and nothing from the refused ones.
    const auto events = store->gaps().history(gap.id);
    REQUIRE(events.size() == 3);
    CHECK(events[2].sequence == 3);
    CHECK(events[2].fieldsJson == "{\"draft_version\":2}");
    CHECK(store->gaps().find(gap.id)->version == 3);
}

TEST_CASE("a bill's change and its gaps' changes commit together or not at all", "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    const std::int64_t uid = store->users().create(someUser("liaison", std::nullopt), userCreated());
    Gap gap = store->gaps().create(someGap(uid, "لایحه"), 1405, createdEvent(uid));
    store->gaps().changeState(
        stateChange(gap.id, 1, "endorsed", 1500, transitionEvent(uid, "reported", "endorsed")));

    Bill bill;
    bill.title = "لایحه اصلاح";
    bill.channel = "government_bill";
    bill.leadCommission = "کمیسیون قضایی و حقوقی";
    bill.advisoryCommissions = {"کمیسیون عمران", "کمیسیون اقتصادی"};
    bill.state = "submitted";
    bill.createdBy = uid;
    bill.createdAt = bill.updatedAt = 2000;
    bill.dueAt = 9000;
    bill.gaps = {BillGap{gap.id, gap.reference, "", {}}};
    RecordEvent created;
    created.entityType = "bill";
    created.type = "created";
    created.at = 2000;
    created.actorId = uid;
    const Bill stored = store->bills().create(bill, 1405, created, [&](const std::string& reference) {
        GapStateChange follow =
            stateChange(gap.id, 2, "in_parliament", 2000, transitionEvent(uid, "endorsed", "in_parliament"));
        follow.event.fieldsJson = "{\"bill\":\"" + reference + "\"}";
        return std::vector<GapStateChange>{follow};
    });
    CHECK(stored.reference == "B-1405-0001");
    CHECK(store->gaps().history(gap.id).back().fieldsJson == "{\"bill\":\"B-1405-0001\"}");
    CHECK(store->bills().billsOfGap(gap.id) == std::vector<std::int64_t>{stored.id});

    // A stale gap version rolls the whole bill change back.
    Bill next = *store->bills().find(stored.id);
    CHECK(next.advisoryCommissions == bill.advisoryCommissions);
    next.state = "announced";
    next.sponsors = {Sponsor{"نماینده", "قم", 2100, std::nullopt}};
    RecordEvent moved = created;
    moved.type = "transition";
    const GapStateChange stale =
        stateChange(gap.id, 2, "enacted", 3000, transitionEvent(uid, "in_parliament", "enacted"));
    CHECK_THROWS_AS(store->bills().save(next, 1, {moved}, {stale}), VersionConflict);
    const Bill unchanged = *store->bills().find(stored.id);
    CHECK(unchanged.state == "submitted");
    CHECK(unchanged.version == 1);
    CHECK(unchanged.sponsors.empty());
    CHECK(store->recordEvents().history("bill", stored.id).size() == 1);
    CHECK(store->gaps().find(gap.id)->state == "in_parliament");

    // Two events in one save: the version moves by two and the sequences follow.
    store->bills().save(next, 1, {moved, moved}, {});
    CHECK(store->bills().find(stored.id)->version == 3);
    const auto events = store->recordEvents().history("bill", stored.id);
    REQUIRE(events.size() == 3);
    CHECK(events[2].sequence == 3);
    CHECK_THROWS_AS(store->bills().save(next, 1, {moved}, {}), VersionConflict);
}

TEST_CASE("a store from before the search index gets its gaps indexed when it opens", "[storage][search]") {
    TempDir dir;
    const StoreSettings settings = freshStoreSettings("sqlite", dir);
    std::int64_t gapId = 0;
    {
        auto store = openStore(settings);
        const std::int64_t uid = store->users().create(someUser("director"), userCreated());
        gapId = store->gaps()
                    .create(someGap(uid, "زلزله‌شناسی شهری"), 1405, createdEvent(uid))
                    .id;
    }
    {
        // What a store written before migration 003 looks like: gaps without postings.
        SqliteConnection raw(settings.sqlitePath);
        raw.execute("DELETE FROM search_postings");
    }
    auto store = openStore(settings);
    const auto found = store->search().candidates({"زلزلهشناسی"}, "gap", 10);
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == gapId);
}

TEST_CASE("a store made under older text rules remakes its provision keys, court keys and index once",
          "[storage][search]") {
    TempDir dir;
    const StoreSettings settings = freshStoreSettings("sqlite", dir);
    std::int64_t gapId = 0;
    {
        auto store = openStore(settings);
        const std::int64_t uid = store->users().create(someUser("director"), userCreated());
        Gap gap = someGap(uid, "ساختمان‌های نیمه‌تمام");
        gap.fields.provisions = {{"قانون نوسازی و عمران شهری", "ماده ۲۹"}};
        gapId = store->gaps().create(gap, 1405, createdEvent(uid)).id;
    }
    {
        // What the store looks like after it was written by older stems: keys and postings of its own.
        SqliteConnection raw(settings.sqlitePath);
        raw.execute("UPDATE gap_provisions SET provision_key = 'قانون_نوسازی_عمر_شهری:29'");
        raw.execute("UPDATE search_postings SET term = term || 'x'");
        raw.execute("UPDATE derived_data SET version = 1");
    }
    auto store = openStore(settings);
    const ProvisionPage page = store->rulings().provision("قانون_نوسازی_عمران_شهری:29", {10, 10});
    REQUIRE(page.gaps.size() == 1);
    CHECK(page.gaps[0].id == gapId);
    CHECK(store->rulings().provision("قانون_نوسازی_عمر_شهری:29", {10, 10}).gaps.empty());
    const auto found = store->search().candidates(searchTerms("ساختمان"), "gap", 10);
    REQUIRE(found.size() == 1);
    CHECK(found[0].id == gapId);
    // Once: a second start finds the data current and leaves it.
    {
        SqliteConnection raw(settings.sqlitePath);
        raw.execute("UPDATE gap_provisions SET provision_key = 'kept'");
    }
    CHECK(openStore(settings)->rulings().provision("kept", {10, 10}).gaps.size() == 1);
}

TEST_CASE("a calendar's summaries say what the meetings read whole say, in the same order",
          "[storage][meetings]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    const std::int64_t uid = store->users().create(someUser("secretary", std::nullopt), userCreated());
    std::vector<std::int64_t> gaps;
    for (int i = 0; i < 4; ++i)
        gaps.push_back(
            store->gaps().create(someGap(uid, "دستور " + std::to_string(i)), 1405, createdEvent(uid)).id);
    // Meetings with nothing, with an agenda only, with attendance, votes and some decisions; two at one time.
    for (int m = 0; m < 5; ++m) {
        Meeting meeting;
        meeting.scheduledAt = 100000 + (m == 4 ? 3 : m) * 1000;
        meeting.place = "تالار " + std::to_string(m);
        meeting.state = m == 2 ? "closed" : "scheduled";
        meeting.createdBy = uid;
        meeting.createdAt = meeting.updatedAt = 1000;
        for (int i = 0; i < m && i < 4; ++i) {
            MeetingItem item;
            item.gapId = gaps[static_cast<std::size_t>(i)];
            if (i % 2 == 0 && m >= 2)
                item.decision = "approve", item.decidedAt = 5000, item.decidedBy = "secretary";
            if (m >= 3) item.votes = {MeetingVote{"tehran", "approve", uid, "secretary", 4000}};
            meeting.items.push_back(item);
        }
        if (m >= 1) meeting.present = {"tehran", "mashhad"};
        if (m == 3) meeting.present.push_back("isfahan");
        store->meetings().create(meeting,
                                 recordEvent(Principal{}, "meeting", 0, "created", meeting.state, 1000));
    }
    std::vector<MeetingQuery> queries(4);
    queries[1].earliestFirst = true;
    queries[2].state = "scheduled";
    queries[2].limit = 3;
    queries[3].from = 101000;
    queries[3].before = 104000;
    queries[3].earliestFirst = true;
    for (const MeetingQuery& q : queries) {
        const std::vector<Meeting> whole = store->meetings().list(q);
        const std::vector<MeetingSummary> summaries = store->meetings().summaries(q);
        REQUIRE(summaries.size() == whole.size());
        for (std::size_t i = 0; i < whole.size(); ++i) {
            const MeetingSummary expected = summaryOf(whole[i]);
            CHECK(summaries[i].meeting.id == expected.meeting.id);
            CHECK(summaries[i].meeting.place == expected.meeting.place);
            CHECK(summaries[i].meeting.state == expected.meeting.state);
            CHECK(summaries[i].meeting.version == expected.meeting.version);
            CHECK(summaries[i].meeting.createdByName == "secretary");
            CHECK(summaries[i].agendaSize == expected.agendaSize);
            CHECK(summaries[i].decided == expected.decided);
            CHECK(summaries[i].presentCount == expected.presentCount);
            CHECK(summaries[i].meeting.items.empty());
        }
    }
    // The counts are what was written, not only what list() says.
    const std::vector<MeetingSummary> all = store->meetings().summaries(queries[1]);
    REQUIRE(all.size() == 5);
    CHECK(all[3].agendaSize == 3);
    CHECK(all[3].decided == 2);
    CHECK(all[3].presentCount == 3);
    CHECK(all[0].agendaSize == 0);
    CHECK(all[0].presentCount == 0);
}

TEST_CASE("a board reads each state's newest bills in one go, as many per state as asked", "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    const std::int64_t uid = store->users().create(someUser("liaison", std::nullopt), userCreated());
    const std::vector<std::string> states = {"submitted", "announced", "submitted", "rejected",
                                             "submitted", "announced", "rejected",  "submitted"};
    for (std::size_t i = 0; i < states.size(); ++i) {
        Bill bill;
        bill.title = "لایحه " + std::to_string(i);
        bill.channel = "government_bill";
        bill.leadCommission = "کمیسیون قضایی و حقوقی";
        bill.state = states[i];
        bill.createdBy = uid;
        bill.createdAt = bill.updatedAt = 2000 + static_cast<std::int64_t>(i % 3);  // ties broken by id
        bill.sponsors = {Sponsor{"نماینده " + std::to_string(i), "قم", 2100, std::nullopt}};
        store->bills().create(bill, 1405, recordEvent(Principal{}, "bill", 0, "created", bill.state, 2000),
                              [](const std::string&) { return std::vector<GapStateChange>{}; });
    }
    const std::vector<std::string> asked = {"submitted", "announced", "rejected", "lapsed"};
    for (const std::size_t perState : {std::size_t{1}, std::size_t{2}, std::size_t{10}}) {
        INFO(perState);
        const std::vector<Bill> board = store->bills().list(asked, perState);
        std::vector<Bill> expected;
        for (const std::string& s : asked)
            for (Bill& b : store->bills().list(std::vector{s}, perState)) expected.push_back(std::move(b));
        std::sort(expected.begin(), expected.end(), [](const Bill& a, const Bill& b) {
            return std::tie(a.createdAt, a.id) > std::tie(b.createdAt, b.id);
        });
        REQUIRE(board.size() == expected.size());
        for (std::size_t i = 0; i < board.size(); ++i) {
            CHECK(board[i].id == expected[i].id);
            CHECK(board[i].title == expected[i].title);
            REQUIRE(board[i].sponsors.size() == 1);  // the parts come along
            CHECK(board[i].sponsors[0].name == expected[i].sponsors[0].name);
        }
        for (const std::string& s : asked)
            CHECK(static_cast<std::size_t>(std::count_if(board.begin(), board.end(),
                                                         [&](const Bill& b) { return b.state == s; })) ==
                  std::min(perState, static_cast<std::size_t>(std::count(states.begin(), states.end(), s))));
    }
    CHECK(store->bills().list({}, 3).size() == 3);
}

TEST_CASE("a provision's gaps come a page at a time, newest first, without repeats or gaps", "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    const std::int64_t uid = store->users().create(someUser("director"), userCreated());
    std::vector<std::int64_t> named;
    for (int i = 0; i < 7; ++i) {
        Gap g = someGap(uid, "ماده " + std::to_string(i));
        if (i == 3) g.fields.provisions = {{"قانون مالیات", "ماده ۱"}};  // another article
        // Named twice by one gap: it is still one gap on the page.
        if (i == 4) g.fields.provisions.push_back({"قانون شهرداری", "ماده 55"});
        const std::int64_t id = store->gaps().create(g, 1405, createdEvent(uid)).id;
        if (i != 3) named.push_back(id);
    }
    std::reverse(named.begin(), named.end());
    const std::string key = provisionKey(Provision{"قانون شهرداری", "ماده ۵۵"});
    for (const std::size_t size :
         {std::size_t{1}, std::size_t{2}, std::size_t{4}, std::size_t{6}, std::size_t{9}}) {
        INFO(size);
        std::vector<std::int64_t> read;
        std::optional<std::int64_t> before;
        for (int pages = 0; pages < 10; ++pages) {
            const ProvisionPage page = store->rulings().provision(key, {size, size}, before);
            CHECK(page.gaps.size() <= size);
            // A page said to have more after it never leads to an empty one (6 gaps in pages of 6).
            if (before) CHECK_FALSE(page.gaps.empty());
            for (const GapSummary& g : page.gaps) read.push_back(g.id);
            if (!page.moreGapsBefore) break;
            CHECK(page.gaps.size() == size);
            CHECK(*page.moreGapsBefore == page.gaps.back().id);
            before = page.moreGapsBefore;
        }
        CHECK(read == named);
    }
}

TEST_CASE("the provisions kept beside a gap read back as written; anything else is refused", "[storage]") {
    const std::vector<Provision> written = {{"قانون \"شهرداری\"", "ماده ۵۵\tبند ۲۶"},
                                            {"Law\\of cities", ""},
                                            {"قانون مالیات 🙂", "ماده \u200c۱"}};
    CHECK(provisionsFromJson(provisionsJson(written)) == written);
    CHECK(provisionsFromJson("[]").empty());
    CHECK(provisionsFromJson(R"([{"article":"ماده ۱","law":"\u0642\u0627\u0646\u0648\u0646"}])") ==
          std::vector<Provision>{{"قانون", "ماده ۱"}});
    for (const char* bad : {"", "{}", "[1]", "[[]]", R"([{"law":"x"}])", R"([{"law":"x","article":2}])",
                            R"([{"law":"x","article":"y","more":{}}])", R"({"law":"x","article":"y"})",
                            R"([{"law":"x","article":"y"})", "null", R"("text")"})
        CHECK_THROWS_AS(provisionsFromJson(bad), StoreUnavailable);
}

TEST_CASE("the store keeps one open request for a uniform precedent per provision, whoever writes first",
          "[storage][precedents]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    const std::int64_t uid = store->users().create(someUser("secretary", std::nullopt), userCreated());
    PrecedentRequest r;
    r.board = "administrative_justice";
    r.provisionKey = "قانون_شهرداری:100";
    r.provision = {"قانون شهرداری", "ماده ۱۰۰"};
    r.question = "آیا؟";
    r.state = "drafting";
    r.createdBy = uid;
    r.createdAt = r.updatedAt = 1000;
    const RecordEvent created = recordEvent(Principal{}, "precedent", 0, "created", "drafting", 1000);
    // Two instances that both checked and found none: the second write is refused and leaves nothing.
    PrecedentRequest first = store->precedents().create(r, 1405, created);
    CHECK_THROWS_AS(store->precedents().create(r, 1405, created), AlreadyExists);
    CHECK(store->precedents().list(std::nullopt, 10).size() == 1);
    PrecedentRequest other = r;
    other.provisionKey = "قانون_شهرداری:101";
    CHECK(store->precedents().create(other, 1405, created).reference == "P-1405-0002");

    // Closed, it no longer holds the provision.
    first.state = "withdrawn";
    first.open = false;
    store->precedents().save(first, 1,
                             recordEvent(Principal{}, "precedent", first.id, "transition", "drafting", 2000));
    CHECK_FALSE(store->precedents().find(first.id)->open);
    CHECK(store->precedents().create(r, 1405, created).open);
}

TEST_CASE("the outbox pages newest first by state; only a failed message is put back, with its event",
          "[storage][outbox]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    auto store = freshStore(backend, dir);
    MailRepository& mail = store->mail();
    const std::int64_t uid = store->users().create(someUser("director"), userCreated());
    MailPreference choice;
    choice.userId = uid;
    choice.address = "director@tehran.ir";
    choice.frequency = "immediate";
    mail.savePreference(choice, 0, false,
                        recordEvent(Principal{}, "mail_preference", uid, "changed", "", 1000));
    OutgoingMail message;
    message.recipient = "director@tehran.ir";
    message.subject = "خبر";
    message.text = "متن";
    message.html = "<p>متن</p>";
    message.entries = 1;
    message.nextAttemptAt = message.createdAt = 1000;
    REQUIRE(mail.compose(uid, 0, "", 1, "immediate:1", message));
    REQUIRE(mail.compose(uid, 1, "immediate:1", 2, "immediate:2", message));
    const std::vector<OutboxEntry> all = mail.outbox({});
    REQUIRE(all.size() == 2);
    CHECK(all[0].mail.id > all[1].mail.id);
    CHECK(all[0].username == "director");
    CHECK(all[0].mail.text.empty());  // the list leaves the texts out
    const std::int64_t older = all[1].mail.id, newer = all[0].mail.id;
    mail.failed(older, "550 no such mailbox", std::nullopt);
    CHECK(mail.outbox({std::string("failed"), std::nullopt, 50}).size() == 1);
    CHECK(mail.outbox({std::string("pending"), std::nullopt, 50}).front().mail.id == newer);
    const auto page = mail.outbox({std::nullopt, newer, 1});
    REQUIRE(page.size() == 1);
    CHECK(page.front().mail.id == older);
    CHECK(mail.outbox({std::nullopt, older, 50}).empty());
    CHECK(mail.message(older)->text == "متن");

    const auto retryEvent = [&](std::int64_t id, std::int64_t at) {
        RecordEvent e = recordEvent(Principal{}, "mail_message", id, "retried", "failed", at);
        e.toState = "pending";
        return e;
    };
    // A pending message is not put back, and leaves no event.
    CHECK_FALSE(mail.retry(newer, "other@tehran.ir", retryEvent(newer, 2000)));
    CHECK(mail.message(newer)->recipient == "director@tehran.ir");
    CHECK(store->recordEvents().history("mail_message", newer).empty());
    // The failed one goes back, to the address given, due at once; a second time finds it pending.
    const auto back = mail.retry(older, "new@tehran.ir", retryEvent(older, 3000));
    REQUIRE(back);
    CHECK(back->state == "pending");
    CHECK(back->recipient == "new@tehran.ir");
    CHECK(back->nextAttemptAt == 3000);
    CHECK(back->retries == 1);
    CHECK(back->attempts == 1);
    CHECK_FALSE(mail.retry(older, "new@tehran.ir", retryEvent(older, 3100)));
    mail.failed(older, "451 later", std::nullopt);
    CHECK(mail.retry(older, "new@tehran.ir", retryEvent(older, 4000))->retries == 2);
    const auto events = store->recordEvents().history("mail_message", older);
    REQUIRE(events.size() == 2);
    CHECK(events[0].sequence == 1);
    CHECK(events[1].sequence == 2);
    CHECK(events[1].at == 4000);
}

TEST_CASE("a statement being read keeps its rows while the same text is run again and the cache fills up",
          "[storage]") {
    const std::string backend = GENERATE(from_range(backends()));
    INFO(backend);
    TempDir dir;
    const StoreSettings settings = freshStoreSettings(backend, dir);
    openStore(settings);
    const auto db = openDatabase(settings);
    const std::string threeRows = "SELECT ? AS v UNION ALL SELECT ? UNION ALL SELECT ?";
    db->query([&](SqlSession& s) {
        auto outer = s.prepare(threeRows);
        outer->bind(std::string("a")).bind(std::string("b")).bind(std::string("c"));
        REQUIRE(outer->step());
        CHECK(outer->text(0) == "a");
        {
            auto inner = s.prepare(threeRows);  // the same text while the first use is still open
            inner->bind(std::string("x")).bind(std::string("y")).bind(std::string("z"));
            std::string read;
            while (inner->step()) read += inner->text(0);
            CHECK(read == "xyz");
        }
        REQUIRE(outer->step());
        CHECK(outer->text(0) == "b");
        for (int i = 0; i < 300; ++i) {  // more texts than any connection keeps
            auto one = s.prepare("SELECT " + std::to_string(i) + " AS n");
            REQUIRE(one->step());
            CHECK(one->integer(0) == i);
        }
        REQUIRE(outer->step());
        CHECK(outer->text(0) == "c");
        CHECK_FALSE(outer->step());
        auto again = s.prepare(threeRows);  // the cached statement is free again once its use ended
        again->bind(std::string("1")).bind(std::string("2")).bind(std::string("3"));
        REQUIRE(again->step());
        CHECK(again->text(0) == "1");
    });
}
