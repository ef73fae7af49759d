#pragma once

#include <string>

#include "Gap.h"
#include "Sql.h"

/// How a gap's row is selected and read, for the repository and the list query alike.
namespace lacuna::gaprows {

/// `SELECT <the gap's columns> FROM gaps g ` (an index hint may follow, then JOIN_CREATOR).
extern const std::string SELECT_COLUMNS;
/// The join that names the gap's reporter.
extern const std::string JOIN_CREATOR;

/// A row of SELECT_COLUMNS + JOIN_CREATOR.
Gap read(const SqlStatement& row);

}  // namespace lacuna::gaprows
