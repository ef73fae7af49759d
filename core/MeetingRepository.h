#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Gap.h"
#include "Meeting.h"
#include "RecordEvent.h"

namespace lacuna {

/// Which meetings a list holds: by state, by when they take place (`from` ≤ scheduled_at < `before`).
struct MeetingQuery {
    std::optional<std::string> state;
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> before;
    std::size_t limit = 20;
    bool earliestFirst = false;  ///< a calendar reads forward; a list newest first
};

/// Committee meetings with their agenda, attendance, votes and decisions.
class MeetingRepository {
public:
    virtual ~MeetingRepository() = default;
    virtual Meeting create(const Meeting& meeting, const RecordEvent& event) = 0;
    virtual std::optional<Meeting> find(std::int64_t id) = 0;
    /// By scheduled time (newest first unless `earliestFirst`), filtered by `query`.
    virtual std::vector<Meeting> list(const MeetingQuery& query) = 0;
    /// The same meetings as `list`, each with the size of its agenda, attendance and decisions instead of
    /// their rows: one statement for a calendar, whatever the agendas hold.
    virtual std::vector<MeetingSummary> summaries(const MeetingQuery& query) = 0;
    /// Replaces the meeting (place, time, state, attendance, agenda, votes, decisions) at version
    /// expectedVersion + 1, appends `event` and applies `gapChanges`, in one transaction.
    virtual void save(const Meeting& meeting, std::int64_t expectedVersion, const RecordEvent& event,
                      const std::vector<GapStateChange>& gapChanges) = 0;
};

}  // namespace lacuna
