// Whole-process tests: several `lacuna` processes on one database, SIGKILL of the service, and the
// database going away. They start the real binary, as an operator would.
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <sqlite3.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <exception>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "HttpClient.h"
#include "ServiceProcess.h"
#include "TestStores.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

const std::string DEMO_PASSWORD = "demo password 1";

std::map<std::string, std::string> serviceEnvironment(const TempDir& dir) {
    return {{"LACUNA_ADMIN_PASSWORD", "admin password 1"},
            {"LACUNA_DEMO_PASSWORD", DEMO_PASSWORD},
            {"LACUNA_DATA_DIR", dir.path()},
            {"LACUNA_DB_PASSWORD", Poco::Environment::get("LACUNA_DB_PASSWORD", "")}};
}

/// A copy of the shipped configuration with `from` replaced by `to` in lacuna.yaml.
std::string configWith(const TempDir& dir, const std::string& from, const std::string& to) {
    const std::string target = dir.file("config");
    Poco::File(LACUNA_SOURCE_DIR "/config").copyTo(target);
    std::string text;
    {
        Poco::FileInputStream in(target + "/lacuna.yaml");
        Poco::StreamCopier::copyToString(in, text);
    }
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    Poco::FileOutputStream out(target + "/lacuna.yaml");
    out << text;
    return target + "/lacuna.yaml";
}

Poco::JSON::Object::Ptr parse(const std::string& body) {
    Poco::JSON::Parser parser;
    return parser.parse(body).extract<Poco::JSON::Object::Ptr>();
}

struct GapView {
    std::int64_t version = 0;
    std::string state;
};

GapView readGap(const HttpClient& client, const std::string& token, std::int64_t id) {
    const Reply r = client.get("/api/v1/gaps/" + std::to_string(id), token);
    if (r.status != 200) return {};
    const auto gap = parse(r.body);
    return {gap->getValue<std::int64_t>("version"), gap->getObject("state")->getValue<std::string>("name")};
}

/// The tokens of the two people who move a gap back and forth between drafting and review.
struct Cast {
    std::string director;
    std::string secretary;
};

/// Fires the transition that leads on from the state read: reported → triaged → drafting ⇄
/// committee_review. Returns the status, or 0 for a state it does not move.
int advance(const HttpClient& client, const Cast& cast, std::int64_t id, const GapView& read) {
    std::string transition, extra;
    const std::string* token = &cast.secretary;
    if (read.state == "reported") {
        transition = "triage";
    } else if (read.state == "triaged") {
        transition = "start_drafting";
    } else if (read.state == "drafting") {
        transition = "submit_for_review";
        token = &cast.director;
    } else if (read.state == "committee_review") {
        transition = "request_revision";
        extra = R"(,"comment":"بازبینی")";
    } else {
        return 0;
    }
    return client
        .post("/api/v1/gaps/" + std::to_string(id) + "/transitions", *token,
              R"({"transition":")" + transition + R"(","expected_version":)" + std::to_string(read.version) +
                  extra + "}")
        .status;
}

/// Reports a gap and brings it to drafting with one draft saved (version 4); returns its id.
std::int64_t draftingGap(const HttpClient& client, const Cast& cast, const std::string& title) {
    const Reply created =
        client.post("/api/v1/gaps", cast.director,
                    R"({"title":")" + title + R"(","description":"شرح","kind":"vacuum","category":"fees"})");
    REQUIRE(created.status == 201);
    const std::int64_t id = parse(created.body)->getValue<std::int64_t>("id");
    const std::string path = "/api/v1/gaps/" + std::to_string(id) + "/transitions";
    REQUIRE(client.post(path, cast.secretary, R"({"transition":"triage","expected_version":1})").status ==
            200);
    REQUIRE(
        client.post(path, cast.secretary, R"({"transition":"start_drafting","expected_version":2})").status ==
        200);
    REQUIRE(client
                .post("/api/v1/gaps/" + std::to_string(id) + "/drafts", cast.director,
                      R"({"text":"متن","rationale":"دلیل","expected_version":0})")
                .status == 201);
    return id;
}

/// Checks that a gap's history has no holes or duplicates and ends in its state; returns its version.
std::int64_t checkConsistent(const HttpClient& client, const std::string& token, std::int64_t id) {
    INFO("gap " << id);
    const Reply gapReply = client.get("/api/v1/gaps/" + std::to_string(id), token);
    REQUIRE(gapReply.status == 200);
    const auto gap = parse(gapReply.body);
    const Reply historyReply = client.get("/api/v1/gaps/" + std::to_string(id) + "/history", token);
    REQUIRE(historyReply.status == 200);
    const auto events = parse(historyReply.body)->getArray("items");
    const auto version = gap->getValue<std::int64_t>("version");
    REQUIRE(static_cast<std::int64_t>(events->size()) == version);
    for (std::size_t i = 0; i < events->size(); ++i)
        REQUIRE(events->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("sequence") ==
                static_cast<std::int64_t>(i + 1));
    const auto last = events->getObject(static_cast<unsigned>(events->size() - 1));
    REQUIRE(last->getObject("to_state")->getValue<std::string>("name") ==
            gap->getObject("state")->getValue<std::string>("name"));
    return version;
}

/// Writers that create gaps and move them, recording each write the service acknowledged.
class AcknowledgedWrites {
public:
    AcknowledgedWrites(const Cast& cast, std::vector<std::int64_t> seedGaps)
        : _cast(cast), _gaps(std::move(seedGaps)) {}

    /// Runs `threads` writers against `port` until `stop` is set.
    void run(int port, int threads, const std::atomic<bool>& stop) {
        std::vector<std::thread> writers;
        for (int t = 0; t < threads; ++t)
            writers.emplace_back([this, port, t, &stop] {
                const HttpClient client(port);
                std::mt19937 random(static_cast<unsigned>(t * 7919 + port));
                while (!stop) {
                    try {
                        if (random() % 8 == 0)
                            create(client, random());
                        else
                            move(client, random());
                    } catch (const std::exception&) {
                        // the service or the database is gone: an unacknowledged write, nothing to check
                    }
                }
            });
        for (auto& w : writers) w.join();
    }

    using Writes = std::vector<std::pair<std::int64_t, std::int64_t>>;  ///< (gap, version) acknowledged

    /// Every acknowledged write is there, and every gap is consistent.
    void verify(const HttpClient& client) {
        std::map<std::int64_t, std::int64_t> highest;
        for (const auto& [id, version] : acknowledged()) highest[id] = std::max(highest[id], version);
        for (const auto id : gaps()) highest.emplace(id, 0);
        for (const auto& [id, version] : highest) {
            const std::int64_t stored = checkConsistent(client, _cast.secretary, id);
            INFO("gap " << id << " acknowledged at version " << version);
            CHECK(stored >= version);
        }
        WARN(highest.size() << " gaps consistent, every acknowledged write on them there");
    }

    /// A copy of the store taken at some moment: every write acknowledged before that moment is in it, and
    /// every gap it has is consistent (a copy torn between two transactions would show a state without its
    /// event or an event without its state); gaps made later are simply absent.
    void verifySnapshot(const HttpClient& client, const Writes& before) {
        std::map<std::int64_t, std::int64_t> highest;
        for (const auto& [id, version] : before) highest[id] = std::max(highest[id], version);
        std::size_t present = 0;
        for (const auto id : gaps()) {
            if (client.get("/api/v1/gaps/" + std::to_string(id), _cast.secretary).status == 404) {
                CHECK(highest.count(id) == 0);
                continue;
            }
            ++present;
            const std::int64_t stored = checkConsistent(client, _cast.secretary, id);
            INFO("gap " << id << " acknowledged at version " << highest[id] << " before the copy");
            CHECK(stored >= highest[id]);
        }
        WARN(present << " gaps in the copy, consistent; " << before.size()
                     << " writes acknowledged before it");
    }

    Writes acknowledged() {
        std::lock_guard lock(_mutex);
        return _acknowledged;
    }
    std::size_t count() { return acknowledged().size(); }

private:
    std::vector<std::int64_t> gaps() {
        std::lock_guard lock(_mutex);
        return _gaps;
    }

    void create(const HttpClient& client, unsigned seed) {
        const Reply r = client.post("/api/v1/gaps", _cast.director,
                                    R"({"title":"خلأ شماره )" + std::to_string(seed) +
                                        R"(","description":"شرح","kind":"vacuum","category":"fees"})");
        if (r.status != 201) return;
        const std::int64_t id = parse(r.body)->getValue<std::int64_t>("id");
        std::lock_guard lock(_mutex);
        _gaps.push_back(id);
        _acknowledged.emplace_back(id, 1);
    }

    void move(const HttpClient& client, unsigned seed) {
        const auto known = gaps();
        const std::int64_t id = known[seed % known.size()];
        const GapView read = readGap(client, _cast.secretary, id);
        if (read.version == 0 || advance(client, _cast, id, read) != 200) return;
        std::lock_guard lock(_mutex);
        _acknowledged.emplace_back(id, read.version + 1);
    }

    Cast _cast;
    std::mutex _mutex;
    std::vector<std::int64_t> _gaps;
    Writes _acknowledged;
};

Cast login(const HttpClient& client) {
    return {client.login("tehran.director", DEMO_PASSWORD), client.login("secretary", DEMO_PASSWORD)};
}

}  // namespace

namespace {

/// 32 clients fire 1,000 transitions at ten gaps through `instances` (reading through one, writing through
/// another): each is won exactly once or refused with 409, never a 500 or a lost update, and every gap's
/// history ends in its state.
void fireConflictingTransitions(const std::vector<const HttpClient*>& instances, const Cast& cast,
                                const std::string& label) {
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 10; ++i)
        ids.push_back(draftingGap(*instances[static_cast<std::size_t>(i) % instances.size()], cast,
                                  "رقابت " + std::to_string(i)));

    constexpr int ATTEMPTS = 1000;
    std::atomic<int> next{0}, won{0}, lost{0}, other{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 32; ++c)
        clients.emplace_back([&, c] {
            std::mt19937 random(static_cast<unsigned>(c));
            const auto any = [&]() -> const HttpClient& { return *instances[random() % instances.size()]; };
            while (next++ < ATTEMPTS) {
                const std::int64_t id = ids[random() % ids.size()];
                try {
                    const GapView read = readGap(any(), cast.secretary, id);
                    const int status = advance(any(), cast, id, read);
                    (status == 200 ? won : status == 409 ? lost : other)++;
                } catch (const std::exception&) {
                    other++;
                }
            }
        });
    for (auto& c : clients) c.join();

    std::int64_t newEvents = 0;
    for (const auto id : ids) {
        const std::int64_t version = checkConsistent(*instances.front(), cast.secretary, id);
        newEvents += version - 4;
        for (const HttpClient* instance : instances)  // every instance (every node) reads the same history
            CHECK(checkConsistent(*instance, cast.secretary, id) == version);
    }
    WARN(label << ": " << won << " transitions won, " << lost << " lost with 409, " << other << " other");
    CHECK(won + lost + other == ATTEMPTS);
    CHECK(other == 0);
    CHECK(won > 0);
    CHECK(lost > 0);
    CHECK(newEvents == won);  // checkConsistent proved: events == version, sequences 1..version
}

}  // namespace

TEST_CASE("two instances on one database: each conflicting transition is won exactly once", "[multi]") {
    const std::string isolation = GENERATE(as<std::string>{}, "READ COMMITTED", "REPEATABLE READ");
    INFO("isolation " << isolation);
    TempDir dir;
    const std::string url = storeUrl(freshStoreSettings("mysql", dir));
    const std::string config = configWith(dir, "isolation: READ COMMITTED", "isolation: " + isolation);
    const auto env = serviceEnvironment(dir);
    ServiceProcess a({"--config", config, "--db", url, "--demo"}, env);
    ServiceProcess b({"--config", config, "--db", url, "--demo"}, env);
    CHECK_THAT(b.startOutput(), Catch::Contains("seeded before; nothing added"));
    const HttpClient ca(a.port()), cb(b.port());
    fireConflictingTransitions({&ca, &cb}, login(ca), isolation);
}

TEST_CASE("acknowledged writes survive SIGKILL of the service, ten times", "[crash]") {
    const std::string backend = testBackend();
    INFO(backend);
    TempDir dir;
    const std::string url = storeUrl(freshStoreSettings(backend, dir));
    const auto env = serviceEnvironment(dir);
    std::unique_ptr<AcknowledgedWrites> writes;
    std::mt19937 random(20261126);
    for (int cycle = 0; cycle < 10; ++cycle) {
        ServiceProcess service({"--db", url, "--demo"}, env);
        const HttpClient client(service.port());
        if (!writes) {
            const Cast cast = login(client);
            writes = std::make_unique<AcknowledgedWrites>(
                cast, std::vector<std::int64_t>{draftingGap(client, cast, "آغاز")});
        }
        std::atomic<bool> stop{false};
        std::thread load([&] { writes->run(service.port(), 8, stop); });
        std::this_thread::sleep_for(std::chrono::milliseconds(200 + random() % 800));  // a random moment
        service.kill();
        stop = true;
        load.join();
    }
    ServiceProcess service({"--db", url}, env);
    CHECK(writes->count() > 0);
    writes->verify(HttpClient(service.port()));
}

TEST_CASE("acknowledged writes survive the database server being killed, five times", "[crash][dbkill]") {
    TempDir dir;
    const std::string url = storeUrl(freshStoreSettings("mysql", dir));
    ServiceProcess service({"--db", url, "--demo"}, serviceEnvironment(dir));
    const HttpClient client(service.port());
    const Cast cast = login(client);
    AcknowledgedWrites writes(cast, {draftingGap(client, cast, "آغاز")});
    std::mt19937 random(14050905);
    for (int cycle = 0; cycle < 5; ++cycle) {
        std::atomic<bool> stop{false};
        std::thread load([&] { writes.run(service.port(), 8, stop); });
        std::this_thread::sleep_for(std::chrono::milliseconds(200 + random() % 800));
        controlTestMariadb("kill");
        const Reply down = client.get("/healthz", "");
        CHECK(down.status == 503);
        controlTestMariadb("start");
        stop = true;
        load.join();
    }
    CHECK(writes.count() > 0);
    writes.verify(client);
}

TEST_CASE("while the database is away requests get 503 quickly, and the service recovers by itself",
          "[outage]") {
    TempDir dir;
    const std::string url = storeUrl(freshStoreSettings("mysql", dir));
    ServiceProcess service({"--db", url, "--demo"}, serviceEnvironment(dir));
    const HttpClient client(service.port());
    const Cast cast = login(client);
    const std::int64_t id = draftingGap(client, cast, "قطعی");
    const std::string path = "/api/v1/gaps/" + std::to_string(id);

    controlTestMariadb("kill");
    const auto start = std::chrono::steady_clock::now();
    const Reply read = client.get(path, cast.director);
    CHECK(read.status == 503);
    CHECK(read.contentType.rfind("application/problem+json", 0) == 0);
    CHECK(read.header("Retry-After") == "1");
    CHECK(client
              .post("/api/v1/gaps", cast.director,
                    R"({"title":"t","description":"d","kind":"vacuum","category":"fees"})")
              .status == 503);
    CHECK(client.get("/healthz", "").status == 503);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));

    controlTestMariadb("start");
    CHECK(client.get(path, cast.director).status == 200);
    CHECK(client.get("/healthz", "").status == 200);
    CHECK(client
              .post("/api/v1/gaps", cast.director,
                    R"({"title":"t","description":"d","kind":"vacuum","category":"fees"})")
              .status == 201);
}

TEST_CASE("SIGTERM lets a request in flight finish, then the service exits 0", "[crash][graceful]") {
    TempDir dir;
    const std::string url = storeUrl(freshStoreSettings(testBackend(), dir));
    ServiceProcess service({"--db", url, "--demo"}, serviceEnvironment(dir));
    const HttpClient client(service.port());
    const std::string token = login(client).director;

    // A report whose body is still arriving when the service is asked to stop.
    const std::string body = R"({"title":"در راه","description":"شرح","kind":"vacuum","category":"fees"})";
    Poco::Net::StreamSocket socket(
        Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(service.port())));
    const std::string head =
        "POST /api/v1/gaps HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
        "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\nConnection: close\r\n\r\n";
    const std::string first = head + body.substr(0, 10);
    socket.sendBytes(first.data(), static_cast<int>(first.size()));
    // A request still queued when the stop begins is not in flight: wait until a worker has it, which the
    // metrics show as a second busy worker (the first serves the scrape).
    const auto busyWorkers = [&] {
        const Reply metrics = client.get("/metrics", "");
        const std::string name = "\nlacuna_http_workers_busy ";
        const auto at = metrics.body.find(name);
        return at == std::string::npos ? 0 : std::stoi(metrics.body.substr(at + name.size()));
    };
    int busy = 0;
    for (int attempt = 0; attempt < 250 && (busy = busyWorkers()) < 2; ++attempt)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(busy >= 2);
    std::thread stop([&] { CHECK(service.terminate() == 0); });
    // Whatever fails from here on, the stopping thread is joined (the socket closed first, so the request
    // it waits for ends).
    struct JoinAtExit {
        std::thread& thread;
        Poco::Net::StreamSocket& socket;
        ~JoinAtExit() {
            if (!thread.joinable()) return;
            socket.close();
            thread.join();
        }
    } joinAtExit{stop, socket};
    // The service says it is stopping; from then on a new connection is refused, and only then does
    // the rest of the in-flight body arrive.
    if (!service.waitForOutput("finishing requests in flight", 30)) {
        // Never leave the stopping thread running behind a failed test: end the request it waits for.
        socket.close();
        stop.join();
        FAIL("the service did not say it was stopping; it printed:\n" << service.laterOutput());
    }
    bool refused = false;
    for (int attempt = 0; attempt < 200 && !refused; ++attempt) {
        try {
            Poco::Net::StreamSocket probe(
                Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(service.port())));
            probe.close();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        } catch (const Poco::Net::ConnectionRefusedException&) {
            refused = true;
        } catch (const Poco::Net::ConnectionResetException&) {
            refused = true;  // taken into the backlog just as the listener closed: not accepted either
        }
    }
    CHECK(refused);
    const std::string rest = body.substr(10);
    std::string answer, failure;
    try {
        socket.sendBytes(rest.data(), static_cast<int>(rest.size()));
        char buffer[4096];
        for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;)
            answer.append(buffer, static_cast<std::size_t>(n));
    } catch (const Poco::Exception& e) {
        failure = e.displayText();  // the answer so far and the service's request log say why
    }
    stop.join();
    INFO("answer: " << answer);
    INFO("the service printed after it listened:\n" << service.laterOutput());
    CHECK(failure == "");
    CHECK(answer.rfind("HTTP/1.1 201", 0) == 0);

    ServiceProcess again({"--db", url}, serviceEnvironment(dir));
    const HttpClient after(again.port());
    const Reply list = after.get("/api/v1/gaps?limit=100", after.login("secretary", DEMO_PASSWORD));
    CHECK_THAT(list.body, Catch::Contains("در راه"));
}

namespace {

/// What a reader gets for the same requests: the list, filtered lists, search, and each gap with its
/// history.
std::vector<std::string> answers(const HttpClient& client, const std::string& token,
                                 const std::vector<std::int64_t>& ids) {
    std::vector<std::string> paths = {"/api/v1/gaps?limit=100", "/api/v1/gaps?state=drafting&limit=50",
                                      "/api/v1/gaps?q=%D8%B4%D8%B1%D8%AD&limit=20",  // «شرح»
                                      "/api/v1/search?q=%D8%AE%D9%84%D8%A3"};        // «خلأ»
    for (const auto id : ids) {
        paths.push_back("/api/v1/gaps/" + std::to_string(id));
        paths.push_back("/api/v1/gaps/" + std::to_string(id) + "/history");
    }
    std::vector<std::string> read;
    for (const std::string& path : paths) {
        const Reply r = client.get(path, token);
        read.push_back(path + " → " + std::to_string(r.status) + " " + r.body);
    }
    return read;
}

}  // namespace

TEST_CASE("a backup taken while the service writes is whole, and restored answers as the original",
          "[backup]") {
    TempDir dir;
    const std::string url = storeUrl(freshStoreSettings("sqlite", dir));
    const auto env = serviceEnvironment(dir);
    ServiceProcess service({"--db", url, "--demo"}, env);
    const HttpClient client(service.port());
    const Cast cast = login(client);
    AcknowledgedWrites writes(cast, {draftingGap(client, cast, "آغاز")});

    // Taken in the middle of eight writers' creations and transitions.
    std::atomic<bool> stop{false};
    std::thread load([&] { writes.run(service.port(), 8, stop); });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const AcknowledgedWrites::Writes before = writes.acknowledged();
    const CommandResult during = runLacuna({"backup", "--db", url, "--to", dir.file("during.db")}, env);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stop = true;
    load.join();
    INFO(during.output);
    REQUIRE(during.code == 0);
    CHECK_THAT(during.output, Catch::Contains("integrity ok"));
    CHECK_FALSE(Poco::File(dir.file("during.db-wal")).exists());  // one self-contained file
    CHECK(writes.count() > before.size());                        // the service wrote on around it
    const std::string restored = "sqlite:" + dir.file("restored/lacuna.db");
    {
        const CommandResult r =
            runLacuna({"restore", "--from", dir.file("during.db"), "--db", restored}, env);
        INFO(r.output);
        REQUIRE(r.code == 0);
        ServiceProcess fromBackup({"--db", restored}, env);
        writes.verifySnapshot(HttpClient(fromBackup.port()), before);
    }

    // Once the writers stop, a backup restored over that store answers every request as the service does.
    const CommandResult after = runLacuna({"backup", "--db", url, "--to", dir.file("after.db")}, env);
    INFO(after.output);
    REQUIRE(after.code == 0);
    std::vector<std::int64_t> ids;
    for (const auto& [id, version] : writes.acknowledged())
        if (ids.size() < 40 && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    const std::vector<std::string> original = answers(client, cast.secretary, ids);

    const CommandResult overData =
        runLacuna({"restore", "--from", dir.file("after.db"), "--db", restored}, env);
    CHECK(overData.code == 1);
    CHECK_THAT(overData.output, Catch::Contains("--replace"));
    const CommandResult inUse =
        runLacuna({"restore", "--from", dir.file("during.db"), "--db", url, "--replace"}, env);
    CHECK(inUse.code == 1);
    CHECK_THAT(inUse.output, Catch::Contains("stop the service first"));
    {
        const CommandResult r =
            runLacuna({"restore", "--from", dir.file("after.db"), "--db", restored, "--replace"}, env);
        INFO(r.output);
        REQUIRE(r.code == 0);
        ServiceProcess fromBackup({"--db", restored}, env);
        const std::vector<std::string> copy = answers(HttpClient(fromBackup.port()), cast.secretary, ids);
        REQUIRE(copy.size() == original.size());
        for (std::size_t i = 0; i < copy.size(); ++i) CHECK(copy[i] == original[i]);
    }

    // Refused with the reason, changing nothing: what is not a store, a backup onto the store itself, a
    // directory that is not there, a backup from a newer Lacuna.
    {
        Poco::FileOutputStream junk(dir.file("junk.db"));
        junk << "not a database, only text that is long enough to look like a file header to nobody";
    }
    const CommandResult notStore =
        runLacuna({"restore", "--from", dir.file("junk.db"), "--db", restored}, env);
    CHECK(notStore.code == 1);
    CHECK_THAT(notStore.output, Catch::Contains("is not a SQLite database"));
    const std::string storePath = url.substr(std::string("sqlite:").size());
    const CommandResult ontoItself = runLacuna({"backup", "--db", url, "--to", storePath}, env);
    CHECK(ontoItself.code == 1);
    CHECK_THAT(ontoItself.output, Catch::Contains("overwrite the store itself"));
    const CommandResult noDirectory =
        runLacuna({"backup", "--db", url, "--to", dir.file("missing/dir/x.db")}, env);
    CHECK(noDirectory.code == 1);
    CHECK_THAT(noDirectory.output, Catch::Contains("does not exist"));
    {
        const CommandResult r = runLacuna({"backup", "--db", url, "--to", dir.file("newer.db")}, env);
        REQUIRE(r.code == 0);
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(dir.file("newer.db").c_str(), &db) == SQLITE_OK);
        CHECK(sqlite3_exec(db, "INSERT INTO schema_migrations (number, name) VALUES (9999, 'later')", nullptr,
                           nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    const CommandResult newer =
        runLacuna({"restore", "--from", dir.file("newer.db"), "--db", restored, "--replace"}, env);
    CHECK(newer.code == 1);
    CHECK_THAT(newer.output, Catch::Contains("made by a newer Lacuna"));
    {
        ServiceProcess fromBackup({"--db", restored}, env);
        CHECK(answers(HttpClient(fromBackup.port()), cast.secretary, ids) == original);
    }
    CHECK(answers(client, cast.secretary, ids) == original);
}

TEST_CASE("the service logs one JSON line per request, and its events, on standard output", "[logs]") {
    TempDir dir;
    const std::string url = storeUrl(freshStoreSettings("sqlite", dir));
    ServiceProcess service({"--db", url, "--demo"}, serviceEnvironment(dir));
    // What it said while starting is already made of lines a log shipper parses.
    for (const std::string& line :
         Poco::StringTokenizer(service.startOutput(), "\n", Poco::StringTokenizer::TOK_IGNORE_EMPTY)) {
        INFO(line);
        CHECK(parse(line)->has("event"));
    }
    const HttpClient client(service.port());
    const std::string token = client.login("tehran.director", DEMO_PASSWORD);
    const Reply gap = client.send("GET", "/api/v1/gaps/1", token, "", {{"X-Request-Id", "log-test-1"}});
    const Reply missing =
        client.send("GET", "/api/v1/no/such/path", "", "", {{"X-Request-Id", "log-test-2"}});
    REQUIRE(missing.status == 404);
    REQUIRE(service.waitForOutput("log-test-2", 10));
    CHECK(service.terminate() == 0);

    std::map<std::string, Poco::JSON::Object::Ptr> byRequest;
    std::set<std::string> events;
    for (const std::string& line :
         Poco::StringTokenizer(service.laterOutput(), "\n", Poco::StringTokenizer::TOK_IGNORE_EMPTY)) {
        INFO(line);
        const auto object = parse(line);                            // every line is one JSON object
        CHECK(object->getValue<std::string>("time").size() == 24);  // 2026-12-01T18:40:12.345Z
        events.insert(object->getValue<std::string>("event"));
        if (object->has("request_id")) byRequest[object->getValue<std::string>("request_id")] = object;
    }
    REQUIRE(byRequest.count("log-test-1"));
    const auto read = byRequest["log-test-1"];
    CHECK(read->getValue<std::string>("event") == "request");
    CHECK(read->getValue<std::string>("method") == "GET");
    CHECK(read->getValue<std::string>("route") == "/api/v1/gaps/{id}");  // the template, not the id
    CHECK(read->getValue<int>("status") == gap.status);
    CHECK(read->getValue<double>("duration_ms") >= 0);
    CHECK(read->getValue<std::int64_t>("user_id") > 0);
    CHECK(read->getValue<std::string>("client") == "127.0.0.1");
    REQUIRE(byRequest.count("log-test-2"));
    const auto lost = byRequest["log-test-2"];
    CHECK(lost->getValue<int>("status") == 404);
    CHECK(lost->getValue<std::string>("route") == "/api/v1/no/such/path");
    CHECK(lost->isNull("user_id"));
    CHECK(events.count("stopping"));
    CHECK(events.count("stopped"));
}

namespace {

/// A port nothing listens on (just bound and released).
int unusedPort() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    return socket.address().port();
}

/// A private MariaDB server of its own on a loopback port, stopped with the test.
class LoopbackMariadb {
public:
    LoopbackMariadb(const TempDir& dir, const std::string& name) : _dir(dir.file(name)), _port(unusedPort()) {
        StoreSettings settings;
        applyStoreUrl(Poco::trim(mariadbScript({"start", _dir, std::to_string(_port)})), settings);
        _settings = settings.mysql;
    }
    ~LoopbackMariadb() {
        try {
            mariadbScript({"stop", _dir});
        } catch (const std::exception&) {
            // killed already
        }
    }
    void kill() { mariadbScript({"kill", _dir}); }
    std::string address() const { return "127.0.0.1:" + std::to_string(_port); }
    const MysqlSettings& settings() const { return _settings; }
    /// One number read from this server's lacuna database.
    std::int64_t count(const std::string& sql) const {
        const auto connection = MysqlDatabase::openConnection(_settings, true);
        std::unique_ptr<sql::ResultSet> rows(
            std::unique_ptr<sql::Statement>(connection->createStatement())->executeQuery(sql));
        rows->next();
        return rows->getInt64(1);
    }

private:
    std::string _dir;
    int _port;
    MysqlSettings _settings;
};

}  // namespace

TEST_CASE("of several database hosts the service uses the first that answers, and the next when it goes away",
          "[failover]") {
    TempDir dir;
    const int nobody = unusedPort();
    LoopbackMariadb first(dir, "first");
    LoopbackMariadb second(dir, "second");
    {
        // The second gets the schema beforehand, as a cluster's node would have it.
        StoreSettings s;
        s.backend = "mysql";
        s.mysql = second.settings();
        openStore(s);
    }
    const std::string url = "mysql://root@127.0.0.1:" + std::to_string(nobody) + "," + first.address() + "," +
                            second.address() + "/lacuna";
    ServiceProcess service({"--db", url, "--demo"}, serviceEnvironment(dir));
    CHECK(service.startOutput().find("127.0.0.1:" + std::to_string(nobody) + " does not answer") !=
          std::string::npos);
    const HttpClient client(service.port());
    const Cast cast = login(client);
    const std::int64_t id = draftingGap(client, cast, "گره");
    CHECK(first.count("SELECT COUNT(*) FROM gaps WHERE id = " + std::to_string(id)) == 1);
    CHECK(second.count("SELECT COUNT(*) FROM gaps") == 0);
    CHECK(second.count("SELECT checked_at FROM health_checks") == 0);

    first.kill();
    // The pooled connections to it fail once; the service reconnects to the next host that answers.
    Reply health;
    for (int attempt = 0; attempt < 20 && health.status != 200; ++attempt) {
        health = client.get("/healthz", "");
        if (health.status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    INFO(health.body);
    CHECK(health.status == 200);
    CHECK(health.body.find("\"writes\":true") != std::string::npos);
    CHECK(second.count("SELECT checked_at FROM health_checks") > 0);  // written through the second
    CHECK(service.waitForOutput("connections now go to " + second.address(), 5));
}

namespace {

/// The private three-node Galera cluster of scripts/galera.sh on loopback ports, stopped with the test.
class GaleraCluster {
public:
    explicit GaleraCluster(const TempDir& dir) : _dir(dir.file("galera")) {
        std::string url;
        try {
            url = Poco::trim(run({"start", _dir, std::to_string(freeBase())}));
        } catch (...) {
            stop(dir);  // the nodes that did start
            throw;
        }
        StoreSettings settings;
        applyStoreUrl(url, settings);
        REQUIRE(settings.mysql.hosts.size() == 3);
        _hosts = settings.mysql.hosts;
    }
    ~GaleraCluster() { stop(_dir); }
    /// Stops the nodes of the cluster in `dir`'s "galera", whatever state they are in.
    static void stop(const TempDir& dir) { stop(dir.file("galera")); }
    void kill(int node) { run({"kill", _dir, std::to_string(node)}); }
    /// The cluster's URL with node `first` (1–3) first: the instance given it works through that node.
    std::string urlFrom(int first) const {
        std::string hosts;
        for (std::size_t i = 0; i < 3; ++i) {
            const MysqlHost& h = _hosts[(static_cast<std::size_t>(first) - 1 + i) % 3];
            hosts += (hosts.empty() ? "" : ",") + h.host + ":" + std::to_string(h.port);
        }
        return "mysql://root@" + hosts + "/lacuna";
    }

private:
    static std::string run(const std::vector<std::string>& arguments) {
        return runScript("galera.sh", arguments);
    }
    static void stop(const std::string& directory) {
        try {
            run({"stop", directory});
        } catch (const std::exception&) {
        }
    }

    /// A first port from which the 33 the cluster takes (clients, group, state transfers) are all free now.
    static int freeBase() {
        for (int attempt = 0; attempt < 20; ++attempt) {
            const int base = unusedPort();
            if (base + 33 > 65535) continue;
            try {
                std::vector<Poco::Net::ServerSocket> taken;
                for (int p = base; p < base + 33; ++p)
                    taken.emplace_back(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(p)));
                return base;
            } catch (const Poco::Exception&) {
                // one of them is in use: another base
            }
        }
        FAIL("no 33 free consecutive ports on 127.0.0.1");
        return 0;
    }

    std::string _dir;
    std::vector<MysqlHost> _hosts;
};

}  // namespace

TEST_CASE(
    "a Galera cluster of three: three instances, one per node, conflicting transitions and a node killed",
    "[galera]") {
    TempDir dir;
    std::vector<std::unique_ptr<ServiceProcess>> instances(3);
    std::atomic<const char*> stage{"starting the cluster"};
    // Well before CTest's timeout: what each instance and each node said, should anything hang.
    const Watchdog watchdog(
        600,
        [&] {
            std::string report = std::string("at: ") + stage.load() + "\n";
            for (std::size_t n = 0; n < instances.size(); ++n)
                if (instances[n])
                    report += "--- instance " + std::to_string(n + 1) + ":\n" + instances[n]->startOutput() +
                              tail(instances[n]->laterOutput(), 4000);
            for (int node = 1; node <= 3; ++node)
                report += "--- node " + std::to_string(node) + "'s error log:\n" +
                          fileTail(dir.file("galera/node" + std::to_string(node) + "/error.log"), 4000);
            return report;
        },
        [&] { GaleraCluster::stop(dir); });
    GaleraCluster cluster(dir);
    const auto env = serviceEnvironment(dir);
    // Started together, each on its own node: the migrations and the demo seed meet on three nodes at once.
    stage = "starting the instances";
    std::vector<std::exception_ptr> failures(3);
    {
        std::vector<std::thread> starting;
        for (std::size_t n = 0; n < 3; ++n)
            starting.emplace_back([&, n] {
                try {
                    instances[n] = std::make_unique<ServiceProcess>(
                        std::vector<std::string>{"--db", cluster.urlFrom(static_cast<int>(n) + 1), "--demo"},
                        env);
                } catch (...) {
                    failures[n] = std::current_exception();  // rethrown below, where Catch reports it
                }
            });
        for (auto& t : starting) t.join();
    }
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
    const HttpClient a(instances[0]->port()), b(instances[1]->port()), c(instances[2]->port());
    const Cast cast = login(a);

    stage = "conflicting transitions through the three instances";
    fireConflictingTransitions({&a, &b, &c}, cast, "Galera, three instances");
    stage = "writing while node 1 is killed";

    // A node killed under write load: every acknowledged write is on the other two, and its instance
    // carries on through another node.
    {
        AcknowledgedWrites writes(cast, {draftingGap(a, cast, "گره ۱"), draftingGap(b, cast, "گره ۲")});
        std::atomic<bool> stop{false};
        std::vector<std::thread> load;
        for (const auto& instance : instances)
            load.emplace_back([&, port = instance->port()] { writes.run(port, 4, stop); });
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        const std::size_t before = writes.count();
        cluster.kill(1);  // instance a's node
        std::this_thread::sleep_for(std::chrono::milliseconds(2500));
        const std::size_t afterKill = writes.count();
        stop = true;
        for (auto& t : load) t.join();
        stage = "verifying the acknowledged writes";
        WARN(before << " writes acknowledged before node 1 was killed, " << writes.count() << " in all");
        CHECK(afterKill > before);
        writes.verify(b);  // node 2
        writes.verify(c);  // node 3
        // a moved to another node: it reads and writes there.
        CHECK(a.get("/healthz", "").status == 200);
        CHECK(draftingGap(a, cast, "پس از گره") > 0);
        CHECK(instances[0]->waitForOutput("connections now go to", 5));
    }
}
