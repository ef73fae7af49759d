#pragma once

#include <cstdint>
#include <string>

#include "User.h"

namespace lacuna {

/// One append-only audit record of a change to a meeting, bill or webhook subscription.
struct RecordEvent {
    std::int64_t id = 0;
    std::string entityType;  ///< meeting, bill, webhook
    std::int64_t entityId = 0;
    std::int64_t sequence = 0;  ///< the record's version after the change
    std::int64_t at = 0;
    std::int64_t actorId = 0;
    std::string actorName;
    std::string clientAddress;
    std::string type;  ///< created, transition, vote, decision, …
    std::string fromState;
    std::string toState;
    std::string transition;
    std::string comment;
    std::string dataJson = "{}";  ///< what changed, as JSON
    std::string requestId;        ///< the request that made the change ("" outside one)
};

/// A new event on a record by `actor` at `at`, in `state` (from and to alike until a transition sets them).
RecordEvent recordEvent(const Principal& actor, const std::string& entityType, std::int64_t entityId,
                        const std::string& type, const std::string& state, std::int64_t at);

}  // namespace lacuna
