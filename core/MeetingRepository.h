#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Gap.h"
#include "Meeting.h"
#include "RecordEvent.h"

namespace lacuna {

/// Committee meetings with their agenda, attendance, votes and decisions.
class MeetingRepository {
public:
    virtual ~MeetingRepository() = default;
    virtual Meeting create(const Meeting& meeting, const RecordEvent& event) = 0;
    virtual std::optional<Meeting> find(std::int64_t id) = 0;
    /// Newest first; `state` filters when set.
    virtual std::vector<Meeting> list(const std::optional<std::string>& state, std::size_t limit) = 0;
    /// Replaces the meeting (place, time, state, attendance, agenda, votes, decisions) at version
    /// expectedVersion + 1, appends `event` and applies `gapChanges`, in one transaction.
    virtual void save(const Meeting& meeting, std::int64_t expectedVersion, const RecordEvent& event,
                      const std::vector<GapStateChange>& gapChanges) = 0;
};

}  // namespace lacuna
