#include "HttpClient.h"

#include <Poco/InflatingStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <catch2/catch.hpp>
#include <thread>

#include "OpenApiContract.h"
#include "PersianText.h"

namespace lacuna::test {
namespace {

/// The thread the tests run on (static initialisation runs on it).
const std::thread::id TEST_THREAD = std::this_thread::get_id();

}  // namespace

Poco::JSON::Object::Ptr Reply::json() const {
    INFO("body: " << body);
    Poco::JSON::Parser parser;
    const auto value = parser.parse(body);
    REQUIRE(value.type() == typeid(Poco::JSON::Object::Ptr));
    return value.extract<Poco::JSON::Object::Ptr>();
}

std::string Reply::header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
}

std::vector<std::string> Reply::errorFields() const {
    std::vector<std::string> out;
    const auto errors = json()->getArray("errors");
    if (!errors) return out;
    for (std::size_t i = 0; i < errors->size(); ++i)
        out.push_back(errors->getObject(static_cast<unsigned>(i))->getValue<std::string>("field"));
    return out;
}

Reply HttpClient::send(const std::string& method, const std::string& path, const std::string& token,
                       const std::string& body, const std::map<std::string, std::string>& headers,
                       const std::string& contentType) const {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(_port));
    session.setTimeout(Poco::Timespan(30, 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    if (!token.empty()) request.set("Authorization", "Bearer " + token);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (!body.empty() || method == "POST" || method == "PATCH") {
        request.setContentType(contentType);
        request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Reply reply;
    reply.status = response.getStatus();
    reply.contentType = response.getContentType();
    for (const auto& [name, value] : response) reply.headers[name] = value;
    if (Poco::icompare(response.get("Content-Encoding", ""), "gzip") == 0) {
        // What a browser does: the suites read a compressed page as its text.
        Poco::InflatingInputStream inflated(in, Poco::InflatingStreamBuf::STREAM_GZIP);
        Poco::StreamCopier::copyToString(inflated, reply.body);
    } else {
        Poco::StreamCopier::copyToString(in, reply.body);
    }
    // Every text answer the suites receive must be valid UTF-8: a strict client could not read it otherwise.
    // Catch's macros belong to the test's own thread; an answer received on another thread fails as
    // a 599 that no test accepts.
    const bool text = reply.contentType.rfind("text/", 0) == 0 ||
                      reply.contentType.find("json") != std::string::npos ||
                      reply.contentType.find("javascript") != std::string::npos;
    if (text && !isValidUtf8(reply.body)) {
        const std::string what = method + " " + path + " answered " + std::to_string(reply.status) +
                                 " with a body that is not UTF-8";
        if (std::this_thread::get_id() == TEST_THREAD) FAIL_CHECK(what);
        reply.status = 599;
        reply.body = what;
    }
    // Every answer of the API must be one the OpenAPI document describes, on every suite and backend.
    if (OpenApiContract::covers(path.substr(0, path.find('?')))) {
        const std::string why =
            OpenApiContract::ofSourceTree().check(method, path, reply.status, reply.contentType, reply.body);
        if (!why.empty()) {
            if (std::this_thread::get_id() == TEST_THREAD) {
                FAIL_CHECK(why);
            } else {
                reply.status = 599;
                reply.body = why;
            }
        }
    }
    return reply;
}

std::string HttpClient::login(const std::string& username, const std::string& password) const {
    const Reply r =
        post("/api/v1/session", "", R"({"username":")" + username + R"(","password":")" + password + "\"}");
    INFO(r.body);
    REQUIRE(r.status == 201);
    return r.json()->getValue<std::string>("token");
}

}  // namespace lacuna::test
