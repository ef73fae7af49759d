#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>

#include <catch2/catch.hpp>
#include <limits>
#include <random>
#include <vector>

#include "JalaliDate.h"

using namespace lacuna;

TEST_CASE("known dates convert both ways", "[unit][jalali]") {
    struct Case {
        GregorianDate g;
        JalaliDate j;
    };
    const Case cases[] = {
        {{2025, 3, 21}, {1404, 1, 1}},                                     // Nowruz 1404
        {{2025, 3, 20}, {1403, 12, 30}},                                   // last day of leap year 1403
        {{2024, 3, 20}, {1403, 1, 1}},   {{2024, 3, 19}, {1402, 12, 29}},  // last day of common year 1402
        {{2021, 3, 20}, {1399, 12, 30}},                                   // leap year 1399
        {{2021, 3, 21}, {1400, 1, 1}},   {{2026, 3, 20}, {1404, 12, 29}},  // 1404 is common
        {{2026, 3, 21}, {1405, 1, 1}},   {{2026, 11, 26}, {1405, 9, 5}},
        {{1979, 2, 11}, {1357, 11, 22}}, {{2000, 1, 1}, {1378, 10, 11}},
        {{2016, 3, 20}, {1395, 1, 1}},   {{2024, 9, 22}, {1403, 7, 1}},  // first day after the 31-day months
    };
    for (const auto& c : cases) {
        INFO(c.g.year << "-" << c.g.month << "-" << c.g.day);
        CHECK(toJalali(c.g) == c.j);
        CHECK(toGregorian(c.j) == c.g);
    }
}

TEST_CASE("leap years follow the 33-year cycle", "[unit][jalali]") {
    for (int y : {1375, 1379, 1383, 1387, 1391, 1395, 1399, 1403, 1408}) {
        INFO(y);
        CHECK(isJalaliLeapYear(y));
        CHECK(jalaliMonthLength(y, 12) == 30);
    }
    for (int y : {1400, 1401, 1402, 1404, 1405, 1406, 1407}) {
        INFO(y);
        CHECK_FALSE(isJalaliLeapYear(y));
        CHECK(jalaliMonthLength(y, 12) == 29);
    }
    CHECK_THROWS_AS(toGregorian({1404, 12, 30}), Poco::InvalidArgumentException);
    CHECK_THROWS_AS(toGregorian({1404, 13, 1}), Poco::InvalidArgumentException);
    CHECK_THROWS_AS(toJalali({2025, 2, 29}), Poco::InvalidArgumentException);
}

TEST_CASE("every day from 1300 to 1500 round-trips and follows the previous one", "[unit][jalali]") {
    GregorianDate g = toGregorian({1300, 1, 1});
    Poco::DateTime day(g.year, g.month, g.day);
    JalaliDate previous = toJalali(g);
    int days = 0;
    while (previous.year < 1500) {
        day += Poco::Timespan(1, 0, 0, 0, 0);
        const GregorianDate next{day.year(), day.month(), day.day()};
        const JalaliDate j = toJalali(next);
        const bool sameMonth =
            j.year == previous.year && j.month == previous.month && j.day == previous.day + 1;
        const bool nextMonth =
            j.day == 1 && ((j.year == previous.year && j.month == previous.month + 1) ||
                           (j.year == previous.year + 1 && j.month == 1 && previous.month == 12));
        REQUIRE((sameMonth || nextMonth));
        if (nextMonth) REQUIRE(previous.day == jalaliMonthLength(previous.year, previous.month));
        REQUIRE(toGregorian(j) == next);
        previous = j;
        ++days;
    }
    CHECK(days > 73000);
}

TEST_CASE("the Jalali date of an instant is the date in Iran", "[unit][jalali]") {
    // Midnight in Tehran (UTC+3:30) is 20:30 UTC of the day before.
    CHECK(formatIsoUtc(1795683600000) == "2026-11-26T09:00:00.000Z");
    CHECK(formatJalali(jalaliDateInIran(1795683600000)) == "1405-09-05");
    const std::int64_t midnightTehran = 1795683600000 - (9 * 3600 + 30 * 60) * 1000LL - 3 * 3600 * 1000LL;
    CHECK(formatIsoUtc(midnightTehran) == "2026-11-25T20:30:00.000Z");
    CHECK(formatJalali(jalaliDateInIran(midnightTehran)) == "1405-09-05");
    CHECK(formatJalali(jalaliDateInIran(midnightTehran - 1)) == "1405-09-04");
}

TEST_CASE("an instant is written as Poco's calendar reads it, before 1970 and far after it",
          "[unit][jalali]") {
    // The digit-by-digit writers against Poco's formatter and calendar: day and millisecond edges,
    // leap days, instants before the epoch (the day they fall in begins before them), random ones.
    const auto poco = [](std::int64_t ms) {
        return Poco::DateTimeFormatter::format(Poco::Timestamp(ms * 1000), "%Y-%m-%dT%H:%M:%S.%iZ");
    };
    const auto pocoJalali = [](std::int64_t ms) {
        const Poco::DateTime local(Poco::Timestamp((ms + IRAN_OFFSET_MS) * 1000));
        return toJalali({local.year(), local.month(), local.day()});
    };
    const std::int64_t endOf9999 = 253'402'300'799'999;  // 9999-12-31T23:59:59.999Z
    // clang-format off
    std::vector<std::int64_t> instants = {0, -1, 1, 999, -999, -1000, 86'399'999, 86'400'000, -86'400'000,
        -86'400'001, 951'782'400'000 /* 2000-02-29 */, -2'208'988'800'000 /* 1900-01-01 */, endOf9999};
    // clang-format on
    for (const std::int64_t day : {0LL, 19'000LL, 20'500LL, -25'000LL})
        for (const std::int64_t edge : {-IRAN_OFFSET_MS, std::int64_t{0}})
            for (const std::int64_t nudge : {-1LL, 0LL, 1LL})
                instants.push_back(day * 86'400'000 + edge + nudge);
    std::mt19937_64 random(1405);
    std::uniform_int_distribution<std::int64_t> anyInstant(-5'000'000'000'000, 8'000'000'000'000);
    for (int i = 0; i < 20'000; ++i) instants.push_back(anyInstant(random));
    for (const std::int64_t ms : instants) {
        INFO(ms);
        REQUIRE(formatIsoUtc(ms) == poco(ms));
        // Poco's calendar ends with 9999; the break table with Jalali 3177.
        if (ms < 32'503'680'000'000) REQUIRE(jalaliDateInIran(ms) == pocoJalali(ms));
    }
    CHECK(formatJalali({1405, 9, 5}) == "1405-09-05");
    CHECK(formatJalali({905, 1, 1}) == "0905-01-01");
    CHECK_THROWS_AS(jalaliDateInIran(endOf9999), Poco::InvalidArgumentException);  // past Jalali 3177
    CHECK_THROWS_AS(formatIsoUtc(std::numeric_limits<std::int64_t>::max()), Poco::InvalidArgumentException);
}

TEST_CASE("a Jalali day begins at midnight in Iran, the inverse of the date of an instant",
          "[unit][jalali]") {
    CHECK(formatIsoUtc(startOfJalaliDayInIran({1405, 9, 5})) == "2026-11-25T20:30:00.000Z");
    CHECK(formatIsoUtc(startOfJalaliDayInIran({1403, 12, 30})) == "2025-03-19T20:30:00.000Z");  // leap Esfand
    for (JalaliDate d{1399, 1, 1}; d.year < 1412;) {
        const std::int64_t start = startOfJalaliDayInIran(d);
        CHECK(jalaliDateInIran(start) == d);
        CHECK(!(jalaliDateInIran(start - 1) == d));
        d.day += 13;
        if (d.day > jalaliMonthLength(d.year, d.month)) {
            d.day -= jalaliMonthLength(d.year, d.month);
            if (++d.month > 12) d = {d.year + 1, 1, d.day};
        }
    }
    CHECK_THROWS(startOfJalaliDayInIran({1404, 12, 30}));  // 1404 is not leap
}
