// Clients that take the service's time: headers sent a byte at a time, more connections than a
// worker pool, bodies that never come, and the HTTP layer's own refusals — each answered as
// problem+json, none able to keep the next client from being served.
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <thread>
#include <vector>

#include "ApiHelpers.h"
#include "RawHttp.h"
#include "TestService.h"

using namespace lacuna;
using namespace lacuna::test;

TEST_CASE("slow headers hold no worker: the health check answers at once beside a thousand of them",
          "[http][edge][slow]") {
    // Four workers, far fewer than the slow clients: a connection waiting for its header holds none.
    TestService t(testBackend(), 4);
    const int port = t.service().port();
    const int limit = t.service().config().server.maxConnectionsPerAddress;
    REQUIRE(limit < 1000);

    SECTION("1,000 from one address") {
        auto slow = slowHeaders(port, 1000, [](int) { return "127.0.0.1"; });
        // The connections beyond the per-address limit are refused at once, with an answer.
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        int refused = 0;
        for (auto& c : slow) {
            const std::string answer = c->read(0);
            if (answer.empty()) continue;
            CHECK(isProblem(answer, "429"));
            CHECK(answer.find("Retry-After: ") != std::string::npos);
            ++refused;
        }
        CHECK(refused == 1000 - limit);
        requireHealthyBeside(port, "127.0.0.2", "1,000 slow headers from one address");
    }
    SECTION("200 from 200 addresses") {
        auto slow = slowHeaders(port, 200, [](int i) { return "127.0.0." + std::to_string(i + 2); });
        requireHealthyBeside(port, "127.0.1.1", "200 slow headers from 200 addresses");
        for (auto& c : slow) CHECK(c->read(0).empty());  // still waiting, not refused
    }
}

TEST_CASE("a header that trickles in is cut off at its deadline with 408", "[http][edge][slow]") {
    TestService t(testBackend(), 4, [](AppConfig& c) { c.server.headerTimeoutSeconds = 2; });
    const int port = t.service().port();
    RawConnection trickle(port);
    RawConnection silent(port);
    const auto start = SteadyClock::now();
    const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(200, 'a');
    std::string answer;
    for (std::size_t i = 0; i < request.size() && !trickle.closed() && secondsSince(start) < 8; ++i) {
        trickle.send(request.substr(i, 1));  // a byte every 100 ms: every read is quick, the whole is not
        answer += trickle.read(100);
    }
    answer += trickle.read(1000);
    const double cutAfter = secondsSince(start);
    INFO(answer);
    CHECK(isProblem(answer, "408"));
    CHECK(answer.find("\"field\":\"header\"") != std::string::npos);
    CHECK(trickle.closed());
    CHECK(cutAfter > 1.5);
    CHECK(cutAfter < 5.0);
    // A connection that never sends a byte is closed without a word.
    CHECK(silent.read(1000).empty());
    CHECK(silent.closed());
}

TEST_CASE("when every worker is busy a new request gets a fast 503, and the service recovers",
          "[http][edge][slow]") {
    TestService t(testBackend(), 4, [](AppConfig& c) {
        c.server.maxQueued = 2;
        c.server.bodyTimeoutSeconds = 3;
    });
    const int port = t.service().port();
    // Six bodies that never come: four workers wait for them, two requests wait for a worker.
    std::vector<std::unique_ptr<RawConnection>> stuck;
    for (int i = 0; i < 6; ++i) {
        stuck.push_back(std::make_unique<RawConnection>(port));
        stuck.back()->send(
            "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    std::string answer;
    const double waited = probeHealth(port, "127.0.0.2", answer);
    INFO(answer);
    CHECK(isProblem(answer, "503"));
    CHECK(answer.find("Retry-After: 1") != std::string::npos);
    CHECK(waited < 1.0);
    // The bodies' deadline passes: each stuck request is answered 408, and the service serves again.
    for (auto& c : stuck) {
        const std::string late = c->read(8000);
        INFO(late);
        CHECK(isProblem(late, "408"));
        CHECK(late.find("\"field\":\"body\"") != std::string::npos);
    }
    CHECK(probeHealth(port, "127.0.0.2", answer) < 1.0);
    CHECK(answer.rfind("HTTP/1.1 200 ", 0) == 0);
}

TEST_CASE("a burst of 2,000 connections: every one gets an answer", "[http][edge][slow]") {
    TestService t(testBackend(), 8);
    const int port = t.service().port();
    std::vector<std::unique_ptr<RawConnection>> burst;
    for (int i = 0; i < 2000; ++i) {
        burst.push_back(std::make_unique<RawConnection>(port, "127.0.2." + std::to_string(1 + i % 8)));
        burst.back()->send(HEALTH);
    }
    int ok = 0, refused = 0, silent = 0;
    for (auto& c : burst) {
        const std::string answer = c->read(10000);
        if (answer.rfind("HTTP/1.1 200 ", 0) == 0)
            ++ok;
        else if (isProblem(answer, "503") || isProblem(answer, "429"))
            ++refused;
        else
            ++silent;
    }
    WARN("burst of 2,000: " << ok << " answered 200, " << refused << " refused with 503/429, " << silent
                            << " without an answer");
    CHECK(silent == 0);
    CHECK(ok > 0);
}

TEST_CASE("one connection carries request after request, bodies read or not", "[http][edge]") {
    TestService t;
    RawConnection c(t.service().port());
    const auto post = [&](const std::string& path, const std::string& body) {
        c.send("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
               std::to_string(body.size()) + "\r\n\r\n" + body);
        return c.readAnswer(30000);
    };
    // A body its handler reads, one it never reads (no such route), a request without one.
    CHECK(
        post("/api/v1/session", R"({"username":"secretary","password":"wrong"})").rfind("HTTP/1.1 401 ", 0) ==
        0);
    CHECK(post("/api/v1/nowhere", R"({"title":")" + std::string(5000, 'x') + R"("})")
              .rfind("HTTP/1.1 404 ", 0) == 0);
    c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    const std::string health = c.readAnswer(10000);
    CHECK(health.rfind("HTTP/1.1 200 ", 0) == 0);
    CHECK(Poco::toLower(health).find("connection: close") == std::string::npos);
    CHECK_FALSE(c.closed());
}

TEST_CASE("the HTTP layer's own refusals are problem+json and close the connection", "[http][edge]") {
    TestService t;
    const int port = t.service().port();
    std::string fields;
    for (int i = 0; i < 120; ++i) fields += "X-F" + std::to_string(i) + ": v\r\n";
    struct Case {
        std::string name, request, status, field;
    };
    const std::vector<Case> cases = {
        {"a target of 20 KB", "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", "414",
         "target"},
        {"a target past the header limit", "GET /" + std::string(70000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n",
         "414", "target"},
        {"120 header fields", "GET /healthz HTTP/1.1\r\nHost: x\r\n" + fields + "\r\n", "431", "header"},
        {"a 9 KB value", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'v') + "\r\n\r\n",
         "431", "header"},
        {"a 10 KB token",
         "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + std::string(10000, 't') +
             "\r\n\r\n",
         "431", "header"},
        {"a header block past the limit",
         "GET /healthz HTTP/1.1\r\nHost: x\r\n" + std::string(20, 'X') + ": " + std::string(8000, 'v') +
             "\r\n" +
             [] {
                 std::string many;
                 for (int i = 0; i < 9; ++i)
                     many += "X-" + std::to_string(i) + ": " + std::string(8000, 'v') + "\r\n";
                 return many;
             }() +
             "\r\n",
         "431", "header"},
        {"no request line", "\x01\x02\x03 nonsense\r\n\r\n", "400", "header"},
        {"a version not spoken", "GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n", "505", "version"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const std::string answer = exchangeRaw(port, c.request + HEALTH);
        INFO(answer.substr(0, 600));
        CHECK(isProblem(answer, c.status));
        CHECK(answer.find("\"field\":\"" + c.field + "\"") != std::string::npos);
        CHECK(Poco::toLower(answer).find("connection: close") != std::string::npos);
        CHECK(answer.find("HTTP/1.1 200") == std::string::npos);  // nothing after it was run
    }
}

TEST_CASE("each request is known by its own connection's address, request after request", "[http][edge]") {
    // The address a request came from is its connection's, however many requests the connection carries
    // and whichever worker serves them: sign-ins alternate between two kept-alive connections from two
    // addresses, and each session records the address of the connection that made it.
    TestService t;
    const int port = t.service().port();
    RawConnection a(port, "127.0.0.5");
    RawConnection b(port, "127.0.0.6");
    const std::string login =
        std::string(R"({"username":"secretary","password":")") + TestService::PASSWORD + "\"}";
    const auto signIn = [&](RawConnection& c) {
        c.send(
            "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
            std::to_string(login.size()) + "\r\n\r\n" + login);
        const std::string answer = c.readAnswer(30000);
        REQUIRE(answer.rfind("HTTP/1.1 201 ", 0) == 0);
        return Poco::JSON::Parser()
            .parse(answer.substr(answer.find("\r\n\r\n") + 4))
            .extract<Poco::JSON::Object::Ptr>()
            ->getValue<std::string>("token");
    };
    std::map<std::string, std::string> madeFrom;  // a session's token, the address its connection had
    for (int round = 0; round < 3; ++round) {
        madeFrom[signIn(a)] = "127.0.0.5";
        madeFrom[signIn(b)] = "127.0.0.6";
    }
    REQUIRE(madeFrom.size() == 6);
    CHECK_FALSE(a.closed());
    CHECK_FALSE(b.closed());
    for (const auto& [token, from] : madeFrom) {
        const auto sessions = t.client->get("/api/v1/me/sessions", token).json()->getArray("items");
        int current = 0;
        for (std::size_t i = 0; i < sessions->size(); ++i) {
            const auto s = sessions->getObject(i);
            if (!s->getValue<bool>("current")) continue;
            ++current;
            CHECK(s->getValue<std::string>("client") == from);
            CHECK(s->getValue<std::string>("last_client") == from);
        }
        CHECK(current == 1);
    }
}
