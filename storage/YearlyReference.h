#pragma once

#include <string>

#include "Sql.h"

namespace lacuna {

/// The next year-numbered reference (`G-1405-0007`) of a kind of record, counted in `counterTable`
/// inside the caller's transaction, so that a create that rolls back leaves no hole.
std::string nextYearlyReference(SqlSession& session, const std::string& counterTable,
                                const std::string& prefix, int jalaliYear);

}  // namespace lacuna
