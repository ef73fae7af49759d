// Advisory opinions from the pages: a legal director asks, the secretary assigns, a committee member answers,
// the secretary publishes; every text kept in its versions, every refused form changing nothing.
#include <Poco/String.h>

#include <catch2/catch.hpp>

#include "ApiHelpers.h"
#include "PageHelpers.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

const std::string SECRET_TITLE = "اختلاف محرمانه تهران با پیمانکار پسماند";

std::string opinionPath(const Reply& created) {
    INFO(created.status << " " << created.body.substr(0, 1500));
    REQUIRE(created.status == 303);
    return created.header("Location");
}

std::string apiPath(const std::string& page) { return "/api/v1" + page; }

}  // namespace

TEST_CASE("an opinion is asked, assigned, answered and published from its pages, each text in versions",
          "[http][web][opinions]") {
    TestService t;
    const auto gap = createGap(t);
    const std::string reference = gap->getValue<std::string>("reference");
    const auto secret = createGap(
        t, "tehran.director",
        Poco::replace(Poco::replace(NEW_GAP, std::string("خلأ قانونی در وصول عوارض نوسازی"), SECRET_TITLE),
                      std::string("\"priority\": \"high\","),
                      std::string("\"priority\": \"high\", \"confidential\": true,")));
    const std::string secretReference = secret->getValue<std::string>("reference");
    const Browser director(t, "tehran.director");
    const Browser secretary(t, "secretary");
    const Browser member(t, "mashhad.member");
    const Browser mashhad(t, "mashhad.director");
    CHECK(Browser(t, "observer").get("/opinions/new").status == 403);
    CHECK(secretary.get("/opinions/new").status == 403);
    requireSecureHtml(director.get("/opinions/new"));

    // A question without its text is refused beside the field, what was typed kept, nothing stored.
    const Reply bad = director.post("/opinions", {{"title", "عوارض اراضی بی‌سند"},
                                                  {"question", ""},
                                                  {"law", "قانون نوسازی و عمران شهری"},
                                                  {"article", "ماده ۲۹"},
                                                  {"gaps", "G-1405-9999"}});
    CHECK(bad.status == 400);
    CHECK(bad.body.find("href=\"#f-question\"") != std::string::npos);
    CHECK(bad.body.find("value=\"عوارض اراضی بی‌سند\"") != std::string::npos);
    CHECK(bad.body.find("value=\"ماده ۲۹\"") != std::string::npos);
    const Reply unknownGap = director.post("/opinions", {{"title", "عوارض اراضی بی‌سند"},
                                                         {"question", "آیا وصول مجاز است؟"},
                                                         {"gaps", "G-1405-9999"}});
    CHECK(unknownGap.status == 422);
    CHECK(unknownGap.body.find("href=\"#f-gaps\"") != std::string::npos);
    CHECK(t.client->get("/api/v1/opinions", t.token("secretary")).json()->getArray("items")->size() == 0);

    const std::string page = opinionPath(director.post(
        "/opinions",
        {{"title", "عوارض اراضی بی‌سند"},
         {"question",
          "آیا وصول عوارض نوسازی از اراضی بی‌سند مجاز است؟"},
         {"law", "قانون نوسازی و عمران شهری"},
         {"article", "ماده ۲۹"},
         {"gaps", reference + "\n" + secretReference}}));
    const Reply asked = director.get(page);
    requireSecureHtml(asked);
    CHECK(asked.body.find("استعلام‌شده") != std::string::npos);
    CHECK(asked.body.find(SECRET_TITLE) != std::string::npos);
    // Before it is published, another city's director does not know of it.
    CHECK(mashhad.get(page).status == 404);
    CHECK(mashhad.get("/opinions").body.find("href=\"" + page + "\"") == std::string::npos);

    // The asking city revises its question: a second version, the first kept; a stale form changes nothing.
    REQUIRE(director
                .post(page + "/question", {{"text", "آیا وصول عوارض نوسازی از اراضی فاقد سند رسمی مجاز است؟"},
                                           {"law", "قانون نوسازی و عمران شهری"},
                                           {"article", "ماده ۲۹"},
                                           {"expected_version", "1"}})
                .status == 303);
    const std::string before = snapshot(t, apiPath(page));
    const Reply stale = director.post(page + "/question", {{"text", "متن کهنه"}, {"expected_version", "1"}});
    CHECK(stale.status == 409);
    CHECK(stale.body.find("متن کهنه") != std::string::npos);
    CHECK(snapshot(t, apiPath(page)) == before);
    const Reply revised = director.get(page);
    CHECK(revised.body.find("نسخه ۲") != std::string::npos);
    CHECK(revised.body.find("نسخه‌های پیشین") != std::string::npos);
    CHECK(revised.body.find("اراضی بی‌سند مجاز است؟") != std::string::npos);

    // The secretary assigns it to someone from the list; a person who may not answer is refused there.
    const Reply toAssign = secretary.get(page);
    CHECK(toAssign.body.find("<option value=\"mashhad.member\">") != std::string::npos);
    CHECK(toAssign.body.find("<option value=\"observer\">") == std::string::npos);
    CHECK(secretary
              .post(page + "/transitions",
                    {{"transition", "assign"}, {"field_assignee", "observer"}, {"expected_version", "2"}})
              .status == 422);
    CHECK(secretary.post(page + "/transitions", {{"transition", "assign"}, {"expected_version", "2"}}, false)
              .status == 403);
    CHECK(snapshot(t, apiPath(page)) == before);
    REQUIRE(
        secretary
            .post(page + "/transitions",
                  {{"transition", "assign"}, {"field_assignee", "mashhad.member"}, {"expected_version", "2"}})
            .status == 303);

    // A committee member writes the answer (the question is no longer the city's to change), then answers.
    CHECK(director.post(page + "/question", {{"text", "دیر"}, {"expected_version", "3"}}).status == 409);
    const Reply toAnswer = member.get(page);
    CHECK(toAnswer.body.find("action=\"" + page + "/answer\"") != std::string::npos);
    // The member may read the opinion but not the confidential Tehran gap it names.
    CHECK(toAnswer.body.find(SECRET_TITLE) == std::string::npos);
    CHECK(toAnswer.body.find(reference) != std::string::npos);
    CHECK(member.post(page + "/answer", {{"text", ""}, {"expected_version", "3"}}).status == 400);
    REQUIRE(member
                .post(page + "/answer", {{"text", "وصول مجاز نیست مگر پس از ثبت رسمی."},
                                         {"law", "قانون نوسازی و عمران شهری"},
                                         {"article", "ماده ۲۹"},
                                         {"expected_version", "3"}})
                .status == 303);
    REQUIRE(
        member.post(page + "/transitions", {{"transition", "answer"}, {"expected_version", "4"}}).status ==
        303);
    REQUIRE(secretary.post(page + "/transitions", {{"transition", "publish"}, {"expected_version", "5"}})
                .status == 303);

    // Published: guidance every city reads, with its history; still without the confidential title.
    const Reply published = mashhad.get(page);
    requireSecureHtml(published);
    CHECK(published.status == 200);
    CHECK(published.body.find("منتشرشده") != std::string::npos);
    CHECK(published.body.find("وصول مجاز نیست مگر پس از ثبت رسمی.") != std::string::npos);
    CHECK(published.body.find("ارجاع برای پاسخ") != std::string::npos);
    CHECK(published.body.find("mashhad.member") != std::string::npos);
    CHECK(published.body.find(SECRET_TITLE) == std::string::npos);
    CHECK(published.body.find(secretReference) == std::string::npos);
    CHECK(mashhad.get("/opinions?state=published").body.find("href=\"" + page + "\"") != std::string::npos);
    CHECK(mashhad.get("/opinions?state=asked").body.find("href=\"" + page + "\"") == std::string::npos);
    CHECK(mashhad.get("/opinions?state=nonsense").status == 400);
    // The provision's page and the gap's page link it.
    const Reply gapPage = director.get("/gaps/" + gap->getValue<std::string>("id"));
    CHECK(gapPage.body.find("href=\"" + page + "\"") != std::string::npos);
}

TEST_CASE("an opinion's links name gaps by reference and rulings on its provisions",
          "[http][web][opinions]") {
    TestService t;
    const auto gap = createGap(t);
    const std::string reference = gap->getValue<std::string>("reference");
    const Browser director(t, "tehran.director");
    const Reply ruling = t.client->post("/api/v1/rulings", t.token("tehran.director"), R"({
        "court": "دیوان عدالت اداری", "number": "۱۴۰۵۰۹۹۷", "decided_on": "1405-08-12", "outcome": "adverse", "municipality": "tehran",
        "summary": "ابطال عوارض", "provisions": [{"law": "قانون نوسازی و عمران شهری", "article": "ماده ۲۹"}]})");
    INFO(ruling.body);
    REQUIRE(ruling.status == 201);
    const std::string rulingId = ruling.json()->getObject("ruling")->getValue<std::string>("id");
    const std::string page =
        opinionPath(director.post("/opinions", {{"title", "عوارض اراضی بی‌سند"},
                                                {"question", "آیا وصول مجاز است؟"},
                                                {"law", "قانون نوسازی و عمران شهری"},
                                                {"article", "ماده ۲۹"}}));
    const Reply offered = director.get(page);
    CHECK(offered.body.find("name=\"ruling\" value=\"" + rulingId + "\"") != std::string::npos);
    const std::string before = snapshot(t, apiPath(page));
    CHECK(director.post(page + "/links", {{"gaps", "G-1405-9999"}, {"expected_version", "1"}}).status == 422);
    CHECK(director.post(page + "/links", {{"gaps", reference}, {"ruling", "x"}, {"expected_version", "1"}})
              .status == 400);
    CHECK(director.post(page + "/links", {{"gaps", reference}, {"expected_version", "1"}}, false).status ==
          403);
    CHECK(snapshot(t, apiPath(page)) == before);
    REQUIRE(
        director.post(page + "/links", {{"gaps", reference}, {"ruling", rulingId}, {"expected_version", "1"}})
            .status == 303);
    const Reply linked = director.get(page);
    CHECK(linked.body.find("href=\"/gaps/" + gap->getValue<std::string>("id") + "\"") != std::string::npos);
    CHECK(linked.body.find("href=\"/rulings/" + rulingId + "\"") != std::string::npos);
    CHECK(linked.body.find("پیوند به خلأها و آرا") != std::string::npos);
}
