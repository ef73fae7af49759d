// Rules found broken by trying the service as its users would: text a person types compared as
// written, decisions the votes did not carry, offers that could not succeed, finished records that
// still changed, and what operations need of the service.
#include <Poco/Format.h>
#include <Poco/JSON/Array.h>
#include <Poco/URI.h>

#include <catch2/catch.hpp>
#include <random>

#include "ApiHelpers.h"
#include "JsonText.h"
#include "PasswordHasher.h"
#include "PersianText.h"
#include "SqliteConnection.h"
#include "TestService.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

std::string encode(const std::string& text) {
    std::string out;
    Poco::URI::encode(text, "/?#&=+ ", out);
    return out;
}

std::vector<std::string> transitionsOf(const Reply& r) {
    std::vector<std::string> out;
    const auto list = r.json()->getArray("available_transitions");
    for (std::size_t i = 0; i < list->size(); ++i)
        out.push_back(list->getObject(static_cast<unsigned>(i))->getValue<std::string>("name"));
    return out;
}

bool has(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

TEST_CASE("a decision the votes do not carry is refused, whatever the decision", "[http][rules]") {
    TestService t(testBackend(), 64, threeCities);
    const std::string path = gapPath(createGap(t));
    REQUIRE(fire(t, "secretary", path, "triage", 1).status == 200);
    REQUIRE(fire(t, "tehran.director", path, "start_drafting", 2).status == 200);
    REQUIRE(saveDraft(t, path, 0, "متن").status == 201);
    REQUIRE(fire(t, "tehran.director", path, "submit_for_review", 4).status == 200);
    const std::string gapId = path.substr(path.rfind('/') + 1);
    const Reply m =
        t.client->post("/api/v1/meetings", t.token("secretary"),
                       R"({"scheduled_at":"2026-12-01T10:00:00Z","place":"قم","agenda":[)" + gapId + "]}");
    REQUIRE(m.status == 201);
    const std::string meeting = "/api/v1/meetings/" + m.json()->getValue<std::string>("id");
    const std::string item = meeting + "/items/" + gapId;
    REQUIRE(t.client
                ->send("PATCH", meeting, t.token("secretary"),
                       R"({"present":["tehran","mashhad","isfahan"],"expected_version":1})")
                .status == 200);
    REQUIRE(t.client->send("PUT", item + "/vote", t.token("tehran.member"), R"({"vote":"approve"})").status ==
            200);
    const Reply voted =
        t.client->send("PUT", item + "/vote", t.token("mashhad.member"), R"({"vote":"approve"})");
    REQUIRE(voted.status == 200);
    const std::string before = t.client->get(path, t.token("secretary")).body;
    // Two of three approve, nobody asks for a revision: neither a revision nor a rejection is carried.
    for (const std::string decision : {"revise", "reject"}) {
        const Reply refused =
            t.client->post(item + "/decision", t.token("secretary"),
                           R"({"decision":")" + decision + R"(","comment":"بازنویسی","expected_version":)" +
                               std::to_string(versionOf(voted)) + "}");
        requireProblem(refused, 422, "decision");
        CHECK(t.client->get(path, t.token("secretary")).body == before);
    }
    // The standing the meeting shows and the rule that decides agree.
    const auto standing = voted.json()->getArray("agenda")->getObject(0)->getObject("standing");
    CHECK(!standing->getObject("revise")->getValue<bool>("carried"));
    CHECK(standing->getObject("approve")->getValue<bool>("carried"));
    REQUIRE(
        t.client
            ->post(item + "/decision", t.token("secretary"),
                   R"({"decision":"approve","expected_version":)" + std::to_string(versionOf(voted)) + "}")
            .status == 200);
}

TEST_CASE("what a record offers is what would succeed; a finished record does not change", "[http][rules]") {
    TestService t(testBackend(), 64, threeCities);
    t.service().users().addUserWithHash(
        {"tehran.liaison", TestService::PASSWORD, {"liaison_officer"}, "tehran"},
        PasswordHasher().hash(TestService::PASSWORD));
    const std::string reference = endorsedGap(t);
    const Reply bill = t.client->post(
        "/api/v1/bills", t.token("liaison"),
        R"({"title":"لایحه","channel":"government_bill","lead_commission":"کمیسیون قضایی و حقوقی",)"
        R"("advisory_commissions":["كميسيون عمران"],"gaps":[")" +
            reference + R"("]})");
    INFO(bill.body);
    REQUIRE(bill.status == 201);
    const std::string path = "/api/v1/bills/" + bill.json()->getValue<std::string>("id");
    // A government bill has no signatures to lose: it cannot lapse, so lapse is not offered.
    const auto offered = transitionsOf(bill);
    CHECK(!has(offered, "lapse"));
    CHECK(has(offered, "announce"));
    // Every offered transition the caller can fire without more input does succeed.
    const Reply announced = t.client->post(path + "/transitions", t.token("liaison"),
                                           R"({"transition":"announce","expected_version":1})");
    INFO(announced.body);
    REQUIRE(announced.status == 200);
    // A gap page offers no transition only a meeting or a bill fires.
    const Reply gap = t.client->get("/api/v1/gaps?limit=1", t.token("secretary"));
    CHECK(gap.body.find(R"("name":"endorse")") == std::string::npos);
    CHECK(gap.body.find(R"("name":"send_to_parliament")") == std::string::npos);

    REQUIRE(t.client
                ->post(path + "/transitions", t.token("liaison"),
                       R"({"transition":"withdraw","comment":"استرداد","expected_version":2})")
                .status == 200);
    const std::string finished = t.client->get(path, t.token("liaison")).body;
    requireProblem(
        t.client->send("PUT", path + "/position", t.token("mashhad.director"), R"({"position":"support"})"),
        409);
    requireProblem(
        t.client->send("PATCH", path, t.token("liaison"), R"({"title":"دیگر","expected_version":3})"), 409);
    CHECK(t.client->get(path, t.token("liaison")).body == finished);
    CHECK(transitionsOf(t.client->get(path, t.token("liaison"))).empty());
}

TEST_CASE("text a person types is compared in its normalised form", "[http][rules]") {
    TestService t;
    // A court written with Arabic yeh and kaf is the same court.
    const Reply ruling = t.client->post(
        "/api/v1/rulings", t.token("secretary"),
        R"({"court":"دیوان عدالت اداری","number":"۱۲","decided_on":"1405-08-01","municipality":"tehran",)"
        R"("outcome":"mixed","summary":"رأی"})");
    REQUIRE(ruling.status == 201);
    for (const std::string court :
         {"ديوان عدالت اداري", "دیوان  عدالت‌اداری", "دیوان عدالت اداری"}) {
        const Reply found = t.client->get("/api/v1/rulings?court=" + encode(court), t.token("observer"));
        INFO(court << ": " << found.body);
        CHECK(found.json()->getArray("items")->size() == 1);
        const Reply searched = t.client->get(
            "/api/v1/search?type=ruling&q=" + encode("رأی") + "&court=" + encode(court), t.token("observer"));
        CHECK(searched.json()->getArray("items")->size() == 1);
    }
    // An MP who signed once cannot sign again under another spelling; a commission named twice is refused.
    std::string sponsors = "[";
    for (int i = 1; i <= 15; ++i)
        sponsors +=
            std::string(i > 1 ? "," : "") + R"({"name":"نماینده شماره )" + std::to_string(i) + R"("})";
    t.service().users().addUserWithHash(
        {"liaison2", TestService::PASSWORD, {"liaison_officer"}, std::nullopt},
        PasswordHasher().hash(TestService::PASSWORD));
    const std::string gap = gapPath(createGap(t));
    (void)gap;
    const std::string twice =
        R"({"title":"طرح","channel":"mps_plan","lead_commission":"کمیسیون عمران",)"
        R"("advisory_commissions":["كميسيون عمران"],"gaps":["G-1405-0001"],"sponsors":)" +
        sponsors + "]}";
    requireProblem(t.client->post("/api/v1/bills", t.token("liaison"), twice), 400,
                   "advisory_commissions[0]");
    const std::string sameMp =
        R"({"title":"طرح","channel":"mps_plan","lead_commission":"کمیسیون عمران","gaps":["G-1405-0001"],)"
        R"("sponsors":)" +
        sponsors + R"(,{"name":"نمايندة شمارة 1"}]})";
    requireProblem(t.client->post("/api/v1/bills", t.token("liaison"), sameMp), 422, "sponsors[15].name");
}

TEST_CASE("no answer shows what the store or the driver said; a duplicate username says what is taken",
          "[http][rules]") {
    TestService t;
    const std::string body =
        R"({"username":"tehran.director","password":"long enough password","roles":["observer"],)"
        R"("municipality":"tehran"})";
    const Reply taken = t.client->post("/api/v1/users", t.token("admin"), body);
    requireProblem(taken, 409);
    const std::string detail = taken.json()->getValue<std::string>("detail");
    CHECK(detail.find("tehran.director") != std::string::npos);
    for (const std::string word : {"INSERT", "UNIQUE", "users.", "SQL", "constraint", "Duplicate", ".db"})
        CHECK(taken.body.find(word) == std::string::npos);
}

TEST_CASE("readiness fails when the store takes no writes; liveness does not", "[http][rules]") {
    if (testBackend() != "sqlite") return;  // the store is made to refuse writes through its file
    TestService t;
    CHECK(t.client->get("/healthz", "").status == 200);
    {
        SqliteConnection raw(t.service().config().storage.sqlitePath);
        raw.execute("DROP TABLE health_checks");  // every write of the readiness check now fails
    }
    const Reply ready = t.client->get("/healthz", "");
    INFO(ready.body);
    CHECK(ready.status == 503);
    CHECK(ready.json()->getValue<bool>("reads"));
    CHECK(!ready.json()->getValue<bool>("writes"));
    CHECK(t.client->get("/healthz/live", "").status == 200);
}

TEST_CASE("a long Persian summary reaches every legal director's inbox cut on a letter", "[http][rules]") {
    TestService t;
    std::string summary;
    while (summary.size() < 900)
        summary += "ابطال مصوبه عوارض پذیره‌نویسی شورای اسلامی شهر ";
    const Reply ruling = t.client->post(
        "/api/v1/rulings", t.token("secretary"),
        R"({"court":"دیوان عدالت اداری","number":"۱۳","decided_on":"1405-08-02","municipality":"tehran",)"
        R"("outcome":"adverse","summary":")" +
            summary + R"("})");
    REQUIRE(ruling.status == 201);
    for (const std::string director : {"tehran.director", "mashhad.director"}) {
        const Reply inbox = t.client->get("/api/v1/inbox", t.token(director));  // HttpClient checks UTF-8
        REQUIRE(inbox.status == 200);
        CHECK(inbox.json()->getArray("notifications")->size() == 1);
    }
}

TEST_CASE("every string the service writes for a reader is valid UTF-8", "[unit]") {
    const std::string broken = std::string("عوارض") + "\xD8" + "x\xFF" + "\xE2\x82";
    CHECK(isValidUtf8(jsonString(broken)));
    CHECK(isValidUtf8(htmlEscape(broken)));
    CHECK(jsonString("\xFF") == "\"\xEF\xBF\xBD\"");
    CHECK(validUtf8("ab\xC3") == "ab\xEF\xBF\xBD");
    // A cut on letters never splits one.
    const std::string persian = "شهرداری‌ها";
    for (std::size_t n = 0; n <= 12; ++n) CHECK(isValidUtf8(utf8Prefix(persian, n)));
}

namespace {
/// The escapes written out a character at a time, as the rules say them: what the service's escaping,
/// which copies runs of kept characters at once, must equal.
std::string escapedOneByOne(std::string_view text, bool json) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        char32_t cp = 0;
        if (!decodeUtf8(text, pos, cp)) {
            out += "\xEF\xBF\xBD";
            pos = start + 1;
            continue;
        }
        const std::string as(text.substr(start, pos - start));
        if (json && cp == '"')
            out += "\\\"";
        else if (json && cp == '\\')
            out += "\\\\";
        else if (json && cp == '\n')
            out += "\\n";
        else if (json && cp == '\r')
            out += "\\r";
        else if (json && cp == '\t')
            out += "\\t";
        else if (json && cp < 0x20)
            out += Poco::format("\\u%04x", static_cast<unsigned>(cp));
        else if (!json && cp == '&')
            out += "&amp;";
        else if (!json && cp == '<')
            out += "&lt;";
        else if (!json && cp == '>')
            out += "&gt;";
        else if (!json && cp == '"')
            out += "&quot;";
        else if (!json && cp == '\'')
            out += "&#39;";
        else
            out += as;
    }
    return json ? "\"" + out + "\"" : out;
}
}  // namespace

TEST_CASE("JSON and HTML escaping equal the rules applied a character at a time, on any bytes", "[unit]") {
    // Pieces that meet every branch: Persian letters (two bytes), the joiner and a Jalali-date digit
    // (three), an emoji (four), escaped ASCII, controls, and malformed or cut sequences.
    const std::vector<std::string> pieces = {"ش",
                                             "ه",
                                             "\xE2\x80\x8C",
                                             "۱",
                                             "\xF0\x9F\x93\x9C",
                                             "a",
                                             " ",
                                             "\"",
                                             "\\",
                                             "\n",
                                             "\r",
                                             "\t",
                                             std::string(1, '\0'),
                                             "\x1F",
                                             "\x7F",
                                             "&",
                                             "<",
                                             ">",
                                             "'",
                                             "\xD8",
                                             "\xFF",
                                             "\xC0\x80",
                                             "\xE2\x82",
                                             "\xED\xA0\x80",
                                             "\xF4\x90\x80\x80",
                                             "\x80"};
    std::mt19937 random(20261204);
    for (int i = 0; i < 5000; ++i) {
        std::string text;
        const int n = static_cast<int>(random() % 12);
        for (int k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
        INFO(text);
        REQUIRE(jsonString(text) == escapedOneByOne(text, true));
        REQUIRE(htmlEscape(text) == escapedOneByOne(text, false));
        REQUIRE(isValidUtf8(validUtf8(text)));
    }
    std::string appended = "prefix";
    appendJsonString(appended, "«عوارض»\n");
    CHECK(appended == "prefix\"«عوارض»\\n\"");
}
