// GET /metrics: the Prometheus text format read back line by line, counts that match the requests made
// exactly (also from many clients at once), the sampled pool, queue and throttle, and who may read it.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "AddressRange.h"
#include "ApiHelpers.h"
#include "RawHttp.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

struct Sample {
    std::string name;
    std::map<std::string, std::string> labels;
    double value = 0;
};

/// The page read as the exposition format says (version 0.0.4): every sample's family is announced by
/// `# HELP` and `# TYPE` before it, histograms' samples are _bucket/_sum/_count, label values are quoted.
std::vector<Sample> parseExposition(const std::string& page) {
    std::vector<Sample> out;
    std::map<std::string, std::string> types;
    std::set<std::string> helped;
    std::istringstream lines(page);
    std::string line;
    while (std::getline(lines, line)) {
        INFO(line);
        if (line.empty()) continue;
        if (line.rfind("# HELP ", 0) == 0) {
            helped.insert(line.substr(7, line.find(' ', 7) - 7));
            continue;
        }
        if (line.rfind("# TYPE ", 0) == 0) {
            const std::size_t space = line.find(' ', 7);
            const std::string name = line.substr(7, space - 7);
            const std::string type = line.substr(space + 1);
            REQUIRE(std::set<std::string>{"counter", "gauge", "histogram"}.count(type) == 1);
            REQUIRE(helped.count(name) == 1);
            types[name] = type;
            continue;
        }
        REQUIRE(line[0] != '#');
        Sample s;
        std::size_t i = line.find_first_of("{ ");
        REQUIRE(i != std::string::npos);
        s.name = line.substr(0, i);
        if (line[i] == '{') {
            ++i;
            while (line[i] != '}') {
                const std::size_t eq = line.find("=\"", i);
                REQUIRE(eq != std::string::npos);
                const std::string key = line.substr(i, eq - i);
                std::string value;
                std::size_t j = eq + 2;
                for (; j < line.size() && line[j] != '"'; ++j) {
                    if (line[j] == '\\') ++j;
                    value += line[j];
                }
                REQUIRE(j < line.size());
                s.labels[key] = value;
                i = j + 1;
                if (line[i] == ',') ++i;
            }
            ++i;
        }
        REQUIRE(line[i] == ' ');
        s.value = std::stod(line.substr(i + 1));
        std::string family = s.name;
        for (const char* suffix : {"_bucket", "_sum", "_count"}) {
            const std::string sfx = suffix;
            if (family.size() > sfx.size() &&
                family.compare(family.size() - sfx.size(), sfx.size(), sfx) == 0 &&
                types.count(family.substr(0, family.size() - sfx.size())) &&
                types[family.substr(0, family.size() - sfx.size())] == "histogram")
                family = family.substr(0, family.size() - sfx.size());
        }
        REQUIRE(types.count(family) == 1);
        out.push_back(std::move(s));
    }
    return out;
}

/// The sum of the samples named `name` whose labels include `labels`.
double value(const std::vector<Sample>& samples, const std::string& name,
             const std::map<std::string, std::string>& labels = {}) {
    double sum = 0;
    for (const Sample& s : samples) {
        if (s.name != name) continue;
        const bool match = std::all_of(labels.begin(), labels.end(), [&](const auto& l) {
            const auto it = s.labels.find(l.first);
            return it != s.labels.end() && it->second == l.second;
        });
        if (match) sum += s.value;
    }
    return sum;
}

std::vector<Sample> scrape(TestService& t) {
    const Reply r = t.client->send("GET", "/metrics");
    INFO(r.body);
    REQUIRE(r.status == 200);
    CHECK(r.contentType == "text/plain; version=0.0.4; charset=utf-8");
    CHECK(r.header("Cache-Control") == "no-store");
    return parseExposition(r.body);
}

const std::map<std::string, std::string> CREATED = {
    {"method", "POST"}, {"route", "/api/v1/gaps"}, {"status", "201"}};

}  // namespace

TEST_CASE("address ranges: single addresses, CIDR blocks, IPv4 seen through IPv6, and what is not one",
          "[unit][metrics]") {
    const auto range = [](const std::string& text) {
        const auto r = AddressRange::parse(text);
        INFO(text);
        REQUIRE(r);
        return *r;
    };
    CHECK(range("127.0.0.1").contains("127.0.0.1"));
    CHECK_FALSE(range("127.0.0.1").contains("127.0.0.2"));
    CHECK(range("10.0.0.0/8").contains("10.255.3.4"));
    CHECK_FALSE(range("10.0.0.0/8").contains("11.0.0.1"));
    CHECK(range("10.1.2.3/8").str() == "10.0.0.0/8");  // host bits are cleared
    CHECK(range("192.168.4.0/22").contains("192.168.7.255"));
    CHECK_FALSE(range("192.168.4.0/22").contains("192.168.8.0"));
    CHECK(range("0.0.0.0/0").contains("203.0.113.9"));
    CHECK_FALSE(range("0.0.0.0/0").contains("::1"));  // a family is never the other's
    CHECK(range("::1").contains("::1"));
    CHECK_FALSE(range("::1").contains("127.0.0.1"));
    CHECK(range("fd00::/8").contains("fd12:3456::1"));
    CHECK_FALSE(range("fd00::/8").contains("fe80::1"));
    CHECK(range("127.0.0.0/8").contains("::ffff:127.0.0.1"));  // an IPv4 client on a dual-stack socket
    CHECK(range("::ffff:10.0.0.1").contains("10.0.0.1"));
    CHECK_FALSE(range("127.0.0.0/8").contains("not an address"));
    for (const std::string bad : {"", "localhost", "10.0.0.0/33", "::/129", "10.0.0.0/", "/8", "10.0.0.0/-1",
                                  "10.0.0.0/8x", "10.0.0.0/ 8", "10.0.0.0/0008", "1.2.3.4.5"}) {
        INFO("'" << bad << "'");
        CHECK_FALSE(AddressRange::parse(bad));
    }
    CHECK(inAnyRange({range("10.0.0.0/8"), range("::1")}, "::1"));
    CHECK_FALSE(inAnyRange({}, "127.0.0.1"));
}

TEST_CASE("the metrics count every request by route template, method and status, exactly",
          "[http][metrics]") {
    TestService t;
    const std::string director = t.token("tehran.director");
    const std::vector<Sample> before = scrape(t);
    CHECK(value(before, "lacuna_http_requests_total", CREATED) == 0);

    // Requests from sixteen clients at once: none is lost or counted twice.
    const std::string path = gapPath(createGap(t));
    std::vector<std::thread> clients;
    for (int c = 0; c < 16; ++c)
        clients.emplace_back([&] {
            HttpClient client(t.service().port());
            for (int i = 0; i < 25; ++i) client.get(path, director);
        });
    for (auto& c : clients) c.join();
    t.client->get("/api/v1/nothing/here/42", director);
    t.client->send("BREW", "/api/v1/gaps", director);
    const Reply refused = t.client->post("/api/v1/gaps", director, R"({"title":""})");
    requireProblem(refused, 400);

    const std::vector<Sample> after = scrape(t);
    CHECK(value(after, "lacuna_http_requests_total", CREATED) == 1);
    const std::map<std::string, std::string> read = {{"method", "GET"}, {"route", "/api/v1/gaps/{id}"}};
    CHECK(value(after, "lacuna_http_requests_total", read) -
              value(before, "lacuna_http_requests_total", read) ==
          400);
    CHECK(value(after, "lacuna_http_requests_total", {{"route", "/api/v1/gaps/{id}"}, {"status", "200"}}) ==
          400);
    // The latency histogram saw the same requests; its buckets are cumulative and end at +Inf.
    CHECK(value(after, "lacuna_http_request_duration_seconds_count", read) == 400);
    CHECK(value(after, "lacuna_http_request_duration_seconds_bucket",
                {{"method", "GET"}, {"route", "/api/v1/gaps/{id}"}, {"le", "+Inf"}}) == 400);
    CHECK(value(after, "lacuna_http_request_duration_seconds_sum", read) > 0);
    double previous = 0;
    for (const Sample& s : after)
        if (s.name == "lacuna_http_request_duration_seconds_bucket" &&
            s.labels.at("route") == "/api/v1/gaps/{id}") {
            CHECK(s.value >= previous);
            previous = s.value;
        }
    // No record's id, no unknown path and no invented method makes a series of its own.
    CHECK(value(after, "lacuna_http_requests_total", {{"route", "unmatched"}, {"status", "404"}}) == 1);
    CHECK(value(after, "lacuna_http_requests_total", {{"method", "other"}}) == 1);
    CHECK(value(after, "lacuna_http_requests_total", {{"route", "/api/v1/gaps"}, {"status", "400"}}) == 1);
    for (const Sample& s : after)
        if (s.labels.count("route")) {
            INFO(s.labels.at("route"));
            CHECK(s.labels.at("route").find("/42") == std::string::npos);
            CHECK((s.labels.at("route") == "unmatched" || s.labels.at("route")[0] == '/'));
        }
    // The scrape itself is in flight while it is written.
    CHECK(value(after, "lacuna_http_requests_in_flight") == 1);
    CHECK(value(after, "lacuna_http_workers_busy") >= 1);
    CHECK(value(after, "lacuna_http_connections_open") >= 1);

    // The store's pool as configured, and never more in use than open.
    CHECK(value(after, "lacuna_store_pool_size", {{"backend", testBackend()}}) ==
          static_cast<double>(t.service().config().storage.poolSize));
    CHECK(value(after, "lacuna_store_pool_in_use") <= value(after, "lacuna_store_pool_open"));
    CHECK(value(after, "lacuna_store_pool_open") <= value(after, "lacuna_store_pool_size"));
    CHECK(value(after, "lacuna_store_pool_open") >= 1);
    CHECK(value(after, "lacuna_store_pool_waits_total") >= 0);
    CHECK(value(after, "lacuna_store_up") == 1);
    // The created gap's write was committed; a COMMIT carries one write or more (SQLite's group
    // commit), never none; nothing waits to write once every request has been answered.
    const auto delta = [&](const std::string& name) { return value(after, name) - value(before, name); };
    CHECK(delta("lacuna_store_writes_committed_total") >= 1);
    CHECK(delta("lacuna_store_commits_total") >= 1);
    CHECK(delta("lacuna_store_commits_total") <= delta("lacuna_store_writes_committed_total"));
    CHECK(value(after, "lacuna_store_writers_waiting") == 0);
}

TEST_CASE(
    "the metrics show the webhook queue, failed deliveries, login failures and throttles, and front "
    "refusals",
    "[http][metrics]") {
    TestService t(testBackend(), 64, [](AppConfig& c) {
        c.webhooks.dispatch = false;  // the test drives delivery itself
        c.webhooks.maxAttempts = 2;
        c.webhooks.backoffBaseMs = 1000;
    });
    const std::string admin = t.token("admin");
    t.token("tehran.director");
    CHECK(value(scrape(t), "lacuna_webhook_outbox_pending") == 0);
    CHECK(value(scrape(t), "lacuna_webhook_outbox_oldest_age_seconds") == 0);
    // A receiver that is not there: nothing listens on port 9 of loopback.
    REQUIRE(
        t.client
            ->post("/api/v1/webhooks", admin, R"({"url":"http://127.0.0.1:9/hook","events":["gap.created"]})")
            .status == 201);
    createGap(t);
    createGap(t);
    t.clock.advanceMs(30000);
    std::vector<Sample> s = scrape(t);
    CHECK(value(s, "lacuna_webhook_outbox_pending") == 2);
    CHECK(value(s, "lacuna_webhook_outbox_oldest_age_seconds") == Approx(30.0));
    CHECK(value(s, "lacuna_webhook_attempts_total", {{"outcome", "failed"}}) == 0);

    CHECK(t.service().deliverWebhooks() == 2);  // both refused: retried later
    s = scrape(t);
    CHECK(value(s, "lacuna_webhook_attempts_total", {{"outcome", "failed"}}) == 2);
    CHECK(value(s, "lacuna_webhook_attempts_total", {{"outcome", "delivered"}}) == 0);
    CHECK(value(s, "lacuna_webhook_outbox_pending") == 2);
    CHECK(value(s, "lacuna_webhook_deliveries_failed") == 0);
    t.clock.advanceMs(60000);
    CHECK(t.service().deliverWebhooks() == 2);  // the last attempt: given up
    s = scrape(t);
    CHECK(value(s, "lacuna_webhook_attempts_total", {{"outcome", "failed"}}) == 4);
    CHECK(value(s, "lacuna_webhook_outbox_pending") == 0);
    CHECK(value(s, "lacuna_webhook_outbox_oldest_age_seconds") == 0);
    CHECK(value(s, "lacuna_webhook_deliveries_failed") == 2);

    // A header larger than the front reads is refused before any route runs, and counted.
    const double refusedBefore = value(s, "lacuna_http_front_rejections_total", {{"status", "431"}});
    const std::string raw =
        exchangeRaw(t.service().port(),
                    "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(70000, 'a') + "\r\n\r\n");
    REQUIRE(raw.rfind("HTTP/1.1 431", 0) == 0);
    s = scrape(t);
    CHECK(value(s, "lacuna_http_front_rejections_total", {{"status", "431"}}) == refusedBefore + 1);

    // Wrong passwords, then the throttle (five failures in the window).
    for (int i = 0; i < 5; ++i)
        requireProblem(
            t.client->post("/api/v1/session", "", R"({"username":"secretary","password":"guess"})"), 401);
    requireProblem(t.client->post("/api/v1/session", "", R"({"username":"secretary","password":"guess"})"),
                   429);
    s = scrape(t);
    CHECK(value(s, "lacuna_login_failures_total") == 5);
    CHECK(value(s, "lacuna_login_throttled_total") == 1);
}

TEST_CASE("the metrics answer only the addresses allowed, and not at all when turned off",
          "[http][metrics]") {
    SECTION("an address outside metrics.allow is refused") {
        TestService t(testBackend(), 64,
                      [](AppConfig& c) { c.metrics.allow = {*AddressRange::parse("10.0.0.0/8")}; });
        const Reply r = t.client->send("GET", "/metrics");
        requireProblem(r, 403);
        CHECK(r.body.find("lacuna_http") == std::string::npos);
    }
    SECTION("behind a trusted proxy, the client it forwards is the one checked") {
        TestService t(testBackend(), 64,
                      [](AppConfig& c) { c.server.trustedProxies = {Poco::Net::IPAddress("127.0.0.1")}; });
        requireProblem(t.client->send("GET", "/metrics", "", "", {{"X-Forwarded-For", "203.0.113.9"}}), 403);
        CHECK(t.client->send("GET", "/metrics", "", "", {{"X-Forwarded-For", "127.0.0.1"}}).status == 200);
    }
    SECTION("turned off, there is no such page") {
        TestService t(testBackend(), 64, [](AppConfig& c) { c.metrics.enabled = false; });
        requireProblem(t.client->send("GET", "/metrics"), 404);
    }
}
