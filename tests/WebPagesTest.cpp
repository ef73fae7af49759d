// The pages for people (web/): sessions and CSRF, the security headers, escaping, static files,
// compression, refused forms and stale versions. The browser suite (tests/browser) walks the same
// pages in chromium; the confidentiality table covers what each page may name.
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <Poco/URI.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>

#include "ApiHelpers.h"
#include "ConfigError.h"
#include "PageHelpers.h"
#include "PageTemplates.h"
#include "PageText.h"
#include "TestService.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

std::string pageOf(const Poco::JSON::Object::Ptr& gap) { return "/gaps/" + gap->getValue<std::string>("id"); }

}  // namespace

TEST_CASE("every page answers as strict, right-to-left Persian HTML", "[http][web]") {
    TestService t;
    const auto gap = createGap(t);
    const Browser director(t, "tehran.director");
    const std::string gapPage = pageOf(gap);
    requireSecureHtml(t.client->get("/login", ""));
    for (const std::string& path : std::vector<std::string>{
             "/", "/gaps", "/gaps?state=reported&sort=-priority", "/gaps/board", "/gaps/new", gapPage,
             "/search", "/search?q=" + std::string("%D8%B9%D9%88%D8%A7%D8%B1%D8%B6")}) {
        const Reply r = director.get(path);
        INFO(path);
        CHECK(r.status == 200);
        requireSecureHtml(r);
    }
    // Persian digits and Jalali dates where a person reads, ISO in the machine-readable attribute.
    const Reply page = director.get(gapPage);
    CHECK(std::regex_search(page.body,
                            std::regex("<time datetime=\"20[0-9]{2}-[0-9]{2}-[0-9]{2}T[^\"]+Z\">[۰-۹]")) ==
          true);
    CHECK(page.body.find("۱۴۰۵") != std::string::npos);
    // The errors are pages too, with the status the one error mapping gives.
    const Reply missing = director.get("/gaps/999999");
    CHECK(missing.status == 404);
    requireSecureHtml(missing);
    const Reply badFilter = director.get("/gaps?state=nonsense");
    CHECK(badFilter.status == 400);
    requireSecureHtml(badFilter);
}

TEST_CASE("the desk tells what happened to a watched gap in Persian", "[http][web]") {
    TestService t;
    const auto gap = createGap(t);  // its reporter watches it
    REQUIRE(fire(t, "secretary", gapPath(gap), "triage", 1).status == 200);
    const Reply desk = Browser(t, "tehran.director").get("/");
    INFO(desk.body);
    CHECK(desk.body.find("بررسی اولیه: گزارش‌شده ← بررسی اولیه‌شده") !=
          std::string::npos);
    CHECK(desk.body.find("triaged") == std::string::npos);
}

TEST_CASE("a page needs a session cookie; without one it sends the person to sign in", "[http][web]") {
    TestService t;
    const Reply r = t.client->get("/gaps?state=reported", "");
    CHECK(r.status == 303);
    CHECK(r.header("Location") == "/login?next=/gaps%3Fstate%3Dreported");
    // A bearer token is for the API: a page does not take it (a cookie can be sent by another site's form,
    // so only pages check CSRF, and only pages take the cookie).
    CHECK(t.client->get("/gaps", t.token("tehran.director")).status == 303);
    const Reply viaCookie = t.client->send("GET", "/api/v1/me", "", "",
                                           {{"Cookie", "lacuna_session=" + t.token("tehran.director")}});
    CHECK(viaCookie.status == 401);
    // htmx is told to load the login page whole.
    const Reply htmx = t.client->send("GET", "/gaps", "", "", {{"HX-Request", "true"}});
    CHECK(htmx.header("HX-Redirect").rfind("/login?next=", 0) == 0);
}

TEST_CASE("signing in sets a strict session cookie; signing out revokes it", "[http][web]") {
    TestService t;
    const std::string form = formEncode({{"username", "tehran.director"},
                                         {"password", TestService::PASSWORD},
                                         {"next", "/gaps?state=reported"}});
    const Reply in = t.client->send("POST", "/login", "", form, {}, "application/x-www-form-urlencoded");
    REQUIRE(in.status == 303);
    CHECK(in.header("Location") == "/gaps?state=reported");
    const std::string cookie = in.header("Set-Cookie");
    CHECK(cookie.find("HttpOnly") != std::string::npos);
    CHECK(cookie.find("SameSite=Strict") != std::string::npos);
    CHECK(cookie.find("Path=/") != std::string::npos);
    std::smatch m;
    REQUIRE(std::regex_search(cookie, m, std::regex("lacuna_session=([^;]+)")));
    Browser person(t, "tehran.director");
    person.token = m[1];
    CHECK(person.get("/").status == 200);
    // The same session store as bearer tokens.
    CHECK(t.client->get("/api/v1/me", person.token).status == 200);

    const Reply out = person.post("/logout", {});
    CHECK(out.status == 303);
    CHECK(out.header("Set-Cookie").find("Max-Age=0") != std::string::npos);
    CHECK(person.get("/").status == 303);
    CHECK(t.client->get("/api/v1/me", person.token).status == 401);
}

TEST_CASE("sign-in sends a person back only to a page of this site", "[http][web]") {
    TestService t;
    for (const auto& [next, expected] :
         std::vector<std::pair<std::string, std::string>>{{"/gaps/board", "/gaps/board"},
                                                          {"//evil.example/x", "/"},
                                                          {"/\\evil.example", "/"},
                                                          {"https://evil.example/", "/"},
                                                          {"javascript:alert(1)", "/"},
                                                          {"", "/"}}) {
        const Reply r = t.client->send(
            "POST", "/login", "",
            formEncode({{"username", "tehran.expert"}, {"password", TestService::PASSWORD}, {"next", next}}),
            {}, "application/x-www-form-urlencoded");
        INFO(next);
        CHECK(r.status == 303);
        CHECK(r.header("Location") == expected);
    }
}

TEST_CASE("the login page answers wrong passwords and is throttled like the API", "[http][web]") {
    TestService t;
    const auto attempt = [&](const std::string& password) {
        return t.client->send("POST", "/login", "",
                              formEncode({{"username", "mashhad.director"}, {"password", password}}), {},
                              "application/x-www-form-urlencoded");
    };
    const Reply wrong = attempt("not it");
    CHECK(wrong.status == 401);
    CHECK(wrong.body.find("value=\"mashhad.director\"") != std::string::npos);  // kept for another try
    CHECK(wrong.header("Set-Cookie").empty());
    for (int i = 0; i < 5; ++i) attempt("still not it");
    const Reply throttled = attempt(TestService::PASSWORD);
    CHECK(throttled.status == 429);
    CHECK(!throttled.header("Retry-After").empty());
    CHECK(throttled.header("Set-Cookie").empty());
    // The API counts the same attempts.
    requireProblem(t.client->post("/api/v1/session", "",
                                  R"({"username":"mashhad.director","password":")" +
                                      std::string(TestService::PASSWORD) + "\"}"),
                   429);
}

TEST_CASE("every form that changes something is refused without its CSRF token and changes nothing",
          "[http][web]") {
    TestService t;
    const auto gap = createGap(t);
    const std::string page = pageOf(gap);
    const std::string api = gapPath(gap);
    REQUIRE(fire(t, "secretary", api, "triage", 1).status == 200);
    REQUIRE(fire(t, "secretary", api, "start_drafting", 2).status == 200);
    const Browser director(t, "tehran.director");
    const Browser other(t, "mashhad.director");
    const std::string before = snapshot(t, api);
    const std::size_t gapsBefore = listCount(t, "secretary");

    const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> forms = {
        {"/gaps", {{"title", "خلأ قانونی تازه در عوارض"}, {"kind", "vacuum"}, {"category", "fees"}}},
        {page + "/transitions",
         {{"transition", "withdraw"}, {"comment", "بی‌اثر"}, {"expected_version", "3"}}},
        {page + "/drafts", {{"text", "متن"}, {"rationale", "دلیل"}, {"expected_latest", "0"}}},
        {page + "/watch", {{"watch", "on"}}},
        {"/logout", {}},
    };
    for (const auto& [path, fields] : forms) {
        INFO(path);
        // No token, a wrong one, another person's, and the right one from another site's page.
        CHECK(director.post(path, fields, false).status == 403);
        auto wrong = fields;
        wrong.emplace_back("csrf", std::string(64, 'a'));
        CHECK(director.post(path, wrong, false).status == 403);
        auto borrowed = fields;
        borrowed.emplace_back("csrf", other.csrf());
        CHECK(director.post(path, borrowed, false).status == 403);
        CHECK(director.post(path, fields, true, {{"Origin", "https://evil.example"}}).status == 403);
        CHECK(director.post(path, fields, true, {{"Origin", "null"}}).status == 403);
        CHECK(director.post(path, fields, true, {{"Sec-Fetch-Site", "cross-site"}}).status == 403);
    }
    CHECK(snapshot(t, api) == before);
    CHECK(listCount(t, "secretary") == gapsBefore);
    CHECK(t.client->get("/api/v1/inbox", t.token("tehran.director")).body.find("watch") == std::string::npos);
    CHECK(director.get("/").status == 200);  // still signed in
    // The same forms with the token are taken, from this host whatever the port a proxy in front shows.
    CHECK(director.post(page + "/watch", {{"watch", "on"}}, true, {{"Origin", "https://127.0.0.1:8443"}})
              .status == 303);
    CHECK(
        director
            .post(page + "/drafts", {{"text", "متن اصلاحی"}, {"rationale", "دلیل"}, {"expected_latest", "0"}})
            .status == 303);
}

TEST_CASE("what people typed is escaped on every page that shows it", "[http][web]") {
    TestService t;
    const std::string hostile = R"(<script>alert(1)</script> \" ' & <img src=x onerror=alert(2)> عوارض)";
    std::string escapedJson;
    for (const char c : hostile)
        escapedJson += c == '"' ? std::string("\\\"") : c == '\\' ? std::string("\\\\") : std::string(1, c);
    const Reply created = t.client->post(
        "/api/v1/gaps", t.token("tehran.director"),
        R"({"title":")" + escapedJson + R"(","description":")" + escapedJson +
            R"(","kind":"vacuum","category":"fees","provisions":[{"law":"<b>قانون</b>","article":"\"ماده\" ۲"}]})");
    REQUIRE(created.status == 201);
    const Browser director(t, "tehran.director");
    for (const std::string& path :
         std::vector<std::string>{"/", "/gaps", "/gaps/board", pageOf(created.json()),
                                  "/search?q=%D8%B9%D9%88%D8%A7%D8%B1%D8%B6"}) {
        const Reply r = director.get(path);
        INFO(path << "\n" << r.body);
        CHECK(r.status == 200);
        CHECK(r.body.find("<script>alert") == std::string::npos);
        CHECK(r.body.find("<img src=x") == std::string::npos);
        CHECK(r.body.find("<b>قانون") == std::string::npos);
    }
    CHECK(director.get(pageOf(created.json())).body.find("&lt;script&gt;alert(1)&lt;/script&gt;") !=
          std::string::npos);
}

TEST_CASE("the list's counts per state follow its filters and what the viewer may see", "[http][web]") {
    TestService t;
    for (int i = 0; i < 3; ++i) createGap(t, "tehran.director");
    const auto secret = createGap(
        t, "tehran.director",
        R"({"title":"خلأ محرمانه در عوارض","description":"شرح","kind":"vacuum","category":"fees","confidential":true})");
    createGap(t, "mashhad.director");
    REQUIRE(fire(t, "secretary", gapPath(secret), "triage", 1).status == 200);
    const auto countsFor = [&](const std::string& user, const std::string& query) {
        const Reply r = Browser(t, user).get("/gaps/counts" + query, {{"HX-Request", "true"}});
        INFO(r.body);
        REQUIRE(r.status == 200);
        std::map<std::string, std::string> counts;
        const std::regex item("state=([a-z_]+)[^>]*>[^<]*<span class=\"count\">([^<]+)</span>");
        for (std::sregex_iterator it(r.body.begin(), r.body.end(), item), end; it != end; ++it)
            counts[(*it)[1]] = (*it)[2];
        return counts;
    };
    auto tehran = countsFor("tehran.director", "");
    CHECK(tehran["reported"] == "۴");
    CHECK(tehran["triaged"] == "۱");
    CHECK(tehran["drafting"] == "۰");
    CHECK(tehran.size() == 10);  // every state of gap.yaml
    auto mashhad = countsFor("mashhad.director", "?state=reported");
    CHECK(mashhad["reported"] == "۴");
    CHECK(mashhad["triaged"] == "۰");  // Tehran's confidential gap is not counted for Mashhad
    CHECK(countsFor("tehran.director", "?municipality=mashhad")["reported"] == "۱");
    // Without script it is a page of its own, linked from the list.
    const Reply page = Browser(t, "tehran.director").get("/gaps/counts?municipality=tehran");
    CHECK(page.status == 200);
    CHECK(page.body.find("<h1>") != std::string::npos);
    CHECK(Browser(t, "tehran.director").get("/gaps").body.find("href=\"/gaps/counts\"") != std::string::npos);
    CHECK(Browser(t, "tehran.director").get("/gaps/counts?state=nonsense").status == 400);
}

TEST_CASE("a gap's page lists the rulings on its provisions and the opinions linked to it", "[http][web]") {
    TestService t;
    const auto gap = createGap(t);  // قانون نوسازی و عمران شهری — ماده ۲۹
    const std::string id = gap->getValue<std::string>("id");
    const Reply ruling = t.client->post(
        "/api/v1/rulings", t.token("secretary"),
        R"({"court":"دیوان عدالت اداری","branch":"شعبه ۱۲","number":"۱۴۰۵۰۹۰۰۱","decided_on":"1405-08-01",)"
        R"("municipality":"tehran","outcome":"adverse","summary":"ابطال عوارض نوسازی",)"
        R"("provisions":[{"law":"قانون نوسازی و عمران شهری","article":"ماده ۲۹"}]})");
    REQUIRE(ruling.status == 201);
    const Reply asked = t.client->post(
        "/api/v1/opinions", t.token("tehran.director"),
        R"({"title":"استعلام درباره عوارض نوسازی","question":"پرسش","gaps":[")" + id + R"("]})");
    REQUIRE(asked.status == 201);
    const Reply tehran = Browser(t, "tehran.director").get("/gaps/" + id);
    INFO(tehran.body);
    CHECK(tehran.body.find("ابطال عوارض نوسازی") != std::string::npos);
    CHECK(tehran.body.find("به زیان شهرداری") != std::string::npos);
    CHECK(tehran.body.find("۱۴۰۵-۰۸-۰۱") != std::string::npos);
    CHECK(tehran.body.find("استعلام درباره عوارض نوسازی") != std::string::npos);
    // Mashhad may read the gap and the ruling, not Tehran's question before it is published.
    const Reply mashhad = Browser(t, "mashhad.director").get("/gaps/" + id);
    CHECK(mashhad.status == 200);
    CHECK(mashhad.body.find("ابطال عوارض نوسازی") != std::string::npos);
    CHECK(mashhad.body.find("استعلام درباره عوارض نوسازی") == std::string::npos);
}

TEST_CASE("static files carry a hash of their content, are kept a year and come compressed", "[http][web]") {
    TestService t;
    const Reply login = t.client->get("/login", "");
    std::smatch m;
    REQUIRE(std::regex_search(login.body, m, std::regex("href=\"(/static/app\\.([0-9a-f]{12})\\.css)\"")));
    const std::string css = m[1], hash = m[2];
    const Reply plain = t.client->get(css, "");
    REQUIRE(plain.status == 200);
    CHECK(plain.contentType == "text/css; charset=utf-8");
    CHECK(plain.header("Cache-Control") == "public, max-age=31536000, immutable");
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(plain.body);
    CHECK(Poco::DigestEngine::digestToHex(sha.digest()).substr(0, 12) == hash);
    // The stylesheet names the font by its hashed address, which is served.
    REQUIRE(std::regex_search(
        plain.body, m, std::regex("url\\((/static/fonts/Vazirmatn-Regular\\.[0-9a-f]{12}\\.woff2)\\)")));
    const Reply font = t.client->get(m[1], "");
    CHECK(font.status == 200);
    CHECK(font.contentType == "font/woff2");
    const Reply packed = t.client->send("GET", css, "", "", {{"Accept-Encoding", "gzip, deflate"}});
    CHECK(packed.header("Content-Encoding") == "gzip");
    CHECK(packed.body == plain.body);
    const Reply refused = t.client->send("GET", css, "", "", {{"Accept-Encoding", "gzip;q=0"}});
    CHECK(refused.header("Content-Encoding").empty());
    CHECK(t.client->get("/static/app.000000000000.css", "").status == 404);
    CHECK(t.client->get("/static/../config/lacuna.yaml", "").status == 404);
}

TEST_CASE("pages are compressed when the client accepts it", "[http][web]") {
    TestService t;
    for (int i = 0; i < 5; ++i) createGap(t);
    const Browser director(t, "tehran.director");
    const Reply plain = director.get("/gaps");
    const Reply packed = director.get("/gaps", {{"Accept-Encoding", "gzip"}});
    CHECK(plain.header("Content-Encoding").empty());
    CHECK(packed.header("Content-Encoding") == "gzip");
    CHECK(packed.body == plain.body);
    CHECK(packed.header("Vary").find("Accept-Encoding") != std::string::npos);
}

TEST_CASE("a refused report keeps what was typed, names each field, and stores nothing", "[http][web]") {
    TestService t;
    const Browser expert(t, "tehran.expert");
    const std::size_t before = listCount(t, "secretary");
    const Reply r = expert.post("/gaps", {{"title", "کوتاه"},
                                          {"description", "شرح"},
                                          {"kind", "no-such-kind"},
                                          {"category", "fees"},
                                          {"law", "قانون نوسازی"},
                                          {"article", "ماده ۲۹"},
                                          {"pending_lawsuits", "چند"}});
    INFO(r.body);
    CHECK(r.status == 400);
    requireSecureHtml(r);
    CHECK(r.body.find("id=\"error-summary\"") != std::string::npos);
    CHECK(r.body.find("href=\"#f-pending_lawsuits\"") != std::string::npos);
    CHECK(r.body.find("value=\"چند\"") != std::string::npos);
    CHECK(r.body.find("value=\"قانون نوسازی\"") != std::string::npos);
    CHECK(listCount(t, "secretary") == before);
    // The rule the service checks is reported beside the field too.
    const Reply rule = expert.post(
        "/gaps", {{"title", "خلأ قانونی بی‌شرح"}, {"kind", "vacuum"}, {"category", "fees"}});
    CHECK(rule.status == 400);
    CHECK(rule.body.find("href=\"#f-description\"") != std::string::npos);
    CHECK(listCount(t, "secretary") == before);
    // Taken, it leads to the new gap's page.
    const Reply taken = expert.post("/gaps", {{"title", "خلأ قانونی در وصول عوارض نوسازی اراضی"},
                                              {"description", "شرح کامل"},
                                              {"kind", "vacuum"},
                                              {"category", "fees"},
                                              {"law", "قانون نوسازی"},
                                              {"article", "ماده ۲۹"},
                                              {"pending_lawsuits", "۱٬۲۰۰"}});
    CHECK(taken.status == 303);
    CHECK(std::regex_match(taken.header("Location"), std::regex("/gaps/[0-9]+\\?reported=1")));
    const Reply shown = expert.get(taken.header("Location"));
    CHECK(shown.body.find("۱٬۲۰۰") != std::string::npos);
}

TEST_CASE("a transition or draft from a stale page shows what changed and changes nothing", "[http][web]") {
    TestService t;
    const auto gap = createGap(t);
    const std::string page = pageOf(gap), api = gapPath(gap);
    const Browser secretary(t, "secretary");
    REQUIRE(
        secretary.post(page + "/transitions", {{"transition", "triage"}, {"expected_version", "1"}}).status ==
        303);
    const std::string before = snapshot(t, api);
    const Reply stale =
        secretary.post(page + "/transitions",
                       {{"transition", "reject"}, {"comment", "تکراری است"}, {"expected_version", "1"}});
    INFO(stale.body);
    CHECK(stale.status == 409);
    CHECK(stale.body.find("id=\"conflict\"") != std::string::npos);
    CHECK(stale.body.find("تکراری است") != std::string::npos);  // the comment typed is kept
    CHECK(snapshot(t, api) == before);
    // A requirement not met (a comment) is named beside the form.
    const Reply unmet =
        secretary.post(page + "/transitions", {{"transition", "reject"}, {"expected_version", "2"}});
    CHECK(unmet.status == 422);
    CHECK(unmet.body.find("href=\"#f-comment\"") != std::string::npos);
    CHECK(unmet.body.find("id=\"f-comment\"") != std::string::npos);  // where the summary's link leads
    CHECK(snapshot(t, api) == before);

    REQUIRE(
        secretary.post(page + "/transitions", {{"transition", "start_drafting"}, {"expected_version", "2"}})
            .status == 303);
    const Browser director(t, "tehran.director");
    REQUIRE(
        director
            .post(page + "/drafts", {{"text", "نسخه یکم"}, {"rationale", "دلیل"}, {"expected_latest", "0"}})
            .status == 303);
    const Reply staleDraft =
        director.post(page + "/drafts",
                      {{"text", "نسخه دیگری بر پایه هیچ"}, {"rationale", "دلیل"}, {"expected_latest", "0"}});
    CHECK(staleDraft.status == 409);
    CHECK(staleDraft.body.find("id=\"draft-conflict\"") != std::string::npos);
    CHECK(staleDraft.body.find("نسخه دیگری بر پایه هیچ") != std::string::npos);
    CHECK(staleDraft.body.find("name=\"expected_latest\" value=\"1\"") != std::string::npos);
}

TEST_CASE("templates are checked at start: every value escaped, nothing unescaped", "[unit][web]") {
    TempDir dir;
    const auto write = [&](const std::string& name, const std::string& text) {
        std::ofstream(dir.path() + "/" + name) << text;
    };
    write("ok.tpl", "{{%AUTOESCAPE context=\"HTML\"}}<p>{{X}}</p>");
    {
        PageTemplates templates(dir.path());
        ctemplate::TemplateDictionary d("t");
        d.SetValue("X", "<b>\"'&");
        CHECK(templates.render("ok.tpl", d) == "<p>&lt;b&gt;&quot;&#39;&amp;</p>");
    }
    write("raw.tpl", "{{%AUTOESCAPE context=\"HTML\"}}<p>{{X:none}}</p>");
    CHECK_THROWS_AS(PageTemplates(dir.path()), ConfigError);
    write("raw.tpl", "<p>{{X}}</p>");
    CHECK_THROWS_AS(PageTemplates(dir.path()), ConfigError);
    write("raw.tpl", "{{%AUTOESCAPE context=\"HTML\"}}<p>{{#X}}</p>");
    CHECK_THROWS_AS(PageTemplates(dir.path()), ConfigError);
}

TEST_CASE("Persian digits, Jalali days and counts as pages show them", "[unit][web]") {
    CHECK(persianDigits("G-1405-0007") == "G-۱۴۰۵-۰۰۰۷");
    CHECK(persianCount(1234567) == "۱٬۲۳۴٬۵۶۷");
    CHECK(persianCount(0) == "۰");
    // 2026-11-30T21:00Z is 1 December 00:30 in Tehran: 10 Azar 1405.
    CHECK(jalaliDay(1796072400000) == "۱۰ آذر ۱۴۰۵");
    CHECK(jalaliDayTime(1796072400000) == "۱۰ آذر ۱۴۰۵، ۰۰:۳۰");
}

TEST_CASE("the gap list exports as it is filtered, with what the viewer may see", "[http][web]") {
    TestService t;
    createGap(
        t, "mashhad.director",
        R"({"title":"=HYPERLINK(\"http://evil\") تملک اراضی معابر عمومی","description":"شرح","kind":"vacuum","category":"fees",)"
        R"("provisions":[{"law":"قانون شهرداری","article":"ماده ۱۰۰"}]})");
    createGap(
        t, "tehran.director",
        R"({"title":"خلأ محرمانه وصول عوارض","description":"شرح","kind":"vacuum","category":"fees","confidential":true,)"
        R"("provisions":[{"law":"قانون نوسازی و عمران شهری","article":"ماده ۲۹"}]})");
    const Browser mashhad(t, "mashhad.director"), tehran(t, "tehran.director");
    CHECK(mashhad.get("/gaps").body.find("href=\"/gaps/export.csv\"") != std::string::npos);
    const Reply csv = mashhad.get("/gaps/export.csv");
    CHECK(csv.status == 200);
    CHECK(csv.header("Content-Disposition") == "attachment; filename=\"gaps.csv\"");
    CHECK(csv.body.rfind("\xEF\xBB\xBFشناسه,عنوان,وضعیت,شهر,", 0) == 0);
    CHECK(
        csv.body.find(
            ",\"'=HYPERLINK(\"\"http://evil\"\") تملک اراضی معابر عمومی\",گزارش‌شده,مشهد,") !=
        std::string::npos);
    CHECK(csv.body.find("قانون شهرداری — ماده ۱۰۰") != std::string::npos);
    CHECK(csv.body.find("محرمانه") ==
          std::string::npos);  // Tehran's confidential gap is not Mashhad's to see
    const Reply own = tehran.get("/gaps/export.csv?municipality=tehran");
    CHECK(own.body.find("خلأ محرمانه وصول عوارض") != std::string::npos);
    CHECK(own.body.find("مشهد") == std::string::npos);  // filtered like the list
    const Reply xlsx = tehran.get("/gaps/export.xlsx?municipality=tehran");
    CHECK(xlsx.status == 200);
    CHECK(unzipEntry(xlsx.body, "xl/worksheets/sheet1.xml").find("rightToLeft=\"1\"") != std::string::npos);
    CHECK(unzipEntry(xlsx.body, "xl/sharedStrings.xml").find("خلأ محرمانه وصول عوارض") != std::string::npos);
    CHECK(tehran.get("/gaps/export.csv?cursor=abc").status == 400);
    CHECK(tehran.get("/gaps/export.csv?state=nonsense").status == 400);
}
