#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "GapRepository.h"

namespace lacuna {

/// A bound parameter of a generated statement.
using SqlParameter = std::variant<std::int64_t, std::string>;

/// The list query of GapQuery as portable SQL (SQLite and MySQL alike) with its parameters in order.
/// The text is assembled only from fixed fragments; every value a user gave is a parameter.
struct GapListSql {
    std::string sql;
    std::vector<SqlParameter> parameters;
};

/// `selectGap` is the backend's SELECT … FROM gaps g … up to (not including) WHERE.
GapListSql buildGapListSql(const std::string& selectGap, const GapQuery& query);

/// The sort key's value of a gap, for the next page's cursor.
std::int64_t gapSortKey(const Gap& gap, GapQuery::SortKey key);

/// `text` with LIKE's wildcards escaped by '!' (the statements say ESCAPE '!', which means the same
/// on every backend whatever its backslash settings).
std::string escapeLike(const std::string& text);

}  // namespace lacuna
