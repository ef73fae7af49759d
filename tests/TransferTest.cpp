// `lacuna export` / `lacuna import` (storage/StoreTransfer.h): a store as JSON lines, loaded into a new store
// of either backend with every record, id, session and answer intact; a file that cannot be loaded whole
// loads nothing; an export taken while the service writes is one snapshot.
#include <Poco/Environment.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "ApiHelpers.h"
#include "Errors.h"
#include "StoreTransfer.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

const std::string LEGISLATION_GAP = R"({
  "title": "تعارض ماده ۱۰۰ قانون شهرداری با قانون تملک",
  "description": "کمیسیون ماده ۱۰۰ در اراضی تملک‌شده رأی تخریب می‌دهد؛ تکلیف عوارض روشن نیست.",
  "kind": "conflict", "category": "land", "priority": "normal", "confidential": true,
  "provisions": [{"law": "قانون شهرداری", "article": "ماده ۱۰۰"}]
})";

std::string encoded(const std::string& text) {
    std::string out;
    Poco::URI::encode(text, ":/?#[]@!$&'()*+,;=", out);
    return out;
}

/// Three cities on the committee, and no webhook deliveries attempted meanwhile: a store changes only by
/// the test's requests, so its exports can be compared.
void still(AppConfig& config) {
    threeCities(config);
    config.webhooks.dispatch = false;
}

/// The paths whose answers are compared between stores, found while the source store is filled.
struct Filled {
    std::vector<std::string> paths;
};

/// Something of every kind of record: gaps (one confidential), transitions and drafts, a meeting that
/// endorsed a gap with the cities' votes, a bill with sponsors and positions, a ruling on a provision,
/// an opinion, a webhook subscription with its deliveries, sessions.
Filled fill(TestService& t) {
    Filled f;
    REQUIRE(
        t.client
            ->post("/api/v1/webhooks", t.token("admin"), R"({"url":"http://127.0.0.1:9/h","events":["*"]})")
            .status == 201);
    std::string endorsedPath;
    const std::string endorsed = endorsedGap(t, &endorsedPath);
    const auto plain = createGap(t, "mashhad.director");
    const auto secret = createGap(t, "tehran.director", LEGISLATION_GAP);
    REQUIRE(fire(t, "secretary", gapPath(plain), "triage", 1).status == 200);
    std::string sponsors = "[";
    for (int i = 1; i <= 15; ++i)
        sponsors += std::string(i > 1 ? "," : "") + R"({"name":"نماینده )" + std::to_string(i) +
                    R"(","constituency":"تهران"})";
    const Reply bill = t.client->post(
        "/api/v1/bills", t.token("liaison"),
        R"({"title":"طرح اصلاح ماده ۲۹ قانون نوسازی","channel":"mps_plan","lead_commission":"کمیسیون قضایی و حقوقی",)"
        R"("advisory_commissions":["کمیسیون عمران"],"urgency":"ordinary","gaps":[")" +
            endorsed + R"("],"sponsors":)" + sponsors + "]}");
    INFO(bill.body);
    REQUIRE(bill.status == 201);
    const std::string billPath = "/api/v1/bills/" + bill.json()->getValue<std::string>("id");
    REQUIRE(put(t, "tehran.director", billPath + "/position", R"({"position":"support","note":"ضروری است"})")
                .status == 200);
    const Reply ruling = t.client->post(
        "/api/v1/rulings", t.token("tehran.director"),
        R"({"court":"هیئت عمومی دیوان عدالت اداری","branch":"","number":"۱۲۳۴","decided_on":"۱۴۰۵-۰۸-۱۲",)"
        R"("municipality":"tehran","outcome":"adverse","summary":"ابطال مصوبه عوارض",)"
        R"("full_text":"متن کامل رأی درباره کمیسیون ماده صد","provisions":[{"law":"قانون شهرداری","article":"ماده ۱۰۰"}]})");
    INFO(ruling.body);
    REQUIRE(ruling.status == 201);
    const std::string rulingPath =
        "/api/v1/rulings/" + ruling.json()->getObject("ruling")->getValue<std::string>("id");
    const Reply opinion =
        t.client->post("/api/v1/opinions", t.token("tehran.director"),
                       R"({"title":"استعلام درباره اراضی","question":"پرسش درباره ماده ۱۰۰","gaps":[")" +
                           secret->getValue<std::string>("id") + R"("]})");
    INFO(opinion.body);
    REQUIRE(opinion.status == 201);
    const std::string opinionPath = "/api/v1/opinions/" + opinion.json()->getValue<std::string>("id");
    const Reply meetings = t.client->get("/api/v1/meetings", t.token("secretary"));
    const std::string meetingPath =
        "/api/v1/meetings/" + meetings.json()->getArray("items")->getObject(0)->getValue<std::string>("id");

    for (const std::string& gap : {endorsedPath, gapPath(plain), gapPath(secret)})
        for (const char* suffix : {"", "/history", "/drafts", "/similar"}) f.paths.push_back(gap + suffix);
    for (const std::string& path : {std::string("/api/v1/gaps?limit=100"),
                                    std::string("/api/v1/gaps?state=reported"),
                                    "/api/v1/search?q=" + encoded("عوارض"),
                                    "/api/v1/provisions/" + encoded("قانون_شهرداری:100"),
                                    billPath,
                                    billPath + "/history",
                                    std::string("/api/v1/bills"),
                                    rulingPath,
                                    rulingPath + "/history",
                                    std::string("/api/v1/rulings"),
                                    opinionPath,
                                    opinionPath + "/history",
                                    std::string("/api/v1/opinions"),
                                    meetingPath,
                                    meetingPath + "/minutes",
                                    meetingPath + "/history",
                                    std::string("/api/v1/meetings"),
                                    std::string("/api/v1/inbox"),
                                    std::string("/api/v1/deadlines"),
                                    std::string("/api/v1/users"),
                                    std::string("/api/v1/webhooks")})
        f.paths.push_back(path);
    return f;
}

/// Every answer to `paths` as each of several people (a confidential gap differs by city), with the
/// tokens of `tokens` (the source store's sessions, which travel with the data).
std::string answers(TestService& t, TestService& tokens, const std::vector<std::string>& paths) {
    std::string out;
    for (const std::string user : {"tehran.director", "mashhad.director", "secretary", "admin"})
        for (const std::string& path : paths) {
            // The same request id each time: problems carry it.
            const Reply r = t.client->send("GET", path, tokens.token(user), "",
                                           {{"X-Request-Id", "compare-" + std::to_string(out.size())}});
            out += user + " " + path + " " + std::to_string(r.status) + "\n" + r.body + "\n";
        }
    return out;
}

std::unique_ptr<SqlDatabase> databaseOf(const StoreSettings& settings) { return openDatabase(settings); }

std::string exportOf(const StoreSettings& settings) {
    std::ostringstream out;
    exportStore(*databaseOf(settings), settings.backend, out);
    return out.str();
}

TransferSummary importInto(const StoreSettings& settings, const std::string& text) {
    std::istringstream in(text);
    return importStore(*databaseOf(settings), in);
}

/// An export without its first line (which names the backend it came from).
std::string body(const std::string& exported) { return exported.substr(exported.find('\n') + 1); }

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

std::string unlines(const std::vector<std::string>& all) {
    std::string out;
    for (const std::string& line : all) out += line + "\n";
    return out;
}

/// An export read back: each table's column names and rows.
struct Table {
    std::vector<std::string> columns;
    std::vector<Poco::JSON::Array::Ptr> rows;
    std::size_t column(const std::string& name) const {
        const auto at = std::find(columns.begin(), columns.end(), name);
        REQUIRE(at != columns.end());
        return static_cast<std::size_t>(at - columns.begin());
    }
    std::set<std::int64_t> integers(const std::string& name) const {
        std::set<std::int64_t> out;
        for (const auto& row : rows)
            out.insert(row->getElement<std::int64_t>(static_cast<unsigned>(column(name))));
        return out;
    }
};

std::map<std::string, Table> parseExport(const std::string& text) {
    std::map<std::string, Table> tables;
    Table* current = nullptr;
    for (const std::string& line : lines(text)) {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var v = parser.parse(line);
        if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
            REQUIRE(current);
            current->rows.push_back(v.extract<Poco::JSON::Array::Ptr>());
            continue;
        }
        const auto object = v.extract<Poco::JSON::Object::Ptr>();
        if (!object->has("table")) continue;
        current = &tables[object->getValue<std::string>("table")];
        const auto columns = object->getArray("columns");
        for (unsigned i = 0; i < columns->size(); ++i)
            current->columns.push_back(columns->getElement<std::string>(i));
    }
    return tables;
}

std::int64_t countRows(const StoreSettings& settings, const std::string& table) {
    std::int64_t n = 0;
    databaseOf(settings)->read(
        [&](SqlSession& s) { n = selectInteger(s, "SELECT COUNT(*) FROM " + table, {}); });
    return n;
}

void requireRefused(const StoreSettings& target, const std::string& text, const std::string& says) {
    INFO(says);
    try {
        importInto(target, text);
        FAIL("the import was accepted");
    } catch (const ValidationError& e) {
        INFO(e.message());
        CHECK(e.message().find(says) != std::string::npos);
    }
    // Nothing of it stays, and the migrations' own rows are as they were.
    CHECK(countRows(target, "gaps") == 0);
    CHECK(countRows(target, "gap_events") == 0);
    CHECK(countRows(target, "users") == 0);
    CHECK(countRows(target, "health_checks") == 1);
    CHECK(countRows(target, "derived_data") == 1);
}

}  // namespace

TEST_CASE("the store's tables are described with their columns and a primary key each",
          "[storage][transfer]") {
    TempDir dir;
    const StoreSettings settings = freshStoreSettings(testBackend(), dir);
    std::vector<SqlTable> tables;
    databaseOf(settings)->read([&](SqlSession& s) { tables = s.tables(); });
    REQUIRE(tables.size() >= 30);
    std::set<std::string> names;
    for (const SqlTable& t : tables) {
        INFO(t.name);
        names.insert(t.name);
        CHECK_FALSE(t.columns.empty());
        CHECK_FALSE(t.primaryKey.empty());  // read in key order; Galera needs one too
        for (const std::string& k : t.primaryKey)
            CHECK(std::any_of(t.columns.begin(), t.columns.end(),
                              [&](const SqlColumn& c) { return c.name == k; }));
    }
    CHECK_FALSE(names.count("schema_migrations"));
    CHECK(names.count("gaps"));
    CHECK(names.count("search_postings"));
    CHECK(std::is_sorted(tables.begin(), tables.end(),
                         [](const SqlTable& a, const SqlTable& b) { return a.name < b.name; }));
    const auto gaps =
        std::find_if(tables.begin(), tables.end(), [](const SqlTable& t) { return t.name == "gaps"; });
    for (const SqlColumn& c : gaps->columns) {
        if (c.name == "id" || c.name == "version") CHECK(c.integer);
        if (c.name == "title" || c.name == "reference") CHECK_FALSE(c.integer);
    }
}

TEST_CASE("an export loaded into a new store gives back the same export and the same answers",
          "[storage][transfer]") {
    TestService source(testBackend(), 64, still);
    const Filled filled = fill(source);
    const std::string exported = exportOf(source.config().storage);
    const auto parsed = parseExport(exported);
    CHECK(parsed.at("gaps").rows.size() == 3);
    CHECK(parsed.at("sessions").rows.size() >= 5);
    CHECK(parsed.at("meeting_votes").rows.size() == 2);
    CHECK(parsed.at("bill_sponsors").rows.size() == 15);
    CHECK(parsed.at("search_postings").rows.size() > 50);
    CHECK(exported.find("تعارض ماده ۱۰۰ قانون شهرداری با قانون تملک") != std::string::npos);  // as written

    TempDir dir;
    const StoreSettings copy = freshStoreSettings(testBackend(), dir);
    const TransferSummary loaded = importInto(copy, exported);
    CHECK(loaded.tables == static_cast<std::int64_t>(parsed.size()));
    CHECK(body(exportOf(copy)) == body(exported));

    TestService served(copy, still);
    served.clock.set(source.clock.nowMs());
    const std::string expected = answers(source, source, filled.paths);
    const std::string got = answers(served, source, filled.paths);
    if (got != expected) {
        std::ofstream("/tmp/transfer-expected.txt") << expected;
        std::ofstream("/tmp/transfer-got.txt") << got;
    }
    CHECK(got == expected);
    // New records continue the ids after the imported ones.
    const auto next = createGap(served);
    CHECK(next->getValue<std::int64_t>("id") == 4);
}

TEST_CASE("an export that cannot be loaded whole loads nothing", "[storage][transfer]") {
    TestService source(testBackend(), 64, still);
    fill(source);
    const std::string exported = exportOf(source.config().storage);
    std::vector<std::string> all = lines(exported);
    TempDir dir;
    const StoreSettings target = freshStoreSettings(testBackend(), dir);

    requireRefused(target, "", "empty");
    requireRefused(target, "{\"format\":\"something else\"}\n", "not a Lacuna export");
    auto changed = all;
    Poco::replaceInPlace(changed[0], std::string("\"version\":1"), std::string("\"version\":2"));
    requireRefused(target, unlines(changed), "format version 2");
    changed = all;
    Poco::replaceInPlace(changed[0], std::string("\"schema\":"), std::string("\"schema\":9"));
    requireRefused(target, unlines(changed), "import with the lacuna that wrote the export");
    // Cut at a line, and in the middle of one.
    changed = all;
    changed.pop_back();
    requireRefused(target, unlines(changed), "cut short");
    requireRefused(target, exported.substr(0, exported.size() * 2 / 3), "line");
    const auto gapsHeader = std::find_if(
        all.begin(), all.end(), [](const std::string& l) { return l.rfind("{\"table\":\"gaps\"", 0) == 0; });
    REQUIRE(gapsHeader != all.end());
    const std::size_t header = static_cast<std::size_t>(gapsHeader - all.begin());
    changed = all;
    Poco::replaceInPlace(changed[header], std::string("\"title\""), std::string("\"titel\""));
    requireRefused(target, unlines(changed), "column gaps.titel is not in this store");
    changed = all;
    changed[header + 1] = "[1,2,3]";
    requireRefused(target, unlines(changed), "values for");
    changed = all;
    changed[header + 1] = "[\"one\"" + changed[header + 1].substr(changed[header + 1].find(','));
    requireRefused(target, unlines(changed), "gaps.id must be an integer or null");
    changed = all;
    changed[header + 1] = "{not json";
    requireRefused(target, unlines(changed), "not JSON");
    changed = all;
    changed.insert(changed.begin() + static_cast<std::ptrdiff_t>(header) + 1, changed[header + 1]);
    requireRefused(target, unlines(changed), "share one key");  // a row twice
    changed = all;
    changed.erase(changed.begin() + static_cast<std::ptrdiff_t>(header),
                  changed.begin() + static_cast<std::ptrdiff_t>(header) + 4);  // gaps: header, 3 rows
    requireRefused(target, unlines(changed), "tables");
    changed = all;
    changed.push_back("[1]");
    requireRefused(target, unlines(changed), "nothing may follow the closing line");

    // A store that holds records is never merged into, and stays as it was.
    try {
        importInto(source.config().storage, exported);
        FAIL("an import into a store with records was accepted");
    } catch (const ValidationError& e) {
        CHECK(e.message().find("already holds records") != std::string::npos);
    }
    CHECK(body(exportOf(source.config().storage)) == body(exported));

    // After every refusal the target is still new, and takes the whole export.
    importInto(target, exported);
    CHECK(body(exportOf(target)) == body(exported));
}

TEST_CASE("an export taken while the service writes is one consistent snapshot", "[storage][transfer]") {
    TestService t(testBackend(), 64, still);
    for (int i = 0; i < 40; ++i) createGap(t, i % 2 ? "tehran.director" : "mashhad.director");
    std::atomic<bool> done{false};
    std::atomic<int> written{0};
    const std::string token = t.token("tehran.director");
    std::thread writer([&] {
        const HttpClient client(t.service().port());
        while (!done) {
            try {
                if (client.post("/api/v1/gaps", token, NEW_GAP).status == 201) ++written;
            } catch (const std::exception&) {
                // counted as not written
            }
        }
    });
    std::vector<std::string> exports;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while ((exports.size() < 25 || written < 20) && std::chrono::steady_clock::now() < deadline)
        exports.push_back(exportOf(t.config().storage));
    done = true;
    writer.join();
    INFO(written.load() << " gaps written during " << exports.size() << " exports");
    REQUIRE(written >= 20);
    std::set<std::size_t> sizes;
    for (const std::string& exported : exports) {
        const auto tables = parseExport(exported);
        // gap_events is read before gaps, search_postings after: outside one snapshot a gap written in
        // between would have no events, or postings for a gap the export does not hold.
        const std::set<std::int64_t> gaps = tables.at("gaps").integers("id");
        CHECK(tables.at("gap_events").integers("gap_id") == gaps);
        const Table& postings = tables.at("search_postings");
        std::set<std::int64_t> indexed;
        for (const auto& row : postings.rows)
            if (row->getElement<std::string>(static_cast<unsigned>(postings.column("doc_type"))) == "gap")
                indexed.insert(
                    row->getElement<std::int64_t>(static_cast<unsigned>(postings.column("doc_id"))));
        CHECK(indexed == gaps);
        sizes.insert(gaps.size());
    }
    CHECK(sizes.size() > 1);  // the writer did get in between exports
    TempDir dir;
    const StoreSettings copy = freshStoreSettings(testBackend(), dir);
    importInto(copy, exports.back());
    CHECK(body(exportOf(copy)) == body(exports.back()));
}

TEST_CASE("a store moves SQLite → MariaDB → SQLite with the same answers", "[transfer-cross]") {
    REQUIRE(Poco::Environment::has("LACUNA_TEST_MYSQL"));
    TempDir dir;
    const StoreSettings mariadb = freshStoreSettings("mysql", dir);
    const StoreSettings back = freshStoreSettings("sqlite", dir);

    // The two schemas hold the same tables, columns (by name and kind) and keys.
    const auto describe = [](const StoreSettings& settings) {
        std::vector<SqlTable> tables;
        databaseOf(settings)->read([&](SqlSession& s) { tables = s.tables(); });
        std::string out;
        for (SqlTable& t : tables) {
            std::sort(t.columns.begin(), t.columns.end(),
                      [](const SqlColumn& a, const SqlColumn& b) { return a.name < b.name; });
            out += t.name + " key(";
            for (const std::string& k : t.primaryKey) out += k + " ";
            out += ")";
            for (const SqlColumn& c : t.columns) out += " " + c.name + (c.integer ? ":int" : ":text");
            out += "\n";
        }
        return out;
    };
    CHECK(describe(mariadb) == describe(back));

    TestService source("sqlite", 64, still);
    const Filled filled = fill(source);
    const std::string fromSqlite = exportOf(source.config().storage);
    importInto(mariadb, fromSqlite);
    const std::string fromMariadb = exportOf(mariadb);
    CHECK(fromMariadb.find("\"backend\":\"mysql\"") != std::string::npos);
    importInto(back, fromMariadb);
    CHECK(body(exportOf(back)) == body(fromSqlite));

    const std::string expected = answers(source, source, filled.paths);
    {
        TestService onMariadb(mariadb, still);
        onMariadb.clock.set(source.clock.nowMs());
        CHECK(answers(onMariadb, source, filled.paths) == expected);
    }
    TestService onSqlite(back, still);
    onSqlite.clock.set(source.clock.nowMs());
    CHECK(answers(onSqlite, source, filled.paths) == expected);
}
