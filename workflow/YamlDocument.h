#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace lacuna {

/// Typed, strict access to one YAML file: every failure is a ConfigError that names the file,
/// the line and the key, and keys the reader does not know are errors.
class YamlDocument {
public:
    /// Parses `path`; throws ConfigError when it cannot be read or parsed.
    explicit YamlDocument(std::string path);
    /// Parses `text` as if it were the file `path` (for tests and embedded defaults).
    YamlDocument(std::string path, const std::string& text);

    const YAML::Node& root() const { return _root; }
    const std::string& path() const { return _path; }

    [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const;
    /// `file:line:column` of a node (1-based).
    std::string where(const YAML::Node& at) const;

    void requireMap(const YAML::Node& node, const std::string& what) const;
    void requireSequence(const YAML::Node& node, const std::string& what) const;
    /// Fails on any key of `map` not in `allowed`.
    void allowKeys(const YAML::Node& map, std::initializer_list<const char*> allowed,
                   const std::string& what) const;

    std::string requiredString(const YAML::Node& map, const std::string& key) const;
    std::optional<std::string> optionalString(const YAML::Node& map, const std::string& key) const;
    std::optional<long long> optionalInt(const YAML::Node& map, const std::string& key, long long min,
                                         long long max) const;
    std::optional<bool> optionalBool(const YAML::Node& map, const std::string& key) const;
    /// A sequence of scalars; a single scalar counts as a sequence of one.
    std::vector<std::string> stringList(const YAML::Node& map, const std::string& key, bool required) const;

private:
    std::string _path;
    YAML::Node _root;
};

}  // namespace lacuna
