// The structured log lines: each one JSON object that reads back as written, whatever the text holds.
#include <Poco/JSON/Parser.h>

#include <catch2/catch.hpp>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "Logs.h"

using namespace lacuna;

namespace {
Poco::JSON::Object::Ptr parsed(const std::string& line) {
    INFO(line);
    REQUIRE(line.find('\n') == std::string::npos);  // one line, whatever the values held
    Poco::JSON::Parser parser;
    return parser.parse(line).extract<Poco::JSON::Object::Ptr>();
}
}  // namespace

TEST_CASE("a request's log line reads back as written, its path and address escaped", "[unit][logs]") {
    logs::RequestRecord r;
    r.at = 1764614412345;  // 2025-12-01T18:40:12.345Z
    r.requestId = "lb-1";
    r.method = "GET";
    r.route = "/provisions/قانون \"شهرداری\"\n\\ماده\t۵۵";
    r.status = 404;
    r.durationMs = 1.23456;
    r.client = "::1";
    const auto o = parsed(logs::requestLine(r));
    CHECK(o->getValue<std::string>("time") == "2025-12-01T18:40:12.345Z");
    CHECK(o->getValue<std::string>("level") == "info");
    CHECK(o->getValue<std::string>("event") == "request");
    CHECK(o->getValue<std::string>("request_id") == "lb-1");
    CHECK(o->getValue<std::string>("route") == r.route);
    CHECK(o->getValue<int>("status") == 404);
    CHECK(o->getValue<double>("duration_ms") == Approx(1.235));
    CHECK(o->isNull("user_id"));
    CHECK(o->getValue<std::string>("client") == "::1");
    r.userId = 42;
    r.at = 1764614412007;
    const auto signedIn = parsed(logs::requestLine(r));
    CHECK(signedIn->getValue<std::int64_t>("user_id") == 42);
    CHECK(signedIn->getValue<std::string>("time") == "2025-12-01T18:40:12.007Z");
}

TEST_CASE("an event's log line carries the request it happened in, when there is one", "[unit][logs]") {
    const auto outside = parsed(logs::eventLine("error", "lacuna", "store: \"gaps\" locked\r\n"));
    CHECK(outside->getValue<std::string>("level") == "error");
    CHECK(outside->getValue<std::string>("message") == "store: \"gaps\" locked\r\n");
    CHECK_FALSE(outside->has("request_id"));
    const auto inside = parsed(logs::eventLine("warning", "lacuna", "خطا", "abc"));
    CHECK(inside->getValue<std::string>("request_id") == "abc");
    CHECK(inside->getValue<std::string>("message") == "خطا");
}

TEST_CASE("a client's request id is kept only when it is short and plain", "[unit][logs]") {
    CHECK(logs::requestIdFrom("f3a9-12:lb/2=+@_.x") == "f3a9-12:lb/2=+@_.x");
    CHECK(logs::requestIdFrom(std::string(128, 'z')) == std::string(128, 'z'));
    for (const std::string& refused :
         {std::string(), std::string(129, 'z'), std::string("a b"), std::string("a\r\nX-Injected: 1"),
          std::string("<b>"), std::string("شناسه"), std::string("a\"b"), std::string("a,b")}) {
        INFO(refused);
        const std::string made = logs::requestIdFrom(refused);
        CHECK(made != refused);
        CHECK(made.size() == 16);  // 12 random bytes, base64url
        CHECK(logs::requestIdFrom(made) == made);
    }
    CHECK(logs::requestIdFrom("") != logs::requestIdFrom(""));
}

TEST_CASE("the request scope names the request only while it lasts", "[unit][logs]") {
    CHECK(logs::RequestScope::current().empty());
    {
        const logs::RequestScope scope("r-1");
        CHECK(logs::RequestScope::current() == "r-1");
    }
    CHECK(logs::RequestScope::current().empty());
}

TEST_CASE("request ids made by the service are never the same twice, from any thread", "[unit][logs]") {
    std::mutex mutex;
    std::set<std::string> made;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            std::vector<std::string> mine;
            for (int i = 0; i < 25000; ++i) mine.push_back(logs::requestIdFrom(""));
            std::lock_guard lock(mutex);
            made.insert(mine.begin(), mine.end());
        });
    for (auto& t : threads) t.join();
    CHECK(made.size() == 100000);
    for (const std::string& id : made) {
        INFO(id);
        REQUIRE(id.size() == 16);
        REQUIRE(id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
                std::string::npos);
        REQUIRE(id.substr(0, 8) == made.begin()->substr(0, 8));  // one process, one prefix
    }
    // One the service takes as it came, and one it does not (a space): a new one instead.
    CHECK(logs::requestIdFrom("lb-7f3a:2026/12/01") == "lb-7f3a:2026/12/01");
    CHECK(logs::requestIdFrom("two words").size() == 16);
}
