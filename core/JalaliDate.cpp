#include "JalaliDate.h"

#include <Poco/DateTime.h>
#include <Poco/Exception.h>
#include <Poco/Format.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>
#include <Poco/Timestamp.h>

#include <array>
#include <cstdio>
#include <utility>
#include <vector>

#include "Errors.h"
#include "PersianText.h"

namespace lacuna {
namespace {

// The algorithm of jalaali-js (Borkowski's break years of the 2820-year-free astronomical rule).
constexpr std::array<int, 20> BREAKS = {-61,  9,    38,   199,  426,  686,  756,  818,  1111, 1181,
                                        1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178};

int div(int a, int b) { return a / b; }
int mod(int a, int b) { return a - (a / b) * b; }

struct CalendarYear {
    int leap;   // 0 = leap year; other values count years since the last one
    int gy;     // the Gregorian year in which the Jalali year starts
    int march;  // the March day of Nowruz
};

CalendarYear jalCal(int jy) {
    const int gy = jy + 621;
    if (jy < BREAKS.front() || jy >= BREAKS.back())
        throw Poco::InvalidArgumentException(Poco::format("Jalali year %d is out of range", jy));
    int leapJ = -14;
    int jp = BREAKS[0];
    int jump = 0;
    std::size_t i = 1;
    for (; i < BREAKS.size(); ++i) {
        const int jm = BREAKS[i];
        jump = jm - jp;
        if (jy < jm) break;
        leapJ = leapJ + div(jump, 33) * 8 + div(mod(jump, 33), 4);
        jp = jm;
    }
    int n = jy - jp;
    leapJ = leapJ + div(n, 33) * 8 + div(mod(n, 33) + 3, 4);
    if (mod(jump, 33) == 4 && jump - n == 4) leapJ += 1;
    const int leapG = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
    const int march = 20 + leapJ - leapG;
    if (jump - n < 6) n = n - jump + div(jump + 4, 33) * 33;
    int leap = mod(mod(n + 1, 33) - 1, 4);
    if (leap == -1) leap = 4;
    return {leap, gy, march};
}

int g2d(int gy, int gm, int gd) {
    int d = div((gy + div(gm - 8, 6) + 100100) * 1461, 4) + div(153 * mod(gm + 9, 12) + 2, 5) + gd - 34840408;
    d = d - div(div(gy + 100100 + div(gm - 8, 6), 100) * 3, 4) + 752;
    return d;
}

GregorianDate d2g(int jdn) {
    int j = 4 * jdn + 139361631;
    j = j + div(div(4 * jdn + 183187720, 146097) * 3, 4) * 4 - 3908;
    const int i = div(mod(j, 1461), 4) * 5 + 308;
    const int gd = div(mod(i, 153), 5) + 1;
    const int gm = mod(div(i, 153), 12) + 1;
    const int gy = div(j, 1461) - 100100 + div(8 - gm, 6);
    return {gy, gm, gd};
}

int j2d(int jy, int jm, int jd) {
    const CalendarYear r = jalCal(jy);
    return g2d(r.gy, 3, r.march) + (jm - 1) * 31 - div(jm, 7) * (jm - 7) + jd - 1;
}

JalaliDate d2j(int jdn) {
    const int gy = d2g(jdn).year;
    int jy = gy - 621;
    const CalendarYear r = jalCal(jy);
    const int jdn1f = g2d(gy, 3, r.march);
    int k = jdn - jdn1f;
    if (k >= 0) {
        if (k <= 185) return {jy, 1 + div(k, 31), mod(k, 31) + 1};
        k -= 186;
    } else {
        jy -= 1;
        k += 179;
        if (r.leap == 1) k += 1;
    }
    return {jy, 7 + div(k, 30), mod(k, 30) + 1};
}

constexpr std::int64_t MS_PER_DAY = 86'400'000;
constexpr int JDN_OF_EPOCH = 2440588;  ///< the Julian day number of 1970-01-01
/// About 270,000 years either side of 1970: the day arithmetic above stays within int.
constexpr std::int64_t MAX_DAYS_FROM_EPOCH = 100'000'000;

/// The Julian day number of the day (UTC, or another zone when `epochMs` is shifted by its offset) in
/// which `epochMs` falls, and how many milliseconds into that day it is.
std::pair<int, std::int64_t> dayOf(std::int64_t epochMs) {
    std::int64_t days = epochMs / MS_PER_DAY;
    std::int64_t rest = epochMs % MS_PER_DAY;
    if (rest < 0) {  // an instant before 1970 belongs to the day that began before it
        --days;
        rest += MS_PER_DAY;
    }
    if (days > MAX_DAYS_FROM_EPOCH || days < -MAX_DAYS_FROM_EPOCH)
        throw Poco::InvalidArgumentException("the instant is out of range");
    return {JDN_OF_EPOCH + static_cast<int>(days), rest};
}

/// Appends `value` in decimal, zero padded to `width` digits (a sign before them).
void appendPadded(std::string& out, std::int64_t value, int width) {
    if (value < 0) {
        out += '-';
        value = -value;
    }
    char digits[20];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value > 0);
    for (int i = n; i < width; ++i) out += '0';
    while (n > 0) out += digits[--n];
}

/// Appends `year-mm-dd`.
void appendDate(std::string& out, int year, int month, int day) {
    appendPadded(out, year, 4);
    out += '-';
    appendPadded(out, month, 2);
    out += '-';
    appendPadded(out, day, 2);
}

}  // namespace

bool isJalaliLeapYear(int jalaliYear) { return jalCal(jalaliYear).leap == 0; }

int jalaliMonthLength(int jalaliYear, int month) {
    if (month < 1 || month > 12) throw Poco::InvalidArgumentException("Jalali month out of range");
    if (month <= 6) return 31;
    if (month <= 11) return 30;
    return isJalaliLeapYear(jalaliYear) ? 30 : 29;
}

JalaliDate toJalali(const GregorianDate& date) {
    if (!Poco::DateTime::isValid(date.year, date.month, date.day))
        throw Poco::InvalidArgumentException("not a Gregorian date");
    return d2j(g2d(date.year, date.month, date.day));
}

GregorianDate toGregorian(const JalaliDate& date) {
    if (date.day < 1 || date.day > jalaliMonthLength(date.year, date.month))
        throw Poco::InvalidArgumentException("not a Jalali date");
    return d2g(j2d(date.year, date.month, date.day));
}

JalaliDate jalaliDateInIran(std::int64_t epochMs) { return d2j(dayOf(epochMs + IRAN_OFFSET_MS).first); }

std::int64_t startOfJalaliDayInIran(const JalaliDate& date) {
    const GregorianDate g = toGregorian(date);
    return Poco::DateTime(g.year, g.month, g.day).timestamp().epochMicroseconds() / 1000 - IRAN_OFFSET_MS;
}

// Both are written digit by digit: every date in every answer passes here, twice per instant (a gap's
// JSON has several), and Poco's format parsers were a twentieth of the time of GET /gaps/{id}.
std::string formatJalali(const JalaliDate& date) {
    std::string out;
    out.reserve(10);
    appendDate(out, date.year, date.month, date.day);
    return out;
}

std::string formatIsoUtc(std::int64_t epochMs) {
    const auto [jdn, ms] = dayOf(epochMs);
    const GregorianDate d = d2g(jdn);
    std::string out;
    out.reserve(24);
    appendDate(out, d.year, d.month, d.day);
    out += 'T';
    appendPadded(out, ms / 3'600'000, 2);
    out += ':';
    appendPadded(out, ms / 60'000 % 60, 2);
    out += ':';
    appendPadded(out, ms / 1000 % 60, 2);
    out += '.';
    appendPadded(out, ms % 1000, 3);
    out += 'Z';
    return out;
}

namespace {

/// The numbers of `text` split on - or / (Persian and Arabic digits read as ASCII); none when one
/// part is not a whole number or there are not `count` of them.
std::optional<std::vector<int>> dateParts(const std::string& text, std::size_t count) {
    const Poco::StringTokenizer parts(normalizePersian(text), "-/", Poco::StringTokenizer::TOK_TRIM);
    if (parts.count() != count) return std::nullopt;
    std::vector<int> numbers(count);
    for (std::size_t i = 0; i < count; ++i)
        if (!Poco::NumberParser::tryParse(parts[i], numbers[i])) return std::nullopt;
    return numbers;
}

}  // namespace

std::optional<JalaliDate> parseJalaliDate(const std::string& text) {
    const auto n = dateParts(text, 3);
    if (!n) return std::nullopt;
    const int y = (*n)[0], m = (*n)[1], d = (*n)[2];
    if (y >= 1300 && y <= 1500 && m >= 1 && m <= 12 && d >= 1 && d <= jalaliMonthLength(y, m))
        return JalaliDate{y, m, d};
    return std::nullopt;
}

std::optional<JalaliDate> parseJalaliMonthDay(const std::string& text) {
    const auto n = dateParts(text, 2);
    if (!n) return std::nullopt;
    const int m = (*n)[0], d = (*n)[1];
    if (m >= 1 && m <= 12 && d >= 1 && d <= (m <= 6 ? 31 : 30)) return JalaliDate{0, m, d};
    return std::nullopt;
}

JalaliDate requireJalaliDate(const std::string& field, const std::string& text) {
    if (const auto date = parseJalaliDate(text)) return *date;
    throw ValidationError("bad date", {{field, "format", JALALI_DATE_HINT}});
}

namespace {
const char* const MONTHS[] = {"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                              "مهر",     "آبان",     "آذر",   "دی",  "بهمن",  "اسفند"};
}  // namespace

std::string persianDigits(const std::string& text) {
    std::string out;
    out.reserve(text.size() * 2);
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            // U+06F0 … U+06F9 in UTF-8: DB B0 … DB B9.
            out += '\xDB';
            out += static_cast<char>(0xB0 + (c - '0'));
        } else {
            out += c;
        }
    }
    return out;
}

std::string jalaliDay(std::int64_t epochMs) {
    const JalaliDate d = jalaliDateInIran(epochMs);
    return persianDigits(std::to_string(d.day)) + " " + MONTHS[d.month - 1] + " " +
           persianDigits(std::to_string(d.year));
}

std::string jalaliMonthName(int year, int month) {
    return std::string(MONTHS[month - 1]) + " " + persianDigits(std::to_string(year));
}

std::string clockInIran(std::int64_t epochMs) {
    const std::int64_t minuteOfDay = ((epochMs + IRAN_OFFSET_MS) / 60000 % 1440 + 1440) % 1440;
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(minuteOfDay / 60),
                  static_cast<int>(minuteOfDay % 60));
    return persianDigits(clock);
}

std::string jalaliDayTime(std::int64_t epochMs) { return jalaliDay(epochMs) + "، " + clockInIran(epochMs); }

}  // namespace lacuna
