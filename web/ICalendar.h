#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// An iCalendar (RFC 5545) document of events, as a calendar program subscribes to it.
namespace lacuna::ical {

/// One VEVENT. A timed event is written in UTC (…Z); an all-day one as the day in Tehran it falls on.
struct Event {
    std::string uid;  ///< stable across fetches: the same record gives the same UID
    std::int64_t start = 0;
    std::int64_t durationMinutes = 0;  ///< a timed event's length
    bool allDay = false;
    std::string summary;
    std::string description;
    std::string location;
    std::string url;
    bool cancelled = false;
    std::int64_t lastModified = 0;
};

/// The whole VCALENDAR (CRLF lines folded at 75 octets without splitting a character), named `name`,
/// with the Asia/Tehran time zone it is meant to be shown in, stamped `now`.
std::string write(const std::string& name, const std::vector<Event>& events, std::int64_t now);

/// `text` as an iCalendar TEXT value: backslash, semicolon, comma and line breaks escaped.
std::string escapeText(const std::string& text);

/// A content line folded as RFC 5545 §3.1 asks: at most 75 octets a line, a continuation starting with a
/// space, never inside a UTF-8 sequence; each line ends in CRLF.
std::string fold(const std::string& line);

}  // namespace lacuna::ical
