#pragma once

#include <cstdint>
#include <string>

#include "Gap.h"
#include "RecordEvent.h"
#include "Sql.h"

/// Where every change is recorded, written once for both backends and always inside the change's
/// own transaction: the audit event, the inboxes of those who watch the record, and the webhook
/// outbox (so an event is delivered if and only if its change committed).
namespace lacuna::eventlog {

/// Appends `event` at `sequence` to the gap's history and fans it out. A `created` event also makes
/// the reporter a watcher of the gap.
void appendGapEvent(SqlSession& session, std::int64_t gapId, std::int64_t sequence, const GapEvent& event);

/// Appends an event of a meeting, bill, ruling, opinion or subscription as the `sequence`th of the record
/// `entityId` (its version after the change), quoting the record's reference in the webhook payload.
void appendRecordEvent(SqlSession& session, RecordEvent event, std::int64_t entityId, std::int64_t sequence,
                       const std::string& reference);

/// Puts the queue entry `id` of `table` (the mail outbox, the webhook deliveries), given up on (state
/// failed), back for one more attempt at `event.at`, also setting `alsoSet` (", column = ?"…, with
/// `alsoParams`), and appends `event` as the entry's retries-th. False, nothing written, when the entry is
/// not in state failed (another admin put it back first).
bool retryFailed(SqlSession& session, const std::string& table, std::int64_t id, const RecordEvent& event,
                 const std::string& alsoSet = "", const std::vector<SqlParameter>& alsoParams = {});

/// Moves a gap to `change.toState` (with its new clock) if it is still at `change.expectedVersion`,
/// and appends the change's event. Throws VersionConflict or NotFound otherwise.
void applyGapChange(SqlSession& session, const GapStateChange& change);

/// After an UPDATE … WHERE id = ? AND version = ? changed nothing: NotFound or VersionConflict.
[[noreturn]] void failStaleUpdate(SqlSession& session, const std::string& table, const std::string& what,
                                  std::int64_t id, std::int64_t expected);

/// A record's row as an optimistic update names it.
struct VersionedRow {
    std::string table;  ///< gaps, bills, …
    std::string what;   ///< how errors name it: gap, bill, …
    std::int64_t id = 0;
    std::int64_t expected = 0;  ///< the version the client read
};

/// Runs `sql` (an UPDATE … WHERE id = ? AND version = ?, with `params` ending in the row's id and
/// expected version); when it changes no row, NotFound or VersionConflict, and nothing is written.
void updateVersioned(SqlSession& session, const std::string& sql, const std::vector<SqlParameter>& params,
                     const VersionedRow& row);

}  // namespace lacuna::eventlog
