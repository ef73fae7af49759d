// The rulings registry, registering a ruling, a ruling's page with the gaps it concerns, and a provision's
// page: everything recorded on one article of law.
#include <catch2/catch.hpp>

#include "ApiHelpers.h"
#include "PageHelpers.h"
#include "PageViews.h"

using namespace lacuna;
using namespace lacuna::test;

TEST_CASE("a legal director registers a ruling from the page and links it to the gap it concerns",
          "[http][web][rulings]") {
    TestService t;
    const auto gap = createGap(t);
    const std::string reference = gap->getValue<std::string>("reference");
    const Browser director(t, "tehran.director");
    CHECK(Browser(t, "observer").get("/rulings/new").status == 403);
    const Reply form = director.get("/rulings/new");
    requireSecureHtml(form);

    const Reply bad = director.post("/rulings", {{"court", "دیوان عدالت اداری"},
                                                 {"number", "۱۴۰۵۰۹۹۷"},
                                                 {"decided_on", "1405-13-01"},
                                                 {"outcome", "lost"},
                                                 {"summary", "ابطال مصوبه"},
                                                 {"law", "قانون نوسازی و عمران شهری"},
                                                 {"article", "ماده ۲۹"}});
    CHECK(bad.status == 400);
    for (const char* field : {"decided_on", "outcome"})
        CHECK(bad.body.find(std::string("href=\"#f-") + field + "\"") != std::string::npos);
    CHECK(bad.body.find("value=\"1405-13-01\"") != std::string::npos);
    CHECK(bad.body.find("value=\"ماده ۲۹\"") != std::string::npos);
    CHECK(t.client->get("/api/v1/rulings", t.token("secretary")).json()->getArray("items")->size() == 0);

    const Reply registered =
        director.post("/rulings", {{"court", "دیوان عدالت اداری"},
                                   {"branch", "شعبه ۱۲"},
                                   {"number", "۱۴۰۵۰۹۹۷"},
                                   {"decided_on", "۱۴۰۵-۰۸-۱۲"},
                                   {"outcome", "adverse"},
                                   {"summary", "ابطال عوارض نوسازی اراضی بی‌سند"},
                                   {"full_text", "متن کامل <رأی>"},
                                   {"law", "قانون نوسازی و عمران شهری"},
                                   {"article", "ماده ۲۹"}});
    INFO(registered.body.substr(0, 2000));
    REQUIRE(registered.status == 303);
    const std::string location = registered.header("Location");
    REQUIRE(location.rfind("/rulings/", 0) == 0);
    const std::string page = location.substr(0, location.find('?'));
    const Reply shown = director.get(location);
    requireSecureHtml(shown);
    CHECK(shown.body.find("رأی ثبت شد") != std::string::npos);
    CHECK(shown.body.find("۱۲ آبان ۱۴۰۵") != std::string::npos);
    CHECK(shown.body.find("به زیان شهرداری") != std::string::npos);
    CHECK(shown.body.find("متن کامل &lt;رأی&gt;") != std::string::npos);
    // The gap on the same provision is offered before it is linked.
    CHECK(shown.body.find("خلأهای دیگر بر همین مواد") != std::string::npos);
    // An adverse ruling reaches every other city's legal director's desk, linked to its page.
    CHECK(Browser(t, "mashhad.director").get("/").body.find("href=\"" + page + "\"") != std::string::npos);
    CHECK(shown.body.find(reference) != std::string::npos);

    const Reply unknown = director.post(page + "/gaps", {{"gap", "G-1405-9999"}, {"expected_version", "1"}});
    CHECK(unknown.status >= 400);
    CHECK(unknown.status < 500);
    REQUIRE(
        director
            .post(page + "/gaps", {{"gap", reference}, {"note", "همان ماده ۲۹"}, {"expected_version", "1"}})
            .status == 303);
    const Reply linked = director.get(page);
    CHECK(linked.body.find("چرا: همان ماده ۲۹") != std::string::npos);

    // The registry filters by outcome and provision; the provision's page holds the gap and the ruling.
    CHECK(director.get("/rulings?outcome=adverse").body.find("href=\"" + page + "\"") != std::string::npos);
    CHECK(director.get("/rulings?outcome=favourable").body.find("href=\"" + page + "\"") ==
          std::string::npos);
    const Reply byProvision =
        director.get("/rulings?provision=" + encodePathSegment("قانون نوسازی و عمران شهری — ماده ۲۹"));
    CHECK(byProvision.body.find("href=\"" + page + "\"") != std::string::npos);
    CHECK(byProvision.body.find("value=\"قانون نوسازی و عمران شهری — ماده ۲۹\"") != std::string::npos);
    CHECK(director.get("/rulings?from=1405-13-01").status == 400);
    const std::size_t at = linked.body.find("href=\"/provisions/");
    REQUIRE(at != std::string::npos);
    const std::string provision = linked.body.substr(at + 6, linked.body.find('"', at + 6) - at - 6);
    const Reply onProvision = director.get(provision);
    requireSecureHtml(onProvision);
    CHECK(onProvision.status == 200);
    CHECK(onProvision.body.find("href=\"" + page + "\"") != std::string::npos);
    CHECK(onProvision.body.find(reference) != std::string::npos);
    // The gap's page links the ruling and the provision.
    const Reply gapPage = director.get("/gaps/" + gap->getValue<std::string>("id"));
    CHECK(gapPage.body.find("href=\"" + page + "\"") != std::string::npos);
    CHECK(gapPage.body.find("href=\"" + provision + "\"") != std::string::npos);
    CHECK(director.post(page + "/gaps", {{"gap", reference}, {"expected_version", "1"}}, false).status ==
          403);
}

TEST_CASE("a provision's page shows its gaps twenty at a time, newest first, with a way to the older ones",
          "[http][web][rulings]") {
    TestService t;
    std::vector<std::string> references;  // oldest first
    for (int i = 0; i < 22; ++i) references.push_back(createGap(t)->getValue<std::string>("reference"));
    const Browser director(t, "mashhad.director");
    const std::string page = "/provisions/" + encodePathSegment("قانون نوسازی و عمران شهری — ماده ۲۹");
    const Reply first = director.get(page);
    requireSecureHtml(first);
    CHECK(first.body.find("همه آرای این ماده") == std::string::npos);  // no ruling yet
    for (std::size_t i = 0; i < references.size(); ++i)
        CHECK((first.body.find(references[i]) != std::string::npos) == (i >= 2));
    CHECK(first.body.find("تازه‌ترین خلأها") == std::string::npos);
    const std::size_t at = first.body.find("?before=");
    REQUIRE(at != std::string::npos);
    const std::size_t start = first.body.rfind('"', at) + 1;
    const std::string older = first.body.substr(start, first.body.find_first_of("#\"", at) - start);
    const Reply second = director.get(older);
    requireSecureHtml(second);
    for (std::size_t i = 0; i < references.size(); ++i)
        CHECK((second.body.find(references[i]) != std::string::npos) == (i < 2));
    CHECK(second.body.find("rel=\"next\"") == std::string::npos);
    CHECK(second.body.find("href=\"" + page + "#h-gaps\"") != std::string::npos);
    // What is not a gap id is refused, naming the parameter.
    for (const char* bad : {"abc", "0", "-3"}) {
        const Reply refused = director.get(page + "?before=" + bad);
        CHECK(refused.status == 400);
        CHECK(refused.body.find("before") != std::string::npos);
    }
}

TEST_CASE("a provision's page shows its newest ten rulings and leads to all of them in the registry",
          "[http][web][rulings]") {
    TestService t;
    const std::string named = "قانون نوسازی و عمران شهری — ماده ۲۹";
    const std::string page = "/provisions/" + encodePathSegment(named);
    const Browser director(t, "tehran.director");
    std::vector<std::string> numbers;  // oldest first
    for (int i = 0; i < 12; ++i) {
        numbers.push_back("14050990" + std::to_string(10 + i));
        const Reply r = t.client->post(
            "/api/v1/rulings", t.token("tehran.director"),
            R"({"court": "دیوان عدالت اداری", "number": ")" + numbers.back() +
                R"(", "decided_on": "1405-08-12", "outcome": "adverse", "municipality": "tehran",
                "summary": "ابطال عوارض", "provisions": [{"law": "قانون نوسازی و عمران شهری", "article": "ماده ۲۹"}]})");
        REQUIRE(r.status == 201);
        const Reply shown = director.get(page);
        requireSecureHtml(shown);
        // Ten and fewer: all of them and no link; eleven and more: the newest ten and the link.
        CHECK((shown.body.find("همه آرای این ماده") != std::string::npos) == (i >= 10));
    }
    const Reply shown = director.get(page);
    for (std::size_t i = 0; i < numbers.size(); ++i)
        CHECK((shown.body.find(numbers[i]) != std::string::npos) == (i >= 2));
    const std::string link = linkWith("/rulings", {{"provision", named}});
    REQUIRE(shown.body.find("href=\"" + link + "\"") != std::string::npos);
    const Reply registry = director.get(link);
    requireSecureHtml(registry);
    for (const std::string& number : numbers) CHECK(registry.body.find(number) != std::string::npos);
}

TEST_CASE(
    "conflicting rulings show on every desk, on the provision's and the rulings' pages, and in their list",
    "[http][web][rulings][conflicts]") {
    TestService t;
    const auto gap = createGap(t);
    const std::string reference = gap->getValue<std::string>("reference");
    const auto rule = [&](const std::string& who, const std::string& city, const std::string& outcome,
                          const std::string& number) {
        const Reply r = t.client->post(
            "/api/v1/rulings", t.token(who),
            R"({"court": "دیوان عدالت اداری", "branch": "شعبه )" + number + R"(", "number": ")" + number +
                R"(", "decided_on": "1405-08-12", "outcome": ")" + outcome + R"(", "municipality": ")" +
                city +
                R"(", "summary": "عوارض نوسازی", "provisions": [{"law": "قانون نوسازی و عمران شهری", "article": "ماده ۲۹"}]})");
        INFO(r.body);
        REQUIRE(r.status == 201);
        return "/rulings/" + r.json()->getObject("ruling")->getValue<std::string>("id");
    };
    const Browser director(t, "mashhad.director");
    const std::string provision = provisionLink({"قانون نوسازی و عمران شهری", "ماده ۲۹"});
    const auto shows = [](const Reply& r, const std::string& text) {
        return r.body.find(text) != std::string::npos;
    };

    const std::string against = rule("tehran.director", "tehran", "adverse", "۱۱۱");
    CHECK(shows(director.get("/"), "میان آرای ثبت‌شده تعارضی نیست"));
    CHECK_FALSE(shows(director.get(provision), "آرای متعارض بر این ماده"));
    CHECK_FALSE(shows(director.get(against), "تعارض آرا بر مواد این رأی"));
    const std::string infavour = rule("mashhad.director", "mashhad", "favourable", "۲۲۲");

    // Every legal director's desk: the provision, both rulings, the gap on it.
    const Reply desk = director.get("/");
    requireSecureHtml(desk);
    CHECK_FALSE(shows(desk, "میان آرای ثبت‌شده تعارضی نیست"));
    for (const std::string& link : {provision, against, infavour, std::string("/conflicts")})
        CHECK(shows(desk, "href=\"" + link + "\""));
    CHECK(shows(desk, reference));
    CHECK(shows(desk, "از دو شعبه یک مرجع"));
    CHECK(shows(Browser(t, "tehran.director").get("/"), "href=\"" + infavour + "\""));

    const Reply onProvision = director.get(provision);
    requireSecureHtml(onProvision);
    CHECK(shows(onProvision, "آرای متعارض بر این ماده"));
    const Reply onRuling = director.get(against);
    requireSecureHtml(onRuling);
    CHECK(shows(onRuling, "تعارض آرا بر مواد این رأی"));
    CHECK(shows(onRuling, "href=\"" + infavour + "\""));

    const Reply list =
        director.get("/conflicts?provision=" + encodePathSegment("قانون نوسازی و عمران شهری — ماده ۲۹"));
    requireSecureHtml(list);
    CHECK(shows(list, "href=\"" + against + "\""));
    CHECK(shows(list, reference));
    const Reply none = director.get("/conflicts?provision=" + encodePathSegment("قانون شهرداری — ماده ۱۰۰"));
    requireSecureHtml(none);
    CHECK(shows(none, "تعارضی پیدا نشد"));
    CHECK_FALSE(shows(none, "href=\"" + against + "\""));
    CHECK(director.get("/conflicts?court=x").status == 400);
}
