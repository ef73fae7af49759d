// The consultation of the member cities on a meeting's agenda: the secretary opens it with a Jalali
// deadline, each member city's legal director proposes (a gap, a ruling, a bill, a free topic) and ranks the
// other cities' proposals, late proposals are refused, and the secretary builds the agenda from the ranking
// in one step; the result is kept with the meeting, in its history and its minutes.
#include <atomic>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <thread>

#include "ApiHelpers.h"
#include "PageHelpers.h"
#include "PasswordHasher.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

/// The meeting's proposals as (number, place, points, adopted position or 0), in the order the API gives.
struct Standing {
    std::int64_t number, place, points, adopted;
    bool operator==(const Standing&) const = default;
};

std::vector<Standing> standingsOf(const Reply& r) {
    std::vector<Standing> out;
    const auto proposals = r.json()->getObject("consultation")->getArray("proposals");
    for (std::size_t i = 0; i < proposals->size(); ++i) {
        const auto p = proposals->getObject(static_cast<unsigned>(i));
        out.push_back({p->getValue<std::int64_t>("number"), p->getValue<std::int64_t>("place"),
                       p->getValue<std::int64_t>("points"),
                       p->isNull("adopted_position") ? 0 : p->getValue<std::int64_t>("adopted_position")});
    }
    return out;
}

std::ostream& operator<<(std::ostream& os, const Standing& s) {
    return os << "{" << s.number << " place " << s.place << " points " << s.points << " adopted " << s.adopted
              << "}";
}

/// The proposal numbered `number` as `who` reads the meeting.
Poco::JSON::Object::Ptr proposalAs(TestService& t, const std::string& who, const std::string& meeting,
                                   std::int64_t number) {
    const auto proposals =
        t.client->get(meeting, t.token(who)).json()->getObject("consultation")->getArray("proposals");
    for (std::size_t i = 0; i < proposals->size(); ++i) {
        const auto p = proposals->getObject(static_cast<unsigned>(i));
        if (p->getValue<std::int64_t>("number") == number) return p;
    }
    FAIL("no proposal " << number);
    return nullptr;
}

/// Isfahan's legal director, so that the three member cities each have one.
void addIsfahanDirector(TestService& t) {
    t.service().users().addUserWithHash(
        {"isfahan.director", TestService::PASSWORD, {"legal_director"}, std::string("isfahan")},
        PasswordHasher().hash(TestService::PASSWORD));
}

}  // namespace

TEST_CASE("the member cities propose and rank a meeting's agenda until the deadline; the secretary builds it",
          "[http][meetings][consultation]") {
    TestService t(testBackend(), 64, threeCities);
    addIsfahanDirector(t);

    // What the cities may propose: a gap awaiting the committee, a confidential gap of Mashhad's, a ruling,
    // a bill (its gap endorsed at a first meeting).
    const std::string inReview = gapInReview(t);
    const std::string reviewRef =
        t.client->get(inReview, t.token("secretary")).json()->getValue<std::string>("reference");
    const auto secret =
        createGap(t, "mashhad.director",
                  R"({"title":"قرارداد محرمانه پسماند","description":"ابهام در قرارداد پسماند",)"
                  R"("kind":"ambiguity","category":"fees","confidential":true,)"
                  R"("provisions":[{"law":"قانون مدیریت پسماند","article":"ماده ۸"}]})");
    const std::string secretRef = secret->getValue<std::string>("reference");
    const std::int64_t ruling =
        registerRuling(t, "mashhad.director", "mashhad", "adverse", "دیوان عدالت اداری",
                       R"({"law":"قانون شهرداری","article":"ماده ۱۰۰"})");
    const std::string endorsed = endorsedGap(t);
    const Reply billed = t.client->post(
        "/api/v1/bills", t.token("liaison"),
        R"({"title":"طرح اصلاح ماده ۲۹ قانون نوسازی","channel":"mps_plan","lead_commission":"کمیسیون قضایی و حقوقی",)"
        R"("urgency":"ordinary","gaps":[")" +
            endorsed + R"("],"sponsors":)" + sponsors(15) + "}");
    INFO(billed.body);
    REQUIRE(billed.status == 201);
    const std::string billRef = billed.json()->getValue<std::string>("reference");

    // A meeting on 1405-09-15 at 10:30 in Tehran, with nothing on its agenda yet. The clock reads 1405-09-05.
    const Reply created = t.client->post("/api/v1/meetings", t.token("secretary"),
                                         R"({"scheduled_at":"2026-12-06T07:00:00Z","place":"تهران"})");
    REQUIRE(created.status == 201);
    const std::string meeting = "/api/v1/meetings/" + created.json()->getValue<std::string>("id");
    CHECK(created.json()->isNull("consultation"));
    const std::string proposals = meeting + "/consultation/proposals";
    const auto propose = [&](const std::string& who, const std::string& body) {
        return t.client->post(proposals, t.token(who), body);
    };
    const auto rank = [&](const std::string& who, const std::string& order) {
        return put(t, who, meeting + "/consultation/ranking", R"({"proposals":)" + order + "}");
    };

    // Nothing to propose to before the secretary opens the consultation; only the secretary opens it, on a
    // Jalali day to come that ends before the meeting's.
    requireProblem(propose("tehran.director", R"({"kind":"topic","title":"موضوع"})"), 409);
    const std::string before = snapshot(t, meeting);
    requireProblem(
        put(t, "tehran.director", meeting + "/consultation", withVersion(R"("closes_on":"1405-09-12")", 1)),
        403);
    requireProblem(put(t, "secretary", meeting + "/consultation", withVersion(R"("closes_on":"دوازدهم")", 1)),
                   400, "closes_on");
    requireProblem(
        put(t, "secretary", meeting + "/consultation", withVersion(R"("closes_on":"1405-09-04")", 1)), 422,
        "closes_on");
    requireProblem(
        put(t, "secretary", meeting + "/consultation", withVersion(R"("closes_on":"1405-09-15")", 1)), 422,
        "closes_on");
    requireProblem(
        put(t, "secretary", meeting + "/consultation", withVersion(R"("closes_on":"1405-09-12")", 9)), 409);
    CHECK(snapshot(t, meeting) == before);
    const Reply opened =
        put(t, "secretary", meeting + "/consultation", withVersion(R"("closes_on":"۱۴۰۵/۰۹/۱۲")", 1));
    INFO(opened.body);
    REQUIRE(opened.status == 200);
    const auto consultation = opened.json()->getObject("consultation");
    CHECK(consultation->getValue<std::string>("last_day_jalali") == "1405-09-12");
    CHECK(consultation->getValue<std::string>("closes_at") == "2026-12-03T20:30:00.000Z");
    CHECK(consultation->getValue<bool>("open"));
    // The meeting cannot move before its consultation closes.
    requireProblem(patch(t, "secretary", meeting, withVersion(R"("scheduled_at":"2026-12-03T07:00:00Z")", 2)),
                   422, "scheduled_at");

    // The consultation waits on each member city's legal director, with its deadline, until it has
    // proposed or ranked.
    const auto inboxAction = [&](const std::string& who) -> Poco::JSON::Object::Ptr {
        const auto actions = t.client->get("/api/v1/inbox", t.token(who)).json()->getArray("actions");
        for (std::size_t i = 0; i < actions->size(); ++i)
            if (actions->getObject(static_cast<unsigned>(i))->getValue<std::string>("kind") == "consultation")
                return actions->getObject(static_cast<unsigned>(i));
        return nullptr;
    };
    const auto waiting = inboxAction("isfahan.director");
    REQUIRE(waiting);
    CHECK(waiting->getValue<std::string>("due_at") == "2026-12-03T20:29:59.999Z");
    CHECK(waiting->getValue<std::string>("due_at_jalali") == "1405-09-12");
    CHECK(waiting->getValue<std::string>("reference") == created.json()->getValue<std::string>("reference"));
    CHECK_FALSE(inboxAction("tehran.member"));

    // Proposals: refused ones change nothing.
    const std::string opening = snapshot(t, meeting);
    requireProblem(propose("tehran.member", R"({"kind":"topic","title":"موضوع"})"), 403);
    requireProblem(propose("observer", R"({"kind":"topic","title":"موضوع"})"), 403);
    requireProblem(propose("tehran.director", R"({"kind":"law","title":"موضوع"})"), 400, "kind");
    requireProblem(propose("tehran.director", R"({"kind":"topic","note":"بدون عنوان"})"), 400, "title");
    requireProblem(
        propose("tehran.director", R"({"kind":"gap","target":")" + reviewRef + R"(","title":"x"})"), 400,
        "title");
    requireProblem(propose("tehran.director", R"({"kind":"gap"})"), 400, "target");
    requireProblem(propose("tehran.director", R"({"kind":"gap","target":"G-1405-9999"})"), 422, "target");
    requireProblem(propose("tehran.director", R"({"kind":"gap","target":")" + secretRef + R"("})"), 422,
                   "target");  // Tehran may not know of Mashhad's confidential gap
    requireProblem(propose("tehran.director", R"({"kind":"ruling","target":"R-99999"})"), 422, "target");
    requireProblem(propose("tehran.director", R"({"kind":"bill","target":"B-1405-0999"})"), 422, "target");
    CHECK(snapshot(t, meeting) == opening);

    REQUIRE(propose("tehran.director",
                    R"({"kind":"gap","target":")" + reviewRef + R"(","note":"چند حکم متعارض در دست است"})")
                .status == 201);  // 1
    REQUIRE(propose("mashhad.director", R"({"kind":"gap","target":")" + secretRef + R"("})").status ==
            201);  // 2
    REQUIRE(propose("mashhad.director", R"({"kind":"ruling","target":"R-)" + std::to_string(ruling) +
                                            R"(","note":"رأی شعبه ۱۲"})")
                .status == 201);  // 3
    REQUIRE(propose("isfahan.director",
                    R"({"kind":"topic","title":"یکسان‌سازی عوارض کسب و پیشه",)"
                    R"("note":"هر شهر نرخی جدا دارد"})")
                .status == 201);  // 4
    REQUIRE(propose("tehran.director", R"({"kind":"bill","target":")" + billRef + R"("})").status ==
            201);  // 5
    // The same record twice, or the same topic written with Arabic letters, is refused: rank it instead.
    requireProblem(propose("isfahan.director", R"({"kind":"gap","target":")" + reviewRef + R"("})"), 422,
                   "target");
    requireProblem(
        propose("mashhad.director",
                R"({"kind":"topic","title":"يكسان‌سازی عوارض كسب و پيشه"})"),
        422, "title");

    CHECK_FALSE(inboxAction("isfahan.director"));

    // Who may know what: Tehran sees Mashhad's proposal of its confidential gap without the gap or the note.
    const auto hidden = proposalAs(t, "tehran.director", meeting, 2);
    CHECK(hidden->isNull("target_id"));
    CHECK(hidden->getValue<std::string>("target_reference") != secretRef);
    CHECK(hidden->getValue<std::string>("title").find("پسماند") == std::string::npos);
    CHECK(hidden->getValue<std::string>("note").empty());
    CHECK(hidden->getValue<std::string>("municipality") == "mashhad");
    CHECK(proposalAs(t, "mashhad.director", meeting, 2)->getValue<std::string>("target_reference") ==
          secretRef);
    CHECK(proposalAs(t, "observer", meeting, 3)->getValue<std::string>("title").find("دیوان عدالت اداری") !=
          std::string::npos);
    CHECK(proposalAs(t, "observer", meeting, 5)->getValue<std::string>("target_reference") == billRef);

    // Rankings: of the other cities' proposals only, each once; a city's new ranking replaces its old one.
    const std::string proposed = snapshot(t, meeting);
    requireProblem(rank("tehran.director", "[4,1]"), 422, "proposals[1]");
    requireProblem(rank("tehran.director", "[4,99]"), 422, "proposals[1]");
    requireProblem(rank("tehran.director", "[4,4]"), 422, "proposals[1]");
    requireProblem(rank("tehran.director", R"(["4"])"), 400, "proposals[0]");
    requireProblem(rank("tehran.member", "[4]"), 403);
    CHECK(snapshot(t, meeting) == proposed);
    REQUIRE(rank("tehran.director", "[4,3]").status == 200);
    REQUIRE(rank("mashhad.director", "[5,1,4]").status == 200);
    REQUIRE(rank("isfahan.director", "[1,3,2]").status == 200);
    REQUIRE(rank("tehran.director", "[3,4]").status == 200);  // replaces [4,3]

    // Tehran withdraws its bill (only Tehran may); Mashhad's places close up behind it.
    requireProblem(t.client->send("DELETE", proposals + "/5", t.token("mashhad.director")), 403);
    requireProblem(t.client->send("DELETE", proposals + "/77", t.token("tehran.director")), 404);
    REQUIRE(t.client->send("DELETE", proposals + "/5", t.token("tehran.director")).status == 200);
    // Four proposals: a city's first place is worth 4 points, its second 3, its third 2.
    // 1: Mashhad 1st, Isfahan 1st = 8; 3: Tehran 1st, Isfahan 2nd = 7; 4: Tehran 2nd, Mashhad 2nd = 6;
    // 2: Isfahan 3rd = 2.
    const Reply ranked = t.client->get(meeting, t.token("secretary"));
    CHECK(standingsOf(ranked) ==
          std::vector<Standing>{{1, 1, 8, 0}, {3, 2, 7, 0}, {4, 3, 6, 0}, {2, 4, 2, 0}});

    // The agenda is built once the consultation has closed.
    requireProblem(t.client->post(meeting + "/consultation/agenda", t.token("secretary"),
                                  withVersion("", versionOf(ranked))),
                   422, "consultation");

    // The deadline passes (the end of 1405-09-12 in Tehran): late proposals, rankings and withdrawals are
    // refused, naming the deadline.
    t.clock.set(FakeClock::START + 8LL * 24 * 3600 * 1000);  // 1405-09-13, 12:30 in Tehran
    t.forgetTokens();
    const std::string closed = snapshot(t, meeting);
    const Reply late = propose("isfahan.director", R"({"kind":"topic","title":"موضوع دیرهنگام"})");
    requireProblem(late, 422, "consultation");
    CHECK(late.body.find("1405-09-12") != std::string::npos);
    requireProblem(rank("isfahan.director", "[3]"), 422, "consultation");
    requireProblem(t.client->send("DELETE", proposals + "/4", t.token("isfahan.director")), 422,
                   "consultation");
    CHECK(snapshot(t, meeting) == closed);
    CHECK_FALSE(t.client->get(meeting, t.token("observer"))
                    .json()
                    ->getObject("consultation")
                    ->getValue<bool>("open"));

    // Building: the secretary's alone, at the version read, from proposals that exist.
    const std::int64_t version = versionOf(t.client->get(meeting, t.token("secretary")));
    requireProblem(t.client->post(meeting + "/consultation/agenda", t.token("tehran.director"),
                                  withVersion("", version)),
                   403);
    requireProblem(
        t.client->post(meeting + "/consultation/agenda", t.token("secretary"), withVersion("", version - 1)),
        409);
    requireProblem(t.client->post(meeting + "/consultation/agenda", t.token("secretary"),
                                  withVersion(R"("proposals":[3,3])", version)),
                   422, "proposals[1]");
    CHECK(snapshot(t, meeting) == closed);
    // In one step, in the ranking's order: the gap awaiting the committee joins the agenda to be voted on;
    // Mashhad's confidential gap, not in review, is discussed but not voted on.
    const Reply built =
        t.client->post(meeting + "/consultation/agenda", t.token("secretary"), withVersion("", version));
    INFO(built.body);
    REQUIRE(built.status == 200);
    CHECK(standingsOf(built) ==
          std::vector<Standing>{{1, 1, 8, 1}, {3, 2, 7, 2}, {4, 3, 6, 3}, {2, 4, 2, 4}});
    const auto agenda = built.json()->getArray("agenda");
    REQUIRE(agenda->size() == 1);
    CHECK(agenda->getObject(0)->getValue<std::string>("gap_reference") == reviewRef);
    // Built again from the secretary's choice, in the secretary's order: the gap stays on the agenda once.
    const Reply chosen = t.client->post(meeting + "/consultation/agenda", t.token("secretary"),
                                        withVersion(R"("proposals":[4,1])", versionOf(built)));
    REQUIRE(chosen.status == 200);
    CHECK(standingsOf(chosen) ==
          std::vector<Standing>{{1, 1, 8, 2}, {3, 2, 7, 0}, {4, 3, 6, 1}, {2, 4, 2, 0}});
    CHECK(chosen.json()->getArray("agenda")->size() == 1);
    // The deadline cannot move once the agenda is built from the consultation.
    requireProblem(put(t, "secretary", meeting + "/consultation",
                       withVersion(R"("closes_on":"1405-09-14")", versionOf(chosen))),
                   422, "closes_on");

    // Kept with the meeting: the history names each step, hiding the confidential gap from Tehran; the
    // minutes carry the result; a restart reads it all back.
    const auto history = t.client->get(meeting + "/history", t.token("tehran.director"));
    std::vector<std::string> types;
    const auto items = history.json()->getArray("items");
    for (std::size_t i = 0; i < items->size(); ++i)
        types.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("type"));
    for (const char* type :
         {"consultation_opened", "proposed", "ranked", "proposal_withdrawn", "agenda_built"})
        CHECK(std::count(types.begin(), types.end(), type) >= 1);
    CHECK(std::count(types.begin(), types.end(), std::string("proposed")) == 5);
    CHECK(history.body.find(secretRef) == std::string::npos);
    CHECK(t.client->get(meeting + "/history", t.token("mashhad.director")).body.find(secretRef) !=
          std::string::npos);
    const Reply minutes =
        t.client->send("GET", meeting + "/minutes", t.token("observer"), "", {{"Accept", "text/html"}});
    REQUIRE(minutes.status == 200);
    CHECK(minutes.body.find("یکسان‌سازی عوارض کسب و پیشه") != std::string::npos);
    CHECK(minutes.body.find(reviewRef) != std::string::npos);
    CHECK(minutes.body.find(secretRef) == std::string::npos);
    const std::string kept = snapshot(t, meeting);
    t.restart();
    CHECK(snapshot(t, meeting) == kept);
}

TEST_CASE("the consultation on the agenda runs from the meeting's page",
          "[http][web][meetings][consultation]") {
    TestService t(testBackend(), 64, threeCities);
    addIsfahanDirector(t);
    const std::string gap = gapInReview(t);
    const std::string reference =
        t.client->get(gap, t.token("secretary")).json()->getValue<std::string>("reference");
    const Reply created = t.client->post("/api/v1/meetings", t.token("secretary"),
                                         R"({"scheduled_at":"2026-12-06T07:00:00Z","place":"تهران"})");
    REQUIRE(created.status == 201);
    const std::string id = created.json()->getValue<std::string>("id");
    const std::string page = "/meetings/" + id;
    const std::string api = "/api/v1" + page;
    const Browser secretary(t, "secretary"), tehran(t, "tehran.director"), mashhad(t, "mashhad.director"),
        isfahan(t, "isfahan.director");

    // The secretary is offered to open it; a director sees nothing of a consultation that is not open.
    Reply shown = secretary.get(page);
    requireSecureHtml(shown);
    CHECK(shown.body.find("آغاز نظرخواهی") != std::string::npos);
    CHECK(tehran.get(page).body.find("id=\"consultation\"") == std::string::npos);
    // A deadline on the meeting's day is refused beside its field, as typed.
    Reply refused =
        secretary.post(page + "/consultation", {{"closes_on", "۱۴۰۵-۰۹-۱۵"}, {"expected_version", "1"}});
    CHECK(refused.status == 422);
    CHECK(refused.body.find("value=\"۱۴۰۵-۰۹-۱۵\"") != std::string::npos);
    CHECK(refused.body.find("before the day of the meeting") != std::string::npos);
    Reply done =
        secretary.post(page + "/consultation", {{"closes_on", "۱۴۰۵-۰۹-۱۲"}, {"expected_version", "1"}});
    REQUIRE(done.status == 303);
    CHECK(done.header("Location") == page + "#consultation");

    // Each city proposes from the page; a refusal keeps what was typed and says why beside the field.
    shown = tehran.get(page);
    requireSecureHtml(shown);
    CHECK(shown.body.find("ثبت پیشنهاد") != std::string::npos);
    CHECK(shown.body.find("۱۲ آذر ۱۴۰۵") != std::string::npos);
    REQUIRE(tehran
                .post(page + "/proposals", {{"kind", "gap"},
                                            {"target", reference},
                                            {"title", "از نوع پیشین"},
                                            {"note", "چند پرونده در جریان است"}})
                .status == 303);
    REQUIRE(isfahan
                .post(page + "/proposals",
                      {{"kind", "topic"}, {"target", ""}, {"title", "نرخ عوارض پسماند"}, {"note", ""}})
                .status == 303);
    CHECK(isfahan.get(page).body.find(">" + reference + "</a>") != std::string::npos);
    refused =
        mashhad.post(page + "/proposals",
                     {{"kind", "gap"}, {"target", "G-1405-9999"}, {"title", ""}, {"note", "یادداشت مشهد"}});
    CHECK(refused.status == 422);
    CHECK(refused.body.find("no gap «G-1405-9999»") != std::string::npos);
    CHECK(refused.body.find("یادداشت مشهد") != std::string::npos);

    // Mashhad ranks the others' proposals; its own would show a withdrawal instead of a place.
    shown = mashhad.get(page);
    CHECK(shown.body.find("ثبت رتبه‌بندی") != std::string::npos);
    CHECK(tehran.get(page).body.find("پس گرفتن") != std::string::npos);
    refused =
        mashhad.post(page + "/ranking", {{"proposal", "1"}, {"rank", "۱"}, {"proposal", "2"}, {"rank", "۱"}});
    CHECK(refused.status == 400);
    CHECK(refused.body.find("two proposals have place 1") != std::string::npos);
    REQUIRE(
        mashhad.post(page + "/ranking", {{"proposal", "1"}, {"rank", "۲"}, {"proposal", "2"}, {"rank", "۱"}})
            .status == 303);
    const auto ranks = proposalAs(t, "secretary", api, 2)->getArray("ranks");
    REQUIRE(ranks->size() == 1);
    CHECK(ranks->getObject(0)->getValue<std::int64_t>("position") == 1);

    // After the deadline the secretary builds the agenda from the proposals ticked.
    t.clock.set(FakeClock::START + 8LL * 24 * 3600 * 1000);
    t.forgetTokens();
    const Browser secretaryLater(t, "secretary");
    shown = secretaryLater.get(page);
    requireSecureHtml(shown);
    CHECK(shown.body.find("دستور جلسه از نتیجه نظرخواهی") != std::string::npos);
    const std::string version = std::to_string(versionOf(t.client->get(api, t.token("secretary"))));
    done = secretaryLater.post(page + "/consultation/agenda",
                               {{"proposal", "2"}, {"proposal", "1"}, {"expected_version", version}});
    REQUIRE(done.status == 303);
    const Reply built = t.client->get(api, t.token("secretary"));
    REQUIRE(built.json()->getArray("agenda")->size() == 1);
    CHECK(standingsOf(built) == std::vector<Standing>{{2, 1, 2, 1}, {1, 2, 1, 2}});
    const Reply minutes = secretaryLater.get(page + "/minutes");
    requireSecureHtml(minutes);
    CHECK(minutes.body.find("نظرخواهی از شهرها درباره دستور جلسه") != std::string::npos);
    CHECK(minutes.body.find("نرخ عوارض پسماند") != std::string::npos);
}

TEST_CASE("cities proposing and ranking at the same instant lose nothing", "[http][meetings][consultation]") {
    TestService t(testBackend(), 64, threeCities);
    addIsfahanDirector(t);
    const Reply created = t.client->post("/api/v1/meetings", t.token("secretary"),
                                         R"({"scheduled_at":"2026-12-06T07:00:00Z","place":"تهران"})");
    REQUIRE(created.status == 201);
    const std::string meeting = "/api/v1/meetings/" + created.json()->getValue<std::string>("id");
    REQUIRE(put(t, "secretary", meeting + "/consultation", withVersion(R"("closes_on":"1405-09-12")", 1))
                .status == 200);

    // Three cities send six proposals each at once, then each ranks all the others' at once: every one is
    // acknowledged and kept, each proposal with its own number, each change with its own event.
    const std::vector<std::string> directors = {"tehran.director", "mashhad.director", "isfahan.director"};
    std::map<std::string, std::string> tokens;
    for (const std::string& who : directors) tokens[who] = t.token(who);
    std::atomic<int> acknowledged{0};
    std::atomic<bool> go{false};
    const auto together = [&](const std::function<void(const std::string&)>& work) {
        std::vector<std::thread> threads;
        for (const std::string& who : directors)
            threads.emplace_back([&, who] {
                while (!go) std::this_thread::yield();
                work(who);
            });
        go = true;
        for (auto& th : threads) th.join();
        go = false;
    };
    together([&](const std::string& who) {
        for (int i = 1; i <= 6; ++i) {
            const Reply r = t.client->post(
                meeting + "/consultation/proposals", tokens[who],
                R"({"kind":"topic","title":"موضوع )" + std::to_string(i) + " " + who + R"("})");
            if (r.status == 201) ++acknowledged;
        }
    });
    CHECK(acknowledged == 18);
    auto m = t.client->get(meeting, t.token("secretary")).json();
    auto proposals = m->getObject("consultation")->getArray("proposals");
    REQUIRE(proposals->size() == 18);
    std::set<std::int64_t> numbers;
    std::map<std::string, std::vector<std::int64_t>> others;  // what each city may rank
    for (std::size_t i = 0; i < proposals->size(); ++i) {
        const auto p = proposals->getObject(static_cast<unsigned>(i));
        numbers.insert(p->getValue<std::int64_t>("number"));
        for (const std::string& who : directors)
            if (who.rfind(p->getValue<std::string>("municipality"), 0) != 0)
                others[who].push_back(p->getValue<std::int64_t>("number"));
    }
    CHECK(numbers.size() == 18);
    CHECK(*numbers.rbegin() == 18);

    acknowledged = 0;
    together([&](const std::string& who) {
        std::string order;
        for (const std::int64_t n : others[who]) order += (order.empty() ? "" : ",") + std::to_string(n);
        const Reply r = t.client->send("PUT", meeting + "/consultation/ranking", tokens[who],
                                       R"({"proposals":[)" + order + "]}");
        if (r.status == 200) ++acknowledged;
    });
    CHECK(acknowledged == 3);
    m = t.client->get(meeting, t.token("secretary")).json();
    proposals = m->getObject("consultation")->getArray("proposals");
    for (std::size_t i = 0; i < proposals->size(); ++i)
        CHECK(proposals->getObject(static_cast<unsigned>(i))->getArray("ranks")->size() == 2);
    CHECK(m->getValue<std::int64_t>("version") == 2 + 18 + 3);
    CHECK(t.client->get(meeting + "/history", t.token("secretary")).json()->getArray("items")->size() ==
          2 + 18 + 3);
}
