// Requests for a uniform precedent: opened from a conflict of rulings, argued by the cities, filed with a
// General Board, decided by a ruling that binds and noted on the gaps it concerns; their pages.
#include <Poco/JSON/Array.h>

#include <catch2/catch.hpp>
#include <regex>

#include "ApiHelpers.h"
#include "PageHelpers.h"
#include "PageViews.h"
#include "TestService.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

const std::string ON_100 = R"({"law":"قانون شهرداری","article":"ماده ۱۰۰"})";

std::int64_t registerRuling(TestService& t, const std::string& who, const std::string& city,
                            const std::string& outcome, const std::string& court = "دیوان عدالت اداری") {
    return test::registerRuling(t, who, city, outcome, court, ON_100);
}

std::string gapOn100(TestService& t, const std::string& who, bool confidential) {
    const Reply r = t.client->post(
        "/api/v1/gaps", t.token(who),
        R"({"title":"عوارض کمیسیون ماده صد","description":"ابهام در اجرای ماده صد","kind":"ambiguity",)"
        R"("category":"fees","provisions":[)" +
            ON_100 + R"(],"confidential":)" + (confidential ? "true" : "false") + "}");
    INFO(r.body);
    REQUIRE(r.status == 201);
    return r.json()->getValue<std::string>("id");
}

std::vector<std::int64_t> ids(const Poco::JSON::Array::Ptr& array) {
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < array->size(); ++i)
        out.push_back(array->getElement<std::int64_t>(static_cast<unsigned>(i)));
    return out;
}

}  // namespace

TEST_CASE("a conflict of rulings becomes a request for a uniform precedent, argued, filed and decided",
          "[http][web][precedents]") {
    TestService t;
    const std::string open = gapOn100(t, "tehran.director", false);
    const std::string secret = gapOn100(t, "mashhad.director", true);
    const std::int64_t adverse = registerRuling(t, "tehran.director", "tehran", "adverse");
    const std::int64_t favourable = registerRuling(t, "mashhad.director", "mashhad", "favourable");
    const auto count = [&]() {
        return t.client->get("/api/v1/precedents", t.token("observer")).json()->getArray("items")->size();
    };

    // Refused: not the secretary; no board, no question; a provision without a conflict; rulings that are
    // no conflict on it. Nothing is stored.
    const std::string good = R"("board":"administrative_justice","provision":"قانون شهرداری — ماده ۱۰۰",)"
                             R"("question":"آیا وضع عوارض بر اساس ماده ۱۰۰ در صلاحیت شورای شهر است؟")";
    requireProblem(t.client->post("/api/v1/precedents", t.token("tehran.director"), "{" + good + "}"), 403);
    requireProblem(
        t.client->post("/api/v1/precedents", t.token("secretary"),
                       R"({"board":"parliament","provision":"قانون شهرداری — ماده ۱۰۰","question":""})"),
        400, "board");
    requireProblem(t.client->post("/api/v1/precedents", t.token("secretary"),
                                  R"({"board":"supreme_court","provision":"قانون شهرداری — ماده ۱۰۰"})"),
                   400, "question");
    requireProblem(
        t.client->post("/api/v1/precedents", t.token("secretary"),
                       R"({"board":"supreme_court","provision":"قانون شهرداری — ماده ۱۰۱","question":"؟"})"),
        422, "provision");
    requireProblem(t.client->post("/api/v1/precedents", t.token("secretary"),
                                  "{" + good + R"(,"rulings":[)" + std::to_string(adverse) + "]}"),
                   422, "rulings");
    requireProblem(t.client->post("/api/v1/precedents", t.token("secretary"),
                                  "{" + good + R"(,"rulings":[)" + std::to_string(adverse) + ",999999]}"),
                   422, "rulings[1]");
    requireProblem(t.client->post("/api/v1/precedents", t.token("secretary"),
                                  "{" + good + R"(,"gaps":["G-1405-9999"]})"),
                   422, "gaps[0]");
    CHECK(count() == 0);

    // Opened from the conflict: its newest pair, the gaps on the provision.
    const Reply opened = t.client->post("/api/v1/precedents", t.token("secretary"), "{" + good + "}");
    INFO(opened.body);
    REQUIRE(opened.status == 201);
    const auto body = opened.json();
    CHECK(std::regex_match(body->getValue<std::string>("reference"), std::regex("P-14[0-9]{2}-0001")));
    CHECK(stateOf(opened) == "drafting");
    CHECK(body->getObject("provision")->getValue<std::string>("key") == "قانون_شهرداری:100");
    CHECK(ids(body->getArray("rulings")) == std::vector<std::int64_t>{adverse, favourable});
    CHECK(ids(body->getArray("gaps")) == std::vector<std::int64_t>{std::stoll(open), std::stoll(secret)});
    const std::string path = "/api/v1/precedents/" + body->getValue<std::string>("id");
    REQUIRE(opened.header("Location") == path);
    // Tehran may not know of Mashhad's confidential gap, even here.
    CHECK(ids(t.client->get(path, t.token("tehran.director")).json()->getArray("gaps")) ==
          std::vector<std::int64_t>{std::stoll(open)});
    // One open request per provision: a second is refused while this one is open, and nothing is stored.
    requireProblem(t.client->post("/api/v1/precedents", t.token("secretary"), "{" + good + "}"), 422,
                   "provision");
    CHECK(count() == 1);
    // The conflict names it, and the way to open another is gone.
    const auto conflictOn100 = [&](const std::string& extra = "") {
        const Reply r = t.client->get(
            linkWith("/api/v1/conflicts", {{"provision", "قانون_شهرداری:100"}}) + extra, t.token("observer"));
        INFO(r.body);
        REQUIRE(r.status == 200);
        return r.json()->getArray("items");
    };
    REQUIRE(conflictOn100()->size() == 1);
    CHECK(conflictOn100()->getObject(0)->getObject("request")->getValue<std::string>("reference") ==
          body->getValue<std::string>("reference"));
    CHECK(conflictOn100()->getObject(0)->getObject("request")->getValue<bool>("open"));
    CHECK_FALSE(conflictOn100()->getObject(0)->getValue<bool>("settled"));
    // No city has argued yet: it cannot be filed.
    CHECK(fire(t, "secretary", path, "file", 1, R"(,"fields":{"filing_no":"۱۴۰۵-۱۲"})").status == 422);

    // Each city's legal director writes, and rewrites, its own argument while the request is drafted.
    const auto argue = [&](const std::string& who, const std::string& text, std::int64_t version) {
        return put(t, who, path + "/argument", withVersion(R"("text":")" + text + "\"", version));
    };
    requireProblem(argue("secretary", "نظر دبیر", 1), 403);
    requireProblem(argue("tehran.director", "", 1), 400, "text");
    requireProblem(put(t, "tehran.director", path + "/argument", R"({"text":"بی نسخه"})"), 428);
    REQUIRE(argue("tehran.director", "استدلال تهران", 1).status == 200);
    requireProblem(argue("mashhad.director", "استدلال مشهد", 1), 409);
    REQUIRE(argue("mashhad.director", "استدلال مشهد", 2).status == 200);
    const Reply rewritten = argue("tehran.director", "استدلال تازه تهران", 3);
    REQUIRE(rewritten.status == 200);
    const auto arguments = rewritten.json()->getArray("arguments");
    REQUIRE(arguments->size() == 2);
    CHECK(arguments->getObject(0)->getValue<std::string>("municipality") == "mashhad");
    CHECK(arguments->getObject(1)->getValue<std::string>("text") == "استدلال تازه تهران");

    // Filed with the board's number, taken up, decided by a registered ruling that is not one of the pair.
    requireProblem(fire(t, "secretary", path, "file", 4), 422, "fields.filing_no");
    requireProblem(fire(t, "tehran.director", path, "file", 4, R"(,"fields":{"filing_no":"۱۲"})"), 403);
    const Reply filed = fire(t, "secretary", path, "file", 4, R"(,"fields":{"filing_no":"هـ ع/۱۴۰۵/۱۲"})");
    INFO(filed.body);
    REQUIRE(filed.status == 200);
    CHECK(stateOf(filed) == "filed");
    CHECK(filed.json()->getValue<std::string>("filing_number") == "هـ ع/۱۴۰۵/۱۲");
    requireProblem(argue("tehran.director", "دیرهنگام", 5), 409);
    REQUIRE(fire(t, "secretary", path, "take_up", 5).status == 200);
    const std::int64_t precedent =
        registerRuling(t, "secretary", "tehran", "favourable", "هیئت عمومی دیوان عدالت اداری");
    const std::string before = t.client->get("/api/v1/gaps/" + open, t.token("secretary")).body;
    const std::int64_t elsewhere =
        test::registerRuling(t, "secretary", "tehran", "favourable", "هیئت عمومی دیوان عدالت اداری",
                             R"({"law":"قانون شهرداری","article":"ماده ۱۰۱"})");
    for (const std::string& bad :
         {std::string("abc"), std::string("999999"), std::to_string(adverse), std::to_string(elsewhere)})
        requireProblem(fire(t, "secretary", path, "decide", 6, R"(,"fields":{"ruling":")" + bad + "\"}"), 422,
                       "fields.ruling");
    requireProblem(fire(t, "secretary", path, "decide", 6), 422, "fields.ruling");
    CHECK(t.client->get("/api/v1/gaps/" + open, t.token("secretary")).body == before);
    const Reply decided = fire(t, "secretary", path, "decide", 6,
                               R"(,"fields":{"ruling":")" + std::to_string(precedent) + "\"}");
    INFO(decided.body);
    REQUIRE(decided.status == 200);
    CHECK(stateOf(decided) == "decided");
    CHECK(decided.json()->getValue<std::int64_t>("decision_ruling") == precedent);
    CHECK(decided.json()->getArray("available_transitions")->size() == 0);
    requireProblem(fire(t, "secretary", path, "withdraw", 7, R"(,"comment":"دیر")"), 409);

    // The decision ruling is a precedent that binds: it says so, at a new version, with an event of its own.
    t.clock.advanceMs(60'000);
    const Reply binding =
        t.client->get("/api/v1/rulings/" + std::to_string(precedent), t.token("mashhad.director"));
    INFO(binding.body);
    REQUIRE(binding.status == 200);
    CHECK(binding.json()->getObject("precedent_of")->getValue<std::string>("reference") ==
          body->getValue<std::string>("reference"));
    CHECK(binding.json()->getValue<std::int64_t>("version") == 2);
    const auto rulingHistory =
        t.client->get("/api/v1/rulings/" + std::to_string(precedent) + "/history", t.token("observer"))
            .json()
            ->getArray("items");
    CHECK(rulingHistory->getObject(static_cast<unsigned>(rulingHistory->size() - 1))
              ->getValue<std::string>("type") == "precedent");
    CHECK_FALSE(t.client->get("/api/v1/rulings/" + std::to_string(adverse), t.token("observer"))
                    .json()
                    ->has("precedent_of"));
    const Reply rulingPage = Browser(t, "observer").get("/rulings/" + std::to_string(precedent));
    requireSecureHtml(rulingPage);
    CHECK(rulingPage.body.find("href=\"/precedents/" + body->getValue<std::string>("id") + "\"") !=
          std::string::npos);
    CHECK(rulingPage.body.find("لازم‌الاتباع") != std::string::npos);
    // The conflict it answered is settled (left off the unsettled list) until a ruling registered since goes
    // against it; and a new request may be opened then.
    CHECK(conflictOn100()->getObject(0)->getValue<bool>("settled"));
    CHECK_FALSE(conflictOn100()->getObject(0)->getObject("request")->getValue<bool>("open"));
    CHECK(conflictOn100("&unsettled=true")->size() == 0);
    requireProblem(t.client->get("/api/v1/conflicts?unsettled=maybe", t.token("observer")), 400, "unsettled");
    const std::int64_t contrary = registerRuling(t, "mashhad.director", "mashhad", "adverse");
    REQUIRE(conflictOn100("&unsettled=true")->size() == 1);
    CHECK(conflictOn100()->getObject(0)->getObject("adverse")->getValue<std::int64_t>("id") == contrary);
    CHECK_FALSE(conflictOn100()->getObject(0)->getValue<bool>("settled"));
    const Reply again = t.client->post("/api/v1/precedents", t.token("secretary"), "{" + good + "}");
    INFO(again.body);
    CHECK(again.status == 201);

    // Every gap it concerns hears of the precedent in its own history, at a new version.
    for (const std::string& gap : {open, secret}) {
        const Reply history = t.client->get("/api/v1/gaps/" + gap + "/history", t.token("secretary"));
        REQUIRE(history.status == 200);
        const auto items = history.json()->getArray("items");
        const auto last = items->getObject(static_cast<unsigned>(items->size() - 1));
        CHECK(last->getValue<std::string>("type") == "precedent_decided");
        CHECK(last->getValue<std::int64_t>("sequence") ==
              t.client->get("/api/v1/gaps/" + gap, t.token("secretary"))
                  .json()
                  ->getValue<std::int64_t>("version"));
    }
    // Its own history: opened, three arguments, three transitions.
    CHECK(t.client->get(path + "/history", t.token("observer")).json()->getArray("items")->size() == 7);
    const auto listed = [&](const std::string& query) {
        const Reply r = t.client->get("/api/v1/precedents" + query, t.token("observer"));
        INFO(r.body);
        REQUIRE(r.status == 200);
        return r.json()->getArray("items")->size();
    };
    CHECK(listed("?state=decided") == 1);
    CHECK(listed("?state=drafting") == 1);
    requireProblem(t.client->get("/api/v1/precedents?state=lost", t.token("observer")), 400, "state");
    requireProblem(t.client->get("/api/v1/precedents?limit=0", t.token("observer")), 400, "limit");
    requireProblem(t.client->get("/api/v1/precedents/999999", t.token("observer")), 404);
    CHECK(t.client->get("/api/v1/precedents", "").status == 401);
}

TEST_CASE("the secretary opens a request from a provision's conflict; the cities argue on its page",
          "[http][web][precedents]") {
    TestService t;
    gapOn100(t, "tehran.director", false);
    const std::int64_t older = registerRuling(t, "tehran.director", "tehran", "adverse");
    const std::int64_t adverse = registerRuling(t, "tehran.director", "tehran", "adverse");
    const std::int64_t favourable = registerRuling(t, "mashhad.director", "mashhad", "favourable");
    const Browser secretary(t, "secretary");
    const std::string provision = provisionLink({"قانون شهرداری", "ماده ۱۰۰"});
    const std::string form = linkWith("/precedents/new", {{"provision", "قانون_شهرداری:100"}});
    // The way in is offered to the secretary alone.
    CHECK(secretary.get(provision).body.find("href=\"" + form + "\"") != std::string::npos);
    CHECK(Browser(t, "tehran.director").get(provision).body.find("/precedents/new") == std::string::npos);
    CHECK(Browser(t, "tehran.director").get(form).status == 403);
    const Reply shown = secretary.get(form);
    requireSecureHtml(shown);
    CHECK(shown.body.find("هیئت عمومی دیوان عدالت اداری") != std::string::npos);
    // The conflict is shown on its request's form without a way back to the same form.
    CHECK(shown.body.find("href=\"" + form + "\"") == std::string::npos);
    // Every ruling on the provision may be attached; the conflict's newest pair comes ticked.
    const auto ticked = [&](std::int64_t id) {
        return shown.body.find("name=\"ruling\" value=\"" + std::to_string(id) + "\" checked") !=
               std::string::npos;
    };
    CHECK(ticked(adverse));
    CHECK(ticked(favourable));
    CHECK_FALSE(ticked(older));
    CHECK(shown.body.find("name=\"ruling\" value=\"" + std::to_string(older) + "\"") != std::string::npos);

    const Reply refused = secretary.post(
        "/precedents",
        {{"provision", "قانون_شهرداری:100"}, {"board", "administrative_justice"}, {"question", ""}});
    CHECK(refused.status == 400);
    CHECK(refused.body.find("href=\"#f-question\"") != std::string::npos);
    // A ticked box that is no ruling's id is refused beside the list.
    const Reply badTick = secretary.post("/precedents", {{"provision", "قانون_شهرداری:100"},
                                                         {"board", "administrative_justice"},
                                                         {"question", "؟"},
                                                         {"ruling", "x"}});
    CHECK(badTick.status == 400);
    CHECK(badTick.body.find("href=\"#f-rulings\"") != std::string::npos);
    const Reply opened = secretary.post("/precedents", {{"provision", "قانون_شهرداری:100"},
                                                        {"board", "administrative_justice"},
                                                        {"question", "آیا عوارض ماده صد در صلاحیت شوراست؟"},
                                                        {"ruling", std::to_string(older)},
                                                        {"ruling", std::to_string(favourable)}});
    REQUIRE(opened.status == 303);
    const std::string page = opened.header("Location");
    REQUIRE(page.rfind("/precedents/", 0) == 0);

    const Browser director(t, "tehran.director");
    const Reply before = director.get(page);
    requireSecureHtml(before);
    CHECK(before.body.find("آیا عوارض ماده صد در صلاحیت شوراست؟") != std::string::npos);
    CHECK(before.body.find("استدلال تهران") != std::string::npos);  // the form's label names the city
    REQUIRE(director
                .post(page + "/argument",
                      {{"text", "شورا صالح است؛ ماده ۷۱ قانون شوراها"}, {"expected_version", "1"}})
                .status == 303);
    const Reply after = secretary.get(page);
    requireSecureHtml(after);
    CHECK(after.body.find("شورا صالح است؛ ماده ۷۱ قانون شوراها") != std::string::npos);
    CHECK(after.body.find("value=\"file\"") != std::string::npos);
    const Reply stale = director.post(page + "/argument", {{"text", "دیرهنگام"}, {"expected_version", "1"}});
    CHECK(stale.status == 409);
    REQUIRE(secretary
                .post(page + "/transitions",
                      {{"transition", "file"}, {"field_filing_no", "۱۲"}, {"expected_version", "2"}})
                .status == 303);
    // Deciding offers the rulings registered on the provision, not the attached ones.
    const std::int64_t board =
        registerRuling(t, "secretary", "tehran", "favourable", "هیئت عمومی دیوان عدالت اداری");
    const Reply filedPage = secretary.get(page);
    CHECK(filedPage.body.find("<option value=\"" + std::to_string(board) + "\">") != std::string::npos);
    CHECK(filedPage.body.find("<option value=\"" + std::to_string(favourable) + "\">") == std::string::npos);
    CHECK(filedPage.body.find("<option value=\"" + std::to_string(adverse) + "\">") != std::string::npos);
    const Reply attached =
        t.client->get("/api/v1/precedents/" + page.substr(page.rfind('/') + 1), t.token("observer"));
    CHECK(ids(attached.json()->getArray("rulings")) == std::vector<std::int64_t>{older, favourable});
    const Reply list = secretary.get("/precedents?state=filed");
    requireSecureHtml(list);
    CHECK(list.body.find("href=\"" + page + "\"") != std::string::npos);
    CHECK(secretary.get("/precedents?state=decided").body.find("href=\"" + page + "\"") == std::string::npos);
    // The provision's page lists the request, and its conflict names it instead of offering a second one.
    const Reply withRequest = secretary.get(provision);
    CHECK(withRequest.body.find("href=\"" + page + "\"") != std::string::npos);
    CHECK(withRequest.body.find("href=\"" + form + "\"") == std::string::npos);
}

TEST_CASE(
    "a request for a uniform precedent is found by its question and by the cities' arguments as they stand",
    "[http][web][precedents][search]") {
    TestService t;
    registerRuling(t, "tehran.director", "tehran", "adverse");
    registerRuling(t, "mashhad.director", "mashhad", "favourable");
    const Reply opened = t.client->post(
        "/api/v1/precedents", t.token("secretary"),
        R"({"board":"supreme_court","provision":"قانون شهرداری — ماده ۱۰۰","question":"آیا تخریب بنای بی‌پروانه پیش از رأی کمیسیون رواست؟"})");
    REQUIRE(opened.status == 201);
    const std::string id = opened.json()->getValue<std::string>("id");
    const std::string reference = opened.json()->getValue<std::string>("reference");
    const std::string path = "/api/v1/precedents/" + id;
    const auto hits = [&](const std::string& q) {
        const Reply r =
            t.client->get(linkWith("/api/v1/search", {{"q", q}, {"type", "precedent"}}), t.token("observer"));
        INFO(r.body);
        REQUIRE(r.status == 200);
        std::vector<std::string> out;
        const auto items = r.json()->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i) {
            const auto item = items->getObject(static_cast<unsigned>(i));
            CHECK(item->getValue<std::string>("type") == "precedent");
            out.push_back(item->getValue<std::string>("reference"));
        }
        return out;
    };
    const std::vector<std::string> found{reference};
    CHECK(hits("تخريب بناي") == found);  // the question, as another keyboard writes it
    CHECK(hits("مستحدثات").empty());

    // An argument is searchable once written, and only as it stands after a rewrite.
    REQUIRE(put(t, "tehran.director", path + "/argument", withVersion(R"("text":"مستحدثات پیش از ۱۳۸۰")", 1))
                .status == 200);
    CHECK(hits("مستحدثات") == found);
    REQUIRE(put(t, "tehran.director", path + "/argument", withVersion(R"("text":"اعیانی بدون مجوز")", 2))
                .status == 200);
    CHECK(hits("مستحدثات").empty());
    CHECK(hits("اعیانی مجوز") == found);

    // All kinds are searched when none is named; the page links the request's own page.
    const Reply any = t.client->get(linkWith("/api/v1/search", {{"q", "کمیسیون"}}), t.token("observer"));
    REQUIRE(any.status == 200);
    CHECK(any.body.find(reference) != std::string::npos);
    requireProblem(t.client->get("/api/v1/search?q=x&type=bill", t.token("observer")), 400, "type");
    const Reply page = Browser(t, "observer").get(linkWith("/search", {{"q", "اعیانی"}}));
    requireSecureHtml(page);
    CHECK(page.body.find("href=\"/precedents/" + id + "\"") != std::string::npos);
    CHECK(page.body.find("درخواست وحدت رویه") != std::string::npos);
}
