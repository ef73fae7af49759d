// Word diff, working-day clocks and the committee's arithmetic, without a store.
#include <catch2/catch.hpp>

#include "CommitteeRules.h"
#include "WordDiff.h"
#include "WorkCalendar.h"

using namespace lacuna;

namespace {

std::string render(const std::vector<DiffOp>& ops) {
    std::string out;
    for (const auto& op : ops)
        out += op.kind == DiffOp::Kind::Insert   ? "{+" + op.text + "}"
               : op.kind == DiffOp::Kind::Delete ? "{-" + op.text + "}"
                                                 : op.text;
    return out;
}

/// UTC ms of a Jalali date at noon in Iran.
std::int64_t noonInIran(int y, int m, int d) {
    std::int64_t day = 0;
    // Walk from a known day: 1405-01-01 is 2026-03-21, day 20533 since the epoch.
    const JalaliDate start{1405, 1, 1};
    day = 20533;
    JalaliDate j = start;
    while (!(j.year == y && j.month == m && j.day == d)) {
        ++day;
        j = WorkCalendar::jalaliOfDay(day);
    }
    return day * 86400000LL - IRAN_OFFSET_MS + 12 * 3600000LL;
}

}  // namespace

TEST_CASE("word diff: words, punctuation and ZWNJ in Persian", "[unit][diff]") {
    CHECK(render(wordDiff("", "")).empty());
    CHECK(render(wordDiff("الف ب", "الف ب")) == "الف ب");
    CHECK(render(wordDiff("الف ب ج", "الف د ج")) == "الف {-ب}{+د} ج");
    CHECK(render(wordDiff("مهلت سی روز است.", "مهلت شصت روز است؟")) == "مهلت {-سی}{+شصت} روز است{-.}{+؟}");
    // ZWNJ, Arabic ي/ك, diacritics and digit scripts are not changes.
    CHECK(render(wordDiff("شهرداری‌ها و ماده ۱۰", "شهرداريها و ماده 10")) ==
          "شهرداريها و ماده 10");
    // Guillemets and the Persian comma and semicolon are tokens of their own.
    CHECK(diffTokens("«الف»، ب؛ ج") ==
          std::vector<std::string>{"«", "الف", "»", "،", " ", "ب", "؛", " ", "ج"});
    CHECK(render(wordDiff("الف", "")) == "{-الف}");
    CHECK(render(wordDiff("", "الف ب")) == "{+الف ب}");
    CHECK(render(wordDiff("a b c d e", "b c x e f")) == "{-a }b c {-d}{+x} e{+ f}");
    // A long text with a change in the middle stays exact.
    std::string before, after;
    for (int i = 0; i < 3000; ++i) {
        before += "کلمه" + std::to_string(i) + " ";
        after += (i == 1500 ? std::string("تغییر ") : "کلمه" + std::to_string(i) + " ");
    }
    const auto ops = wordDiff(before, after);
    REQUIRE(ops.size() == 4);
    CHECK(ops[1].text == "کلمه1500");
    CHECK(ops[2].text == "تغییر");
}

TEST_CASE("working days follow the Iranian week and the holiday list", "[unit][calendar]") {
    WorkCalendarSettings settings;
    settings.everyYear = {{11, 22}};
    settings.dates = {{1405, 9, 10}};
    const WorkCalendar calendar(settings);
    // 1405-09-05 is a Thursday (2026-11-26); Friday 09-06 is off, 09-10 is a holiday.
    const std::int64_t thursday = noonInIran(1405, 9, 5);
    const Sla three{3, true};
    // (Friday 06 off), Saturday 07, Sunday 08, Monday 09 → due at the end of 09-09.
    CHECK(formatJalali(jalaliDateInIran(calendar.dueAt(thursday, three))) == "1405-09-09");
    const Sla four{4, true};  // … Tuesday 09-10 is a holiday → Wednesday 09-11
    CHECK(formatJalali(jalaliDateInIran(calendar.dueAt(thursday, four))) == "1405-09-11");
    // Calendar days ending on a day off move to the next working day: 5 + 5 = 10 (holiday) → 11.
    CHECK(formatJalali(jalaliDateInIran(calendar.dueAt(thursday, Sla{5, false}))) == "1405-09-11");
    // One calendar day ends on Friday, so on Saturday; at the last millisecond of the day in Iran.
    const std::int64_t end = calendar.dueAt(thursday, Sla{1, false});
    CHECK(formatIsoUtc(end) == "2026-11-28T20:29:59.999Z");  // Saturday 23:59:59.999 Tehran time
    WorkCalendarSettings thursdays;
    thursdays.thursdayOff = true;
    CHECK(formatJalali(jalaliDateInIran(WorkCalendar(thursdays).dueAt(thursday, Sla{1, true}))) ==
          "1405-09-07");
    // Every-year holidays recur: 22 Bahman of 1405 and of 1406.
    CHECK_FALSE(calendar.isWorkingDay(WorkCalendar::dayInIran(noonInIran(1405, 11, 22))));
    CHECK(calendar.isWorkingDay(WorkCalendar::dayInIran(noonInIran(1405, 11, 21))));
    // An extension adds calendar days to the due date: Saturday 09-07 + 10 = Tuesday 09-17.
    CHECK(formatJalali(jalaliDateInIran(calendar.extend(calendar.dueAt(thursday, Sla{1, false}), 10))) ==
          "1405-09-17");
}

TEST_CASE("quorum and majority arithmetic", "[unit][committee]") {
    CommitteeRules rules;
    rules.members.assign(18, "x");
    CHECK(rules.quorumNeeded() == 12);
    rules.members.assign(3, "x");
    CHECK(rules.quorumNeeded() == 2);
    // More than half of those present.
    CHECK(rules.votesNeeded(2, 2) == 2);
    CHECK(rules.votesNeeded(12, 9) == 7);
    CHECK(rules.votesNeeded(13, 9) == 7);
    rules.majorityOf = "votes_cast";
    CHECK(rules.votesNeeded(13, 9) == 5);
    rules.strictMajority = false;
    rules.majority = {2, 3};
    CHECK(rules.votesNeeded(13, 9) == 6);
    QuorumCheck c{3, 1, 2, 1, 1, 1};
    CHECK_FALSE(c.hasQuorum());
    CHECK_FALSE(c.carried());
}
