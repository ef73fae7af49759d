#include "SqlRecordEventRepository.h"

namespace lacuna {
namespace {

const std::string SELECT_RECORD_EVENTS =
    R"(SELECT id, entity_type, entity_id, sequence, at, actor_id, actor_name,
 client_address, type, from_state, to_state, transition, comment, data, request_id
 FROM record_events WHERE entity_type = ? AND entity_id = ? ORDER BY sequence)";

RecordEvent readEvent(const SqlStatement& r) {
    return RecordEvent{.id = r.integer(0),
                       .entityType = r.text(1),
                       .entityId = r.integer(2),
                       .sequence = r.integer(3),
                       .at = r.integer(4),
                       .actorId = r.integer(5),
                       .actorName = r.text(6),
                       .clientAddress = r.text(7),
                       .type = r.text(8),
                       .fromState = r.text(9),
                       .toState = r.text(10),
                       .transition = r.text(11),
                       .comment = r.text(12),
                       .dataJson = r.text(13),
                       .requestId = r.text(14)};
}

}  // namespace

std::vector<RecordEvent> SqlRecordEventRepository::history(const std::string& entityType, std::int64_t id) {
    return queryRows(_db, SELECT_RECORD_EVENTS, {entityType, id}, readEvent);
}

}  // namespace lacuna
