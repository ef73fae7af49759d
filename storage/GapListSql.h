#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "GapRepository.h"
#include "Sql.h"

namespace lacuna {

/// The list query of GapQuery as portable SQL (SQLite and MySQL alike) with its parameters in order.
/// The text is assembled only from fixed fragments; every value a user gave is a parameter.
struct GapListSql {
    std::string sql;
    std::vector<SqlParameter> parameters;
};

/// The index that serves a list query: the one that matches its filters and yields its sort order.
/// Naming it keeps a page from sorting a whole table when the planner's statistics are stale (as
/// MariaDB's are while a table grows fast) or absent (SQLite without ANALYZE).
std::string gapListIndex(const GapQuery& query);

/// `session` names the index in its dialect.
/// Narrows `out` to the gaps the query's viewer may know of (its visibility::ListScope).
void appendScope(GapListSql& out, const visibility::ListScope& scope);

/// Appends the query's filters (scope, fields, words), the state's only when `withState`.
void appendFilters(GapListSql& out, const GapQuery& query, bool withState);

/// What a list statement selects of each gap: the whole row (gaprows::read) or its summary
/// (gaprows::readSummary).
enum class GapListColumns { Whole, Summary };

GapListSql buildGapListSql(const GapQuery& query, const SqlSession& session,
                           GapListColumns columns = GapListColumns::Whole);

/// One row per state of `states`, in order: the state, and how many gaps the query's filters match in
/// it (its own state filter, cursor and sort left aside), counted only up to cap + 1.
GapListSql buildGapCountSql(const GapQuery& query, const std::vector<std::string>& states, std::size_t cap);

/// The sort key's value of a gap, for the next page's cursor.
std::int64_t gapSortKey(const Gap& gap, GapQuery::SortKey key);

/// `text` with LIKE's wildcards escaped by '!' (the statements say ESCAPE '!', which means the same
/// on every backend whatever its backslash settings).
std::string escapeLike(const std::string& text);

}  // namespace lacuna
