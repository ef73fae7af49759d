// The OpenAPI document: the check that holds every answer of the suites to it refuses what it must, the
// document names every route of the API and nothing else, and the service serves it as built.
#include <Poco/FileStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/StreamCopier.h>

#include <catch2/catch.hpp>
#include <set>

#include "ApiHelpers.h"
#include "OpenApiContract.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

Poco::JSON::Object::Ptr parseObject(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

/// A small document of the shape api/openapi.json has: one path with a record, a list and a problem.
const OpenApiContract& small() {
    static const OpenApiContract CONTRACT(parseObject(R"({
      "openapi": "3.1.0",
      "paths": {
        "/api/v1/things/{id}": {
          "get": {"responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
            "404": {"$ref": "#/components/responses/Problem"}}},
          "delete": {"responses": {"204": {"description": "No Content"}}}
        },
        "/api/v1/things/special": {
          "get": {"responses": {"200": {"description": "OK", "content": {"text/plain": {"schema": {"type": "string"}}}}}}
        }
      },
      "components": {
        "responses": {"Problem": {"description": "a problem",
          "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}},
        "schemas": {
          "Thing": {"type": "object", "additionalProperties": false, "required": ["id", "state", "tags"],
            "properties": {"id": {"type": "integer", "minimum": 1}, "state": {"enum": ["open", "closed"]},
              "due_at": {"type": ["string", "null"], "format": "date-time"},
              "tags": {"type": "array", "items": {"type": "string", "minLength": 1}},
              "counts": {"type": "object", "additionalProperties": {"type": "integer"}}}},
          "Problem": {"type": "object", "required": ["type", "status"],
            "properties": {"type": {"type": "string"}, "status": {"type": "integer"}}}
        }
      }
    })"));
    return CONTRACT;
}

const std::string JSON_TYPE = "application/json; charset=utf-8";
const std::string PROBLEM_TYPE = "application/problem+json; charset=utf-8";

}  // namespace

TEST_CASE("the OpenAPI check passes what the document describes and names what it does not", "[unit]") {
    const OpenApiContract& c = small();
    const std::string good = R"({"id":3,"state":"open","due_at":null,"tags":["a"],"counts":{"۱۴۰۵":2}})";
    CHECK(c.check("GET", "/api/v1/things/3?x=1", 200, JSON_TYPE, good).empty());
    CHECK(c.check("HEAD", "/api/v1/things/3", 200, JSON_TYPE, "").empty());  // as GET, without the body
    CHECK(c.check("DELETE", "/api/v1/things/3", 204, "", "").empty());
    CHECK(c.check("GET", "/api/v1/things/special", 200, "text/plain", "hello").empty());  // the literal wins
    CHECK(c.check("GET", "/api/v1/things/3", 404, PROBLEM_TYPE, R"({"type":"t","status":404})").empty());
    // A path or method the document has not, answered as a problem 404/405: all it may be.
    CHECK(c.check("GET", "/api/v1/nowhere", 404, PROBLEM_TYPE, R"({"type":"t","status":404})").empty());
    CHECK(c.check("PUT", "/api/v1/things/3", 405, PROBLEM_TYPE, R"({"type":"t","status":405})").empty());

    const std::vector<std::pair<std::string, std::string>> refused = {
        {c.check("GET", "/api/v1/things/3", 500, PROBLEM_TYPE, R"({"type":"t","status":500})"),
         "does not list"},
        {c.check("GET", "/api/v1/nowhere", 200, JSON_TYPE, "{}"), "has no path"},
        {c.check("PUT", "/api/v1/things/3", 200, JSON_TYPE, "{}"), "has no PUT"},
        {c.check("GET", "/api/v1/things/3", 200, "text/html", good), "text/html"},
        {c.check("DELETE", "/api/v1/things/3", 204, JSON_TYPE, "{}"), "describes none"},
        {c.check("GET", "/api/v1/things/3", 200, JSON_TYPE, "{"), "not JSON"},
        {c.check("GET", "/api/v1/things/3", 200, JSON_TYPE, R"({"id":3,"state":"open","tags":[],"extra":1})"),
         "\"extra\", which the schema does not describe"},
        {c.check("GET", "/api/v1/things/3", 200, JSON_TYPE, R"({"id":3,"tags":[]})"), "\"state\""},
        {c.check("GET", "/api/v1/things/3", 200, JSON_TYPE, R"({"id":"3","state":"open","tags":[]})"), "/id"},
        {c.check("GET", "/api/v1/things/3", 200, JSON_TYPE, R"({"id":0,"state":"open","tags":[]})"),
         "minimum"},
        {c.check("GET", "/api/v1/things/3", 200, JSON_TYPE, R"({"id":3,"state":"gone","tags":[]})"),
         "/state"},
        {c.check("GET", "/api/v1/things/3", 200, JSON_TYPE, R"({"id":3,"state":"open","tags":[""]})"),
         "/tags/0"},
        {c.check("GET", "/api/v1/things/3", 200, JSON_TYPE,
                 R"({"id":3,"state":"open","tags":[],"due_at":"1405-09-11"})"),
         "date-time"},
        {c.check("GET", "/api/v1/things/3", 200, JSON_TYPE,
                 R"({"id":3,"state":"open","tags":[],"counts":{"a":"b"}})"),
         "/counts/a"},
        {c.check("GET", "/api/v1/things/3", 404, PROBLEM_TYPE, R"({"type":"t"})"), "\"status\""},
    };
    for (const auto& [why, names] : refused) {
        INFO(why);
        CHECK_THAT(why, Catch::Contains(names));
    }
    // A keyword the check does not know would go unchecked: the document may not use it.
    const auto schema = parseObject(R"({"type": "string", "contentMediaType": "text/html"})");
    CHECK_THAT(c.validate(std::string("x"), schema).at(0), Catch::Contains("contentMediaType"));
}

TEST_CASE("the OpenAPI document names every route of the API, and no route the service lacks", "[http]") {
    TestService t;
    const Poco::JSON::Object::Ptr paths =
        parseObject(t.client->get("/api/v1/openapi.json", "").body)->getObject("paths");
    std::set<std::string> routed, documented;
    for (const Router::Route& route : t.service().router().routes())
        if (OpenApiContract::covers(route.pattern)) routed.insert(route.method + " " + route.pattern);
    for (const auto& [pattern, item] : *paths)
        for (const auto& [method, operation] : *item.extract<Poco::JSON::Object::Ptr>())
            documented.insert(Poco::toUpper(method) + " " + pattern);
    CHECK(routed.size() > 70);
    for (const std::string& r : routed) {
        INFO(r);
        CHECK(documented.count(r) == 1);
    }
    for (const std::string& d : documented) {
        INFO(d);
        CHECK(routed.count(d) == 1);
    }
}

TEST_CASE("GET /api/v1/openapi.json serves the document of the source tree, to anyone", "[http]") {
    TestService t;
    const Reply served = t.client->get("/api/v1/openapi.json", "");
    CHECK(served.status == 200);
    CHECK(served.contentType == "application/json; charset=utf-8");
    Poco::FileInputStream in(LACUNA_SOURCE_DIR "/api/openapi.json");
    std::string file;
    Poco::StreamCopier::copyToString(in, file);
    CHECK(served.body == file);
    const auto document = parseObject(served.body);
    CHECK(document->getValue<std::string>("openapi") == "3.1.0");
}
