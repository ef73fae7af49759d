#include "OpenApiContract.h"

#include <Poco/FileStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/RegularExpression.h>
#include <Poco/String.h>

#include <set>
#include <sstream>

namespace lacuna::test {

namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

/// What a schema may say and the check reads as an annotation only.
const std::set<std::string> ANNOTATIONS = {"description", "title",    "examples",  "default",
                                           "deprecated",  "readOnly", "writeOnly", "$comment"};

std::vector<std::string> segments(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 1;
    for (std::size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1)
        out.push_back(path.substr(start, slash - start));
    out.push_back(path.substr(start));
    return out;
}

std::string jsonText(const Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(value, out);
    return out.str();
}

bool isObject(const Var& v) { return v.type() == typeid(Object::Ptr); }
bool isArray(const Var& v) { return v.type() == typeid(Array::Ptr); }

bool hasType(const Var& v, const std::string& type) {
    if (type == "null") return v.isEmpty();
    if (v.isEmpty()) return false;
    if (type == "object") return isObject(v);
    if (type == "array") return isArray(v);
    if (type == "string") return v.isString();
    if (type == "boolean") return v.isBoolean();
    if (type == "integer") return v.isInteger() && !v.isBoolean();
    if (type == "number") return v.isNumeric() && !v.isBoolean();
    return false;
}

std::string typeName(const Var& v) {
    for (const char* t : {"null", "object", "array", "string", "boolean", "integer", "number"})
        if (hasType(v, t)) return t;
    return "unknown";
}

bool formatHolds(const std::string& format, const std::string& text) {
    static const Poco::RegularExpression DATE_TIME(
        R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$)");
    static const Poco::RegularExpression DATE(R"(^\d{4}-\d{2}-\d{2}$)");
    if (format == "date-time") return DATE_TIME.match(text);
    if (format == "date") return DATE.match(text);
    return true;
}

const std::set<std::string> FORMATS = {"date-time", "date",  "uri-reference", "uri",
                                       "int64",     "int32", "password"};

}  // namespace

OpenApiContract::OpenApiContract(Poco::JSON::Object::Ptr document) : _document(std::move(document)) {}

const OpenApiContract& OpenApiContract::ofSourceTree() {
    static const OpenApiContract CONTRACT = [] {
        Poco::FileInputStream in(LACUNA_SOURCE_DIR "/api/openapi.json");
        Poco::JSON::Parser parser;
        return OpenApiContract(parser.parse(in).extract<Object::Ptr>());
    }();
    return CONTRACT;
}

bool OpenApiContract::covers(const std::string& path) {
    return path.rfind("/api/", 0) == 0 || path == "/healthz" || path.rfind("/healthz/", 0) == 0 ||
           path == "/metrics" || path.rfind("/feeds/", 0) == 0;
}

std::string OpenApiContract::templateOf(const std::string& path) const {
    const std::vector<std::string> wanted = segments(path);
    std::string best;
    int bestLiterals = -1;
    for (const auto& [pattern, item] : *_document->getObject("paths")) {
        const std::vector<std::string> parts = segments(pattern);
        if (parts.size() != wanted.size()) continue;
        int literals = 0;
        bool matches = true;
        for (std::size_t i = 0; i < parts.size() && matches; ++i) {
            const bool parameter = parts[i].size() > 2 && parts[i].front() == '{' && parts[i].back() == '}';
            if (parameter)
                matches = !wanted[i].empty();
            else if ((matches = parts[i] == wanted[i]))
                ++literals;
        }
        if (matches && literals > bestLiterals) {
            best = pattern;
            bestLiterals = literals;
        }
    }
    return best;
}

std::string OpenApiContract::check(const std::string& method, const std::string& target, int status,
                                   const std::string& contentType, const std::string& body) const {
    const std::string path = target.substr(0, target.find('?'));
    const std::string said = method + " " + path + " answered " + std::to_string(status);
    const std::string pattern = templateOf(path);
    Object::Ptr response;
    if (!pattern.empty()) {
        const Object::Ptr item = _document->getObject("paths")->getObject(pattern);
        // HEAD answers as GET does, without the body (RFC 9110), where the document has no HEAD of its own.
        Object::Ptr operation = item->getObject(Poco::toLower(method));
        if (!operation && method == "HEAD") operation = item->getObject("get");
        if (!operation) {
            if (status != 405) return said + ", but the document has no " + method + " on " + pattern;
        } else {
            const Object::Ptr responses = operation->getObject("responses");
            const std::string code = std::to_string(status);
            response = responses->getObject(code);
            if (!response) response = responses->getObject(code.substr(0, 1) + "XX");
            if (!response) return said + ", which the document does not list for " + method + " " + pattern;
            if (response->has("$ref")) response = resolve(response);
        }
    } else if (status != 404 && status != 405) {
        return said + ", but the document has no path " + path;
    }
    if (!response) {
        // A path or method the document does not have: answered as a problem, which is all it may be.
        response = new Object;
        response->set("content", _document->getObject("components")
                                     ->getObject("responses")
                                     ->getObject("Problem")
                                     ->getObject("content"));
    }
    const Object::Ptr content = response->getObject("content");
    if (!content) return body.empty() ? "" : said + " with a body, where the document describes none";
    if (method == "HEAD") return body.empty() ? "" : said + " with a body";
    const std::string media = Poco::trim(contentType.substr(0, contentType.find(';')));
    const Object::Ptr described = content->getObject(media);
    if (!described) return said + " as " + media + ", which the document does not describe there";
    const Object::Ptr schema = described->getObject("schema");
    if (!schema || media.size() < 4 || media.compare(media.size() - 4, 4, "json") != 0) return "";
    Var value;
    try {
        Poco::JSON::Parser parser;
        value = parser.parse(body);
    } catch (const Poco::Exception& e) {
        return said + " with a body that is not JSON: " + e.displayText();
    }
    const std::vector<std::string> errors = validate(value, schema);
    if (errors.empty()) return "";
    std::string why = said + " with a body the document's schema refuses:";
    for (std::size_t i = 0; i < errors.size() && i < 10; ++i) why += "\n  " + errors[i];
    return why + "\n  body: " + body.substr(0, 2000);
}

Object::Ptr OpenApiContract::resolve(const Object::Ptr& schema) const {
    Object::Ptr at = schema;
    for (int hops = 0; at && at->has("$ref") && hops < 8; ++hops) {
        const std::string ref = at->getValue<std::string>("$ref");
        if (ref.rfind("#/", 0) != 0) throw Poco::DataException("only local references are checked: " + ref);
        Object::Ptr node = _document;
        for (const std::string& part : segments(ref.substr(1))) {
            if (!node || !node->has(part)) throw Poco::DataException("the document has no " + ref);
            node = node->getObject(part);
        }
        at = node;
    }
    return at;
}

std::vector<std::string> OpenApiContract::validate(const Var& value, const Object::Ptr& schema,
                                                   const std::string& at) const {
    std::vector<std::string> errors;
    validateInto(value, schema, at, errors, 0);
    return errors;
}

void OpenApiContract::validateInto(const Var& value, const Object::Ptr& given, const std::string& at,
                                   std::vector<std::string>& errors, int depth) const {
    const std::string where = at.empty() ? "/" : at;
    if (depth > 64) {
        errors.push_back(where + ": nested deeper than the check follows");
        return;
    }
    const Object::Ptr schema = resolve(given);
    const auto fail = [&](const std::string& what) { errors.push_back(where + ": " + what); };
    for (const auto& [keyword, argument] : *schema) {
        if (ANNOTATIONS.count(keyword) > 0) continue;
        if (keyword == "type") {
            std::vector<std::string> types;
            if (argument.isString())
                types.push_back(argument.extract<std::string>());
            else
                for (const auto& t : *argument.extract<Array::Ptr>())
                    types.push_back(t.convert<std::string>());
            bool any = false;
            for (const std::string& t : types) any = any || hasType(value, t);
            if (!any) fail("a " + typeName(value) + " where the schema wants " + jsonText(argument));
        } else if (keyword == "properties") {
            if (!isObject(value)) continue;
            const Object::Ptr object = value.extract<Object::Ptr>();
            for (const auto& [name, sub] : *argument.extract<Object::Ptr>())
                if (object->has(name))
                    validateInto(object->get(name), sub.extract<Object::Ptr>(), at + "/" + name, errors,
                                 depth + 1);
        } else if (keyword == "required") {
            if (!isObject(value)) continue;
            const Object::Ptr object = value.extract<Object::Ptr>();
            for (const auto& name : *argument.extract<Array::Ptr>())
                if (!object->has(name.convert<std::string>()))
                    fail("no \"" + name.convert<std::string>() + "\", which the schema requires");
        } else if (keyword == "additionalProperties") {
            if (!isObject(value)) continue;
            const Object::Ptr object = value.extract<Object::Ptr>();
            const Object::Ptr properties = schema->getObject("properties");
            for (const auto& [name, member] : *object) {
                if (properties && properties->has(name)) continue;
                if (argument.isBoolean()) {
                    if (!argument.extract<bool>())
                        fail("\"" + name + "\", which the schema does not describe");
                } else {
                    validateInto(member, argument.extract<Object::Ptr>(), at + "/" + name, errors, depth + 1);
                }
            }
        } else if (keyword == "items") {
            if (!isArray(value)) continue;
            const Array::Ptr array = value.extract<Array::Ptr>();
            for (std::size_t i = 0; i < array->size(); ++i)
                validateInto(array->get(static_cast<unsigned>(i)), argument.extract<Object::Ptr>(),
                             at + "/" + std::to_string(i), errors, depth + 1);
        } else if (keyword == "minItems" || keyword == "maxItems") {
            if (!isArray(value)) continue;
            const auto size = static_cast<long long>(value.extract<Array::Ptr>()->size());
            const auto bound = argument.convert<long long>();
            if (keyword == "minItems" ? size < bound : size > bound)
                fail(std::to_string(size) + " items, where the schema's " + keyword + " is " +
                     std::to_string(bound));
        } else if (keyword == "minLength" || keyword == "maxLength") {
            if (!value.isString()) continue;
            const std::string text = value.extract<std::string>();
            long long length = 0;  // in characters, not bytes
            for (const char c : text) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
            const auto bound = argument.convert<long long>();
            if (keyword == "minLength" ? length < bound : length > bound)
                fail(std::to_string(length) + " characters, where the schema's " + keyword + " is " +
                     std::to_string(bound));
        } else if (keyword == "minimum" || keyword == "maximum") {
            if (!hasType(value, "number")) continue;
            const double number = value.convert<double>();
            const double bound = argument.convert<double>();
            if (keyword == "minimum" ? number < bound : number > bound)
                fail(jsonText(value) + ", where the schema's " + keyword + " is " + jsonText(argument));
        } else if (keyword == "enum") {
            bool found = false;
            for (const auto& option : *argument.extract<Array::Ptr>())
                found = found || jsonText(option) == jsonText(value);
            if (!found) fail(jsonText(value) + ", which is not one of " + jsonText(argument));
        } else if (keyword == "const") {
            if (jsonText(argument) != jsonText(value))
                fail(jsonText(value) + " where the schema wants " + jsonText(argument));
        } else if (keyword == "pattern") {
            if (value.isString() &&
                !Poco::RegularExpression(argument.convert<std::string>(), Poco::RegularExpression::RE_UTF8)
                     .match(value.extract<std::string>()))
                fail(jsonText(value) + " does not match " + jsonText(argument));
        } else if (keyword == "format") {
            const std::string format = argument.convert<std::string>();
            if (FORMATS.count(format) == 0)
                fail("the schema's format \"" + format + "\" is not one the check knows");
            else if (value.isString() && !formatHolds(format, value.extract<std::string>()))
                fail(jsonText(value) + " is not a " + format);
        } else if (keyword == "allOf" || keyword == "anyOf" || keyword == "oneOf") {
            std::size_t held = 0;
            std::vector<std::string> why;
            const Array::Ptr options = argument.extract<Array::Ptr>();
            for (const auto& option : *options) {
                std::vector<std::string> sub;
                validateInto(value, option.extract<Object::Ptr>(), at, sub, depth + 1);
                if (sub.empty())
                    ++held;
                else
                    why.insert(why.end(), sub.begin(), sub.end());
            }
            const bool ok = keyword == "allOf"   ? held == options->size()
                            : keyword == "anyOf" ? held > 0
                                                 : held == 1;
            if (!ok) {
                fail("held for " + std::to_string(held) + " of the " + std::to_string(options->size()) +
                     " schemas of its " + keyword);
                for (std::size_t i = 0; i < why.size() && i < 4; ++i) errors.push_back("    " + why[i]);
            }
        } else {
            fail("the document's schema uses \"" + keyword + "\", which the check does not know");
        }
    }
}

}  // namespace lacuna::test
