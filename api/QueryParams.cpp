#include "QueryParams.h"

#include <Poco/NumberParser.h>

#include "Errors.h"

namespace lacuna {

std::int64_t decodeWindow(const std::string& field, const std::string& text) {
    std::int64_t n = 0;
    const char unit = text.empty() ? '\0' : text.back();
    if ((unit == 'd' || unit == 'h') && Poco::NumberParser::tryParse64(text.substr(0, text.size() - 1), n) &&
        n >= 0 && n <= 10000)
        return n * (unit == 'd' ? 24 : 1) * 60 * 60 * 1000;
    throw ValidationError("bad window", {{field, "format", "a number of days or hours, such as 7d or 48h"}});
}

std::int64_t decodePositive(const std::string& field, const std::string& text) {
    std::int64_t n = 0;
    if (!Poco::NumberParser::tryParse64(text, n) || n < 1)
        throw ValidationError("bad number", {{field, "format", "a positive whole number"}});
    return n;
}

std::optional<std::string> QueryParams::text(const char* name) const {
    const auto it = _values.find(name);
    return it == _values.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::size_t QueryParams::limit(std::size_t fallback) const {
    const auto n = count("limit");
    return n ? static_cast<std::size_t>(*n) : fallback;
}

std::optional<std::int64_t> QueryParams::count(const char* name, bool zeroToo) const {
    const auto value = text(name);
    if (!value) return std::nullopt;
    if (zeroToo && *value == "0") return 0;
    return decodePositive(name, *value);
}

bool QueryParams::flag(const char* name) const {
    const auto value = text(name);
    if (!value || *value == "false") return false;
    if (*value == "true") return true;
    throw ValidationError("bad flag", {{name, "format", "true or false"}});
}

std::optional<std::int64_t> QueryParams::window(const char* name) const {
    const auto value = text(name);
    return value ? std::optional<std::int64_t>(decodeWindow(name, *value)) : std::nullopt;
}

}  // namespace lacuna
