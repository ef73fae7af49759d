// The visibility rule in every view that names a gap: one table of views, each read by users of another
// city and by committee users the rule leaves out, none of whom may receive a confidential gap's title,
// reference or id. A new resource or page that names gaps joins the table.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <catch2/catch.hpp>

#include "ApiHelpers.h"
#include "PasswordHasher.h"
#include "TestService.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

const std::string SECRET_TITLE = "واگذاری محرمانه اراضی خیابان فرضی به پیمانکار";
const std::string SECRET_WORD = "پیمانکار";
const std::string SECRET_LAW = "قانون زمین شهری";

std::string encode(const std::string& text) {
    std::string out;
    Poco::URI::encode(text, "/?#&=+ ", out);
    return out;
}

std::string gapBody(const std::string& title, bool confidential) {
    return R"({"title":")" + title +
           R"(","description":"شرح پرونده برای آزمون محرمانگی","kind":"ambiguity","category":"property",)" +
           R"("provisions":[{"law":")" + SECRET_LAW + R"(","article":"ماده ۹"}],"confidential":)" +
           (confidential ? "true" : "false") + "}";
}

std::string idOf(const Reply& r) { return r.json()->getValue<std::string>("id"); }

Reply send(TestService& t, const std::string& user, const std::string& method, const std::string& path,
           const std::string& body = "") {
    return t.client->send(method, path, t.token(user), body);
}

/// A page request as the person's browser makes it: the session cookie, and a form's CSRF token (read
/// off the desk page, as a form carries it).
Reply sendPage(TestService& t, const std::string& user, const std::string& method, const std::string& path,
               const std::string& form) {
    const std::map<std::string, std::string> cookie = {{"Cookie", "lacuna_session=" + t.token(user)}};
    if (method == "GET") return t.client->send("GET", path, "", "", cookie);
    const std::string desk = t.client->send("GET", "/", "", "", cookie).body;
    const std::size_t at = desk.find("name=\"csrf\" value=\"");
    REQUIRE(at != std::string::npos);
    const std::string csrf = desk.substr(at + 20, 64);
    return t.client->send(method, path, "", form + "&csrf=" + csrf, cookie,
                          "application/x-www-form-urlencoded");
}

/// Whether a JSON value names the gap `id`: as a gap id member, as a gap entity, or in a list of gap ids.
bool namesId(const Poco::Dynamic::Var& value, std::int64_t id, const std::string& key = "") {
    if (value.type() == typeid(Poco::JSON::Array::Ptr)) {
        const auto list = value.extract<Poco::JSON::Array::Ptr>();
        for (std::size_t i = 0; i < list->size(); ++i) {
            const auto item = list->get(static_cast<unsigned>(i));
            if (key == "gaps" && item.isInteger() && item.convert<std::int64_t>() == id) return true;
            if (namesId(item, id)) return true;
        }
        return false;
    }
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) return false;
    const auto object = value.extract<Poco::JSON::Object::Ptr>();
    const auto is = [&](const char* member) {
        return object->has(member) && object->get(member).isInteger() &&
               object->get(member).convert<std::int64_t>() == id;
    };
    if (is("gap_id")) return true;
    if (object->has("type") && object->getValue<std::string>("type") == "gap" &&
        (is("id") || is("entity_id")))
        return true;
    for (const auto& [member, v] : *object)
        if (namesId(v, id, member)) return true;
    return false;
}

/// What of the secret gap an answer lets out, or "" when nothing. (A problem answering a request that
/// named the gap by id may repeat that id: it tells the caller nothing it did not send.)
std::string leak(const Reply& r, const std::string& reference, std::int64_t id) {
    if (r.body.find(SECRET_TITLE) != std::string::npos) return "its title";
    if (r.body.find(reference) != std::string::npos) return "its reference";
    if (r.contentType.rfind("application/problem+json", 0) == 0) return "";
    if (r.body.find("/gaps/" + std::to_string(id) + "\"") != std::string::npos) return "its address";
    if (r.contentType.find("json") != std::string::npos && !r.body.empty() && r.body.front() == '{' &&
        namesId(Poco::JSON::Parser().parse(r.body), id))
        return "its id";
    return "";
}

struct View {
    std::string name;
    std::string path;
    std::string method = "GET";
    std::string body;
    bool page = false;  ///< a page for people: read with the session cookie (and a POST with its CSRF token)
};

}  // namespace

TEST_CASE("a confidential gap is named in no view to anyone the visibility rule leaves out",
          "[http][confidential]") {
    TestService t(testBackend(), 64, [](AppConfig& c) {
        c.committee.members = {"isfahan", "mashhad", "tehran"};
    });
    t.service().users().addUserWithHash(
        {"tehran.liaison", TestService::PASSWORD, {"liaison_officer"}, "tehran"},
        PasswordHasher().hash(TestService::PASSWORD));
    // Public gaps first, so that the secret one's id is unlike the ids of the other records.
    std::string publicGap;
    for (int i = 0; i < 12; ++i)
        publicGap = gapPath(
            createGap(t, "mashhad.director", gapBody("تملک اراضی خیابان عمومی " + std::to_string(i), false)));

    // Tehran's confidential gap goes through everything that can name it.
    const auto secret = createGap(t, "tehran.director", gapBody(SECRET_TITLE, true));
    const std::string path = gapPath(secret);
    const std::string reference = secret->getValue<std::string>("reference");
    const std::int64_t id = secret->getValue<std::int64_t>("id");
    REQUIRE(fire(t, "secretary", path, "triage", 1).status == 200);
    REQUIRE(fire(t, "tehran.director", path, "start_drafting", 2).status == 200);
    REQUIRE(saveDraft(t, path, 0, "متن اصلاحی محرمانه").status == 201);
    REQUIRE(fire(t, "tehran.director", path, "submit_for_review", 4).status == 200);

    const Reply created = t.client->post(
        "/api/v1/meetings", t.token("secretary"),
        R"({"scheduled_at":"2026-12-01T09:30:00+03:30","place":"تهران","agenda":[")" + reference + R"("]})");
    REQUIRE(created.status == 201);
    const std::string meeting = "/api/v1/meetings/" + idOf(created);
    REQUIRE(send(t, "secretary", "PATCH", meeting, R"({"present":["tehran","mashhad"],"expected_version":1})")
                .status == 200);
    REQUIRE(send(t, "tehran.member", "PUT", meeting + "/items/" + std::to_string(id) + "/vote",
                 R"({"vote":"approve"})")
                .status == 200);
    // Mashhad votes on an item it may not know the gap of: by its place on the agenda.
    const Reply inboxBefore = t.client->get("/api/v1/inbox", t.token("mashhad.member"));
    CHECK(leak(inboxBefore, reference, id).empty());
    CHECK(inboxBefore.body.find(R"("kind":"vote")") != std::string::npos);
    const Reply voted = send(t, "mashhad.member", "PUT", meeting + "/agenda/1/vote", R"({"vote":"approve"})");
    INFO(voted.body);
    REQUIRE(voted.status == 200);
    CHECK(leak(voted, reference, id).empty());
    REQUIRE(t.client
                ->post(meeting + "/items/" + std::to_string(id) + "/decision", t.token("secretary"),
                       R"({"decision":"approve","comment":"تصویب پرونده محرمانه )" + SECRET_TITLE +
                           R"(","expected_version":)" + std::to_string(versionOf(voted)) + "}")
                .status == 200);

    const Reply ruling = t.client->post(
        "/api/v1/rulings", t.token("secretary"),
        R"({"court":"دیوان عدالت اداری","number":"۱۴۰۵۰۹","decided_on":"1405-08-01","municipality":"tehran",)"
        R"("outcome":"adverse","summary":"ابطال","provisions":[{"law":")" +
            SECRET_LAW + R"(","article":"ماده ۹"}]})");
    REQUIRE(ruling.status == 201);
    const std::string rulingPath =
        "/api/v1/rulings/" + ruling.json()->getObject("ruling")->getValue<std::string>("id");
    REQUIRE(t.client
                ->post(rulingPath + "/gaps", t.token("tehran.director"),
                       R"({"gap":")" + reference + R"(","note":"درباره )" + SECRET_TITLE +
                           R"(","expected_version":1})")
                .status == 200);

    const Reply asked = t.client->post(
        "/api/v1/opinions", t.token("tehran.director"),
        R"({"title":"استعلام درباره اراضی","question":"پرسش","gaps":[")" + std::to_string(id) + R"("]})");
    REQUIRE(asked.status == 201);
    const std::string opinion = "/api/v1/opinions/" + idOf(asked);
    const auto opinionStep = [&](const std::string& user, const std::string& suffix,
                                 const std::string& body) {
        const Reply r = t.client->post(opinion + suffix, t.token(user), body);
        INFO(r.body);
        REQUIRE(r.status == 200);
    };
    opinionStep("secretary", "/transitions",
                R"({"transition":"assign","fields":{"assignee":"tehran.member"},"expected_version":1})");
    opinionStep("tehran.member", "/answer", R"({"text":"نظریه","expected_version":2})");
    opinionStep("tehran.member", "/transitions", R"({"transition":"answer","expected_version":3})");
    opinionStep("secretary", "/transitions", R"({"transition":"publish","expected_version":4})");

    // Tehran's own liaison officer takes Tehran's endorsed confidential gap to parliament; a committee
    // liaison officer, whom the rule leaves out, cannot name it.
    const std::string bill =
        R"({"title":"لایحه اراضی","channel":"government_bill","lead_commission":"کمیسیون قضایی و حقوقی","gaps":[")" +
        reference + R"("]})";
    requireProblem(t.client->post("/api/v1/bills", t.token("liaison"), bill), 422, "gaps[0]");
    const Reply billed = t.client->post("/api/v1/bills", t.token("tehran.liaison"), bill);
    INFO(billed.body);
    REQUIRE(billed.status == 201);
    const std::string billPath = "/api/v1/bills/" + idOf(billed);

    const std::string provision = encode(SECRET_LAW + " — ماده ۹");
    const std::vector<View> views = {
        {"the gap list", "/api/v1/gaps?limit=100"},
        {"the gap list filtered by a word", "/api/v1/gaps?q=" + encode(SECRET_WORD)},
        {"the gap", path},
        {"the gap's history", path + "/history"},
        {"the gap's drafts", path + "/drafts"},
        {"search", "/api/v1/search?q=" + encode(SECRET_WORD)},
        {"search for drafts", "/api/v1/search?type=draft&q=" + encode("محرمانه")},
        {"the meetings", "/api/v1/meetings"},
        {"the meeting", meeting},
        {"the minutes", meeting + "/minutes"},
        {"the minutes page", meeting + "/minutes?format=html"},
        {"the meeting's history", meeting + "/history"},
        {"the rulings", "/api/v1/rulings"},
        {"the rulings on the provision", "/api/v1/rulings?provision=" + provision},
        {"the ruling", rulingPath},
        {"the ruling's history", rulingPath + "/history"},
        {"the provision", "/api/v1/provisions/" + provision},
        {"the opinions", "/api/v1/opinions"},
        {"the opinion", opinion},
        {"the opinion's history", opinion + "/history"},
        {"the bills", "/api/v1/bills"},
        {"the bill", billPath},
        {"the bill's history", billPath + "/history"},
        {"the inbox", "/api/v1/inbox?within=366d"},
        {"the deadlines", "/api/v1/deadlines?within=366d"},
        {"gaps similar to a stored one", publicGap + "/similar"},
        {"gaps similar to a report", "/api/v1/gaps/similar", "POST", gapBody(SECRET_TITLE, false)},
        {"the desk page", "/", "GET", "", true},
        {"the gap list page", "/gaps", "GET", "", true},
        {"the gap list page filtered by a word", "/gaps?q=" + encode(SECRET_WORD), "GET", "", true},
        {"the gap list page of Tehran", "/gaps?municipality=tehran", "GET", "", true},
        {"the board page", "/gaps/board", "GET", "", true},
        {"the gap page", "/gaps/" + std::to_string(id), "GET", "", true},
        {"the draft diff page", "/gaps/" + std::to_string(id) + "/diff?from=1&to=1", "GET", "", true},
        {"a public gap's page (similar gaps)", "/gaps/" + publicGap.substr(publicGap.rfind('/') + 1), "GET",
         "", true},
        {"the search page", "/search?q=" + encode(SECRET_WORD), "GET", "", true},
        {"the search page for drafts", "/search?type=draft&q=" + encode("محرمانه"), "GET", "", true},
        {"the meetings calendar page", "/meetings?month=1405-09", "GET", "", true},
        {"the meeting page", "/meetings/" + idOf(created), "GET", "", true},
        {"the meeting's live tally", "/meetings/" + idOf(created) + "/tally", "GET", "", true},
        {"the minutes page for people", "/meetings/" + idOf(created) + "/minutes", "GET", "", true},
        // The XLSX export is compressed; it is written from the same rows as the CSV.
        {"the meeting's roll-call", "/meetings/" + idOf(created) + "/roll-call.csv", "GET", "", true},
        {"the new meeting page", "/meetings/new", "GET", "", true},
        {"the bills board page", "/bills", "GET", "", true},
        {"the gap list export", "/gaps/export.csv", "GET", "", true},
        {"the gap list export filtered by a word", "/gaps/export.csv?q=" + encode(SECRET_WORD), "GET", "",
         true},
        {"the bill page", "/bills/" + idOf(billed), "GET", "", true},
        {"the bill's dossier", "/bills/" + idOf(billed) + "/dossier", "GET", "", true},
        {"the new bill page", "/bills/new", "GET", "", true},
        {"the rulings registry page", "/rulings", "GET", "", true},
        {"the ruling page", "/rulings/" + rulingPath.substr(rulingPath.rfind('/') + 1), "GET", "", true},
        {"the provision page", "/provisions/" + provision, "GET", "", true},
        {"the opinions page", "/opinions", "GET", "", true},
        {"the opinion page", "/opinions/" + idOf(asked), "GET", "", true},
        {"similar gaps while reporting", "/gaps/similar", "POST",
         "title=" + encode(SECRET_TITLE) + "&law=" + encode(SECRET_LAW) + "&article=" + encode("ماده ۹"),
         true},
    };
    for (const std::string viewer : {"mashhad.director", "mashhad.member", "observer", "liaison"})
        for (const View& v : views) {
            const Reply r = v.page ? sendPage(t, viewer, v.method, v.path, v.body)
                                   : send(t, viewer, v.method, v.path, v.body);
            INFO(viewer << " reads " << v.name << " (" << v.path << "): " << r.status << " " << r.body);
            CHECK(r.status < 500);
            CHECK(leak(r, reference, id).empty());
        }
    // The rule lets Tehran read it everywhere, so the table above cannot pass by showing nothing.
    for (const std::string& owned : {meeting, billPath, rulingPath, opinion, meeting + "/history"}) {
        const Reply r = t.client->get(owned, t.token("tehran.observer"));
        INFO(owned << ": " << r.body);
        CHECK(!leak(r, reference, id).empty());
    }
    for (const std::string& owned :
         {std::string("/gaps"), "/gaps/" + std::to_string(id), std::string("/gaps/board"),
          std::string("/gaps/export.csv"), "/meetings/" + idOf(created),
          "/meetings/" + idOf(created) + "/minutes", "/meetings/" + idOf(created) + "/roll-call.csv",
          "/bills/" + idOf(billed), "/bills/" + idOf(billed) + "/dossier",
          "/rulings/" + rulingPath.substr(rulingPath.rfind('/') + 1), "/provisions/" + provision,
          "/opinions/" + idOf(asked)}) {
        const Reply r = sendPage(t, "tehran.observer", "GET", owned, "");
        INFO(owned << ": " << r.body);
        CHECK(!leak(r, reference, id).empty());
    }
}

TEST_CASE("a city that becomes co-reporting through a merge finds the confidential survivor",
          "[http][confidential]") {
    TestService t;
    const auto survivor = createGap(t, "tehran.director", gapBody(SECRET_TITLE, true));
    const auto duplicate = createGap(t, "mashhad.director", gapBody("واگذاری اراضی خیابان فرضی", false));
    const auto mashhadFinds = [&] {
        const Reply list = t.client->get("/api/v1/gaps?limit=100", t.token("mashhad.director"));
        const Reply search =
            t.client->get("/api/v1/search?q=" + encode(SECRET_WORD), t.token("mashhad.director"));
        return std::make_pair(
            list.body.find(SECRET_TITLE) != std::string::npos,
            search.body.find(survivor->getValue<std::string>("reference")) != std::string::npos);
    };
    CHECK(mashhadFinds() == std::make_pair(false, false));
    REQUIRE(fire(t, "secretary", gapPath(duplicate), "merge", 1,
                 R"(,"comment":"تکراری","fields":{"duplicate_of":")" +
                     survivor->getValue<std::string>("reference") + R"("})")
                .status == 200);
    REQUIRE(t.client->get(gapPath(survivor), t.token("mashhad.director")).status == 200);
    CHECK(mashhadFinds() == std::make_pair(true, true));
    // Another city still finds nothing.
    CHECK(t.client->get("/api/v1/gaps?limit=100", t.token("tehran.observer")).body.find(SECRET_TITLE) !=
          std::string::npos);
    CHECK(listCount(t, "observer") == 1);  // the merged duplicate, public; not the survivor
}

TEST_CASE("a record handed to a service is checked for its reader as if it were read again",
          "[http][confidentiality]") {
    // The pages pass a gap or an opinion they hold to read its history and drafts without reading it
    // again; the service still refuses one the reader may not see, as the same call by id does.
    TestService t;
    const ApiServices& api = t.service().services();
    const Principal tehran = api.auth.authenticate(t.token("tehran.director"), "127.0.0.1");
    const Principal mashhad = api.auth.authenticate(t.token("mashhad.director"), "127.0.0.1");
    const std::int64_t secret = std::stoll(
        idOf(send(t, "tehran.director", "POST", "/api/v1/gaps", gapBody("پرونده محرمانه آزمون", true))));
    const Gap gap = api.gaps.get(tehran, secret);
    CHECK(api.gaps.history(tehran, gap).size() == 1);
    CHECK(api.drafts.list(tehran, gap).empty());
    CHECK_THROWS_AS(api.gaps.history(mashhad, gap), NotFound);
    CHECK_THROWS_AS(api.gaps.history(mashhad, secret), NotFound);
    CHECK_THROWS_AS(api.drafts.list(mashhad, gap), NotFound);

    const Reply asked = send(t, "tehran.director", "POST", "/api/v1/opinions",
                             R"({"title":"استعلام آزمون","question":"آیا این پرسش پیش از پاسخ نهان است؟"})");
    REQUIRE(asked.status == 201);
    const Opinion opinion = api.opinions.get(tehran, std::stoll(idOf(asked)));
    CHECK_FALSE(api.opinions.history(tehran, opinion).empty());
    CHECK_THROWS_AS(api.opinions.history(mashhad, opinion), NotFound);
    CHECK_THROWS_AS(api.opinions.history(mashhad, opinion.id), NotFound);
}
