// A person's calendar feed: RFC 5545 text (folding, escaping, UTC times, the Tehran zone), reachable without
// a session through a secret address that the person replaces, holding only what the person may see.
#include <Poco/String.h>

#include <catch2/catch.hpp>
#include <regex>

#include "ApiHelpers.h"
#include "ICalendar.h"
#include "PageHelpers.h"
#include "PersianText.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

/// The content lines of an iCalendar text, unfolded (RFC 5545 §3.1).
std::vector<std::string> unfold(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = text.find("\r\n", at);
        REQUIRE(end != std::string::npos);  // every line ends in CRLF
        const std::string line = text.substr(at, end - at);
        if (!line.empty() && line[0] == ' ')
            lines.back() += line.substr(1);
        else
            lines.push_back(line);
        at = end + 2;
    }
    return lines;
}

void requireWellFormed(const std::string& text) {
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = text.find("\r\n", at);
        REQUIRE(end != std::string::npos);
        const std::string line = text.substr(at, end - at);
        CHECK(line.size() <= 75);
        CHECK(isValidUtf8(line));
        CHECK(line.find('\n') == std::string::npos);
        at = end + 2;
    }
}

std::string feedPath(const Reply& page) {
    std::smatch m;
    REQUIRE(
        std::regex_search(page.body, m, std::regex("value=\"http://[^/\"]+(/feeds/[^\"]+/lacuna\\.ics)\"")));
    return m[1];
}

}  // namespace

TEST_CASE("iCalendar text escapes values and folds lines at 75 octets without splitting a character",
          "[ical]") {
    CHECK(ical::escapeText("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf");
    for (
        const std::string& text :
        {std::string(200, 'x'),
         std::string("SUMMARY:") +
             "جلسه کمیسیون مشترک حقوقی شهرداری‌های کلان‌شهرها درباره عوارض نوسازی",
         std::string("DESCRIPTION:a") +
             "۱۲۳۴۵۶۷۸۹۰ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂"}) {
        const std::string folded = ical::fold(text);
        requireWellFormed(folded);
        const auto lines = unfold(folded);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0] == text);
    }
    const std::string calendar =
        ical::write("لاکونا",
                    {{.uid = "m-1@lacuna",
                      .start = 1764577800000,  // 2025-12-01T08:30:00Z
                      .durationMinutes = 120,
                      .summary = "جلسه، با ویرگول; و نقطه‌ویرگول"},
                     {.uid = "g-1@lacuna",
                      .start = 1764621000000,  // 2025-12-01T20:30Z: 2 Dec in Tehran
                      .allDay = true,
                      .summary = "مهلت"}},
                    1764577800000);
    requireWellFormed(calendar);
    const auto lines = unfold(calendar);
    const auto has = [&](const std::string& line) {
        return std::find(lines.begin(), lines.end(), line) != lines.end();
    };
    CHECK(has("DTSTART:20251201T083000Z"));
    CHECK(has("DTEND:20251201T103000Z"));
    CHECK(has("SUMMARY:جلسه\\، با ویرگول\\; و نقطه‌ویرگول") ==
          false);  // the Persian comma is not escaped
    CHECK(has("SUMMARY:جلسه، با ویرگول\\; و نقطه‌ویرگول"));
    CHECK(has("DTSTART;VALUE=DATE:20251202"));
    CHECK(has("DTEND;VALUE=DATE:20251203"));
    CHECK(has("TZID:Asia/Tehran"));
    CHECK(std::count(lines.begin(), lines.end(), "BEGIN:VEVENT") == 2);
    CHECK(std::count(lines.begin(), lines.end(), "END:VEVENT") == 2);
}

TEST_CASE("a person's feed holds the meetings and the deadlines they may see, behind an address they replace",
          "[http][web][ical]") {
    TestService t(testBackend(), 64, threeCities);
    const auto open = createGap(t);
    const auto secret =
        createGap(t, "tehran.director",
                  Poco::replace(Poco::replace(NEW_GAP, std::string("خلأ قانونی در وصول عوارض نوسازی"),
                                              std::string("عنوان محرمانه پسماند تهران")),
                                std::string("\"priority\": \"high\","),
                                std::string("\"priority\": \"high\", \"confidential\": true,")));
    const Reply meeting =
        t.client->post("/api/v1/meetings", t.token("secretary"),
                       R"({"scheduled_at":"2026-12-08T06:30:00Z","place":"تهران، ساختمان شورا"})");
    INFO(meeting.body);
    REQUIRE(meeting.status == 201);
    const std::string meetingId = meeting.json()->getValue<std::string>("id");
    // Its agenda consultation, open to the member cities to the end of 1405-09-12 (2026-12-03 in Iran).
    REQUIRE(put(t, "secretary", "/api/v1/meetings/" + meetingId + "/consultation",
                withVersion(R"("closes_on":"1405-09-12")", 1))
                .status == 200);
    const std::string consultationUid = "UID:meeting-" + meetingId + "-consultation@lacuna";

    CHECK(t.client->get("/feeds/0123456789abcdef/lacuna.ics", "").status == 404);
    CHECK(Browser(t, "tehran.director").post("/calendar/feed", {}, false).status == 403);
    const Browser director(t, "tehran.director");
    requireSecureHtml(director.get("/calendar"));
    const Reply made = director.post("/calendar/feed", {});
    REQUIRE(made.status == 201);
    const std::string path = feedPath(made);

    const Reply feed = t.client->get(path, "");
    INFO(feed.body);
    REQUIRE(feed.status == 200);
    CHECK(feed.contentType == "text/calendar; charset=utf-8");
    CHECK(feed.header("Server-Timing").rfind("app;dur=", 0) == 0);
    CHECK(feed.header("Cache-Control").find("no-store") != std::string::npos);
    requireWellFormed(feed.body);
    const auto lines = unfold(feed.body);
    const auto has = [&](const std::string& line) {
        return std::find(lines.begin(), lines.end(), line) != lines.end();
    };
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    CHECK(has("DTSTART:20261208T063000Z"));
    CHECK(has("LOCATION:تهران، ساختمان شورا"));
    CHECK(has("SUMMARY:جلسه کمیسیون مشترک حقوقی M-" + meeting.json()->getValue<std::string>("id")));
    // The consultation's last day, for a member city's legal director, saying the city has not answered.
    const auto consultation = std::find(lines.begin(), lines.end(), consultationUid);
    REQUIRE(consultation != lines.end());
    const auto consultationEnd = std::find(consultation, lines.end(), std::string("END:VEVENT"));
    const auto inConsultation = [&](const std::string& line) {
        return std::find(consultation, consultationEnd, line) != consultationEnd;
    };
    CHECK(inConsultation("DTSTART;VALUE=DATE:20261203"));
    CHECK(inConsultation("DTEND;VALUE=DATE:20261204"));
    CHECK(inConsultation("SUMMARY:مهلت پیشنهاد دستور جلسه M-" + meetingId));
    const auto description = std::find_if(consultation, consultationEnd, [](const std::string& line) {
        return line.rfind("DESCRIPTION:", 0) == 0;
    });
    REQUIRE(description != consultationEnd);
    CHECK(description->find("۱۲ آذر ۱۴۰۵") != std::string::npos);
    CHECK(description->find("هنوز پیشنهاد") != std::string::npos);
    // Once the city has proposed, the day stays (rankings are taken to its end), without the reminder.
    REQUIRE(t.client
                ->post("/api/v1/meetings/" + meetingId + "/consultation/proposals",
                       t.token("tehran.director"), R"({"kind":"topic","title":"ساماندهی عوارض"})")
                .status == 201);
    const auto afterProposal = unfold(t.client->get(path, "").body);
    CHECK(std::find(afterProposal.begin(), afterProposal.end(), consultationUid) != afterProposal.end());
    CHECK(std::none_of(afterProposal.begin(), afterProposal.end(), [](const std::string& line) {
        return line.find("هنوز پیشنهاد") != std::string::npos;
    }));
    // The secretary's city takes no part in it: not in the secretary's feed.
    const Reply secretaryFeed =
        t.client->get(feedPath(Browser(t, "secretary").post("/calendar/feed", {})), "");
    REQUIRE(secretaryFeed.status == 200);
    CHECK(secretaryFeed.body.find("-consultation@lacuna") == std::string::npos);
    CHECK(secretaryFeed.body.find("M-" + meetingId) != std::string::npos);

    // The open gap falls due within the window; the confidential one is there by reference, not by title.
    const std::string openRef = open->getValue<std::string>("reference");
    const std::string secretRef = secret->getValue<std::string>("reference");
    CHECK(feed.body.find(openRef) != std::string::npos);
    CHECK(feed.body.find(secretRef) != std::string::npos);
    CHECK(feed.body.find("عنوان محرمانه پسماند تهران") == std::string::npos);
    CHECK(feed.body.find("محرمانه") != std::string::npos);

    // Mashhad's director does not learn of Tehran's confidential gap from the feed either.
    const Reply mashhadMade = Browser(t, "mashhad.director").post("/calendar/feed", {});
    const Reply mashhadFeed = t.client->get(feedPath(mashhadMade), "");
    REQUIRE(mashhadFeed.status == 200);
    CHECK(mashhadFeed.body.find(secretRef) == std::string::npos);
    const auto mashhadLines = unfold(mashhadFeed.body);
    CHECK(std::find(mashhadLines.begin(), mashhadLines.end(), consultationUid) != mashhadLines.end());

    // A new address replaces the old at once; so does a change of the person's roles.
    const std::string second = feedPath(director.post("/calendar/feed", {}));
    CHECK(second != path);
    CHECK(t.client->get(path, "").status == 404);
    CHECK(t.client->get(second, "").status == 200);
    const Reply api = t.client->post("/api/v1/me/calendar-feed", t.token("tehran.director"), "{}");
    REQUIRE(api.status == 201);
    CHECK(t.client->get(second, "").status == 404);
    CHECK(t.client->get(api.json()->getValue<std::string>("path"), "").status == 200);
    CHECK(t.client->post("/api/v1/me/calendar-feed", "", "{}").status == 401);

    // Past its last day the consultation leaves the feed; the meeting stays.
    t.clock.advanceMs(8LL * 24 * 3600 * 1000);
    const Reply later = t.client->get(api.json()->getValue<std::string>("path"), "");
    REQUIRE(later.status == 200);
    const auto laterLines = unfold(later.body);
    CHECK(std::find(laterLines.begin(), laterLines.end(), consultationUid) == laterLines.end());
    CHECK(std::find(laterLines.begin(), laterLines.end(), "UID:meeting-" + meetingId + "@lacuna") !=
          laterLines.end());
}
