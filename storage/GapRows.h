#pragma once

#include <string>

#include "Gap.h"
#include "Sql.h"

/// How a gap's row is selected and read, for the repository and the list query alike.
namespace lacuna::gaprows {

/// `SELECT <the gap's columns> FROM gaps g ` (an index hint may follow, then JOIN_CREATOR). Inline, so
/// that statements other files build from it at start-up find it made (one definition, ordered first).
inline const std::string SELECT_COLUMNS =
    R"(SELECT g.id, g.reference, g.title, g.description, g.kind, g.category,
 g.municipality, g.priority, g.confidential, g.pending_lawsuits, g.exposure_rials, g.provisions, g.state,
 g.version, g.created_by, u.username AS created_by_name, g.created_at, g.updated_at, g.due_at, g.co_reporters
 FROM gaps g )";
/// The join that names the gap's reporter. A LEFT JOIN (every gap has its reporter: created_by is a foreign
/// key), because an outer join keeps the gaps as the outer loop on every backend: with an inner join MariaDB
/// may start from the few users and then sort every matching gap (Using temporary; Using filesort), the
/// list's index hint notwithstanding.
inline const std::string JOIN_CREATOR = "LEFT JOIN users u ON u.id = g.created_by ";

/// A row of SELECT_COLUMNS + JOIN_CREATOR.
Gap read(const SqlStatement& row);

/// The columns every record that names a gap selects of it for the visibility rule, in this order.
inline const std::string AUDIENCE_COLUMNS = "g.confidential, g.municipality, g.co_reporters";
/// Those columns, from `first` on.
GapAudience readAudience(const SqlStatement& row, int first);

/// `SELECT <what a summary shows of a gap> ` (FROM and the rest follow), read by readSummary.
inline const std::string SUMMARY_COLUMNS =
    "SELECT g.id, g.reference, g.title, g.state, " + AUDIENCE_COLUMNS + " ";
GapSummary readSummary(const SqlStatement& row);

}  // namespace lacuna::gaprows
