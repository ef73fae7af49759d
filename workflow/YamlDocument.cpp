#include "YamlDocument.h"

#include <Poco/Format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "ConfigError.h"

namespace lacuna {

YamlDocument::YamlDocument(std::string path) : _path(std::move(path)) {
    std::ifstream in(_path);
    if (!in) throw ConfigError(_path + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    *this = YamlDocument(_path, text.str());
}

YamlDocument::YamlDocument(std::string path, const std::string& text) : _path(std::move(path)) {
    try {
        _root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw ConfigError(Poco::format("%s:%d:%d: %s", _path, e.mark.line + 1, e.mark.column + 1, e.msg));
    }
    if (!_root || _root.IsNull()) throw ConfigError(_path + ":1:1: the file is empty");
}

std::string YamlDocument::where(const YAML::Node& at) const {
    const YAML::Mark mark = at.Mark();
    if (mark.is_null()) return _path;
    return Poco::format("%s:%d:%d", _path, mark.line + 1, mark.column + 1);
}

void YamlDocument::fail(const YAML::Node& at, const std::string& message) const {
    throw ConfigError(where(at) + ": " + message);
}

void YamlDocument::requireMap(const YAML::Node& node, const std::string& what) const {
    if (!node.IsMap()) fail(node, what + " must be a mapping");
}

void YamlDocument::requireSequence(const YAML::Node& node, const std::string& what) const {
    if (!node.IsSequence()) fail(node, what + " must be a list");
}

void YamlDocument::allowKeys(const YAML::Node& map, std::initializer_list<const char*> allowed,
                             const std::string& what) const {
    requireMap(map, what);
    std::set<std::string> seen;
    for (const auto& entry : map) {
        const std::string key = entry.first.Scalar();
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) {
            std::string list;
            for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            fail(entry.first, "unknown key '" + key + "' in " + what + " (known: " + list + ")");
        }
        if (!seen.insert(key).second) fail(entry.first, "key '" + key + "' given twice in " + what);
    }
}

std::optional<std::string> YamlDocument::optionalString(const YAML::Node& map, const std::string& key) const {
    const YAML::Node node = map[key];
    if (!node) return std::nullopt;
    if (!node.IsScalar()) fail(node, "'" + key + "' must be a text value");
    return node.Scalar();
}

std::string YamlDocument::requiredString(const YAML::Node& map, const std::string& key) const {
    auto value = optionalString(map, key);
    if (!value || value->empty()) fail(map, "missing required key '" + key + "'");
    return *value;
}

std::optional<long long> YamlDocument::optionalInt(const YAML::Node& map, const std::string& key,
                                                   long long min, long long max) const {
    const YAML::Node node = map[key];
    if (!node) return std::nullopt;
    long long value = 0;
    if (!node.IsScalar() || !YAML::convert<long long>::decode(node, value))
        fail(node, "'" + key + "' must be a whole number");
    if (value < min || value > max)
        fail(node, Poco::format("'%s' must be between %Ld and %Ld", key, min, max));
    return value;
}

std::optional<bool> YamlDocument::optionalBool(const YAML::Node& map, const std::string& key) const {
    const YAML::Node node = map[key];
    if (!node) return std::nullopt;
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value))
        fail(node, "'" + key + "' must be true or false");
    return value;
}

std::vector<std::string> YamlDocument::stringList(const YAML::Node& map, const std::string& key,
                                                  bool required) const {
    const YAML::Node node = map[key];
    std::vector<std::string> out;
    if (!node) {
        if (required) fail(map, "missing required key '" + key + "'");
        return out;
    }
    if (node.IsScalar()) return {node.Scalar()};
    if (!node.IsSequence()) fail(node, "'" + key + "' must be a list");
    for (const auto& item : node) {
        if (!item.IsScalar()) fail(item, "items of '" + key + "' must be text values");
        out.push_back(item.Scalar());
    }
    return out;
}

}  // namespace lacuna
