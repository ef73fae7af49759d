// The committee's pages: the calendar, a meeting run from its page (agenda, attendance, each city's vote
// from its own session, the live tally, the decision), the minutes and the roll-call exports.
#include <catch2/catch.hpp>
#include <sstream>

#include "ApiHelpers.h"
#include "PageHelpers.h"
#include "Spreadsheet.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

std::string referenceOf(TestService& t, const std::string& apiPath) {
    return t.client->get(apiPath, t.token("secretary")).json()->getValue<std::string>("reference");
}

std::string gapState(TestService& t, const std::string& apiPath) {
    return t.client->get(apiPath, t.token("secretary"))
        .json()
        ->getObject("state")
        ->getValue<std::string>("name");
}

/// The meeting as the API gives it to the secretary: what must not change when a form is refused.
std::string meetingSnapshot(TestService& t, const std::string& page) {
    return t.client->get("/api/v1" + page, t.token("secretary")).body;
}

std::int64_t meetingVersion(TestService& t, const std::string& page) {
    return t.client->get("/api/v1" + page, t.token("secretary")).json()->getValue<std::int64_t>("version");
}

/// A meeting scheduled from the page, with `references` on its agenda; its page's path.
std::string scheduleMeeting(const Browser& secretary, const std::vector<std::string>& references) {
    std::vector<std::pair<std::string, std::string>> form = {
        {"date", "۱۴۰۵-۰۹-۱۵"}, {"time", "۱۰:۳۰"}, {"place", "تهران، تالار شورا"}};
    for (const std::string& ref : references) form.emplace_back("gap", ref);
    const Reply r = secretary.post("/meetings", form);
    INFO(r.body.substr(0, 2000));
    REQUIRE(r.status == 303);
    const std::string location = r.header("Location");
    REQUIRE(location.rfind("/meetings/", 0) == 0);
    return location;
}

}  // namespace

TEST_CASE("the secretary runs a meeting from its page and members vote from their own sessions",
          "[http][web][meetings]") {
    TestService t(testBackend(), 64, threeCities);
    const std::string gap = gapInReview(t);
    const std::string reference = referenceOf(t, gap);
    const Browser secretary(t, "secretary");
    const std::string page = scheduleMeeting(secretary, {reference});
    const std::string at = page + "/items/1";

    const Reply shown = secretary.get(page);
    requireSecureHtml(shown);
    CHECK(shown.status == 200);
    CHECK(shown.body.find(reference) != std::string::npos);
    CHECK(shown.body.find("۱۵ آذر ۱۴۰۵، ۱۰:۳۰") != std::string::npos);
    CHECK(shown.body.find("2026-12-06T07:00:00.000Z") != std::string::npos);  // 10:30 in Tehran, in UTC

    SECTION("a decision without quorum is refused, names the field and changes nothing") {
        const std::string before = meetingSnapshot(t, page);
        const Reply refused = secretary.post(
            at + "/decision", {{"decision", "approve"}, {"comment", "تصویب"}, {"expected_version", "1"}});
        CHECK(refused.status == 422);
        CHECK(refused.body.find("href=\"#f-decision\"") != std::string::npos);
        CHECK(refused.body.find("id=\"f-decision\"") != std::string::npos);
        CHECK(refused.body.find(">تصویب</textarea>") != std::string::npos);  // what was typed stays
        CHECK(meetingSnapshot(t, page) == before);
        CHECK(gapState(t, gap) == "committee_review");
    }

    REQUIRE(secretary
                .post(page + "/attendance",
                      {{"present", "tehran"}, {"present", "mashhad"}, {"expected_version", "1"}})
                .status == 303);
    const Browser tehran(t, "tehran.member"), mashhad(t, "mashhad.member"), isfahan(t, "isfahan.member");
    // A member sees the vote buttons for its city; an absent city is told why it has none.
    CHECK(tehran.get(page).body.find("action=\"" + at + "/vote\"") != std::string::npos);
    const Reply absentPage = isfahan.get(page);
    CHECK(absentPage.body.find("action=\"" + at + "/vote\"") == std::string::npos);
    CHECK(absentPage.body.find("حضور شهر شما در این جلسه ثبت نشده است") != std::string::npos);
    {
        const std::string before = meetingSnapshot(t, page);
        CHECK(isfahan.post(at + "/vote", {{"vote", "approve"}}).status == 422);
        CHECK(tehran.post(at + "/vote", {{"vote", "maybe"}}).status == 400);
        CHECK(secretary.post(at + "/vote", {{"vote", "approve"}}).status == 403);
        CHECK(tehran.post(page + "/attendance", {{"present", "tehran"}, {"expected_version", "2"}}).status ==
              403);
        CHECK(meetingSnapshot(t, page) == before);
    }

    // The secretary's page asks for the tally with the version it shows: nothing new is a bodiless 204.
    const std::int64_t seen = meetingVersion(t, page);
    CHECK(secretary.get(page + "/tally?version=" + std::to_string(seen), {{"HX-Request", "true"}}).status ==
          204);
    REQUIRE(tehran.post(at + "/vote", {{"vote", "approve"}}).status == 303);
    REQUIRE(mashhad.post(at + "/vote", {{"vote", "reject"}}).status == 303);
    REQUIRE(mashhad.post(at + "/vote", {{"vote", "approve"}}).status == 303);  // changed before the decision
    const Reply tally =
        secretary.get(page + "/tally?version=" + std::to_string(seen), {{"HX-Request", "true"}});
    CHECK(tally.status == 200);
    CHECK(tally.body.find("id=\"tally-1\"") != std::string::npos);
    CHECK(tally.body.find("hx-swap-oob=\"innerHTML\"") != std::string::npos);
    CHECK(tally.body.find("موافق: <strong>۲</strong>") != std::string::npos);
    CHECK(tally.body.find("مخالف: <strong>۰</strong>") != std::string::npos);
    CHECK(tally.body.find("تصویب: ۲ رأی از ۲ رأی لازم") != std::string::npos);
    CHECK(tally.body.find("version=" + std::to_string(meetingVersion(t, page))) != std::string::npos);
    // Mashhad's page marks its own vote.
    CHECK(mashhad.get(page).body.find("value=\"approve\" aria-pressed=\"true\"") != std::string::npos);

    SECTION("a form from a stale page is refused with what to do, and changes nothing") {
        const std::string before = meetingSnapshot(t, page);
        const Reply stale =
            secretary.post(page + "/attendance", {{"present", "tehran"}, {"expected_version", "2"}});
        CHECK(stale.status == 409);
        CHECK(stale.body.find("id=\"conflict\"") != std::string::npos);
        CHECK(meetingSnapshot(t, page) == before);
    }

    const std::string version = std::to_string(meetingVersion(t, page));
    REQUIRE(
        secretary
            .post(at + "/decision",
                  {{"decision", "approve"}, {"comment", "با دو رأی موافق"}, {"expected_version", version}})
            .status == 303);
    CHECK(gapState(t, gap) == "endorsed");
    CHECK(tehran.get(page).body.find("action=\"" + at + "/vote\"") ==
          std::string::npos);  // decided: no more votes

    const Reply minutes = secretary.get(page + "/minutes");
    requireSecureHtml(minutes);
    CHECK(minutes.body.find("<td>تهران</td><td>موافق</td>") != std::string::npos);
    CHECK(minutes.body.find("<td>مشهد</td><td>موافق</td>") != std::string::npos);
    CHECK(minutes.body.find("<td>اصفهان</td><td>غایب</td>") != std::string::npos);
    CHECK(minutes.body.find("تصمیم: تصویب") != std::string::npos);
    CHECK(minutes.body.find("با دو رأی موافق") != std::string::npos);
    CHECK(minutes.body.find("نماینده تهران") != std::string::npos);  // the signatures block

    const Reply csv = secretary.get(page + "/roll-call.csv");
    CHECK(csv.status == 200);
    CHECK(csv.contentType == "text/csv; charset=utf-8");
    CHECK(csv.header("Content-Disposition").find("attachment; filename=\"M-") == 0);
    CHECK(csv.body.rfind("\xEF\xBB\xBF", 0) == 0);
    CHECK(csv.body.find("\r\n1," + reference + ",") != std::string::npos);
    CHECK(csv.body.find(",تهران,حاضر,موافق,تصویب,") != std::string::npos);
    CHECK(csv.body.find(",اصفهان,غایب,,تصویب,") != std::string::npos);

    const Reply xlsx = secretary.get(page + "/roll-call.xlsx");
    CHECK(xlsx.status == 200);
    CHECK(xlsx.contentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    REQUIRE(xlsx.body.rfind("PK\x03\x04", 0) == 0);
    CHECK(unzipEntry(xlsx.body, "xl/worksheets/sheet1.xml").find("rightToLeft=\"1\"") != std::string::npos);
    const std::string strings = unzipEntry(xlsx.body, "xl/sharedStrings.xml");
    CHECK(strings.find("موافق") != std::string::npos);
    CHECK(strings.find(reference) != std::string::npos);

    // Once closed, the page offers no form that changes it.
    REQUIRE(secretary.post(page + "/close", {{"expected_version", std::to_string(meetingVersion(t, page))}})
                .status == 303);
    const Reply closed = secretary.get(page);
    CHECK(closed.body.find("method=\"post\" action=\"" + page) == std::string::npos);
    CHECK(closed.body.find("hx-get=\"" + page + "/tally") == std::string::npos);
}

TEST_CASE("a meeting's forms are refused without their CSRF token and change nothing",
          "[http][web][meetings]") {
    TestService t(testBackend(), 64, threeCities);
    const std::string gap = gapInReview(t);
    const Browser secretary(t, "secretary");
    const std::string page = scheduleMeeting(secretary, {referenceOf(t, gap)});
    REQUIRE(secretary
                .post(page + "/attendance",
                      {{"present", "tehran"}, {"present", "mashhad"}, {"expected_version", "1"}})
                .status == 303);
    const Browser member(t, "tehran.member");
    const std::string before = meetingSnapshot(t, page);
    const std::vector<
        std::pair<const Browser*, std::pair<std::string, std::vector<std::pair<std::string, std::string>>>>>
        forms = {
            {&secretary, {"/meetings", {{"date", "1405-09-20"}, {"time", "09:00"}, {"place", "مشهد"}}}},
            {&secretary, {page + "/attendance", {{"present", "isfahan"}, {"expected_version", "2"}}}},
            {&secretary, {page + "/agenda", {{"expected_version", "2"}}}},
            {&secretary,
             {page + "/items/1/decision",
              {{"decision", "reject"}, {"comment", "رد"}, {"expected_version", "2"}}}},
            {&secretary, {page + "/close", {{"expected_version", "2"}}}},
            {&member, {page + "/items/1/vote", {{"vote", "approve"}}}},
        };
    for (const auto& [who, form] : forms) {
        const auto& [path, fields] = form;
        INFO(path);
        CHECK(who->post(path, fields, false).status == 403);
        auto wrong = fields;
        wrong.emplace_back("csrf", std::string(64, 'a'));
        CHECK(who->post(path, wrong, false).status == 403);
        CHECK(who->post(path, fields, true, {{"Origin", "https://evil.example"}}).status == 403);
        CHECK(who->post(path, fields, true, {{"Sec-Fetch-Site", "cross-site"}}).status == 403);
    }
    CHECK(meetingSnapshot(t, page) == before);
    CHECK(t.client->get("/api/v1/meetings", t.token("secretary")).json()->getArray("items")->size() == 1);
}

TEST_CASE("scheduling a meeting: a refused form names each field and keeps what was typed",
          "[http][web][meetings]") {
    TestService t(testBackend(), 64, threeCities);
    const std::string gap = gapInReview(t);
    const std::string reference = referenceOf(t, gap);
    const Browser secretary(t, "secretary");
    const Reply form = secretary.get("/meetings/new");
    requireSecureHtml(form);
    CHECK(form.body.find("value=\"" + reference + "\"") != std::string::npos);  // awaiting the committee
    CHECK(Browser(t, "tehran.director").get("/meetings/new").status == 403);

    const Reply bad = secretary.post(
        "/meetings", {{"date", "1405-13-40"}, {"time", "25:10"}, {"place", ""}, {"gap", reference}});
    CHECK(bad.status == 400);
    for (const char* field : {"date", "time", "place"})
        CHECK(bad.body.find(std::string("href=\"#f-") + field + "\"") != std::string::npos);
    CHECK(bad.body.find("value=\"1405-13-40\"") != std::string::npos);
    CHECK(bad.body.find("value=\"" + reference + "\" checked") != std::string::npos);
    const Reply notInReview = secretary.post(
        "/meetings", {{"date", "1405-09-20"}, {"time", "9:00"}, {"place", "مشهد"}, {"gap", "G-1405-9999"}});
    CHECK(notInReview.status == 422);
    CHECK(notInReview.body.find("href=\"#f-agenda\"") != std::string::npos);  // the list's own field
    CHECK(notInReview.body.find("no gap «G-1405-9999»") != std::string::npos);
    CHECK(t.client->get("/api/v1/meetings", t.token("secretary")).json()->getArray("items")->size() == 0);
}

TEST_CASE("the calendar shows each meeting on its Jalali day, Saturday first", "[http][web][meetings]") {
    TestService t(testBackend(), 64, threeCities);
    const Browser secretary(t, "secretary");
    const std::string page = scheduleMeeting(secretary, {});
    const Reply month = secretary.get("/meetings?month=۱۴۰۵-۰۹");
    requireSecureHtml(month);
    CHECK(month.body.find("<h2 id=\"h-month\">آذر ۱۴۰۵</h2>") != std::string::npos);
    // 1 Azar 1405 is a Sunday: one blank Saturday before it.
    CHECK(month.body.find("<tr><td class=\"blank\"></td><td><span class=\"day\">۱</span>") !=
          std::string::npos);
    CHECK(month.body.find("<span class=\"day\">۱۵</span><a class=\"event\" href=\"" + page + "\">") !=
          std::string::npos);
    CHECK(secretary.get("/meetings?month=1405-10").body.find("class=\"event\" href=\"" + page + "\"") ==
          std::string::npos);
    CHECK(secretary.get("/meetings?month=1405-13").status == 400);
    CHECK(secretary.get("/meetings?month=1405-09&x=1").status == 400);
}

TEST_CASE("spreadsheet exports keep Persian, quote what needs it and never run a formula", "[unit][web]") {
    const SheetTable table{"M-1",
                           {"شهر", "یادداشت"},
                           {{"تهران", "=HYPERLINK(\"http://evil\",\"x\")"},
                            {"مشهد", "یک، دو, سه"},
                            {"اصفهان", "خط\nدوم"},
                            {"@SUM(A1)", "+1"}}};
    const std::string csv = toCsv(table);
    CHECK(csv ==
          "\xEF\xBB\xBF"
          "شهر,یادداشت\r\n"
          "تهران,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\r\n"
          "مشهد,\"یک، دو, سه\"\r\n"
          "اصفهان,\"خط\nدوم\"\r\n"
          "'@SUM(A1),'+1\r\n");
    const std::string xlsx = toXlsx(table);
    CHECK(unzipEntry(xlsx, "xl/worksheets/sheet1.xml").find("rightToLeft=\"1\"") != std::string::npos);
    const std::string strings = unzipEntry(xlsx, "xl/sharedStrings.xml");
    CHECK(strings.find("یک، دو, سه") != std::string::npos);
    CHECK(strings.find("=HYPERLINK") != std::string::npos);  // kept as text: a string cell, not a formula
    CHECK(unzipEntry(xlsx, "xl/worksheets/sheet1.xml").find("<f>") == std::string::npos);
}

TEST_CASE("the agenda is set on its own page: the gaps awaiting the committee, refusals beside the list",
          "[http][web][meetings]") {
    TestService t(testBackend(), 64, threeCities);
    const std::string first = gapInReview(t);
    const std::string second = gapInReview(t);
    const std::string firstRef = referenceOf(t, first), secondRef = referenceOf(t, second);
    const Browser secretary(t, "secretary");
    const std::string page = scheduleMeeting(secretary, {firstRef});
    const std::string agenda = page + "/agenda";

    // The meeting's page links the agenda's and no longer carries the list of candidates.
    const Reply meeting = secretary.get(page);
    CHECK(meeting.body.find("href=\"" + agenda + "\"") != std::string::npos);
    CHECK(meeting.body.find("value=\"" + secondRef + "\"") == std::string::npos);
    CHECK(Browser(t, "tehran.member").get(page).body.find("href=\"" + agenda + "\"") == std::string::npos);

    const Reply shown = secretary.get(agenda);
    requireSecureHtml(shown);
    CHECK(shown.body.find("value=\"" + firstRef + "\" checked") != std::string::npos);  // on the agenda
    CHECK(shown.body.find("value=\"" + secondRef + "\"") != std::string::npos);         // awaiting
    for (const char* other : {"tehran.member", "tehran.director", "liaison"})
        CHECK(Browser(t, other).get(agenda).status == 403);
    CHECK(secretary.get("/meetings/999/agenda").status == 404);

    // A gap that is not awaiting the committee: refused beside the list, what was ticked kept, nothing
    // changed.
    const std::string before = meetingSnapshot(t, page);
    const Reply refused =
        secretary.post(agenda, {{"gap", secondRef}, {"gap", "G-1405-9999"}, {"expected_version", "1"}});
    CHECK(refused.status == 422);
    CHECK(refused.body.find("href=\"#f-agenda\"") != std::string::npos);
    CHECK(refused.body.find("value=\"" + secondRef + "\" checked") != std::string::npos);
    CHECK(refused.body.find("value=\"" + firstRef + "\" checked") == std::string::npos);
    CHECK(meetingSnapshot(t, page) == before);
    // The same typed by reference: refused alike, the field given back as typed.
    const Reply typed =
        secretary.post(agenda, {{"add", secondRef + " G-1405-9999"}, {"expected_version", "1"}});
    CHECK(typed.status == 422);
    CHECK(typed.body.find("value=\"" + secondRef + " G-1405-9999\"") != std::string::npos);
    CHECK(meetingSnapshot(t, page) == before);
    // A stale version: the page shows again with the notice, nothing changed.
    const Reply stale = secretary.post(agenda, {{"gap", secondRef}, {"expected_version", "7"}});
    CHECK(stale.status == 409);
    CHECK(stale.body.find("id=\"conflict\"") != std::string::npos);
    CHECK(meetingSnapshot(t, page) == before);

    // One ticked, one typed (with a Persian comma, and the ticked one again): both on the agenda once.
    const Reply set = secretary.post(
        agenda, {{"gap", firstRef}, {"add", "  " + secondRef + "، " + firstRef}, {"expected_version", "1"}});
    REQUIRE(set.status == 303);
    CHECK(set.header("Location") == page);
    const Reply after = secretary.get(page);
    CHECK(after.body.find(secondRef) != std::string::npos);
    CHECK(meetingVersion(t, page) == 2);

    // A closed meeting's agenda is not set any more.
    REQUIRE(secretary.post(page + "/close", {{"expected_version", "2"}}).status == 303);
    CHECK(secretary.get(agenda).status == 409);
    CHECK(secretary.get(page).body.find("href=\"" + agenda + "\"") == std::string::npos);
}

TEST_CASE("the agenda page offers the fifty gaps waiting longest and takes any other by its reference",
          "[http][web][meetings]") {
    TestService t(testBackend(), 64, threeCities);
    std::vector<std::string> references;  // the longest waiting first
    for (int i = 0; i < 52; ++i) references.push_back(referenceOf(t, gapInReview(t)));
    const Browser secretary(t, "secretary");
    const std::string page = scheduleMeeting(secretary, {});
    const Reply shown = secretary.get(page + "/agenda");
    requireSecureHtml(shown);
    for (std::size_t i = 0; i < references.size(); ++i)
        CHECK((shown.body.find("value=\"" + references[i] + "\"") != std::string::npos) == (i < 50));
    CHECK(shown.body.find("خلأهای دیگر را با شناسه بیفزایید") != std::string::npos);
    const Reply set =
        secretary.post(page + "/agenda", {{"add", references.back()}, {"expected_version", "1"}});
    REQUIRE(set.status == 303);
    CHECK(secretary.get(page).body.find(references.back()) != std::string::npos);
}
