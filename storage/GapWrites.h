#pragma once

#include <cstdint>

#include "Gap.h"
#include "Sql.h"

/// What goes with writing a gap's row, the same for both backends: its provisions (with keys),
/// its search postings and its event (with the inbox and webhook fan-out). The backends write the
/// row itself with their own statements and call these in the same transaction.
namespace lacuna::gapwrites {

/// After the INSERT of a new gap (id and reference assigned): provisions, postings, `created` event.
void afterInsert(SqlSession& session, const Gap& stored, const GapEvent& created);

/// Before the UPDATE of an existing gap's fields: its postings move from the old text to the new
/// (the old text is read here, so this must run before the row changes).
void beforeUpdate(SqlSession& session, const Gap& gap);

/// After that UPDATE: when it changed no row, NotFound or VersionConflict; else the provisions
/// are replaced and the event appended at expectedVersion + 1.
void afterUpdate(SqlSession& session, const Gap& gap, bool updated, std::int64_t expectedVersion,
                 const GapEvent& event);

}  // namespace lacuna::gapwrites
