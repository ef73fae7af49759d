#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Gap.h"
#include "Precedent.h"
#include "RecordEvent.h"

namespace lacuna {

/// What a decided request writes beside itself: a note on each gap it concerns and an event on the ruling.
struct PrecedentDecision {
    GapEvent onGaps;
    RecordEvent onRuling;
};

/// Requests for a uniform precedent, with their rulings, gaps and the cities' arguments.
class PrecedentRepository {
public:
    virtual ~PrecedentRepository() = default;
    /// Assigns id and reference (version 1) and stores the request with its event.
    virtual PrecedentRequest create(const PrecedentRequest& request, int jalaliYear,
                                    const RecordEvent& event) = 0;
    virtual std::optional<PrecedentRequest> find(std::int64_t id) = 0;
    /// Newest first, in one state or all.
    virtual std::vector<PrecedentRequest> list(const std::optional<std::string>& state,
                                               std::size_t limit) = 0;
    /// Saves the request's state, filing, decision and clock at expectedVersion + 1 with its event (a
    /// transition changes neither its arguments nor its links) and, for a decision, in the same transaction:
    /// `decision.onGaps` in the history of each of its gaps, and `decision.onRuling` in the history of its
    /// decision ruling (at the ruling's next version, since that ruling now shows as a precedent that binds).
    virtual void save(const PrecedentRequest& request, std::int64_t expectedVersion, const RecordEvent& event,
                      const std::optional<PrecedentDecision>& decision = std::nullopt) = 0;
    /// Saves the cities' arguments as `request` now holds them at expectedVersion + 1 with its event, and the
    /// text search finds the request by, in the same transaction.
    virtual void saveArguments(const PrecedentRequest& request, std::int64_t expectedVersion,
                               const RecordEvent& event) = 0;
    /// The requests naming this provision key, newest first.
    virtual std::vector<PrecedentRequest> onProvision(const std::string& key, std::size_t limit) = 0;
};

}  // namespace lacuna
