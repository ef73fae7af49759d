#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lacuna {

/// What an audit event says changed, as one flat JSON object built member by member, e.g.
/// `EventData().text("gap", ref).number("days", 10).str()` → `{"gap":"G-1405-0001","days":10}`.
class EventData {
public:
    EventData& text(std::string_view key, std::string_view value);
    EventData& number(std::string_view key, std::int64_t value);
    EventData& flag(std::string_view key, bool value);
    EventData& texts(std::string_view key, const std::vector<std::string>& values);
    EventData& numbers(std::string_view key, const std::vector<std::int64_t>& values);
    /// Every entry of `fields` as a text member (a transition's fields).
    EventData& textMap(const std::map<std::string, std::string>& fields);
    /// Whether no member was added.
    bool empty() const { return _members.empty(); }
    std::string str() const { return "{" + _members + "}"; }

private:
    EventData& member(std::string_view key, const std::string& json);
    std::string _members;
};

}  // namespace lacuna
