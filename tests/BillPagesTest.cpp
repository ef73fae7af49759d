// The bill pages: the board by Majlis stage, a bill from endorsed gaps, its stages with Jalali dates and
// session numbers, Guardian Council objections, the extension, sponsors and every city's position.
#include <catch2/catch.hpp>

#include "ApiHelpers.h"
#include "PageHelpers.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

std::int64_t billVersion(TestService& t, const std::string& page) {
    return versionOf(t.client->get("/api/v1" + page, t.token("liaison")));
}

/// Fires `transition` on the bill page as a liaison officer would, with the version the page shows.
Reply fireOnPage(TestService& t, const Browser& who, const std::string& page, const std::string& transition,
                 std::vector<std::pair<std::string, std::string>> fields = {}) {
    fields.emplace_back("transition", transition);
    fields.emplace_back("expected_version", std::to_string(billVersion(t, page)));
    return who.post(page + "/transitions", fields);
}

}  // namespace

TEST_CASE("a liaison officer takes an endorsed gap through the Majlis from the bill pages",
          "[http][web][bills]") {
    TestService t(testBackend(), 64, threeCities);
    std::string gap;
    const std::string reference = endorsedGap(t, &gap);
    const Browser liaison(t, "liaison");

    const Reply form = liaison.get("/bills/new");
    requireSecureHtml(form);
    CHECK(form.body.find("value=\"" + reference + "\"") != std::string::npos);
    CHECK(Browser(t, "tehran.director").get("/bills/new").status == 403);
    const Reply bad = liaison.post(
        "/bills", {{"title", ""}, {"channel", "telegram"}, {"lead_commission", "کمیسیون قضایی و حقوقی"}});
    CHECK(bad.status == 400);
    for (const char* field : {"title", "channel", "gaps"})
        CHECK(bad.body.find(std::string("href=\"#f-") + field + "\"") != std::string::npos);
    CHECK(t.client->get("/api/v1/bills", t.token("liaison")).json()->getArray("items")->size() == 0);

    const Reply created = liaison.post("/bills", {{"title", "لایحه رفع ابهام عوارض نوسازی"},
                                                  {"channel", "government_bill"},
                                                  {"urgency", "single"},
                                                  {"lead_commission", "کمیسیون قضایی و حقوقی"},
                                                  {"advisory", "کمیسیون عمران\nکمیسیون اقتصادی"},
                                                  {"gap", reference}});
    INFO(created.body.substr(0, 3000));
    REQUIRE(created.status == 303);
    const std::string page = created.header("Location");
    REQUIRE(page.rfind("/bills/", 0) == 0);
    const Reply shown = liaison.get(page);
    requireSecureHtml(shown);
    CHECK(shown.body.find(reference) != std::string::npos);
    CHECK(shown.body.find("کمیسیون عمران، کمیسیون اقتصادی") != std::string::npos);
    CHECK(shown.body.find("یک‌فوریتی") != std::string::npos);
    const Reply board = liaison.get("/bills");
    requireSecureHtml(board);
    CHECK(board.body.find("href=\"" + page + "\"") != std::string::npos);

    // A stage with a date that is not one is refused beside the field, and changes nothing.
    {
        const std::string before = t.client->get("/api/v1" + page, t.token("liaison")).body;
        const Reply wrong = fireOnPage(t, liaison, page, "announce", {{"field_date", "1405-14-01"}});
        CHECK(wrong.status == 400);
        CHECK(wrong.body.find("href=\"#f-fields.date\"") != std::string::npos);
        CHECK(wrong.body.find("value=\"1405-14-01\"") != std::string::npos);
        CHECK(t.client->get("/api/v1" + page, t.token("liaison")).body == before);
        const Reply stale =
            liaison.post(page + "/transitions", {{"transition", "announce"}, {"expected_version", "0"}});
        CHECK(stale.status == 400);
    }
    for (const auto& [transition, date] :
         std::vector<std::pair<std::string, std::string>>{{"announce", "۱۴۰۵-۰۹-۱۲"},
                                                          {"refer_to_commission", "۱۴۰۵-۰۹-۱۴"},
                                                          {"report", "۱۴۰۵-۰۹-۲۰"},
                                                          {"debate_general_principles", "۱۴۰۵-۰۹-۲۵"},
                                                          {"approve_general_principles", "۱۴۰۵-۰۹-۲۶"},
                                                          {"send_to_guardian_council", "۱۴۰۵-۱۰-۰۱"}}) {
        INFO(transition);
        REQUIRE(fireOnPage(t, liaison, page, transition, {{"field_date", date}, {"field_session_no", "۲۱۴"}})
                    .status == 303);
    }
    const Reply atCouncil = liaison.get(page);
    CHECK(atCouncil.body.find("در شورای نگهبان") != std::string::npos);
    CHECK(atCouncil.body.find("<span class=\"muted\">تاریخ (شمسی):</span> <bdi>۱۲ آذر ۱۴۰۵</bdi>") !=
          std::string::npos);
    CHECK(atCouncil.body.find("شماره جلسه علنی") != std::string::npos);
    CHECK(atCouncil.body.find("action=\"" + page + "/extension\"") != std::string::npos);

    // A Guardian Council objection: the approval waits until it is resolved.
    REQUIRE(liaison
                .post(page + "/objections", {{"article", "ماده ۲"},
                                             {"type", "constitution"},
                                             {"text", "مغایرت با اصل ۷۵"},
                                             {"expected_version", std::to_string(billVersion(t, page))}})
                .status == 303);
    CHECK(fireOnPage(t, liaison, page, "approve", {{"field_date", "۱۴۰۵-۱۰-۰۵"}}).status == 422);
    REQUIRE(liaison
                .post(page + "/extension", {{"comment", "درخواست ده روز دیگر"},
                                            {"expected_version", std::to_string(billVersion(t, page))}})
                .status == 303);
    CHECK(liaison.get(page).body.find("۱ بار تمدید شده") != std::string::npos);
    REQUIRE(liaison
                .post(page + "/objections/1", {{"response", "ماده اصلاح شد"},
                                               {"resolved", "on"},
                                               {"expected_version", std::to_string(billVersion(t, page))}})
                .status == 303);
    const Reply answered = liaison.get(page);
    CHECK(answered.body.find("رفع شد") != std::string::npos);
    CHECK(answered.body.find("ماده اصلاح شد") != std::string::npos);
    REQUIRE(fireOnPage(t, liaison, page, "approve", {{"field_date", "۱۴۰۵-۱۰-۰۵"}}).status == 303);
    const Reply noLaw = fireOnPage(t, liaison, page, "promulgate");
    CHECK(noLaw.status == 422);
    CHECK(noLaw.body.find("href=\"#f-fields.law_reference\"") != std::string::npos);
    REQUIRE(fireOnPage(t, liaison, page, "promulgate",
                       {{"field_law_reference", "قانون شماره ۱۲۳۴ مورخ ۱۴۰۵/۱۰/۱۰"}})
                .status == 303);
    CHECK(stateOf(t.client->get(gap, t.token("secretary"))) == "enacted");
    // The dossier: the gap with its latest draft, the meeting that endorsed it, every stage, the objection.
    const Reply dossier = liaison.get(page + "/dossier");
    requireSecureHtml(dossier);
    CHECK(dossier.body.find(reference) != std::string::npos);
    CHECK(dossier.body.find("متن اصلاحی") != std::string::npos);
    CHECK(dossier.body.find("در جلسه <a href=\"/meetings/") != std::string::npos);
    CHECK(dossier.body.find("مغایرت با اصل ۷۵") != std::string::npos);
    CHECK(dossier.body.find("ماده اصلاح شد") != std::string::npos);
    CHECK(dossier.body.find("۱۲ آذر ۱۴۰۵") != std::string::npos);
    CHECK(
        Browser(t, "tehran.director").get("/gaps/" + gap.substr(gap.rfind('/') + 1)).body.find("قانون شد") !=
        std::string::npos);
}

TEST_CASE("each city's legal director states its position on a bill; others cannot", "[http][web][bills]") {
    TestService t(testBackend(), 64, threeCities);
    std::string gap;
    const std::string reference = endorsedGap(t, &gap);
    const Browser liaison(t, "liaison");
    const std::string page = liaison
                                 .post("/bills", {{"title", "لایحه عوارض"},
                                                  {"channel", "government_bill"},
                                                  {"lead_commission", "کمیسیون قضایی و حقوقی"},
                                                  {"gap", reference}})
                                 .header("Location");
    REQUIRE(!page.empty());
    const Browser tehran(t, "tehran.director"), mashhad(t, "mashhad.director");
    CHECK(tehran.get(page).body.find("action=\"" + page + "/position\"") != std::string::npos);
    CHECK(liaison.get(page).body.find("action=\"" + page + "/position\"") == std::string::npos);
    REQUIRE(
        tehran.post(page + "/position", {{"position", "support"}, {"note", "رفع ابهام به سود همه شهرهاست"}})
            .status == 303);
    REQUIRE(mashhad.post(page + "/position", {{"position", "oppose"}}).status == 303);
    const Reply bad = mashhad.post(page + "/position", {{"position", "maybe"}});
    CHECK(bad.status == 400);
    CHECK(bad.body.find("href=\"#f-position\"") != std::string::npos);
    CHECK(liaison.post(page + "/position", {{"position", "support"}}).status == 403);
    CHECK(liaison.post(page + "/position", {{"position", "support"}}, false).status == 403);
    const Reply shown = Browser(t, "observer").get(page);
    CHECK(shown.body.find(
              "<td>تهران</td><td data-label=\"موضع\"><strong class=\"position-support\">موافق</strong>") !=
          std::string::npos);
    CHECK(shown.body.find(
              "<td>مشهد</td><td data-label=\"موضع\"><strong class=\"position-oppose\">مخالف</strong>") !=
          std::string::npos);
    CHECK(shown.body.find("<td>اصفهان</td><td data-label=\"موضع\"><span class=\"muted\">اعلام نشده</span>") !=
          std::string::npos);
    CHECK(shown.body.find("رفع ابهام به سود همه شهرهاست") != std::string::npos);
    // Forms without their token change nothing.
    const std::string before = t.client->get("/api/v1" + page, t.token("liaison")).body;
    CHECK(tehran.post(page + "/position", {{"position", "oppose"}}, false).status == 403);
    CHECK(liaison.post(page + "/transitions", {{"transition", "announce"}, {"expected_version", "1"}}, false)
              .status == 403);
    CHECK(liaison
              .post(page + "/objections",
                    {{"article", "۱"}, {"type", "sharia"}, {"text", "x"}, {"expected_version", "1"}}, true,
                    {{"Origin", "https://evil.example"}})
              .status == 403);
    CHECK(t.client->get("/api/v1" + page, t.token("liaison")).body == before);
}

TEST_CASE("an MPs' plan lists its sponsors typed one per line and counts them against the minimum",
          "[http][web][bills]") {
    TestService t(testBackend(), 64, threeCities);
    const std::string reference = endorsedGap(t);
    const Browser liaison(t, "liaison");
    std::string sponsors;
    for (int i = 1; i <= 15; ++i)
        sponsors += "نماینده " + std::to_string(i) + (i % 2 ? "، تهران" : ", اصفهان") + "\r\n";
    const Reply tooFew = liaison.post("/bills", {{"title", "طرح اصلاح ماده ۲۹"},
                                                 {"channel", "mps_plan"},
                                                 {"lead_commission", "کمیسیون قضایی و حقوقی"},
                                                 {"sponsors", "نماینده تنها، قم"},
                                                 {"gap", reference}});
    CHECK(tooFew.status == 422);
    CHECK(tooFew.body.find("نماینده تنها، قم") != std::string::npos);  // kept as typed
    const std::string page = liaison
                                 .post("/bills", {{"title", "طرح اصلاح ماده ۲۹"},
                                                  {"channel", "mps_plan"},
                                                  {"lead_commission", "کمیسیون قضایی و حقوقی"},
                                                  {"sponsors", sponsors},
                                                  {"gap", reference}})
                                 .header("Location");
    REQUIRE(!page.empty());
    const Reply shown = liaison.get(page);
    CHECK(shown.body.find("۱۵ امضای معتبر از ۱۵ امضای لازم") != std::string::npos);
    CHECK(shown.body.find("نماینده 2، <span class=\"muted\">اصفهان</span>") != std::string::npos);
    REQUIRE(liaison
                .post(page + "/sponsors/3/withdrawal",
                      {{"expected_version", std::to_string(billVersion(t, page))}})
                .status == 303);
    const Reply withdrawn = liaison.get(page);
    CHECK(withdrawn.body.find("۱۴ امضای معتبر از ۱۵ امضای لازم") != std::string::npos);
    CHECK(withdrawn.body.find("کمتر از حد لازم") != std::string::npos);
}
