#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "JalaliDate.h"
#include "Lifecycle.h"

namespace lacuna {

/// Which days count as working days: the Iranian week (Friday off, Thursday off where configured)
/// and the official holidays, given as Jalali dates.
struct WorkCalendarSettings {
    bool thursdayOff = false;
    /// Holidays on the same Jalali day every year (Nowruz, 22 Bahman, …): {month, day}.
    std::vector<std::pair<int, int>> everyYear;
    /// Holidays of one year only (the lunar ones move): full Jalali dates.
    std::vector<JalaliDate> dates;
};

/// Computes when a clock that starts at an instant runs out. Days are days in Iran; a deadline ends
/// at the last millisecond of its day there. A deadline counted in calendar days that falls on a
/// day off moves to the next working day, as Iranian procedure rules do.
class WorkCalendar {
public:
    explicit WorkCalendar(WorkCalendarSettings settings = {});

    /// Days since 1970-01-01 in Iran's time zone.
    static std::int64_t dayInIran(std::int64_t epochMs);
    /// The last millisecond (UTC ms) of that day in Iran.
    static std::int64_t endOfDay(std::int64_t day);
    static JalaliDate jalaliOfDay(std::int64_t day);

    bool isWorkingDay(std::int64_t day) const;
    /// The end of the clock `sla` started at `startMs`.
    std::int64_t dueAt(std::int64_t startMs, const Sla& sla) const;
    /// A due date pushed back by `days` calendar days (then onto a working day).
    std::int64_t extend(std::int64_t dueMs, int days) const;

private:
    std::int64_t onWorkingDay(std::int64_t day) const;

    WorkCalendarSettings _settings;
    std::set<std::pair<int, int>> _everyYear;
    std::set<std::tuple<int, int, int>> _dates;
};

/// When the clock of `state` ends for a record entering it at `startMs` (with `urgency` for
/// records that have one); none for a state without a clock.
std::optional<std::int64_t> stateDueAt(const LifecycleState& state, const WorkCalendar& calendar,
                                       std::int64_t startMs, const std::string& urgency = "");

}  // namespace lacuna
