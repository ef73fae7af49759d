#include "RecordEvent.h"

namespace lacuna {

RecordEvent recordEvent(const Principal& actor, const std::string& entityType, std::int64_t entityId,
                        const std::string& type, const std::string& state, std::int64_t at) {
    RecordEvent e;
    e.entityType = entityType;
    e.entityId = entityId;
    e.at = at;
    e.actorId = actor.userId;
    e.actorName = actor.username;
    e.clientAddress = actor.clientAddress;
    e.requestId = actor.requestId;
    e.type = type;
    e.fromState = e.toState = state;
    return e;
}

}  // namespace lacuna
