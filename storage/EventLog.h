#pragma once

#include <cstdint>
#include <string>

#include "Legislation.h"
#include "Sql.h"

/// Where every change is recorded, written once for both backends and always inside the change's
/// own transaction: the audit event, the inboxes of those who watch the record, and the webhook
/// outbox (so an event is delivered if and only if its change committed).
namespace lacuna::eventlog {

/// Appends `event` at `sequence` to the gap's history and fans it out. A `created` event also makes
/// the reporter a watcher of the gap.
void appendGapEvent(SqlSession& session, std::int64_t gapId, std::int64_t sequence, const GapEvent& event);

/// Appends a meeting/bill/webhook event (sequence = the record's version after the change).
void appendRecordEvent(SqlSession& session, const RecordEvent& event, const std::string& reference);

/// Moves a gap to `change.toState` (with its new clock) if it is still at `change.expectedVersion`,
/// and appends the change's event. Throws VersionConflict or NotFound otherwise.
void applyGapChange(SqlSession& session, const GapStateChange& change);

/// After an UPDATE … WHERE id = ? AND version = ? changed nothing: NotFound or VersionConflict.
[[noreturn]] void failStaleUpdate(SqlSession& session, const std::string& table, const std::string& what,
                                  std::int64_t id, std::int64_t expected);

}  // namespace lacuna::eventlog
