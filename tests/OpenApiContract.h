#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace lacuna::test {

/// The OpenAPI document (api/openapi.json) as the suites hold every answer of the API to it: the
/// operation the request names must be in it, with the answer's status and content type, and a JSON
/// body must match that response's schema. The schemas may use only the JSON Schema keywords checked
/// here; any other fails the check, so that nothing in the document goes unchecked.
class OpenApiContract {
public:
    explicit OpenApiContract(Poco::JSON::Object::Ptr document);
    /// The document of the source tree, read once.
    static const OpenApiContract& ofSourceTree();
    /// Whether answers to `path` (without its query) are the API's, which the document describes.
    static bool covers(const std::string& path);

    /// Why the answer `status`/`contentType`/`body` to `method target` is not what the document
    /// describes; empty when it is.
    std::string check(const std::string& method, const std::string& target, int status,
                      const std::string& contentType, const std::string& body) const;
    /// The problems of `value` against `schema` (each with the JSON pointer where it is).
    std::vector<std::string> validate(const Poco::Dynamic::Var& value, const Poco::JSON::Object::Ptr& schema,
                                      const std::string& at = "") const;

private:
    void validateInto(const Poco::Dynamic::Var& value, const Poco::JSON::Object::Ptr& schema,
                      const std::string& at, std::vector<std::string>& errors, int depth) const;
    Poco::JSON::Object::Ptr resolve(const Poco::JSON::Object::Ptr& schema) const;
    /// The path template of the document that `path` matches (the one with the most literal
    /// segments), or empty.
    std::string templateOf(const std::string& path) const;

    Poco::JSON::Object::Ptr _document;
};

}  // namespace lacuna::test
