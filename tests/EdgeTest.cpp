// The HTTP edge as a client of any kind meets it: bad escapes, status lines, HEAD, media types, text a
// person cannot see, and bodies built to make the parser work.
#include <Poco/NumberFormatter.h>
#include <Poco/String.h>

#include <catch2/catch.hpp>
#include <regex>

#include "ApiHelpers.h"
#include "RawHttp.h"
#include "TestService.h"

using namespace lacuna;
using namespace lacuna::test;

TEST_CASE("a bad escape is a bad request, answered as problem+json", "[http][edge]") {
    TestService t;
    for (const std::string path : {"/api/v1/gaps/%zz", "/api/v1/gaps/%", "/api/v1/provisions/%E2%82"}) {
        const Reply r = t.client->get(path, t.token("observer"));
        INFO(path << ": " << r.status << " " << r.body);
        CHECK((r.status == 400 || r.status == 404));
        CHECK(r.contentType.rfind("application/problem+json", 0) == 0);
    }
    requireProblem(t.client->get("/api/v1/gaps/%zz", t.token("observer")), 400, "path");
}

TEST_CASE("every status line is HTTP/1.1 with its standard reason phrase", "[http][edge]") {
    TestService t;
    const std::string old = exchangeRaw(t.service().port(), "GET /healthz HTTP/1.0\r\nHost: x\r\n\r\n");
    CHECK(old.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
    const std::string missing =
        exchangeRaw(t.service().port(), "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CHECK(missing.rfind("HTTP/1.1 404 Not Found\r\n", 0) == 0);
    const std::string created =
        t.client->post("/api/v1/session", "", R"({"username":"x","password":"y"})").body;
    const std::string unauthorised =
        exchangeRaw(t.service().port(), "GET /api/v1/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CHECK(unauthorised.rfind("HTTP/1.1 401 Unauthorized\r\n", 0) == 0);
    (void)created;
}

TEST_CASE("every answer says how long the service spent on it, errors and bodiless ones too",
          "[http][edge]") {
    TestService t;
    const std::string token = t.token("tehran.director");
    const std::string path = gapPath(createGap(t));
    const std::vector<std::pair<int, Reply>> answers = {
        {200, t.client->get(path, token)},
        {200, t.client->get("/healthz", "")},
        {404, t.client->get("/api/v1/nowhere", token)},
        {401, t.client->get("/api/v1/me", "")},
        {400, t.client->get("/api/v1/gaps?limit=abc", token)},
        {204, t.client->send("DELETE", "/api/v1/session", token)},
    };
    for (const auto& [status, reply] : answers) {
        INFO(status << " " << reply.body);
        CHECK(reply.status == status);
        CHECK(std::regex_match(reply.header("Server-Timing"), std::regex("app;dur=[0-9]+\\.[0-9]{2}")));
    }
}

TEST_CASE("HEAD answers every GET route with its head and no body", "[http][edge]") {
    TestService t;
    const std::string path = gapPath(createGap(t));
    const Reply get = t.client->get(path, t.token("tehran.director"));
    const Reply head = t.client->send("HEAD", path, t.token("tehran.director"));
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(head.header("ETag") == get.header("ETag"));
    CHECK(head.header("Content-Length") == std::to_string(get.body.size()));
    CHECK(t.client->send("HEAD", "/healthz", "").status == 200);
}

TEST_CASE("only application/json in UTF-8 is read as JSON", "[http][edge]") {
    TestService t;
    const std::string login =
        R"({"username":"observer","password":")" + std::string(TestService::PASSWORD) + "\"}";
    for (const std::string type : {"application/json-seq", "application/json; charset=iso-8859-1",
                                   "text/json", "application/jsonx", "application/json; boundary=x"}) {
        const Reply r = t.client->send("POST", "/api/v1/session", "", login, {}, type);
        INFO(type << ": " << r.status);
        CHECK(r.status == 415);
    }
    for (const std::string type :
         {"application/json", "application/json; charset=utf-8", "Application/JSON; Charset=\"UTF-8\""})
        CHECK(t.client->send("POST", "/api/v1/session", "", login, {}, type).status == 201);
}

TEST_CASE("text a person cannot see, or that turns the text around, is refused", "[http][edge]") {
    TestService t;
    const auto report = [&](const std::string& title) {
        return t.client->post(
            "/api/v1/gaps", t.token("tehran.director"),
            R"({"title":")" + title + R"(","description":"شرح","kind":"vacuum","category":"fees"})");
    };
    const std::size_t before = listCount(t, "secretary");
    requireProblem(report("\u200B\u200B"), 400, "title");
    requireProblem(report("\u200C \u2060"), 400, "title");
    requireProblem(report("\u202Eعنوان وارونه"), 400, "title");
    requireProblem(report("عنوان \u2067پنهان\u2069"), 400, "title");
    CHECK(listCount(t, "secretary") == before);
    CHECK(report("شهرداری\u200Cها \u200Fو قانون").status == 201);  // ZWNJ and marks stay allowed
}

TEST_CASE("a body of ninety thousand keys is refused before any password is checked", "[http][edge]") {
    TestService t;
    std::string body = R"({"username":{)";
    for (int i = 0; i < 90000; ++i) body += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
    body += R"(},"password":"x"})";
    const Reply r = t.client->post("/api/v1/session", "", body);
    requireProblem(r, 400);
    CHECK(r.body.find("too_many_members") != std::string::npos);
}

TEST_CASE("a request whose body could end in two places is refused and its connection closed",
          "[http][edge][framing]") {
    TestService t;
    const std::string login = R"({"username":"secretary","password":"correct horse 1"})";
    const std::string length = std::to_string(login.size());
    const std::string start = "POST /api/v1/session HTTP/1.1\r\nContent-Type: application/json\r\n";
    for (const FramingCase& c : framingCases(login)) {
        INFO(c.name);
        const std::string answer = exchangeRaw(t.service().port(), framedThenHealth(c));
        INFO(answer);
        CHECK(answer.find("HTTP/1.1 200") == std::string::npos);  // the health check that followed: unread
        CHECK(answer.find("\"token\"") == std::string::npos);
        CHECK(isProblem(answer, c.status));
        CHECK(Poco::toLower(answer).find("connection: close") != std::string::npos);
        CHECK(answer.find("\"field\":\"" + c.header + "\"") != std::string::npos);
    }
    // Poco's own chunk reader takes LF alone for CRLF; this service does not.
    const std::string lf = exchangeRaw(
        t.service().port(),
        framedThenHealth({"chunk lines ended by LF alone", "Host: x\r\nTransfer-Encoding: chunked\r\n",
                          Poco::NumberFormatter::formatHex(login.size()) + "\n" + login + "\n0\n\n"}));
    CHECK(isProblem(lf, "400"));
    CHECK(lf.find("HTTP/1.1 200") == std::string::npos);
    // What is framed one way only is still read: chunks, a length, an HTTP/1.0 request without Host.
    const long slowLogin = 30;  // a password hash under the sanitizers takes a while
    const std::string chunked =
        exchangeRaw(t.service().port(),
                    start + "Host: x\r\nTransfer-Encoding: Chunked\r\nConnection: close\r\n\r\n" +
                        Poco::NumberFormatter::formatHex(login.size()) + "\r\n" + login + "\r\n0\r\n\r\n",
                    slowLogin);
    CHECK(chunked.rfind("HTTP/1.1 201 ", 0) == 0);
    const std::string plain = exchangeRaw(
        t.service().port(),
        start + "Host: x\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n" + login, slowLogin);
    CHECK(plain.rfind("HTTP/1.1 201 ", 0) == 0);
    CHECK(exchangeRaw(t.service().port(), "GET /healthz HTTP/1.0\r\n\r\n").rfind("HTTP/1.1 200 ", 0) == 0);
    // A body shorter than its length, the client done sending: refused, not read as what arrived.
    const std::string cut = exchangeRaw(
        t.service().port(),
        start + "Host: x\r\nContent-Length: " + std::to_string(login.size() + 10) + "\r\n\r\n" + login,
        slowLogin, true);
    INFO(cut);
    CHECK(cut.rfind("HTTP/1.1 400 ", 0) == 0);
    CHECK(cut.find("\"field\":\"Content-Length\"") != std::string::npos);
}
