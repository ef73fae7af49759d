#include "WorkCalendar.h"

namespace lacuna {
namespace {

constexpr std::int64_t DAY_MS = 24LL * 60 * 60 * 1000;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

}  // namespace

WorkCalendar::WorkCalendar(WorkCalendarSettings settings) : _settings(std::move(settings)) {
    for (const auto& md : _settings.everyYear) _everyYear.insert(md);
    for (const auto& d : _settings.dates) _dates.insert({d.year, d.month, d.day});
}

std::int64_t WorkCalendar::dayInIran(std::int64_t epochMs) {
    return floorDiv(epochMs + IRAN_OFFSET_MS, DAY_MS);
}

std::int64_t WorkCalendar::endOfDay(std::int64_t day) { return (day + 1) * DAY_MS - IRAN_OFFSET_MS - 1; }

JalaliDate WorkCalendar::jalaliOfDay(std::int64_t day) {
    return jalaliDateInIran(day * DAY_MS - IRAN_OFFSET_MS);
}

bool WorkCalendar::isWorkingDay(std::int64_t day) const {
    // 1970-01-01 was a Thursday: (day + 4) % 7 gives 0 = Sunday … 4 = Thursday, 5 = Friday.
    const auto weekday = ((day + 4) % 7 + 7) % 7;
    if (weekday == 5) return false;
    if (weekday == 4 && _settings.thursdayOff) return false;
    const JalaliDate j = jalaliOfDay(day);
    return !_everyYear.count({j.month, j.day}) && !_dates.count({j.year, j.month, j.day});
}

std::int64_t WorkCalendar::onWorkingDay(std::int64_t day) const {
    while (!isWorkingDay(day)) ++day;
    return day;
}

std::int64_t WorkCalendar::dueAt(std::int64_t startMs, const Sla& sla) const {
    std::int64_t day = dayInIran(startMs);
    if (sla.workingDays) {
        for (int counted = 0; counted < sla.days;)
            if (isWorkingDay(++day)) ++counted;
        return endOfDay(day);
    }
    return endOfDay(onWorkingDay(day + sla.days));
}

std::int64_t WorkCalendar::extend(std::int64_t dueMs, int days) const {
    return endOfDay(onWorkingDay(dayInIran(dueMs) + days));
}

std::optional<std::int64_t> stateDueAt(const LifecycleState& state, const WorkCalendar& calendar,
                                       std::int64_t startMs, const std::string& urgency) {
    if (const auto it = state.slaByUrgency.find(urgency); it != state.slaByUrgency.end())
        return calendar.dueAt(startMs, it->second);
    if (state.sla) return calendar.dueAt(startMs, *state.sla);
    return std::nullopt;
}

}  // namespace lacuna
