#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <catch2/catch.hpp>

#include "Errors.h"
#include "JsonReader.h"

using namespace lacuna;

namespace {
std::string refusal(const std::string& text, JsonLimits limits = {}) {
    try {
        readJson(text, limits);
    } catch (const ValidationError& e) {
        return e.fields().at(0).field + ":" + e.fields().at(0).code;
    }
    return "accepted";
}
}  // namespace

TEST_CASE("well-formed JSON is read with types kept", "[unit][json]") {
    const auto value = readJson(R"({"a": [1, -2.5, true, null, "شهر\u200c"], "b": {"c": 9007199254740993}})");
    const auto object = value.extract<Poco::JSON::Object::Ptr>();
    const auto a = object->getArray("a");
    CHECK(a->get(0).type() == typeid(Poco::Int64));
    CHECK(a->get(1).extract<double>() == -2.5);
    CHECK(a->get(2).extract<bool>());
    CHECK(a->get(3).isEmpty());
    CHECK(a->get(4).extract<std::string>() == "شهر\u200C");
    CHECK(object->getObject("b")->get("c").extract<Poco::Int64>() == 9007199254740993LL);
}

TEST_CASE("the reader refuses what Poco's parser lets through", "[unit][json]") {
    CHECK(refusal(R"({"a": 1, "a": 2})") == "a:duplicate_key");
    CHECK(refusal(R"({"x": {"a": 1, "a": 2}})") == "x.a:duplicate_key");
    CHECK(refusal("{\"a\": \"\\u0000\"}") == "a:nul");
    CHECK(refusal(std::string("{\"a\": \"x\0y\"}", 12)) == "a:nul");
    CHECK(refusal("{\"a\": \"\xC0\xAF\"}") == "a:invalid_utf8");
    CHECK(refusal("{\"a\": \"\\ud800\"}") == "a:invalid_unicode");
    CHECK(refusal("{\"a\": \"\\udc00\\ud800\"}") == "a:invalid_unicode");
    CHECK(refusal("[[[[[[[[[1]]]]]]]]]") == "body[0][0][0][0][0][0][0][0]:too_deep");
    CHECK(refusal("[[[[[[[[1]]]]]]]]") == "accepted");
    CHECK(refusal("{} {}") == "body:trailing_data");
    CHECK(refusal("") == "body:empty");
    CHECK(refusal("{'a': 1}") == "body:malformed");
    CHECK(refusal("{\"a\": 01}") == "a:malformed");
    CHECK(refusal("{\"a\": tru}") == "a:malformed");
    CHECK(refusal("{\"a\": \"tab\there\"}") == "a:malformed");
    CHECK(refusal("{\"a\": 1,}") == "body:malformed");
}

TEST_CASE("a body of many keys is read in time that grows with its size, within the configured bounds",
          "[unit][json]") {
    std::string many = "{";
    for (int i = 0; i < 100000; ++i) many += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
    many += "}";
    JsonLimits roomy;
    roomy.maxMembers = 200000;
    // 100,000 keys: a map, not a list searched once per key (that took 16 s of server time).
    const auto object = readJson(many, roomy).extract<Poco::JSON::Object::Ptr>();
    CHECK(object->size() == 100000);
    // The default bounds refuse it after the 1,000th member, naming the object.
    try {
        readJson(many);
        FAIL("a body over the member bound was read");
    } catch (const ValidationError& e) {
        REQUIRE(e.fields().size() == 1);
        CHECK(e.fields()[0].code == "too_many_members");
    }
    std::string items = "[";
    for (int i = 0; i < 10001; ++i) items += (i ? ",1" : "1");
    items += "]";
    CHECK_THROWS_AS(readJson("{\"a\":" + items + "}"), ValidationError);
}
