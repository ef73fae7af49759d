#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "Errors.h"

namespace lacuna {

/// Whether `name` is one of `names` (the members of a body, or the parameters of a query, a request
/// may send).
inline bool namedIn(const std::string& name, std::initializer_list<const char*> names) {
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return name == n; });
}

/// Reads typed members of one JSON object, collecting every problem under its JSON path.
class Members {
    using Var = Poco::Dynamic::Var;
    using Array = Poco::JSON::Array;
    using Object = Poco::JSON::Object;

public:
    Members(const Poco::JSON::Object::Ptr& object, FieldErrors& errors, std::string prefix = "")
        : _object(object), _errors(errors), _prefix(std::move(prefix)) {}

    std::string path(const std::string& key) const { return _prefix.empty() ? key : _prefix + "." + key; }

    void allowOnly(std::initializer_list<const char*> allowed) {
        for (const auto& member : *_object)
            if (!namedIn(member.first, allowed))
                _errors.add(path(member.first), "unknown", "unknown or read-only field");
    }

    bool has(const std::string& key) const { return _object->has(key); }
    FieldErrors& errors() { return _errors; }

    std::optional<std::string> text(const std::string& key, bool required) {
        if (!present(key, required)) return std::nullopt;
        const Var v = _object->get(key);
        if (!v.isString()) return wrong(key, "a string"), std::nullopt;
        return v.extract<std::string>();
    }

    std::optional<bool> boolean(const std::string& key, bool required) {
        if (!present(key, required)) return std::nullopt;
        const Var v = _object->get(key);
        if (v.type() != typeid(bool)) return wrong(key, "true or false"), std::nullopt;
        return v.extract<bool>();
    }

    std::optional<std::int64_t> integer(const std::string& key, bool required) {
        if (!present(key, required)) return std::nullopt;
        const Var v = _object->get(key);
        if (v.type() != typeid(Poco::Int64)) return wrong(key, "a whole number"), std::nullopt;
        return v.extract<Poco::Int64>();
    }

    Array::Ptr array(const std::string& key, bool required) {
        if (!present(key, required)) return nullptr;
        const Var v = _object->get(key);
        if (v.type() != typeid(Array::Ptr)) return wrong(key, "a list"), nullptr;
        return v.extract<Array::Ptr>();
    }

    /// A list of strings; ids given as numbers are taken as their decimal text when `numbersToo`.
    std::optional<std::vector<std::string>> strings(const std::string& key, bool required,
                                                    bool numbersToo = false) {
        const Array::Ptr list = array(key, required);
        if (!list) return std::nullopt;
        std::vector<std::string> out;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Var item = list->get(static_cast<unsigned>(i));
            if (item.isString())
                out.push_back(item.extract<std::string>());
            else if (numbersToo && item.type() == typeid(Poco::Int64))
                out.push_back(std::to_string(item.extract<Poco::Int64>()));
            else
                _errors.add(path(key) + "[" + std::to_string(i) + "]", "type",
                            numbersToo ? "must be a string or a whole number" : "must be a string");
        }
        return out;
    }

    Object::Ptr object(const std::string& key, bool required) {
        if (!present(key, required)) return nullptr;
        const Var v = _object->get(key);
        if (v.type() != typeid(Object::Ptr)) return wrong(key, "an object"), nullptr;
        return v.extract<Object::Ptr>();
    }

private:
    bool present(const std::string& key, bool required) {
        if (_object->has(key)) return true;
        if (required) _errors.add(path(key), "required", "missing");
        return false;
    }
    void wrong(const std::string& key, const std::string& expected) {
        _errors.add(path(key), "type", "must be " + expected);
    }

    Object::Ptr _object;
    FieldErrors& _errors;
    std::string _prefix;
};

/// The list `key` of objects, each read by `read(Members&)` after refusing members not in `allowed`;
/// an item that is not an object is named under `key[i]` and left out. None when the list is absent.
template <typename Read>
auto readObjects(Members& m, const std::string& key, bool required,
                 std::initializer_list<const char*> allowed, const std::string& shape, Read read)
    -> std::optional<std::vector<decltype(read(std::declval<Members&>()))>> {
    const Poco::JSON::Array::Ptr list = m.array(key, required);
    if (!list) return std::nullopt;
    std::vector<decltype(read(std::declval<Members&>()))> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string at = m.path(key) + "[" + std::to_string(i) + "]";
        const Poco::Dynamic::Var item = list->get(static_cast<unsigned>(i));
        if (item.type() != typeid(Poco::JSON::Object::Ptr)) {
            m.errors().add(at, "type", "must be an object " + shape);
            continue;
        }
        Members object(item.extract<Poco::JSON::Object::Ptr>(), m.errors(), at);
        object.allowOnly(allowed);
        out.push_back(read(object));
    }
    return out;
}

/// Reads one request object with `read(Members&)` after refusing members not in
/// `allowed`; throws one ValidationError (`invalid`) naming every bad field.
template <typename Read>
auto decodeBody(const Poco::JSON::Object::Ptr& body, std::initializer_list<const char*> allowed,
                const std::string& invalid, Read read) {
    FieldErrors errors;
    Members m(body, errors);
    m.allowOnly(allowed);
    auto result = read(m);
    errors.throwIfAny(invalid);
    return result;
}

}  // namespace lacuna
