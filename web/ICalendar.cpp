#include "ICalendar.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include "JalaliDate.h"

namespace lacuna::ical {
namespace {

Poco::DateTime at(std::int64_t epochMs) { return Poco::DateTime(Poco::Timestamp(epochMs * 1000)); }

std::string utc(std::int64_t epochMs) {
    return Poco::DateTimeFormatter::format(at(epochMs), "%Y%m%dT%H%M%SZ");
}

/// The day in Tehran an instant falls on, and the next.
std::string tehranDay(std::int64_t epochMs, int plusDays = 0) {
    return Poco::DateTimeFormatter::format(at(epochMs + IRAN_OFFSET_MS + plusDays * 86400000LL), "%Y%m%d");
}

}  // namespace

std::string escapeText(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += "\\n";
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
            // Control characters are not allowed in a TEXT value.
        } else {
            out += c;
        }
    }
    return out;
}

std::string fold(const std::string& line) {
    std::string out;
    std::size_t width = 0;  // octets on the current line, the leading space of a continuation included
    for (std::size_t i = 0; i < line.size();) {
        // The octets of the character at i.
        const unsigned char lead = static_cast<unsigned char>(line[i]);
        const std::size_t size = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
        if (width + size > 75) {
            out += "\r\n ";
            width = 1;
        }
        out.append(line, i, size);
        width += size;
        i += size;
    }
    return out + "\r\n";
}

std::string write(const std::string& name, const std::vector<Event>& events, std::int64_t now) {
    std::string out;
    const auto line = [&](const std::string& text) { out += fold(text); };
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Lacuna//Legislative gap tracker//FA");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:" + escapeText(name));
    line("X-WR-TIMEZONE:Asia/Tehran");
    line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    line("BEGIN:VTIMEZONE");
    line("TZID:Asia/Tehran");
    line("BEGIN:STANDARD");
    line("DTSTART:19700101T000000");
    line("TZOFFSETFROM:+0330");
    line("TZOFFSETTO:+0330");
    line("TZNAME:+0330");
    line("END:STANDARD");
    line("END:VTIMEZONE");
    for (const Event& e : events) {
        line("BEGIN:VEVENT");
        line("UID:" + e.uid);
        line("DTSTAMP:" + utc(now));
        if (e.allDay) {
            line("DTSTART;VALUE=DATE:" + tehranDay(e.start));
            line("DTEND;VALUE=DATE:" + tehranDay(e.start, 1));
            line("TRANSP:TRANSPARENT");
        } else {
            line("DTSTART:" + utc(e.start));
            line("DTEND:" + utc(e.start + e.durationMinutes * 60000));
        }
        line("SUMMARY:" + escapeText(e.summary));
        if (!e.description.empty()) line("DESCRIPTION:" + escapeText(e.description));
        if (!e.location.empty()) line("LOCATION:" + escapeText(e.location));
        if (!e.url.empty()) line("URL:" + e.url);
        line(std::string("STATUS:") + (e.cancelled ? "CANCELLED" : "CONFIRMED"));
        if (e.lastModified) line("LAST-MODIFIED:" + utc(e.lastModified));
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    return out;
}

}  // namespace lacuna::ical
