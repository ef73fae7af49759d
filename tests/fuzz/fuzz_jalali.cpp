// The Jalali date parser: anything parsed is a real date, formats back to text that parses to the
// same date, and survives the trip through the Gregorian calendar.
#include "FuzzCommon.h"
#include "JalaliDate.h"

using lacuna::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input = lacuna::fuzz::text(data, size);
    if (const auto date = lacuna::parseJalaliDate(input)) {
        require(date->month >= 1 && date->month <= 12, "month in 1..12");
        require(date->day >= 1 && date->day <= lacuna::jalaliMonthLength(date->year, date->month),
                "day within its month");
        const auto again = lacuna::parseJalaliDate(lacuna::formatJalali(*date));
        require(again && *again == *date, "format then parse gives the same date");
        require(lacuna::toJalali(lacuna::toGregorian(*date)) == *date, "the Gregorian round trip holds");
    }
    if (const auto monthDay = lacuna::parseJalaliMonthDay(input))
        require(monthDay->month >= 1 && monthDay->month <= 12 && monthDay->day >= 1 && monthDay->day <= 31,
                "a month-day is in range");
    return 0;
}
