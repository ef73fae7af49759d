#include "EventData.h"

#include "JsonText.h"

namespace lacuna {

EventData& EventData::member(std::string_view key, const std::string& json) {
    if (!_members.empty()) _members += ',';
    _members += jsonString(key) + ":" + json;
    return *this;
}

EventData& EventData::text(std::string_view key, std::string_view value) {
    return member(key, jsonString(value));
}

EventData& EventData::number(std::string_view key, std::int64_t value) {
    return member(key, std::to_string(value));
}

EventData& EventData::flag(std::string_view key, bool value) { return member(key, value ? "true" : "false"); }

EventData& EventData::texts(std::string_view key, const std::vector<std::string>& values) {
    std::string list;
    for (const auto& v : values) list += (list.empty() ? "" : ",") + jsonString(v);
    return member(key, "[" + list + "]");
}

EventData& EventData::numbers(std::string_view key, const std::vector<std::int64_t>& values) {
    std::string list;
    for (const auto v : values) list += (list.empty() ? "" : ",") + std::to_string(v);
    return member(key, "[" + list + "]");
}

EventData& EventData::textMap(const std::map<std::string, std::string>& fields) {
    for (const auto& [name, value] : fields) text(name, value);
    return *this;
}

}  // namespace lacuna
