#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace lacuna {

/// A date in the Solar Hijri (Jalali) calendar used in Iran.
struct JalaliDate {
    int year;
    int month;  ///< 1 = Farvardin … 12 = Esfand
    int day;
    bool operator==(const JalaliDate&) const = default;
};

/// A proleptic Gregorian date.
struct GregorianDate {
    int year;
    int month;
    int day;
    bool operator==(const GregorianDate&) const = default;
};

/// Converts with the 33-year-cycle break table of the astronomical calendar (valid for
/// Jalali years -61 … 3177); throws Poco::InvalidArgumentException outside it.
JalaliDate toJalali(const GregorianDate& date);
GregorianDate toGregorian(const JalaliDate& date);
bool isJalaliLeapYear(int jalaliYear);
int jalaliMonthLength(int jalaliYear, int month);

/// Offset of Iran Standard Time from UTC; Iran has kept no daylight saving time since 2022.
constexpr std::int64_t IRAN_OFFSET_MS = (3 * 60 + 30) * 60 * 1000;

/// The Jalali calendar date in Iran at the UTC instant `epochMs`.
JalaliDate jalaliDateInIran(std::int64_t epochMs);

/// The UTC instant (ms) at which the Jalali day `date` begins in Iran: the inverse of jalaliDateInIran.
std::int64_t startOfJalaliDayInIran(const JalaliDate& date);

/// A Jalali date as people type it: `1405-08-12`, `1405/8/12`, Persian or Arabic digits; none when
/// it is not a real date (years 1300–1500).
std::optional<JalaliDate> parseJalaliDate(const std::string& text);

/// A day of the Jalali year as written for a holiday kept every year: `MM-DD` (day 31 only in the first
/// six months); `year` of the result is 0.
std::optional<JalaliDate> parseJalaliMonthDay(const std::string& text);

/// How a person is told what a Jalali date looks like.
inline constexpr const char* JALALI_DATE_HINT = "a Jalali date such as 1405-08-12";

/// parseJalaliDate, or ValidationError naming `field` with JALALI_DATE_HINT.
JalaliDate requireJalaliDate(const std::string& field, const std::string& text);

/// `1405-09-05` (ASCII digits, zero padded): what the API gives beside ISO 8601.
std::string formatJalali(const JalaliDate& date);

/// ISO 8601 UTC with milliseconds: `2026-11-26T09:01:16.123Z`.
std::string formatIsoUtc(std::int64_t epochMs);

/// `text` with its ASCII digits written as Persian digits (۰–۹), for what a person reads.
std::string persianDigits(const std::string& text);
/// `۱۰ آذر ۱۴۰۵`: the Jalali day in Iran at the UTC instant.
std::string jalaliDay(std::int64_t epochMs);
/// `۱۴:۳۰`: the clock in Iran at the UTC instant.
std::string clockInIran(std::int64_t epochMs);
/// `۱۰ آذر ۱۴۰۵، ۱۴:۳۰` in Iran time.
std::string jalaliDayTime(std::int64_t epochMs);
/// `آذر ۱۴۰۵`: a Jalali month as a calendar heads it.
std::string jalaliMonthName(int year, int month);

}  // namespace lacuna
