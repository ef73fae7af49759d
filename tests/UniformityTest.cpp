// Rulings, provision keys, Persian search, duplicate suggestions and merging.
#include <Poco/Environment.h>
#include <Poco/JSON/Array.h>
#include <Poco/NumberFormatter.h>
#include <Poco/URI.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "ApiHelpers.h"
#include "CappedFrequencies.h"
#include "FakeClock.h"
#include "RawHttp.h"
#include "SearchText.h"
#include "TestService.h"
#include "TestStores.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

std::string gapBody(const std::string& title, const std::string& description, const std::string& law,
                    const std::string& article, bool confidential = false) {
    return R"({"title":")" + title + R"(","description":")" + description +
           R"(","kind":"ambiguity","category":"fees","provisions":[{"law":")" + law + R"(","article":")" +
           article + R"("}],"confidential":)" + (confidential ? "true" : "false") + "}";
}

std::string encode(const std::string& text) {
    std::string out;
    Poco::URI::encode(text, "/?#&=+ ", out);
    return out;
}

std::vector<std::string> references(const Reply& r, const char* list = "items") {
    INFO(r.body);
    REQUIRE((r.status == 200 || r.status == 201));
    std::vector<std::string> out;
    const auto items = r.json()->getArray(list);
    for (std::size_t i = 0; i < items->size(); ++i)
        out.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("reference"));
    return out;
}

bool has(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

TEST_CASE("one article written in different ways is one provision key", "[unit][search]") {
    const std::string key = provisionKey({"قانون شهرداری", "ماده ۱۰۰"});
    CHECK(key == "قانون_شهرداری:100");
    CHECK(provisionKey({"قانون  شهرداري", "م. 100"}) == key);
    CHECK(provisionKey({"قانونِ شهرداری", "ماده۱۰۰"}) == key);
    CHECK(provisionKeyOf("قانون شهرداری — ماده ۱۰۰") == key);
    CHECK(provisionKeyOf("قانون شهرداری، م ۱۰۰") == key);
    CHECK(provisionKeyOf("قانون_شهرداری:100") == key);
    CHECK(provisionKey({"قانون شهرداری", "ماده ۱۰۰ تبصره ۲"}) == "قانون_شهرداری:100_تبصره_2");
    CHECK(provisionKey({"قانون شهرداری", ""}) == "قانون_شهرداری");
    CHECK(provisionKey({"قانون درآمد پایدار شهرداری‌ها", "۵"}) ==
          provisionKey({"قانون درآمد پایدار شهرداری ها", "م ۵"}));
}

TEST_CASE("search terms: normalisation, stop words and light suffixes", "[unit][search]") {
    using V = std::vector<std::string>;
    CHECK(searchTerms("شهرداری‌ها") == V{"شهرداری"});
    CHECK(searchTerms("شهرداریها") == V{"شهرداری"});
    CHECK(searchTerms("شهرداری ها") == V{"شهرداری"});
    CHECK(searchTerms("شهرداري") == V{"شهرداری"});
    CHECK(searchTerms("عوارضات") == V{"عوارض"});
    CHECK(searchTerms("ماده ۱۰۰ و ماده 100") == V{"ماده", "100", "ماده", "100"});
    CHECK(searchTerms("از و به در") == V{});
    CHECK(searchTerms("\"' OR 1=1 -- ") == V{"1", "1"});
    const std::string snippet = searchSnippet(
        "وصول عوارض از شهرداری‌ها <b> ممکن نیست", searchTerms("شهرداریها"));
    CHECK(snippet ==
          "وصول عوارض از <mark>شهرداری‌ها</mark> &lt;b&gt; ممکن نیست");
}

TEST_CASE("the same search gives the same results on SQLite and MariaDB", "[storage][search]") {
    std::vector<std::string> stores = {"sqlite"};
    if (Poco::Environment::has("LACUNA_TEST_MYSQL")) stores.push_back("mysql");
    const std::vector<std::string> texts = {
        "وصول عوارض نوسازی از شهرداری‌ها",
        "شهرداریها و عوارض پسماند",
        "کمیسیون ماده صد و تخلفات ساختمانی",
        "عوارض ارزش افزوده در شهرداری تهران",
        "تملک اراضی در طرح‌های عمرانی",
        "عوارض عوارض عوارض",
    };
    std::map<std::string, std::string> outcome;
    for (const std::string& backend : stores) {
        TempDir dir;
        auto store = freshStore(backend, dir);
        const std::int64_t uid =
            store->users().create(User{0, "u", "x", std::string("tehran"), {"legal_director"}, 1},
                                  recordEvent(Principal{}, "user", 0, "created", "", 1));
        for (std::size_t i = 0; i < texts.size(); ++i) {
            Gap g;
            g.fields = GapFields{
                texts[i], texts[(i + 1) % texts.size()], "vacuum", "fees", {}, "tehran", "normal", false, {}};
            g.state = "reported";
            g.createdBy = uid;
            GapEvent e;
            e.actorId = uid;
            e.type = "created";
            e.changesJson = "[]";
            e.fieldsJson = "{}";
            store->gaps().create(g, 1405, e);
        }
        std::string result;
        for (const std::string q : {"عوارض", "شهرداری‌ها عوارض", "تملک", "ناموجود"}) {
            std::vector<std::string> terms = searchTerms(q);
            for (const auto& t : terms)
                result += t + "=" + std::to_string(store->search().documentFrequency(t, "gap", 1000)) + ";";
            for (const auto& c : store->search().candidates(terms, "gap", 100)) {
                result += std::to_string(c.id) + ":";
                for (auto w : c.weights) result += std::to_string(w) + ",";
            }
            result += "|";
        }
        // Several terms' best postings in one read: each term's own `limit` best by weight, then the
        // newest, tagged with the term's place in the list; a term in no document brings nothing.
        const std::vector<std::string> terms = {searchTerms("تملک")[0], searchTerms("ناموجود")[0],
                                                searchTerms("عوارض")[0]};
        std::map<std::size_t, std::vector<std::pair<std::int64_t, std::int64_t>>> byTerm;
        for (const TermPosting& p : store->search().postings(terms, "gap", 3)) {
            byTerm[p.term].emplace_back(p.weight, p.id);
            result +=
                std::to_string(p.term) + ":" + std::to_string(p.id) + "=" + std::to_string(p.weight) + ";";
        }
        CHECK(byTerm[0].size() == 2);  // «تملک»: in two gaps (one title, one description)
        CHECK(byTerm.count(1) == 0);
        REQUIRE(byTerm[2].size() == 3);
        // The three are the first three of all the term's postings (weight, then id, descending).
        std::vector<std::pair<std::int64_t, std::int64_t>> all;
        for (const TermPosting& p : store->search().postings({terms[2]}, "gap", 10)) {
            CHECK(p.term == 0);
            all.emplace_back(p.weight, p.id);
        }
        CHECK(all.size() == 6);  // every gap holds «عوارض» in its title or its description
        CHECK(std::is_sorted(all.rbegin(), all.rend()));
        CHECK(std::vector(all.begin(), all.begin() + 3) == byTerm[2]);
        // Gaps read by id in one go: those that exist, past a batch's size, unknown ids left out.
        std::vector<std::int64_t> ids = {99999, 2};
        for (std::int64_t id = 1; id <= 30; ++id) ids.push_back(id % 2 ? id : 100000 + id);
        std::set<std::int64_t> found;
        for (const Gap& g : store->gaps().findMany(ids)) {
            found.insert(g.id);
            CHECK(g.fields.title == texts[static_cast<std::size_t>(g.id - 1)]);
        }
        CHECK(found == std::set<std::int64_t>{1, 2, 3, 5});
        outcome[backend] = result;
    }
    INFO(outcome["sqlite"]);
    CHECK(outcome["sqlite"].find("عوارض=6;") != std::string::npos);
    if (outcome.count("mysql")) CHECK(outcome["mysql"] == outcome["sqlite"]);
}

TEST_CASE("an adverse ruling alerts every city and lists the gaps on its provisions", "[http][uniformity]") {
    TestService t;
    const Reply gap =
        t.client->post("/api/v1/gaps", t.token("mashhad.director"),
                       gapBody("ابهام در ماده صد", "آرای کمیسیون ماده ۱۰۰", "قانون شهرداري", "م. 100"));
    REQUIRE(gap.status == 201);
    const std::string gapRef = gap.json()->getValue<std::string>("reference");
    const std::string ruling =
        R"({"court":"هیئت عمومی دیوان عدالت اداری","branch":"","number":"۱۲۳۴",)"
        R"("decided_on":"۱۴۰۵-۰۸-۱۲","municipality":"tehran","outcome":"adverse",)"
        R"("summary":"ابطال مصوبه عوارض","full_text":"متن کامل رأی درباره کمیسیون ماده صد",)"
        R"("provisions":[{"law":"قانون شهرداری","article":"ماده ۱۰۰"}]})";
    requireProblem(t.client->post("/api/v1/rulings", t.token("mashhad.director"), ruling), 403);
    requireProblem(
        t.client->post("/api/v1/rulings", t.token("tehran.director"),
                       R"({"court":"x","number":"1","decided_on":"1405-13-01","municipality":"tehran",)"
                       R"("outcome":"lost","summary":"s"})"),
        400, "decided_on");
    const Reply created = t.client->post("/api/v1/rulings", t.token("tehran.director"), ruling);
    INFO(created.body);
    REQUIRE(created.status == 201);
    const auto body = created.json();
    CHECK(body->getObject("ruling")->getValue<std::string>("decided_on_jalali") == "1405-08-12");
    CHECK(body->getObject("ruling")->getValue<std::string>("decided_on") == "2026-11-03");
    CHECK(has(references(created, "related_gaps"), gapRef));
    const std::string rulingPath =
        "/api/v1/rulings/" + body->getObject("ruling")->getValue<std::string>("id");

    // Every city's legal director hears of it.
    const auto inbox =
        t.client->get("/api/v1/inbox", t.token("mashhad.director")).json()->getArray("notifications");
    bool alerted = false;
    for (std::size_t i = 0; i < inbox->size(); ++i)
        alerted |=
            inbox->getObject(static_cast<unsigned>(i))->getValue<std::string>("event") == "ruling.adverse";
    CHECK(alerted);

    // Rulings by provision (as people write it), court, outcome, city, date range.
    const auto count = [&](const std::string& query) {
        const Reply r = t.client->get("/api/v1/rulings?" + query, t.token("observer"));
        INFO(query << " " << r.body);
        REQUIRE(r.status == 200);
        return r.json()->getArray("items")->size();
    };
    CHECK(count("provision=" + encode("قانون شهرداری — ماده 100")) == 1);
    CHECK(count("provision=" + encode("قانون شهرداری — ماده 101")) == 0);
    CHECK(count("court=" + encode("هیئت عمومی دیوان عدالت اداری")) == 1);
    CHECK(count("outcome=adverse&municipality=tehran") == 1);
    CHECK(count("outcome=favourable") == 0);
    CHECK(count("from=1405-08-01&to=1405-08-30") == 1);
    CHECK(count("from=1405-09-01") == 0);
    requireProblem(t.client->get("/api/v1/rulings?outcome=lost", t.token("observer")), 400, "outcome");
    requireProblem(t.client->get("/api/v1/rulings?from=yesterday", t.token("observer")), 400, "from");

    // Linking a gap, with a note.
    const Reply linked =
        t.client->post(rulingPath + "/gaps", t.token("secretary"),
                       R"({"gap":")" + gapRef + R"(","note":"همان موضوع","expected_version":1})");
    REQUIRE(linked.status == 200);
    CHECK(linked.json()->getArray("gaps")->getObject(0)->getValue<std::string>("note") == "همان موضوع");
    requireProblem(t.client->post(rulingPath + "/gaps", t.token("secretary"),
                                  R"({"gap":"G-1405-9999","expected_version":2})"),
                   422, "gap");
    CHECK(t.client->get(rulingPath + "/history", t.token("observer")).json()->getArray("items")->size() == 2);

    // The provision page: the gap, its ruling.
    const Reply page =
        t.client->get("/api/v1/provisions/" + encode("قانون_شهرداری:100"), t.token("observer"));
    REQUIRE(page.status == 200);
    CHECK(has(references(page, "gaps"), gapRef));
    CHECK(page.json()->getArray("rulings")->size() == 1);
}

TEST_CASE("Persian search over gaps, drafts and rulings, with snippets and visibility",
          "[http][uniformity]") {
    TestService t;
    const auto report = [&](const std::string& user, const std::string& body) {
        const Reply r = t.client->post("/api/v1/gaps", t.token(user), body);
        INFO(r.body);
        REQUIRE(r.status == 201);
        return r.json()->getValue<std::string>("reference");
    };
    const std::string a = report("tehran.director", gapBody("عوارض شهرداری‌ها",
                                                            "وصول عوارض نوسازی", "قانون نوسازی", "ماده ۲۹"));
    const std::string b =
        report("tehran.director",
               gapBody("پسماند", "شهرداریها مکلف به جمع‌آوری پسماندند",
                       "قانون پسماند", "ماده ۷"));
    const std::string secret = report("mashhad.director", gapBody("شهرداری مشهد", "موضوع محرمانه شهرداری",
                                                                  "قانون شهرداری", "ماده ۵۵", true));
    const auto search = [&](const std::string& user, const std::string& query) {
        return t.client->get("/api/v1/search?" + query, t.token(user));
    };
    auto found = references(search("tehran.director", "q=" + encode("شهرداریها")));
    CHECK(has(found, a));
    CHECK(has(found, b));
    CHECK_FALSE(has(found, secret));  // confidential to Mashhad
    CHECK(has(references(search("mashhad.director", "q=" + encode("شهرداری‌ها"))), secret));
    CHECK(has(references(search("secretary", "q=" + encode("شهرداري ها"))), secret));
    const Reply hit = search("tehran.director", "q=" + encode("پسماند شهرداری"));
    REQUIRE(references(hit) == std::vector<std::string>{b});
    CHECK(hit.json()->getArray("items")->getObject(0)->getValue<std::string>("snippet").find("<mark>") !=
          std::string::npos);
    CHECK(references(search("tehran.director", "q=" + encode("عوارض") + "&type=ruling")).empty());
    CHECK(references(search("tehran.director", "q=" + encode("عوارض") + "&municipality=mashhad")).empty());
    // Syntax from users is only words: nothing reaches the database as syntax.
    for (const std::string q : {"\"' OR 1=1 --", "عوارض*", "NEAR(a b)", "%_\\", "\"عوارض"}) {
        const Reply r = search("tehran.director", "q=" + encode(q));
        INFO(q << " " << r.body);
        CHECK((r.status == 200 || r.status == 400));
    }
    requireProblem(search("tehran.director", "q=" + encode("از و به")), 400, "q");
    requireProblem(search("tehran.director", "q="), 400, "q");
    requireProblem(search("tehran.director", "q=x&type=memo"), 400, "type");
    // A draft is found by its text, as a draft of its gap.
    const std::string path = "/api/v1/gaps/" + std::to_string(1);
    REQUIRE(fire(t, "secretary", path, "triage", 1).status == 200);
    REQUIRE(fire(t, "tehran.director", path, "start_drafting", 2).status == 200);
    REQUIRE(saveDraft(t, path, 0, "اصلاحیه زلزله‌نگاری").status == 201);
    const Reply draft = search("tehran.director", "q=" + encode("زلزله‌نگاری") + "&type=draft");
    REQUIRE(references(draft) == std::vector<std::string>{a});
}

TEST_CASE("search pages past the first batch list every match once, best first, ties newest first",
          "[http][uniformity]") {
    TestService t;
    // 130 gaps hold «پسماند» once, twice or three times, so scores repeat (ties) and more matches
    // come back than one batch of the store's reads; every fifth is Mashhad's and confidential.
    std::map<std::string, std::string> cityOf;
    for (int i = 0; i < 130; ++i) {
        const bool secret = i % 5 == 0;
        std::string title = "موضوع " + std::to_string(i);
        for (int k = 0; k <= i % 3; ++k) title += " پسماند";
        const Reply r =
            t.client->post("/api/v1/gaps", t.token(secret ? "mashhad.director" : "tehran.director"),
                           gapBody(title, "شرح " + std::to_string(i), "قانون مدیریت", "ماده ۱", secret));
        INFO(r.body);
        REQUIRE(r.status == 201);
        cityOf[r.json()->getValue<std::string>("reference")] = secret ? "mashhad" : "tehran";
    }
    struct Item {
        std::string reference;
        std::int64_t id, score;
    };
    const auto page = [&](std::size_t offset, std::size_t limit) {
        const Reply r = t.client->get("/api/v1/search?q=" + encode("پسماند") + "&type=gap&limit=" +
                                          std::to_string(limit) + "&offset=" + std::to_string(offset),
                                      t.token("tehran.director"));
        INFO(r.body);
        REQUIRE(r.status == 200);
        CHECK(r.json()->getValue<std::size_t>("total") == 104);  // Mashhad's 26 confidential left out
        std::vector<Item> out;
        const auto items = r.json()->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i) {
            const auto o = items->getObject(static_cast<unsigned>(i));
            out.push_back({o->getValue<std::string>("reference"), o->getValue<std::int64_t>("id"),
                           o->getValue<std::int64_t>("score")});
        }
        return out;
    };
    std::vector<Item> all;
    for (std::size_t offset = 0; offset < 104; offset += 30)
        for (const Item& item : page(offset, 30)) all.push_back(item);
    REQUIRE(all.size() == 104);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < all.size(); ++i) {
        INFO(i << " " << all[i].reference);
        CHECK(seen.insert(all[i].reference).second);
        CHECK(cityOf[all[i].reference] == "tehran");
        if (i > 0) {
            CHECK(all[i - 1].score >= all[i].score);
            if (all[i - 1].score == all[i].score) CHECK(all[i - 1].id > all[i].id);
        }
    }
    CHECK(all.front().score > all.back().score);
    // A page is the same slice of the order whatever the pages before it were.
    const std::vector<Item> middle = page(47, 9);
    REQUIRE(middle.size() == 9);
    for (std::size_t i = 0; i < middle.size(); ++i) CHECK(middle[i].reference == all[47 + i].reference);
    CHECK(page(104, 10).empty());
}

TEST_CASE("reporting suggests similar gaps; merging keeps everything", "[http][uniformity]") {
    TestService t;
    const Reply first =
        t.client->post("/api/v1/gaps", t.token("tehran.director"),
                       gapBody("ابهام در وصول عوارض بر ارزش افزوده اراضی", "عوارض ارزش افزوده اراضی شهری",
                               "قانون مالیات بر ارزش افزوده", "ماده ۵۰"));
    REQUIRE(first.status == 201);
    const std::string survivor = first.json()->getValue<std::string>("reference");
    const std::string survivorPath = gapPath(first.json());
    const std::string duplicateBody = gapBody("وصول عوارض ارزش افزوده از اراضی", "ابهام در عوارض ارزش افزوده",
                                              "قانون ماليات بر ارزش افزوده", "م ۵۰");
    const Reply suggested =
        t.client->post("/api/v1/gaps/similar", t.token("mashhad.director"), duplicateBody);
    REQUIRE(suggested.status == 200);
    REQUIRE(references(suggested).size() >= 1);
    CHECK(references(suggested)[0] == survivor);
    const Reply second = t.client->post("/api/v1/gaps", t.token("mashhad.director"), duplicateBody);
    REQUIRE(second.status == 201);
    const auto similar = second.json()->getArray("similar");
    REQUIRE(similar->size() >= 1);
    CHECK(similar->getObject(0)->getValue<std::string>("reference") == survivor);
    CHECK(similar->getObject(0)->getValue<int>("score") > 0);
    CHECK(similar->getObject(0)->getArray("shared_provisions")->size() == 1);
    const std::string mergedPath = gapPath(second.json());

    // A ruling on the duplicate moves to the survivor with the merge.
    REQUIRE(
        t.client
            ->post(
                "/api/v1/rulings", t.token("mashhad.director"),
                R"({"court":"دادگاه تجدیدنظر","number":"۹","decided_on":"1405-07-01","municipality":"mashhad",)"
                R"("outcome":"mixed","summary":"رأی"})")
            .status == 201);
    REQUIRE(t.client
                ->post("/api/v1/rulings/1/gaps", t.token("secretary"),
                       R"({"gap":")" + second.json()->getValue<std::string>("reference") +
                           R"(","expected_version":1})")
                .status == 200);

    const Reply merged = fire(t, "secretary", mergedPath, "merge", 1,
                              R"(,"comment":"همان خلأ","fields":{"duplicate_of":")" + survivor + R"("})");
    INFO(merged.body);
    REQUIRE(merged.status == 200);
    CHECK(merged.json()->getObject("state")->getValue<std::string>("name") == "merged");
    const auto after = t.client->get(survivorPath, t.token("secretary")).json();
    CHECK(after->getArray("co_reporting_municipalities")->getElement<std::string>(0) == "mashhad");
    CHECK(after->getArray("provisions")->size() == 1);  // the same article, written another way
    CHECK(after->getValue<int>("version") == 2);
    const auto survivorHistory =
        t.client->get(survivorPath + "/history", t.token("secretary")).json()->getArray("items");
    const auto event = survivorHistory->getObject(1);
    CHECK(event->getValue<std::string>("type") == "merged_in");
    CHECK(event->getValue<std::string>("comment") == "همان خلأ");
    CHECK(event->getObject("actor")->getValue<std::string>("username") == "secretary");
    const auto ruling = t.client->get("/api/v1/rulings/1", t.token("observer")).json()->getArray("gaps");
    CHECK(ruling->size() == 2);
    // The merged gap stays readable, pointing to the survivor.
    const auto history =
        t.client->get(mergedPath + "/history", t.token("mashhad.director")).json()->getArray("items");
    CHECK(history->getObject(1)->getObject("fields")->getValue<std::string>("duplicate_of") == survivor);
}

TEST_CASE("a client that prefers a minimal answer gets the reported gap without its similar gaps",
          "[http][uniformity]") {
    TestService t;
    const std::string body =
        gapBody("ابهام در وصول عوارض بر ارزش افزوده اراضی", "عوارض ارزش افزوده اراضی شهری",
                "قانون مالیات بر ارزش افزوده", "ماده ۵۰");
    const Reply first = t.client->post("/api/v1/gaps", t.token("tehran.director"), body);
    REQUIRE(first.status == 201);
    // Prefer fields that ask for a minimal answer (RFC 7240: names without regard to case, a quoted
    // value, parameters, other preferences beside it), and fields that do not.
    const std::vector<std::pair<std::string, bool>> cases = {
        {"return=minimal", true},
        {R"(respond-async, RETURN = "minimal"; why=import)", true},
        {R"(handling=lenient; note="a, return=representation", return=Minimal)", true},
        {"return=representation", false},
        {"return=representation, return=minimal", false},  // the first mention counts
        {"return", false},
        {"=minimal", false},
        {"return=minimalist", false},
        {R"(note="return=minimal")", false},
        {"", false},
    };
    std::size_t reported = 1;
    for (const auto& [prefer, minimal] : cases) {
        INFO("Prefer: " << prefer);
        const Reply r =
            t.client->send("POST", "/api/v1/gaps", t.token("mashhad.director"), body, {{"Prefer", prefer}});
        REQUIRE(r.status == 201);
        ++reported;
        const auto gap = r.json();
        CHECK(r.header("Location") == gapPath(gap));
        CHECK(r.header("ETag") == "\"1\"");
        CHECK(r.header("Preference-Applied") == (minimal ? "return=minimal" : ""));
        CHECK(gap->has("similar") == !minimal);
        if (!minimal) CHECK(!references(r, "similar").empty());
        CHECK(gap->getValue<std::string>("reference") ==
              "G-1405-" + Poco::NumberFormatter::format0(reported, 4));
        // Stored and audited alike either way.
        const Reply read = t.client->get(gapPath(gap), t.token("mashhad.director"));
        REQUIRE(read.status == 200);
        CHECK(read.json()->getValue<std::string>("title") == gap->getValue<std::string>("title"));
        const auto history =
            t.client->get(gapPath(gap) + "/history", t.token("mashhad.director")).json()->getArray("items");
        REQUIRE(history->size() == 1);
        CHECK(history->getObject(0)->getValue<std::string>("type") == "created");
    }

    // Prefer fields given apart are one list, in their order.
    const auto raw = [&](const std::string& fields) {
        return exchangeRaw(
            t.service().port(),
            "POST /api/v1/gaps HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " +
                t.token("mashhad.director") + "\r\nContent-Type: application/json\r\n" + fields +
                "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
    };
    const std::string apart = raw("Prefer: respond-async\r\nPrefer: return=minimal\r\n");
    CHECK(apart.rfind("HTTP/1.1 201", 0) == 0);
    CHECK(apart.find("Preference-Applied: return=minimal\r\n") != std::string::npos);
    CHECK(apart.find("\"similar\"") == std::string::npos);
    const std::string firstCounts = raw("Prefer: return=representation\r\nPrefer: return=minimal\r\n");
    CHECK(firstCounts.rfind("HTTP/1.1 201", 0) == 0);
    CHECK(firstCounts.find("Preference-Applied") == std::string::npos);
    CHECK(firstCounts.find("\"similar\"") != std::string::npos);

    // A bad report is refused the same with or without the preference, and stores nothing.
    requireProblem(t.client->send("POST", "/api/v1/gaps", t.token("mashhad.director"), R"({"title":""})",
                                  {{"Prefer", "return=minimal"}}),
                   400);
    const Reply list = t.client->get("/api/v1/gaps?limit=100", t.token("secretary"));
    CHECK(references(list).size() == reported + 2);
}

TEST_CASE("similar gaps pass over closed gaps and those the reader may not see, however many come first",
          "[http][uniformity]") {
    // Twelve candidates outrank the three a Mashhad director may be shown (the same text, so newer first):
    // four closed ones and eight of Tehran's confidential ones. The answer reads candidates in batches
    // and must reach past the first.
    TestService t;
    const std::string title = "ابهام در تقسیط عوارض کسب پیشه‌وران";
    const std::string description =
        "تقسیط عوارض کسب پیشه‌وران و مهلت پرداخت";
    const auto report = [&](bool confidential) {
        const Reply r =
            t.client->post("/api/v1/gaps", t.token("tehran.director"),
                           gapBody(title, description, "قانون درآمد پایدار", "ماده ۳", confidential));
        REQUIRE(r.status == 201);
        return r.json()->getValue<std::string>("reference");
    };
    std::vector<std::string> open, secret;
    for (int i = 0; i < 3; ++i) open.insert(open.begin(), report(false));
    for (int i = 0; i < 8; ++i) secret.insert(secret.begin(), report(true));
    for (int i = 0; i < 4; ++i) {
        const Reply r = t.client->post("/api/v1/gaps", t.token("tehran.director"),
                                       gapBody(title, description, "قانون درآمد پایدار", "ماده ۳"));
        REQUIRE(r.status == 201);
        REQUIRE(fire(t, "secretary", gapPath(r.json()), "reject", 1, R"(,"comment":"تکراری")").status == 200);
    }
    const std::string body = gapBody(title, description, "قانون درآمد پایدار", "ماده ۳");
    const Reply mashhad = t.client->post("/api/v1/gaps/similar", t.token("mashhad.director"), body);
    REQUIRE(mashhad.status == 200);
    CHECK(references(mashhad) == open);  // newest first, nothing hidden or closed
    CHECK(mashhad.body.find("محرمانه") == std::string::npos);
    const Reply tehran = t.client->post("/api/v1/gaps/similar", t.token("tehran.director"), body);
    REQUIRE(tehran.status == 200);
    CHECK(references(tehran) == std::vector<std::string>(secret.begin(), secret.begin() + 5));
}

TEST_CASE("a city's question becomes a published opinion every city can search", "[http][uniformity]") {
    TestService t;
    const std::string gap = gapPath(createGap(t));
    const Reply asked = t.client->post(
        "/api/v1/opinions", t.token("tehran.director"),
        R"({"title":"عوارض کسب و پیشه","question":"آیا شهرداری‌ها می‌توانند عوارض کسب را مستقیم وصول کنند؟",)"
        R"("provisions":[{"law":"قانون درآمد پایدار شهرداری‌ها","article":"ماده ۵"}],"gaps":["1"]})");
    INFO(asked.body);
    REQUIRE(asked.status == 201);
    const auto opinion = asked.json();
    CHECK(opinion->getValue<std::string>("reference") == "O-1405-0001");
    const std::string path = "/api/v1/opinions/" + opinion->getValue<std::string>("id");
    requireProblem(
        t.client->post("/api/v1/opinions", t.token("secretary"), R"({"title":"x","question":"y"})"), 403);
    requireProblem(t.client->post("/api/v1/opinions", t.token("tehran.director"), R"({"title":"x"})"), 400,
                   "question");
    // Not published yet: another city does not see it, nor does search.
    requireProblem(t.client->get(path, t.token("mashhad.director")), 404);
    const auto transition = [&](const std::string& user, const std::string& body) {
        return t.client->post(path + "/transitions", t.token(user), body);
    };
    // The question is revised as a new version; the old one stays.
    REQUIRE(
        t.client
            ->post(
                path + "/question", t.token("tehran.director"),
                R"({"text":"پرسش اصلاح‌شده درباره عوارض کسب","expected_version":1})")
            .status == 200);
    requireProblem(transition("secretary", R"({"transition":"assign","expected_version":2})"), 422,
                   "fields.assignee");
    requireProblem(
        transition("secretary",
                   R"({"transition":"assign","fields":{"assignee":"nobody"},"expected_version":2})"),
        422, "fields.assignee");
    REQUIRE(
        transition("secretary",
                   R"({"transition":"assign","fields":{"assignee":"mashhad.member"},"expected_version":2})")
            .status == 200);
    requireProblem(transition("mashhad.member", R"({"transition":"answer","expected_version":3})"), 422,
                   "answer");
    requireProblem(
        t.client->post(path + "/answer", t.token("tehran.director"), R"({"text":"x","expected_version":3})"),
        403);
    REQUIRE(
        t.client
            ->post(
                path + "/answer", t.token("mashhad.member"),
                R"({"text":"نظریه: وصول مستقیم عوارض کسب مجاز است","provisions":[{"law":"قانون درآمد پایدار شهرداری ها","article":"م ۵"}],"expected_version":3})")
            .status == 200);
    REQUIRE(transition("mashhad.member", R"({"transition":"answer","expected_version":4})").status == 200);
    CHECK(references(t.client->get("/api/v1/search?q=" + encode("نظریه عوارض"), t.token("mashhad.director")))
              .empty());
    const Reply published = transition("secretary", R"({"transition":"publish","expected_version":5})");
    REQUIRE(published.status == 200);
    const auto body = published.json();
    CHECK(body->getObject("state")->getValue<std::string>("name") == "published");
    CHECK(body->getObject("question")->getValue<int>("version") == 2);
    CHECK(body->getArray("versions")->size() == 3);
    CHECK(body->getArray("gaps")->size() == 1);
    // Now every city reads it and finds it; the provision page lists it.
    REQUIRE(t.client->get(path, t.token("mashhad.director")).status == 200);
    const Reply found = t.client->get("/api/v1/search?q=" + encode("نظریه عوارض کسب") + "&type=opinion",
                                      t.token("mashhad.director"));
    CHECK(references(found) == std::vector<std::string>{"O-1405-0001"});
    const Reply page =
        t.client->get("/api/v1/provisions/" +
                          encode("قانون درآمد پایدار شهرداری‌ها — ماده ۵"),
                      t.token("observer"));
    CHECK(references(page, "opinions") == std::vector<std::string>{"O-1405-0001"});
    const auto history = t.client->get(path + "/history", t.token("observer")).json()->getArray("items");
    CHECK(history->size() == 6);
    (void)gap;
}

TEST_CASE(
    "a provision on which rulings went both ways is a conflict, shown by its newest pair, with its gaps",
    "[http][uniformity][conflicts]") {
    TestService t;
    // A gap of Tehran's on the provision, and a confidential one of Mashhad's that Tehran may not know of.
    const Reply open = t.client->post("/api/v1/gaps", t.token("tehran.director"),
                                      gapBody("عوارض کمیسیون ماده صد", "ابهام", "قانون شهرداری", "ماده ۱۰۰"));
    const Reply secret =
        t.client->post("/api/v1/gaps", t.token("mashhad.director"),
                       gapBody("پرونده محرمانه ماده صد", "ابهام", "قانون شهرداری", "ماده ۱۰۰", true));
    REQUIRE(open.status == 201);
    REQUIRE(secret.status == 201);
    const std::string openRef = open.json()->getValue<std::string>("reference");
    const std::string secretRef = secret.json()->getValue<std::string>("reference");

    const auto rule = [&](const std::string& who, const std::string& court, const std::string& outcome,
                          const std::string& city, const std::string& provisions) {
        return registerRuling(t, who, city, outcome, court, provisions);
    };
    const std::string on100 = R"({"law":"قانون شهرداری","article":"ماده ۱۰۰"})";
    const std::string on55 = R"({"law":"قانون شهرداری","article":"ماده ۵۵"})";
    const std::string on101 = R"({"law":"قانون شهرداری","article":"ماده ۱۰۱"})";
    // Against Tehran in the Administrative Court on two articles; for Mashhad in the same court (its name and
    // the article written two other ways, the article named twice); mixed; against Tehran in a general
    // court; for a city on another article; against and then for a city on the second article.
    const auto adverse =
        rule("tehran.director", "دیوان عدالت اداری", "adverse", "tehran", on100 + "," + on55);
    const auto favourable =
        rule("mashhad.director", "ديوان عدالت اداري", "favourable", "mashhad",
             R"({"law":"قانون شهرداري","article":"م. 100"},{"law":"قانون شهرداری","article":"ماده 100"})");
    const auto mixed = rule("tehran.director", "دیوان عدالت اداری", "mixed", "tehran", on100);
    const auto general = rule("tehran.director", "دادگاه عمومی حقوقی تهران", "adverse", "tehran", on100);
    const auto elsewhere = rule("mashhad.director", "دیوان عدالت اداری", "favourable", "mashhad", on101);
    CHECK(
        t.client->get("/api/v1/conflicts?provision=" + encode("قانون شهرداری — ماده ۵۵"), t.token("observer"))
            .json()
            ->getArray("items")
            ->size() == 0);  // two adverse rulings are no conflict
    const auto later = rule("mashhad.director", "دیوان عدالت اداری", "favourable", "mashhad", on55);

    struct Conflict {
        std::string key;
        std::int64_t adverse, favourable, adverseCount, favourableCount;
        bool sameCourt;
        std::vector<std::string> gaps;
    };
    const auto conflicts = [&](const std::string& query, const std::string& who) {
        const Reply r = t.client->get("/api/v1/conflicts" + query, t.token(who));
        INFO(query << " " << r.body);
        REQUIRE(r.status == 200);
        std::vector<Conflict> out;
        const auto items = r.json()->getArray("items");
        for (std::size_t i = 0; i < items->size(); ++i) {
            const auto c = items->getObject(static_cast<unsigned>(i));
            CHECK(c->getObject("adverse")->getValue<std::string>("outcome") == "adverse");
            CHECK(c->getObject("favourable")->getValue<std::string>("outcome") == "favourable");
            Conflict one{c->getObject("provision")->getValue<std::string>("key"),
                         c->getObject("adverse")->getValue<std::int64_t>("id"),
                         c->getObject("favourable")->getValue<std::int64_t>("id"),
                         c->getValue<std::int64_t>("adverse_count"),
                         c->getValue<std::int64_t>("favourable_count"),
                         c->getValue<bool>("same_court"),
                         {}};
            REQUIRE(c->has("gaps"));
            for (std::size_t g = 0; g < c->getArray("gaps")->size(); ++g)
                one.gaps.push_back(c->getArray("gaps")
                                       ->getObject(static_cast<unsigned>(g))
                                       ->getValue<std::string>("reference"));
            out.push_back(one);
        }
        return out;
    };
    // Newest first; each by its newest adverse and newest favourable ruling.
    const auto all = conflicts("", "mashhad.director");
    REQUIRE(all.size() == 2);
    CHECK(all[0].key == "قانون_شهرداری:55");
    CHECK(all[0].adverse == adverse);
    CHECK(all[0].favourable == later);
    CHECK(all[0].sameCourt);
    CHECK(all[0].adverseCount == 1);
    CHECK(all[0].favourableCount == 1);
    CHECK(all[1].key == "قانون_شهرداری:100");
    CHECK(all[1].adverse == general);
    CHECK(all[1].favourable == favourable);
    CHECK_FALSE(all[1].sameCourt);
    CHECK(all[1].adverseCount == 2);     // the mixed ruling is neither
    CHECK(all[1].favourableCount == 1);  // one ruling naming the article twice is one
    // The gaps on the provision, each as its reader may know of them.
    CHECK(has(all[1].gaps, openRef));
    CHECK(has(all[1].gaps, secretRef));
    CHECK(all[0].gaps.empty());
    const auto tehran = conflicts("", "tehran.director");
    REQUIRE(tehran.size() == 2);
    CHECK(has(tehran[1].gaps, openRef));
    CHECK_FALSE(has(tehran[1].gaps, secretRef));
    CHECK(conflicts("", "observer").size() == 2);

    const auto on = [&](const std::string& named) {
        const auto found = conflicts("?provision=" + encode(named), "observer");
        return found.empty() ? std::string() : found[0].key + "/" + std::to_string(found.size());
    };
    CHECK(on("قانون شهرداری — ماده ۱۰۰") == "قانون_شهرداری:100/1");
    CHECK(on("قانون_شهرداری:100") == "قانون_شهرداری:100/1");
    CHECK(on("قانون شهرداری — ماده ۱۰۱").empty());
    const auto ofRuling = [&](std::int64_t id) {
        std::vector<std::string> keys;
        for (const Conflict& c : conflicts("?ruling=" + std::to_string(id), "observer"))
            keys.push_back(c.key);
        return keys;
    };
    CHECK(ofRuling(adverse) == std::vector<std::string>{"قانون_شهرداری:55", "قانون_شهرداری:100"});
    CHECK(ofRuling(mixed) == std::vector<std::string>{"قانون_شهرداری:100"});
    CHECK(ofRuling(elsewhere).empty());
    CHECK(ofRuling(999999).empty());
    const auto newest = conflicts("?limit=1", "observer");
    REQUIRE(newest.size() == 1);
    CHECK(newest[0].key == "قانون_شهرداری:55");

    // Bad queries name their parameter; a caller must be signed in.
    requireProblem(t.client->get("/api/v1/conflicts?limit=0", t.token("observer")), 400, "limit");
    requireProblem(t.client->get("/api/v1/conflicts?limit=101", t.token("observer")), 400, "limit");
    requireProblem(t.client->get("/api/v1/conflicts?ruling=abc", t.token("observer")), 400, "ruling");
    requireProblem(t.client->get("/api/v1/conflicts?provision=" + encode("—"), t.token("observer")), 400,
                   "provision");
    requireProblem(t.client->get("/api/v1/conflicts?court=x", t.token("observer")), 400, "court");
    CHECK(t.client->get("/api/v1/conflicts", "").status == 401);

    // The provision's page holds its conflict too (its gaps are listed once, beside it).
    const Reply page =
        t.client->get("/api/v1/provisions/" + encode("قانون شهرداری — ماده ۱۰۰"), t.token("observer"));
    REQUIRE(page.status == 200);
    const auto onPage = page.json()->getArray("conflicts");
    REQUIRE(onPage->size() == 1);
    CHECK(onPage->getObject(0)->getObject("adverse")->getValue<std::int64_t>("id") == general);
    CHECK_FALSE(onPage->getObject(0)->has("gaps"));
    CHECK(t.client->get("/api/v1/provisions/" + encode("قانون شهرداری — ماده ۱۰۱"), t.token("observer"))
              .json()
              ->getArray("conflicts")
              ->size() == 0);
}

TEST_CASE("a word found at the frequency cap is counted once a minute, a word under it every time",
          "[unit][search]") {
    FakeClock clock;
    CappedFrequencies common(clock, 60000, 3);
    std::map<std::string, int> counted;
    const auto frequency = [&](const std::string& type, const std::string& term, std::int64_t found,
                               std::int64_t cap = 100) {
        return common.frequency(type, term, cap, [&] {
            ++counted[type + "/" + term];
            return std::min(found, cap);
        });
    };
    // Under the cap: counted each time, so a word's first document is found at once.
    CHECK(frequency("gap", "زلزله", 0) == 0);
    CHECK(frequency("gap", "زلزله", 1) == 1);
    CHECK(counted["gap/زلزله"] == 2);
    // At the cap: remembered for the minute, for that type (and cap) only.
    CHECK(frequency("gap", "قانون", 500) == 100);
    CHECK(frequency("gap", "قانون", 500) == 100);
    CHECK(frequency("gap", "قانون", 500, 1000) == 500);
    CHECK(counted["gap/قانون"] == 2);
    CHECK(frequency("draft", "قانون", 3) == 3);
    CHECK(counted["draft/قانون"] == 1);
    clock.advanceMs(59999);
    CHECK(frequency("gap", "قانون", 40) == 100);
    CHECK(counted["gap/قانون"] == 2);
    clock.advanceMs(1);  // the minute is over: counted again, and now it is under the cap
    CHECK(frequency("gap", "قانون", 40) == 40);
    CHECK(frequency("gap", "قانون", 40) == 40);
    CHECK(counted["gap/قانون"] == 4);
    // Bounded: three words are kept; a fourth, with none lapsed, starts the memory afresh.
    for (const char* word : {"شهرداری", "ماده", "عوارض"}) frequency("gap", word, 100);
    CHECK(frequency("gap", "شهرداری", 100) == 100);
    CHECK(counted["gap/شهرداری"] == 1);
    frequency("gap", "کمیسیون", 100);
    CHECK(frequency("gap", "شهرداری", 100) == 100);
    CHECK(counted["gap/شهرداری"] == 2);
}
