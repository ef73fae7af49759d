#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace lacuna {

/// Typed reads of a query string (as Exchange::query() returned it); a bad value is a ValidationError
/// naming the parameter.
class QueryParams {
public:
    explicit QueryParams(std::map<std::string, std::string> values) : _values(std::move(values)) {}

    std::optional<std::string> text(const char* name) const;
    /// `limit`, a positive whole number, or `fallback` when absent.
    std::size_t limit(std::size_t fallback) const;
    /// A positive whole number (or 0 when `zeroToo`).
    std::optional<std::int64_t> count(const char* name, bool zeroToo = false) const;
    /// true or false; false when absent.
    bool flag(const char* name) const;
    /// A window such as `7d` or `48h`, in milliseconds.
    std::optional<std::int64_t> window(const char* name) const;
    const std::map<std::string, std::string>& all() const { return _values; }

private:
    std::map<std::string, std::string> _values;
};

/// `7d`, `48h`: a window length in milliseconds (ValidationError naming `field`).
std::int64_t decodeWindow(const std::string& field, const std::string& text);
/// A positive whole number (ValidationError naming `field`).
std::int64_t decodePositive(const std::string& field, const std::string& text);

}  // namespace lacuna
