// lacuna_bench: measures the service against baselines taken in the same run, and prints a table.
//   lacuna_bench [--runs N] [--seconds S] [--mysql URL] [--galera URL] [--big GAPS] [--big-only]
// Every ratio compares two figures measured minutes apart on the same machine, so a shared, noisy
// machine slows both sides alike.
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Format.h>
#include <Poco/InflatingStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <Poco/URI.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>

#include "AppConfig.h"
#include "Clock.h"
#include "GapRepository.h"
#include "HttpFront.h"
#include "LacunaService.h"
#include "LoadGenerator.h"
#include "Logs.h"
#include "PageViews.h"
#include "PasswordHasher.h"
#include "PersianText.h"
#include "SearchText.h"
#include "ServiceProcess.h"
#include "SqliteConnection.h"
#include "StoreFactory.h"
#include "WebSite.h"

using namespace lacuna;
using namespace lacuna::bench;
using namespace Poco::Data::Keywords;

namespace {

const std::string PASSWORD = "bench password 1";

struct Options {
    int runs = 3;
    double seconds = 2.0;
    std::string mysqlUrl;
    std::string galeraUrl;
    long long bigGaps = 0;
    bool bigOnly = false;
    bool keep = false;
};

struct Row {
    std::string name;
    std::string measured;
    std::string baseline;
    std::string ratio;
    std::string target;
};
std::vector<Row> table;

std::string fmt(double v, int decimals = 0) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << v;
    return out.str();
}

std::string describe(const Stats& s) {
    return fmt(s.requestsPerSecond) + " req/s, p50 " + fmt(s.p50Ms, 2) + " ms, p99 " + fmt(s.p99Ms, 2) +
           " ms" + (s.failures ? " (" + std::to_string(s.failures) + " failed)" : "");
}

void addRatio(const std::string& name, const Stats& measured, const Stats& baseline, double target) {
    const double ratio = measured.requestsPerSecond / baseline.requestsPerSecond;
    // A target of 0: a ratio shown for reference only.
    table.push_back({name, describe(measured), describe(baseline), fmt(100 * ratio) + "%",
                     target <= 0 ? "(reference)"
                                 : "≥ " + fmt(100 * target) + "%" + (ratio >= target ? " met" : " MISSED")});
    std::cerr << name << ": " << fmt(100 * ratio) << "%" << std::endl;
}

void addFigure(const std::string& name, const std::string& measured, const std::string& target = "") {
    table.push_back({name, measured, "", "", target});
    std::cerr << name << ": " << measured << std::endl;
}

/// The store at a mysql:// URL, with the password from LACUNA_DB_PASSWORD as the service takes it.
StoreSettings mysqlStore(const std::string& url) {
    StoreSettings store;
    applyStoreUrl(url, store);
    store.mysql.password = Poco::Environment::get("LACUNA_DB_PASSWORD", "");
    return store;
}

/// Runs one statement that returns no rows.
void execute(sql::Connection& c, const std::string& sql) {
    std::unique_ptr<sql::Statement>(c.createStatement())->execute(sql);
}

/// A bare Poco HTTPServer that answers every request with one fixed JSON body.
class FixedHandler : public Poco::Net::HTTPRequestHandler {
public:
    explicit FixedHandler(const std::string& body) : _body(body) {}
    void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& response) override {
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(static_cast<std::streamsize>(_body.size()));
        response.send() << _body;
    }

private:
    const std::string& _body;
};

class FixedFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit FixedFactory(const std::string& body) : _body(body) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new FixedHandler(_body);
    }

private:
    const std::string& _body;
};

/// The service in-process on a fresh store, with a director and a secretary logged in; or, given
/// `sharing`, one more instance on the same database, with that one's people and sessions.
struct Bench {
    Poco::TemporaryFile dir;
    std::unique_ptr<LacunaService> service;
    SystemClock clock;
    std::string director, secretary;
    std::string dbPath;

    explicit Bench(const StoreSettings& store, const Bench* sharing = nullptr) {
        Poco::File(dir.path()).createDirectories();
        logs::discardOutput();  // each request's line is made and written, to /dev/null
        AppConfig config = loadConfig(LACUNA_SOURCE_DIR "/config/lacuna.yaml");
        config.server.host = "127.0.0.1";
        config.server.port = 0;
        config.dataDir = dir.path();
        config.storage = store;
        config.storage.poolSize = 16;
        if (config.storage.backend == "sqlite") config.storage.sqlitePath = dir.path() + "/bench.db";
        dbPath = config.storage.sqlitePath;
        service = std::make_unique<LacunaService>(config, clock, installWebPages);
        if (sharing) {
            service->start();
            director = sharing->director;
            secretary = sharing->secretary;
            return;
        }
        const std::string hash = PasswordHasher().hash(PASSWORD);
        service->users().addUserWithHash({"tehran.director", PASSWORD, {"legal_director"}, "tehran"}, hash);
        service->users().addUserWithHash({"secretary", PASSWORD, {"committee_secretary"}, std::nullopt},
                                         hash);
        service->start();
        Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(service->port()));
        director = login(s, "tehran.director");
        secretary = login(s, "secretary");
    }

    static std::string login(Poco::Net::HTTPClientSession& s, const std::string& user) {
        std::string body;
        call(s, "POST", "/api/v1/session", "",
             R"({"username":")" + user + R"(","password":")" + PASSWORD + "\"}", &body);
        Poco::JSON::Parser parser;
        return parser.parse(body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("token");
    }

    /// Reports a gap and brings it to drafting with a first draft; returns its id (version 4).
    std::int64_t draftingGap(int i) {
        Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(service->port()));
        std::string body;
        call(
            s, "POST", "/api/v1/gaps", director,
            R"({"title":"خلأ قانونی عوارض شماره )" + std::to_string(i) +
                R"(","description":"شرح خلأ قانونی در وصول عوارض نوسازی شهرداری‌ها","kind":"vacuum","category":"fees","provisions":[{"law":"قانون نوسازی","article":"ماده ۲۹"}]})",
            &body);
        Poco::JSON::Parser parser;
        const auto id = parser.parse(body).extract<Poco::JSON::Object::Ptr>()->getValue<std::int64_t>("id");
        const std::string path = "/api/v1/gaps/" + std::to_string(id) + "/transitions";
        call(s, "POST", path, secretary, R"({"transition":"triage","expected_version":1})");
        call(s, "POST", path, secretary, R"({"transition":"start_drafting","expected_version":2})");
        call(s, "POST", "/api/v1/gaps/" + std::to_string(id) + "/drafts", director,
             R"({"text":"متن اصلاحی","rationale":"دلایل توجیهی","expected_version":0})");
        return id;
    }
};

/// One gap per client, moved drafting ⇄ committee_review through the API: through `b`, or with the
/// clients spread over the instances listening on `ports`.
Stats httpTransitions(Bench& b, int clients, const Options& o, std::vector<int> ports = {}) {
    std::vector<std::int64_t> ids, versions;
    for (int c = 0; c < clients; ++c) ids.push_back(b.draftingGap(c)), versions.push_back(4);
    if (ports.empty()) ports.push_back(b.service->port());
    return measure(ports, clients, o.seconds, [&](Poco::Net::HTTPClientSession& s, int c, std::mt19937&) {
        const bool drafting = versions[c] % 2 == 0;
        const std::string body = std::string(R"({"transition":")") +
                                 (drafting ? "submit_for_review" : "request_revision") +
                                 R"(","expected_version":)" + std::to_string(versions[c]) +
                                 (drafting ? "}" : R"(,"comment":"بازبینی"})");
        const int status = call(s, "POST", "/api/v1/gaps/" + std::to_string(ids[c]) + "/transitions",
                                drafting ? b.director : b.secretary, body);
        if (status != 200) return false;
        ++versions[c];
        return true;
    });
}

const char* const RAW_UPDATE =
    R"(UPDATE gaps SET state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?)";
const char* const RAW_EVENT =
    R"(INSERT INTO gap_events (gap_id, sequence, at, actor_id, actor_name, client_address, type, changes,
 from_state, to_state, transition, comment, fields) VALUES (?, ?, ?, 1, 'bench', '127.0.0.1',
 'transition', '[]', ?, ?, 'submit_for_review', '', '{}'))";

/// The same UPDATE + INSERT + COMMIT through the same SQLite driver the service uses (a
/// connection opened by Poco::Data's connector, statements prepared once), with nothing around it.
Stats rawSqliteTransitions(Bench& b, int clients, const Options& o) {
    std::vector<std::int64_t> ids, versions;
    std::vector<std::unique_ptr<SqliteConnection>> connections;
    for (int c = 0; c < clients; ++c) {
        ids.push_back(b.draftingGap(1000 + c));
        versions.push_back(4);  // drafting, with its first draft
        auto connection = std::make_unique<SqliteConnection>(b.dbPath);
        connection->execute("PRAGMA busy_timeout = 10000");
        connection->execute("PRAGMA synchronous = FULL");
        connections.push_back(std::move(connection));
    }
    return measure(0, clients, o.seconds, [&](Poco::Net::HTTPClientSession&, int c, std::mt19937&) {
        SqliteConnection& s = *connections[c];
        const std::string to = versions[c] % 2 == 0 ? "committee_review" : "drafting";
        const std::string from = versions[c] % 2 == 0 ? "drafting" : "committee_review";
        s.execute("BEGIN IMMEDIATE");
        if (s.prepare(RAW_UPDATE).bind(to).bind(std::int64_t{1}).bind(ids[c]).bind(versions[c]).run() != 1) {
            s.execute("ROLLBACK");
            return false;
        }
        s.prepare(RAW_EVENT)
            .bind(ids[c])
            .bind(versions[c] + 1)
            .bind(std::int64_t{1})
            .bind(from)
            .bind(to)
            .run();
        s.execute("COMMIT");
        ++versions[c];
        return true;
    });
}

/// The same UPDATE + INSERT + COMMIT straight through MySQL Connector/C++.
Stats rawMysqlTransitions(Bench& b, const StoreSettings& store, int clients, const Options& o) {
    std::vector<std::int64_t> ids, versions;
    std::vector<std::unique_ptr<sql::Connection>> connections;
    std::vector<std::unique_ptr<sql::PreparedStatement>> updates, events;
    std::vector<std::unique_ptr<sql::Statement>> plain;
    auto* driver = sql::mysql::get_mysql_driver_instance();
    for (int c = 0; c < clients; ++c) {
        ids.push_back(b.draftingGap(1000 + c));
        versions.push_back(4);  // drafting, with its first draft
        connections.push_back(MysqlDatabase::openConnection(store.mysql, true));
        plain.emplace_back(connections.back()->createStatement());
        plain.back()->execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
        updates.emplace_back(connections.back()->prepareStatement(RAW_UPDATE));
        events.emplace_back(connections.back()->prepareStatement(RAW_EVENT));
    }
    Stats s = measure(0, clients, o.seconds, [&](Poco::Net::HTTPClientSession&, int c, std::mt19937&) {
        driver->threadInit();
        const std::string to = versions[c] % 2 == 0 ? "committee_review" : "drafting";
        const std::string from = versions[c] % 2 == 0 ? "drafting" : "committee_review";
        plain[c]->execute("START TRANSACTION");
        updates[c]->setString(1, to);
        updates[c]->setInt64(2, 1);
        updates[c]->setInt64(3, ids[c]);
        updates[c]->setInt64(4, versions[c]);
        if (updates[c]->executeUpdate() != 1) {
            plain[c]->execute("ROLLBACK");
            return false;
        }
        events[c]->setInt64(1, ids[c]);
        events[c]->setInt64(2, versions[c] + 1);
        events[c]->setInt64(3, 1);
        events[c]->setString(4, from);
        events[c]->setString(5, to);
        events[c]->executeUpdate();
        plain[c]->execute("COMMIT");
        ++versions[c];
        return true;
    });
    return s;
}

std::string gunzipped(const Fetched& f) {
    if (f.contentEncoding != "gzip") return f.body;
    std::istringstream packed(f.body);
    Poco::InflatingInputStream in(packed, Poco::InflatingStreamBuf::STREAM_GZIP);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    return text;
}

/// The pages beside the JSON of the same records (16 clients, a browser's gzip), and what a person's
/// browser transfers on a first visit to the desk with a cold cache and on a later page.
/// Pages fetched as a signed-in person's browser does (session cookie, gzip) by 16 clients, with the
/// service's own time per page (Server-Timing) gathered while they run: the latency the clients see also
/// holds their own turn for the two cores.
class PageLoad {
public:
    PageLoad(int port, const std::string& token, const Options& o)
        : _port(port),
          _o(o),
          _browser({{"Cookie", "lacuna_session=" + token}, {"Accept-Encoding", "gzip, deflate, br"}}) {}

    /// A measurement of `path` (for medianOf).
    std::function<Stats()> operator()(const std::string& path) {
        return [this, path] {
            return measure(_port, 16, _o.seconds, [&](Poco::Net::HTTPClientSession& s, int, std::mt19937&) {
                const Fetched f = fetch(s, path, _browser);
                if (f.serverMs >= 0) {
                    const std::lock_guard<std::mutex> lock(_mutex);
                    _serverMs[path].push_back(f.serverMs);
                }
                return f.status == 200 || f.status == 204;  // 204: the live tally, unchanged
            });
        };
    }

    std::string serverP95(const std::string& path) {
        std::vector<double>& v = _serverMs[path];
        if (v.empty()) return std::string("none measured");
        std::sort(v.begin(), v.end());
        return "server time p95 " + fmt(v[v.size() * 95 / 100], 2) + " ms, p50 " + fmt(v[v.size() / 2], 2) +
               " ms";
    }

    /// A row: the page's server time p95 against the target, with what the clients saw.
    void row(const std::string& name, const std::string& path, const std::string& target = "p95 ≤ 10 ms") {
        const Stats seen = medianOf(_o.runs, (*this)(path));
        // An answer without Server-Timing (a bodiless 204, the calendar feed) is measured as the clients see
        // it.
        if (_serverMs[path].empty())
            addFigure(name,
                      "seen by the clients (no Server-Timing): p95 " + fmt(seen.p95Ms, 2) + " ms, " +
                          describe(seen),
                      target);
        else
            addFigure(name, serverP95(path) + " (seen by the clients: p95 " + fmt(seen.p95Ms, 2) + " ms)",
                      target);
    }

    const std::map<std::string, std::string>& browser() const { return _browser; }

private:
    int _port;
    const Options& _o;
    std::map<std::string, std::string> _browser;
    std::mutex _mutex;
    std::map<std::string, std::vector<double>> _serverMs;
};

void benchPages(const std::string& label, int port, const std::string& token, std::int64_t gap,
                const Options& o) {
    PageLoad page(port, token, o);
    const auto& browser = page.browser();
    const auto serverP95 = [&](const std::string& path) { return page.serverP95(path); };
    const auto json = [&](const std::string& path) {
        return [&, path] {
            return measure(port, 16, o.seconds, [&](Poco::Net::HTTPClientSession& s, int, std::mt19937&) {
                return call(s, "GET", path, token) == 200;
            });
        };
    };
    const std::string gapPath = "/gaps/" + std::to_string(gap);
    const Stats listPage = medianOf(o.runs, page("/gaps"));
    addRatio(label + ": gap list page (20 rows) vs GET /api/v1/gaps?limit=20, 16 clients", listPage,
             medianOf(o.runs, json("/api/v1/gaps?limit=20")), 0.70);
    addFigure(label + ": gap list page (20 rows), 16 clients",
              serverP95("/gaps") + " (seen by the clients: p95 " + fmt(listPage.p95Ms, 2) + " ms)",
              "p95 ≤ 10 ms");
    addFigure(
        label +
            ": the list's counts per state (the page's second request; each count stops at 1,001), 16 clients",
        describe(medianOf(o.runs, page("/gaps/counts"))));
    // A gap's page shows the gap, its history and its drafts (the similar gaps come after it, from their own
    // request): the same data through JSON is three requests, counted here as one view.
    const std::string apiGap = "/api/v1" + gapPath;
    const Stats gapPage = medianOf(o.runs, page(gapPath));
    const Stats gapJson = medianOf(o.runs, [&] {
        return measure(port, 16, o.seconds, [&](Poco::Net::HTTPClientSession& c, int, std::mt19937&) {
            return call(c, "GET", apiGap, token) == 200 &&
                   call(c, "GET", apiGap + "/history", token) == 200 &&
                   call(c, "GET", apiGap + "/drafts", token) == 200;
        });
    });
    addRatio(label + ": gap page vs the same data as JSON (gap + history + drafts, 3 requests), 16 clients",
             gapPage, gapJson, 0.70);
    addFigure(label + ": gap page, 16 clients",
              serverP95(gapPath) + " (seen by the clients: p95 " + fmt(gapPage.p95Ms, 2) + " ms)",
              "p95 ≤ 10 ms");
    addRatio(label + ": gap page vs GET /api/v1/gaps/{id} alone, 16 clients", gapPage,
             medianOf(o.runs, json(apiGap)), 0.0);
    addFigure(label + ": a gap's similar gaps (the page's second request), 16 clients",
              describe(medianOf(o.runs, page(gapPath + "/similar"))));
    Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port));
    const Fetched desk = fetch(s, "/", browser);
    std::size_t firstVisit = desk.bytes;
    std::set<std::string> fetched;
    const auto take = [&](const std::string& text, const std::regex& pattern) {
        std::vector<std::string> found;
        for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it)
            if (fetched.insert((*it)[1]).second) found.push_back((*it)[1]);
        return found;
    };
    for (const std::string& asset : take(gunzipped(desk), std::regex("(?:href|src)=\"(/static/[^\"]+)\""))) {
        const Fetched f = fetch(s, asset, browser);
        firstVisit += f.bytes;
        // A stylesheet's fonts: both weights are used on the desk (text and headings).
        if (asset.find(".css") != std::string::npos)
            for (const std::string& font : take(gunzipped(f), std::regex("url\\((/static/[^)]+)\\)")))
                firstVisit += fetch(s, font, browser).bytes;
    }
    addFigure(label + ": first visit to the desk, cold cache (" + std::to_string(fetched.size() + 1) +
                  " requests: page, styles, scripts, fonts)",
              fmt(firstVisit / 1024.0, 1) + " KB", "≤ 250 KB");
    addFigure(label + ": a later page, the gap list (20 rows), scripts and fonts cached",
              fmt(fetch(s, "/gaps", browser).bytes / 1024.0, 1) + " KB", "≤ 30 KB");
    addFigure(label + ": a later page, a gap's page",
              fmt(fetch(s, gapPath, browser).bytes / 1024.0, 1) + " KB", "≤ 30 KB");
}

/// The ids in an answer's `items` (a list from the JSON API).
std::vector<std::int64_t> itemIds(const std::string& body) {
    Poco::JSON::Parser parser;
    const auto items = parser.parse(body).extract<Poco::JSON::Object::Ptr>()->getArray("items");
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < items->size(); ++i)
        ids.push_back(items->getObject(i)->getValue<std::int64_t>("id"));
    return ids;
}

/// The id in a created record's answer (`{"id": …}`, or the ruling inside `{"ruling": {…}}`).
std::int64_t createdId(const std::string& body) {
    Poco::JSON::Parser parser;
    const auto o = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    return o->has("ruling") ? o->getObject("ruling")->getValue<std::int64_t>("id")
                            : o->getValue<std::int64_t>("id");
}

/// The committee's, the Majlis's and the courts' pages over a big store: the records those pages list are
/// added through the API first (meetings with agendas of waiting gaps, bills from endorsed gaps, rulings on
/// one article, opinions), then each page is read by 16 clients as the secretary.
void benchRecordPages(const std::string& label, int port, const Options& o) {
    Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port));
    const std::string secretary = Bench::login(s, "secretary");
    const std::string director = Bench::login(s, "tehran.director");
    const std::string liaison = Bench::login(s, "liaison");
    std::string body;
    const auto require = [&](int status, int expected, const std::string& what) {
        if (status != expected) throw std::runtime_error(what + ": " + std::to_string(status) + " " + body);
    };
    const auto create = [&](const std::string& path, const std::string& token, const std::string& json) {
        require(call(s, "POST", path, token, json, &body), 201, path);
        return createdId(body);
    };
    require(call(s, "GET", "/api/v1/gaps?state=committee_review&limit=100", secretary, "", &body), 200,
            "waiting");
    const std::vector<std::int64_t> waiting = itemIds(body);
    const std::int64_t now = Poco::Timestamp().epochMicroseconds() / 1000;
    std::int64_t meeting = 0;
    for (int m = 0; m < 20; ++m) {
        std::string agenda;
        for (int k = 0; k < 5 && m * 5 + k < static_cast<int>(waiting.size()); ++k)
            agenda += (agenda.empty() ? "" : ",") + std::to_string(waiting[m * 5 + k]);
        Poco::Timestamp at((now + (m - 10) * 86400000LL) * 1000);
        const std::int64_t id =
            create("/api/v1/meetings", secretary,
                   R"({"scheduled_at":")" + Poco::DateTimeFormatter::format(at, "%Y-%m-%dT%H:%M:%SZ") +
                       R"(","place":"تهران، ساختمان شورا","agenda":[)" + agenda + "]}");
        if (m == 10) meeting = id;
    }
    require(call(s, "GET", "/api/v1/gaps?state=endorsed&limit=40", liaison, "", &body), 200, "endorsed");
    const std::vector<std::int64_t> endorsed = itemIds(body);
    std::int64_t bill = 0;
    for (std::size_t b = 0; b + 1 < endorsed.size(); b += 2) {
        bill = create("/api/v1/bills", liaison,
                      R"({"title":"لایحه اصلاح قانون شهرداری )" + std::to_string(b) +
                          R"(","channel":"government_bill","lead_commission":"کمیسیون قضایی و حقوقی",)"
                          R"("urgency":"ordinary","gaps":[)" +
                          std::to_string(endorsed[b]) + "," + std::to_string(endorsed[b + 1]) + "]}");
    }
    std::int64_t ruling = 0;
    for (int r = 0; r < 30; ++r) {
        ruling = create(
            "/api/v1/rulings", director,
            R"({"court":"دیوان عدالت اداری","number":"14050)" + std::to_string(1000 + r) +
                R"(","decided_on":"1405-08-12","municipality":"tehran","outcome":")" +
                (r % 3 ? "adverse" : "favourable") +
                R"(","summary":"ابطال مصوبه عوارض","provisions":[{"law":"قانون شهرداری","article":"ماده 7"}]})");
    }
    std::int64_t opinion = 0;
    for (int q = 0; q < 30; ++q) {
        opinion = create("/api/v1/opinions", director,
                         R"({"title":"استعلام درباره عوارض )" + std::to_string(q) +
                             R"(","question":"آیا وصول عوارض پیش از صدور پروانه مجاز است؟",)"
                             R"("provisions":[{"law":"قانون شهرداری","article":"ماده 7"}]})");
    }
    require(call(s, "POST", "/api/v1/me/calendar-feed", secretary, "{}", &body), 201, "feed");
    Poco::JSON::Parser parser;
    const std::string feed =
        parser.parse(body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("path");

    PageLoad page(port, secretary, o);
    const std::string provision = "/provisions/" + encodePathSegment("قانون شهرداری — ماده 7");
    page.row(label + ": the meetings calendar (this month, 20 meetings), 16 clients", "/meetings");
    page.row(label + ": a meeting's page (agenda of 5 with tallies), 16 clients",
             "/meetings/" + std::to_string(meeting));
    page.row(label + ": a meeting's agenda page (the 50 gaps waiting longest), 16 clients",
             "/meetings/" + std::to_string(meeting) + "/agenda");
    page.row(label + ": a meeting's live tally, nothing changed (204), 16 clients",
             "/meetings/" + std::to_string(meeting) + "/tally?version=1");
    page.row(label + ": the minutes, 16 clients", "/meetings/" + std::to_string(meeting) + "/minutes");
    page.row(label + ": the bills board, 16 clients", "/bills");
    page.row(label + ": a bill's page, 16 clients", "/bills/" + std::to_string(bill));
    page.row(label + ": a bill's dossier, 16 clients", "/bills/" + std::to_string(bill) + "/dossier");
    page.row(label + ": the rulings registry (30), 16 clients", "/rulings");
    page.row(label + ": a ruling's page, 16 clients", "/rulings/" + std::to_string(ruling));
    page.row(
        label + ": a provision's page (the newest 20 of its ~8,300 gaps, 10 of its 30 rulings), 16 clients",
        provision);
    page.row(label + ": the opinions list, 16 clients", "/opinions");
    page.row(label + ": an opinion's page, 16 clients", "/opinions/" + std::to_string(opinion));
    PageLoad anyone(port, "", o);
    anyone.row(label + ": the secretary's calendar feed (meetings and deadlines), 16 clients", feed);
}

void benchBackend(const std::string& label, const StoreSettings& store, const Options& o) {
    Bench b(store);
    const int port = b.service->port();
    const std::int64_t gap = b.draftingGap(0);

    if (store.backend == "sqlite") {
        // GET /gaps/{id} against a bare Poco server answering the same bytes with the same parameters.
        std::string gapBody;
        {
            Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port));
            call(s, "GET", "/api/v1/gaps/" + std::to_string(gap), b.director, "", &gapBody);
        }
        ServerConfig serverConfig = b.service->config().server;
        Poco::ThreadPool pool(4, serverConfig.threads);
        Poco::Net::HTTPServer bare(new FixedFactory(gapBody), pool,
                                   Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0)),
                                   serverParams(serverConfig));
        bare.start();
        const auto getGap = [&](int p) {
            return [&, p] {
                return measure(p, 16, o.seconds, [&](Poco::Net::HTTPClientSession& s, int, std::mt19937&) {
                    return call(s, "GET", "/api/v1/gaps/" + std::to_string(gap), b.director) == 200;
                });
            };
        };
        // The same fixed answer through the service's own front (the gate and its workers).
        HttpFront front(new FixedFactory(gapBody), serverConfig);
        front.start(Poco::Net::ServerSocket(Poco::Net::SocketAddress("127.0.0.1", 0)));
        const Stats baseline = medianOf(o.runs, getGap(bare.port()));
        const Stats fronted = medianOf(o.runs, getGap(front.port()));
        const Stats measured = medianOf(o.runs, getGap(port));
        bare.stopAll(true);
        front.stop();
        addRatio("fixed answer, 16 clients: HttpFront vs bare Poco server", fronted, baseline, 0.80);
        addRatio("GET /gaps/{id}, 16 clients, vs bare Poco server (" + std::to_string(gapBody.size()) + " B)",
                 measured, baseline, 0.70);
    }

    for (int clients : {1, 16}) {
        const Stats measured = medianOf(o.runs, [&] { return httpTransitions(b, clients, o); });
        const Stats raw = medianOf(o.runs, [&] {
            return store.backend == "sqlite" ? rawSqliteTransitions(b, clients, o)
                                             : rawMysqlTransitions(b, store, clients, o);
        });
        addRatio(
            label + ": transition, " + std::to_string(clients) + " client(s), vs raw UPDATE+INSERT+COMMIT",
            measured, raw, 0.80);
    }

    std::atomic<int> created{0};
    const auto createGaps = [&](const std::map<std::string, std::string>& headers) {
        return medianOf(o.runs, [&] {
            return measure(port, 16, o.seconds, [&](Poco::Net::HTTPClientSession& s, int, std::mt19937&) {
                return call(
                           s, "POST", "/api/v1/gaps", b.director,
                           R"({"title":"تعارض قوانین در تملک اراضی )" + std::to_string(created++) +
                               R"(","description":"شرح تعارض ماده ۱۰۰ قانون شهرداری با قانون ساماندهی","kind":"conflict","category":"land"})",
                           nullptr, headers) == 201;
            });
        });
    };
    const Stats create = createGaps({});
    const double createTarget = store.backend == "sqlite" ? 2500 : 2000;
    addFigure(label + ": create gap, 16 clients", describe(create),
              "≥ " + fmt(createTarget) + " req/s" +
                  (create.requestsPerSecond >= createTarget ? " met" : " MISSED"));
    // The same reports by a client that prefers a minimal answer: the gap without its similar open gaps.
    addRatio(label + ": create gap with Prefer: return=minimal (no similar gaps) vs create gap, 16 clients",
             createGaps({{"Prefer", "return=minimal"}}), create, 0);
    for (int clients : {1, 16}) {
        const Stats list = medianOf(o.runs, [&] {
            return measure(
                port, clients, o.seconds, [&](Poco::Net::HTTPClientSession& s, int, std::mt19937&) {
                    return call(s, "GET", "/api/v1/gaps?state=reported&municipality=tehran&limit=20",
                                b.director) == 200;
                });
        });
        addFigure(label + ": filtered list page (20), " + std::to_string(clients) + " client(s)",
                  describe(list));
    }
    Poco::URI search("/api/v1/gaps");
    search.addQueryParameter("q", "تملک اراضی");
    search.addQueryParameter("limit", "20");
    const Stats q = medianOf(o.runs, [&] {
        return measure(port, 16, o.seconds, [&](Poco::Net::HTTPClientSession& s, int, std::mt19937&) {
            return call(s, "GET", search.toString(), b.director) == 200;
        });
    });
    addFigure(label + ": q search, 16 clients (" + std::to_string(created.load()) + " gaps)", describe(q));
    if (store.backend == "sqlite") benchPages(label, port, b.director, gap, o);
}

const std::vector<std::string> WORDS = {"قانون",     "شهرداری",
                                        "عوارض",     "نوسازی",
                                        "تملک",      "اراضی",
                                        "کمیسیون",   "ماده",
                                        "تبصره",     "دیوان",
                                        "عدالت",     "اداری",
                                        "رأی",       "ابطال",
                                        "مصوبه",     "شورای",
                                        "اسلامی",    "شهر",
                                        "پروانه",    "ساختمان",
                                        "تخلف",      "تغییر",
                                        "کاربری",    "طرح",
                                        "تفصیلی",    "جامع",
                                        "حریم",      "محدوده",
                                        "قرارداد",   "مناقصه",
                                        "مزایده",    "آیین‌نامه",
                                        "مالی",      "معاملات",
                                        "کارکنان",   "استخدام",
                                        "بازنشستگی", "حمل‌ونقل",
                                        "ترافیک",    "پسماند",
                                        "محیط",      "زیست",
                                        "فضای",      "سبز",
                                        "درختان",    "سند",
                                        "مالکیت",    "ثبت",
                                        "اسناد",     "دادگاه",
                                        "تجدیدنظر",  "اجرای",
                                        "احکام",     "خسارت",
                                        "تأخیر",     "تأدیه",
                                        "بودجه",     "درآمد",
                                        "پایدار",    "مالیات",
                                        "ارزش",      "افزوده",
                                        "مسکن",      "نهضت",
                                        "ملی",       "بافت",
                                        "فرسوده",    "معابر",
                                        "تعریض"};

std::string sentence(std::mt19937& random, int words) {
    std::string out;
    for (int i = 0; i < words; ++i) out += (i ? " " : "") + WORDS[random() % WORDS.size()];
    return out;
}

long readKilobytes(int pid, const std::string& field) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
    return -1;
}

/// One batch of the million-gap data set: the rows the service would have written for its gaps (the gap,
/// its provision, its search postings, its ten events), column by column.
struct BigBatch {
    std::vector<Poco::Int64> id, rank, conf, lawsuits, exposure, version, createdAt;
    std::vector<std::string> reference, title, description, search, kind, category, city, priority, state;
    std::vector<Poco::Int64> eGap, eSeq, eAt;
    std::vector<std::string> eType, eChanges, eFrom, eTo, eTransition;
    std::vector<Poco::Int64> pGap, pPos;
    std::vector<std::string> pLaw, pArticle, provisionsText, pKey;
    std::vector<std::string> sTerm;
    std::vector<Poco::Int64> sDoc, sWeight;
};

/// The data set's gaps [from, to) drawn from `random`: the same seed gives both backends the same rows.
BigBatch bigBatch(std::mt19937& random, long long from, long long to) {
    static const std::vector<std::string> cities = {"tehran", "mashhad", "isfahan", "karaj",
                                                    "shiraz", "tabriz",  "qom",     "ahvaz"};
    static const std::vector<std::string> kinds = {"vacuum", "ambiguity", "conflict", "obsolete", "obstacle"};
    static const std::vector<std::string> categories = {"fees",      "planning",    "land",
                                                        "contracts", "property",    "personnel",
                                                        "transport", "environment", "other"};
    static const std::vector<std::string> priorities = {"low", "normal", "high", "urgent"};
    static const std::vector<std::string> path10 = {
        "reported",         "triaged",  "drafting",         "committee_review", "drafting",
        "committee_review", "drafting", "committee_review", "endorsed",         "in_parliament"};
    BigBatch b;
    for (long long k = from; k < to; ++k) {
        const Poco::Int64 gapId = k + 1;
        const int final = static_cast<int>(random() % 10);
        b.id.push_back(gapId);
        b.reference.push_back(Poco::format("G-1405-%07Ld", gapId));
        GapFields f;
        f.title = sentence(random, 6 + static_cast<int>(random() % 5));
        f.description = sentence(random, 30 + static_cast<int>(random() % 30));
        if (random() % 10000 == 0) f.description += " زلزله";  // a rare word: about 1 gap in 10,000
        b.title.push_back(f.title);
        b.description.push_back(f.description);
        b.search.push_back(gapSearchText(f));
        b.kind.push_back(kinds[random() % kinds.size()]);
        b.category.push_back(categories[random() % categories.size()]);
        b.city.push_back(cities[random() % cities.size()]);
        b.priority.push_back(priorities[random() % priorities.size()]);
        b.rank.push_back(gapvalues::priorityRank(b.priority.back()));
        b.conf.push_back(random() % 20 == 0);
        b.lawsuits.push_back(random() % 50);
        b.exposure.push_back(static_cast<Poco::Int64>(random() % 1000) * 1000000000LL);
        b.state.push_back(path10[final]);
        b.version.push_back(10);
        b.createdAt.push_back(1700000000000LL + gapId * 1000);
        b.pGap.push_back(gapId);
        b.pPos.push_back(0);
        b.pLaw.push_back("قانون شهرداری");
        b.pArticle.push_back("ماده " + std::to_string(random() % 120));
        b.provisionsText.push_back(provisionsJson({{b.pLaw.back(), b.pArticle.back()}}));
        b.pKey.push_back(provisionKey({b.pLaw.back(), b.pArticle.back()}));
        for (const TermWeight& t : documentTerms(f.title, f.description)) {
            b.sTerm.push_back(t.term);
            b.sDoc.push_back(gapId);
            b.sWeight.push_back(t.weight);
        }
        for (int e = 1; e <= 10; ++e) {
            b.eGap.push_back(gapId);
            b.eSeq.push_back(e);
            b.eAt.push_back(b.createdAt.back() + e);
            b.eType.push_back(e == 1 ? "created" : "transition");
            b.eChanges.push_back(e == 1 ? R"([{"field":"title","old":null,"new":"…"}])" : "[]");
            b.eFrom.push_back(e == 1 ? "" : path10[(e - 2) % 10]);
            b.eTo.push_back(e == 10 ? path10[final] : path10[(e - 1) % 10]);
            b.eTransition.push_back(e == 1 ? "" : "submit_for_review");
        }
    }
    return b;
}

constexpr int BIG_BATCH = 5000;

// The data set's statements, the same on both backends (the constant columns written in place).
const char* const BIG_GAPS =
    "INSERT INTO gaps (id, reference, title, description, search_text, kind, category, municipality, priority, "
    "priority_rank, confidential, pending_lawsuits, exposure_rials, state, version, created_by, created_at, "
    "updated_at, provisions) VALUES ";
const char* const BIG_GAP_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)";
const char* const BIG_PROVISIONS =
    "INSERT INTO gap_provisions (gap_id, position, law, article, provision_key) VALUES ";
const char* const BIG_PROVISION_ROW = "(?, ?, ?, ?, ?)";
const char* const BIG_POSTINGS = "INSERT INTO search_postings (term, doc_type, doc_id, weight) VALUES ";
const char* const BIG_POSTING_ROW = "(?, 'gap', ?, ?)";
const char* const BIG_EVENTS =
    "INSERT INTO gap_events (gap_id, sequence, at, actor_id, actor_name, client_address, type, changes, "
    "from_state, to_state, transition, comment, fields) VALUES ";
const char* const BIG_EVENT_ROW = "(?, ?, ?, 1, 'tehran.director', '10.0.0.1', ?, ?, ?, ?, ?, '', '{}')";

/// The people the data set's pages are read by (the director is user 1, every gap's reporter).
void createBigUsers(const StoreSettings& settings) {
    auto store = openStore(settings);
    const std::string hash = PasswordHasher().hash(PASSWORD);
    const RecordEvent created = recordEvent(Principal{}, "user", 0, "created", "", 0);
    store->users().create(User{0, "tehran.director", hash, "tehran", {"legal_director"}, 0}, created);
    store->users().create(User{0, "secretary", hash, std::nullopt, {"committee_secretary"}, 0}, created);
    store->users().create(User{0, "liaison", hash, std::nullopt, {"liaison_officer"}, 0}, created);
}

/// Writes the data set into the SQLite store at `path`: Poco::Data's bulk binding, a transaction per batch.
void loadBigSqlite(const std::string& path, long long gaps) {
    Poco::Data::Session s("SQLite", path);
    s << "PRAGMA journal_mode = WAL", now;
    s << "PRAGMA synchronous = NORMAL", now;  // generation only; the service runs with FULL
    std::mt19937 random(1405);
    // The weight-ordered index is built once at the end: faster than keeping it while loading.
    s << "DROP INDEX search_postings_by_weight", now;
    for (long long done = 0; done < gaps; done += BIG_BATCH) {
        BigBatch b = bigBatch(random, done, std::min<long long>(done + BIG_BATCH, gaps));
        s << "BEGIN", now;
        s << std::string(BIG_GAPS) + BIG_GAP_ROW, use(b.id), use(b.reference), use(b.title),
            use(b.description), use(b.search), use(b.kind), use(b.category), use(b.city), use(b.priority),
            use(b.rank), use(b.conf), use(b.lawsuits), use(b.exposure), use(b.state), use(b.version),
            use(b.createdAt), use(b.createdAt), use(b.provisionsText), now;
        s << std::string(BIG_PROVISIONS) + BIG_PROVISION_ROW, use(b.pGap), use(b.pPos), use(b.pLaw),
            use(b.pArticle), use(b.pKey), now;
        s << std::string(BIG_POSTINGS) + BIG_POSTING_ROW, use(b.sTerm), use(b.sDoc), use(b.sWeight), now;
        s << std::string(BIG_EVENTS) + BIG_EVENT_ROW, use(b.eGap), use(b.eSeq), use(b.eAt), use(b.eType),
            use(b.eChanges), use(b.eFrom), use(b.eTo), use(b.eTransition), now;
        s << "COMMIT", now;
    }
    s << "CREATE INDEX search_postings_by_weight ON search_postings(term, doc_type, weight, doc_id)", now;
    s << "ANALYZE", now;
    s << "PRAGMA wal_checkpoint(TRUNCATE)", now;
}

/// One column of a multi-row INSERT's rows: integers or texts.
struct BulkColumn {
    const std::vector<Poco::Int64>* ints = nullptr;
    const std::vector<std::string>* texts = nullptr;
    BulkColumn(const std::vector<Poco::Int64>& v) : ints(&v) {}
    BulkColumn(const std::vector<std::string>& v) : texts(&v) {}
};

/// INSERTs `columns`' rows through Connector/C++ as multi-row statements of 500 rows (the full-size one
/// prepared once per call) and one for the rest.
void insertRows(sql::Connection& c, const std::string& head, const std::string& row,
                const std::vector<BulkColumn>& columns) {
    constexpr std::size_t PER_STATEMENT = 500;
    const std::size_t rows = columns[0].ints ? columns[0].ints->size() : columns[0].texts->size();
    const auto prepare = [&](std::size_t n) {
        std::string sql = head;
        for (std::size_t k = 0; k < n; ++k) sql += (k ? "," : "") + row;
        return std::unique_ptr<sql::PreparedStatement>(c.prepareStatement(sql));
    };
    std::unique_ptr<sql::PreparedStatement> full, last;
    for (std::size_t from = 0; from < rows; from += PER_STATEMENT) {
        const std::size_t n = std::min(PER_STATEMENT, rows - from);
        sql::PreparedStatement& st =
            *(n == PER_STATEMENT ? (full ? full : full = prepare(n)) : (last = prepare(n)));
        int p = 1;
        for (std::size_t k = from; k < from + n; ++k)
            for (const BulkColumn& col : columns)
                if (col.ints)
                    st.setInt64(p++, (*col.ints)[k]);
                else
                    st.setString(p++, (*col.texts)[k]);
        st.executeUpdate();
    }
}

/// Writes the same data set into a MariaDB database: multi-row prepared INSERTs, a transaction per batch,
/// the weight-ordered postings index built at the end, then ANALYZE TABLE.
void loadBigMariadb(MysqlSettings settings, long long gaps) {
    settings.readTimeoutSeconds = 3600;  // building an index over 40 million postings is one statement
    const auto c = MysqlDatabase::openConnection(settings, true);
    execute(*c, "SET unique_checks = 0, foreign_key_checks = 0");  // generation only: the rows are consistent
    execute(*c, "DROP INDEX search_postings_by_weight ON search_postings");
    c->setAutoCommit(false);
    std::mt19937 random(1405);
    for (long long done = 0; done < gaps; done += BIG_BATCH) {
        const BigBatch b = bigBatch(random, done, std::min<long long>(done + BIG_BATCH, gaps));
        insertRows(*c, BIG_GAPS, BIG_GAP_ROW,
                   {b.id, b.reference, b.title, b.description, b.search, b.kind, b.category, b.city,
                    b.priority, b.rank, b.conf, b.lawsuits, b.exposure, b.state, b.version, b.createdAt,
                    b.createdAt, b.provisionsText});
        insertRows(*c, BIG_PROVISIONS, BIG_PROVISION_ROW, {b.pGap, b.pPos, b.pLaw, b.pArticle, b.pKey});
        insertRows(*c, BIG_POSTINGS, BIG_POSTING_ROW, {b.sTerm, b.sDoc, b.sWeight});
        insertRows(*c, BIG_EVENTS, BIG_EVENT_ROW,
                   {b.eGap, b.eSeq, b.eAt, b.eType, b.eChanges, b.eFrom, b.eTo, b.eTransition});
        c->commit();
    }
    c->setAutoCommit(true);
    execute(*c, "CREATE INDEX search_postings_by_weight ON search_postings(term, doc_type, weight, doc_id)");
    execute(*c, "ANALYZE TABLE gaps, gap_provisions, gap_events, search_postings");
}

/// 1000000 as "1,000,000".
std::string grouped(long long n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t k = 0; k < digits.size(); ++k) {
        if (k && (digits.size() - k) % 3 == 0) out += ',';
        out += digits[k];
    }
    return out;
}

/// `url` (mysql://…/DATABASE[?…]) with another database.
std::string withDatabase(const std::string& url, const std::string& database) {
    const std::size_t slash = url.find('/', url.find("://") + 3);
    const std::size_t query = url.find('?', slash);
    return url.substr(0, slash + 1) + database + (query == std::string::npos ? "" : url.substr(query));
}

void measureBig(const std::string& label, const std::string& db, const std::string& dir, const Options& o);

/// The million-gap data set on SQLite (a store file of its own) and, given --mysql, on MariaDB (a database
/// of its own on that server): the same rows written straight into the store, then `lacuna serve` started
/// on each as a separate process and measured alike.
void benchBig(const Options& o) {
    const std::string dir = Poco::TemporaryFile::tempName();
    Poco::File(dir).createDirectories();
    const std::string path = dir + "/big.db";
    const std::string count = grouped(o.bigGaps) + " gaps, " + grouped(o.bigGaps * 10) + " events";
    {
        StoreSettings settings;
        settings.backend = "sqlite";
        settings.sqlitePath = path;
        createBigUsers(settings);
        const auto genStart = std::chrono::steady_clock::now();
        loadBigSqlite(path, o.bigGaps);
        addFigure("SQLite, data: " + count,
                  fmt(std::chrono::duration<double>(std::chrono::steady_clock::now() - genStart).count()) +
                      " s to generate, " + fmt(Poco::File(path).getSize() / 1048576.0) + " MiB");
    }
    measureBig("SQLite, " + grouped(o.bigGaps) + " gaps", "sqlite:" + path, dir, o);
    if (o.keep)
        std::cerr << "kept the data set in " << path << std::endl;
    else
        Poco::File(path).remove();  // before MariaDB's: both at once need twice the disk
    if (o.mysqlUrl.empty()) {
        if (!o.keep) Poco::File(dir).remove(true);
        return;
    }
    StoreSettings settings = mysqlStore(o.mysqlUrl);
    const std::string name = "lacuna_big_" + std::to_string(Poco::Process::id());
    const auto admin = MysqlDatabase::openConnection(settings.mysql, false);
    // A server that holds a million gaps is given the memory for them: 6 GiB of buffer pool (SQLite, in
    // the same run, has the operating system's page cache).
    execute(*admin, "SET GLOBAL innodb_buffer_pool_size = 6442450944");
    execute(*admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    settings.mysql.database = name;
    createBigUsers(settings);
    const auto genStart = std::chrono::steady_clock::now();
    loadBigMariadb(settings.mysql, o.bigGaps);
    std::unique_ptr<sql::ResultSet> size(
        std::unique_ptr<sql::Statement>(admin->createStatement())
            ->executeQuery("SELECT SUM(data_length + index_length) FROM "
                           "information_schema.tables WHERE table_schema = '" +
                           name + "'"));
    size->next();
    addFigure("MariaDB, data: " + count,
              fmt(std::chrono::duration<double>(std::chrono::steady_clock::now() - genStart).count()) +
                  " s to generate, " + fmt(static_cast<double>(size->getInt64(1)) / 1048576.0) + " MiB");
    measureBig("MariaDB, " + grouped(o.bigGaps) + " gaps", withDatabase(o.mysqlUrl, name), dir, o);
    if (o.keep)
        std::cerr << "kept the data set in the database " << name << std::endl;
    else
        execute(*admin, "DROP DATABASE " + name);
    if (!o.keep) Poco::File(dir).remove(true);
}

/// Starts `lacuna serve` on the data set in `db` and measures it: cold start, list and search latency,
/// the pages, peak RSS.
void measureBig(const std::string& label, const std::string& db, const std::string& dir, const Options& o) {
    const auto start = std::chrono::steady_clock::now();
    test::ServiceProcess service({"--db", db},
                                 {{"LACUNA_ADMIN_PASSWORD", "admin password 1"}, {"LACUNA_DATA_DIR", dir}});
    const double coldMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    addFigure(label + ": cold start on it (launch to listening; page cache as left by the generator)",
              fmt(coldMs) + " ms", "≤ 1000 ms");
    Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(service.port()));
    const std::string token = Bench::login(s, "secretary");
    std::string firstPage;
    call(s, "GET", "/api/v1/gaps?limit=20", token, "", &firstPage);
    Poco::JSON::Parser parser;
    const std::string cursor =
        parser.parse(firstPage).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("next_cursor");
    const auto p95 = [&](const std::string& name, const std::string& target, std::vector<std::string> paths) {
        const Stats st = medianOf(o.runs, [&] {
            return measure(service.port(), 4, o.seconds,
                           [&](Poco::Net::HTTPClientSession& c, int, std::mt19937& r) {
                               return call(c, "GET", paths[r() % paths.size()], token) == 200;
                           });
        });
        addFigure(label + ": " + name,
                  "p95 " + fmt(st.p95Ms, 2) + " ms (p50 " + fmt(st.p50Ms, 2) + ", " +
                      fmt(st.requestsPerSecond) + " req/s, 4 clients)",
                  target);
    };
    std::vector<std::string> byId;  // gaps from all over the data set
    for (long long k = 1; k <= 64; ++k) byId.push_back("/api/v1/gaps/" + std::to_string(k * o.bigGaps / 64));
    p95("GET a gap by id (64 ids across the data set)", "p95 ≤ 5 ms", byId);
    p95("list, newest first, page 1 and 2", "p95 ≤ 10 ms",
        {"/api/v1/gaps?limit=20", "/api/v1/gaps?limit=20&cursor=" + cursor});
    p95("list filtered by state and city", "p95 ≤ 10 ms",
        {"/api/v1/gaps?state=drafting&municipality=tehran&limit=20",
         "/api/v1/gaps?state=endorsed&municipality=qom&limit=20&sort=-updated_at"});
    Poco::URI common("/api/v1/gaps"), rare("/api/v1/gaps"), absent("/api/v1/gaps");
    common.addQueryParameter("q", "قانون");
    rare.addQueryParameter("q", "زلزله");
    absent.addQueryParameter("q", "آتشفشان");
    p95("q search, a word in most gaps", "p95 ≤ 50 ms", {common.toString()});
    p95("q search, a word in 1 gap of 10,000", "p95 ≤ 50 ms", {rare.toString()});
    p95("q search, a word in no gap", "p95 ≤ 50 ms", {absent.toString()});
    // The search index (GET /search): ranked, with snippets, across gaps, drafts and rulings.
    const auto searchPath = [](const std::string& q) {
        Poco::URI uri("/api/v1/search");
        uri.addQueryParameter("q", q);
        return uri.toString();
    };
    p95("search, a word in most gaps (ranked, snippets)", "p95 ≤ 50 ms", {searchPath("قانون")});
    p95("search, two words each in most gaps", "p95 ≤ 50 ms",
        {searchPath("قانون شهرداری‌ها")});
    p95("search, a word in 1 gap of 10,000", "p95 ≤ 50 ms", {searchPath("زلزله")});
    p95("search, a rare and a common word", "p95 ≤ 50 ms", {searchPath("زلزله قانون")});
    p95("search, a word in no gap", "p95 ≤ 50 ms", {searchPath("آتشفشان")});
    benchPages(label, service.port(), token, o.bigGaps / 2, o);
    benchRecordPages(label, service.port(), o);
    // SQLite reads its file through a memory map: the pages it touched count in the resident set, though
    // they are the operating system's page cache (shared, dropped under pressure), not the service's own.
    addFigure(label + ": peak RSS of the service after these",
              fmt(readKilobytes(service.pid(), "VmHWM") / 1024.0, 1) + " MiB (now: " +
                  fmt(readKilobytes(service.pid(), "RssAnon") / 1024.0, 1) + " MiB its own, " +
                  fmt(readKilobytes(service.pid(), "RssFile") / 1024.0, 1) + " MiB of mapped files)",
              "≤ 150 MB");
    service.terminate();
}

/// A Galera cluster of three (scripts/galera.sh): transitions through one instance on one node, then
/// with the same clients spread over three instances, one per node. Every node applies every write, so
/// three instances add capacity for reads and for the service's own work, not for the database's writes.
void benchGalera(const Options& o) {
    const StoreSettings store = mysqlStore(o.galeraUrl);
    Bench first(store);
    std::vector<std::unique_ptr<Bench>> others;
    std::vector<int> ports = {first.service->port()};
    for (std::size_t n = 1; n < store.mysql.hosts.size(); ++n) {
        StoreSettings onNode = store;  // the same hosts, node n+1 first
        std::rotate(onNode.mysql.hosts.begin(), onNode.mysql.hosts.begin() + static_cast<std::ptrdiff_t>(n),
                    onNode.mysql.hosts.end());
        others.push_back(std::make_unique<Bench>(onNode, &first));
        ports.push_back(others.back()->service->port());
    }
    const std::string nodes = std::to_string(ports.size());
    for (int clients : {1, 16}) {
        const Stats one = medianOf(o.runs, [&] { return httpTransitions(first, clients, o); });
        if (clients == 1) {
            addFigure("Galera of " + nodes + ": transition, 1 client, one instance", describe(one));
            continue;
        }
        const Stats all = medianOf(o.runs, [&] { return httpTransitions(first, clients, o, ports); });
        addRatio("Galera of " + nodes + ": transition, 16 clients through " + nodes +
                     " instances (one per node) vs through one",
                 all, one, 0);
    }
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
        if (a == "--runs")
            o.runs = std::stoi(value());
        else if (a == "--seconds")
            o.seconds = std::stod(value());
        else if (a == "--mysql")
            o.mysqlUrl = value();
        else if (a == "--galera")
            o.galeraUrl = value();
        else if (a == "--big")
            o.bigGaps = std::stoll(value());
        else if (a == "--big-only")
            o.bigOnly = true;
        else if (a == "--keep")
            o.keep = true;
        else {
            std::cerr
                << "usage: lacuna_bench [--runs N] [--seconds S] [--mysql URL] [--galera URL] [--big GAPS] [--big-only] [--keep]\n";
            return 2;
        }
    }
    Poco::Data::SQLite::Connector::registerConnector();
    if (!o.bigOnly) {
        StoreSettings sqlite;
        sqlite.backend = "sqlite";
        benchBackend("SQLite", sqlite, o);
        if (!o.mysqlUrl.empty()) {
            StoreSettings mysql = mysqlStore(o.mysqlUrl);
            // A database of its own, so every run starts empty; the URL's user must be allowed to create it.
            const std::string name = "lacuna_bench_" + std::to_string(Poco::Process::id());
            const auto admin = MysqlDatabase::openConnection(mysql.mysql, false);
            execute(*admin, "CREATE DATABASE " + name);
            mysql.mysql.database = name;
            benchBackend("MariaDB", mysql, o);
            execute(*admin, "DROP DATABASE " + name);
        }
    }
    if (o.bigGaps > 0) benchBig(o);
    if (!o.galeraUrl.empty()) benchGalera(o);

    std::cout << "\n| benchmark | measured | baseline (same run) | ratio | target |\n|---|---|---|---|---|\n";
    for (const Row& r : table)
        std::cout << "| " << r.name << " | " << r.measured << " | " << r.baseline << " | " << r.ratio << " | "
                  << r.target << " |\n";
    return 0;
}
