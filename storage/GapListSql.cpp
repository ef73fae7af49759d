#include "GapListSql.h"

#include "GapRows.h"

namespace lacuna {

std::string escapeLike(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '%' || c == '_' || c == '!') out += '!';
        out += c;
    }
    return out;
}

void appendScope(GapListSql& out, const visibility::ListScope& scope) {
    if (scope.everyGap) return;
    if (!scope.city) {
        out.sql += " AND g.confidential = 0";
        return;
    }
    // co_reporters holds the co-reporting cities comma-separated: the city alone, first, last or inside.
    out.sql += R"( AND (g.confidential = 0 OR g.municipality = ? OR g.co_reporters = ?
 OR g.co_reporters LIKE ? ESCAPE '!' OR g.co_reporters LIKE ? ESCAPE '!' OR g.co_reporters LIKE ? ESCAPE '!'))";
    const std::string city = escapeLike(*scope.city);
    out.parameters.insert(out.parameters.end(),
                          {*scope.city, *scope.city, city + ",%", "%," + city, "%," + city + ",%"});
}

std::int64_t gapSortKey(const Gap& gap, GapQuery::SortKey key) {
    switch (key) {
        case GapQuery::SortKey::UpdatedAt:
            return gap.updatedAt;
        case GapQuery::SortKey::Priority:
            return gapvalues::priorityRank(gap.fields.priority);
        case GapQuery::SortKey::CreatedAt:
            break;
    }
    return gap.createdAt;
}

std::string gapListIndex(const GapQuery& q) {
    const char* sorted = q.sortKey == GapQuery::SortKey::UpdatedAt  ? "updated"
                         : q.sortKey == GapQuery::SortKey::Priority ? "priority"
                                                                    : "created";
    const std::string suffix = q.sortKey == GapQuery::SortKey::CreatedAt ? "" : std::string("_") + sorted;
    if (q.municipality && q.state && q.sortKey != GapQuery::SortKey::Priority)
        return "gaps_by_municipality_state" + suffix;
    if (q.state) return "gaps_by_state" + suffix;
    if (q.municipality) return "gaps_by_municipality" + suffix;
    return std::string("gaps_by_") + sorted;
}

void appendFilters(GapListSql& out, const GapQuery& q, bool withState) {
    appendScope(out, q.scope);
    const auto filter = [&](const std::optional<std::string>& value, const char* column) {
        if (!value) return;
        out.sql += std::string(" AND g.") + column + " = ?";
        out.parameters.emplace_back(*value);
    };
    if (withState) filter(q.state, "state");
    filter(q.municipality, "municipality");
    filter(q.kind, "kind");
    filter(q.category, "category");
    filter(q.priority, "priority");
    for (const std::string& term : q.indexTerms) {
        out.sql += " AND g.id IN (SELECT doc_id FROM search_postings WHERE term = ? AND doc_type = 'gap')";
        out.parameters.emplace_back(term);
    }
    for (const std::string& term : q.terms) {
        out.sql += " AND g.search_text LIKE ? ESCAPE '!'";
        out.parameters.emplace_back("%" + escapeLike(term) + "%");
    }
}

GapListSql buildGapCountSql(const GapQuery& q, const std::vector<std::string>& states, std::size_t cap) {
    GapListSql out;
    // Each count stops at cap + 1 rows: a state's count costs at most that many index entries however
    // many gaps it holds.
    for (const std::string& state : states) {
        if (!out.sql.empty()) out.sql += " UNION ALL ";
        out.sql += "SELECT ?, (SELECT COUNT(*) FROM (SELECT 1 FROM gaps g WHERE g.state = ?";
        out.parameters.emplace_back(state);
        out.parameters.emplace_back(state);
        appendFilters(out, q, false);
        out.sql += " LIMIT ?) c)";
        out.parameters.emplace_back(static_cast<std::int64_t>(cap + 1));
    }
    return out;
}

GapListSql buildGapListSql(const GapQuery& q, const SqlSession& session, GapListColumns columns) {
    GapListSql out;
    const bool whole = columns == GapListColumns::Whole;
    // Words found in few gaps drive the query from the search index (then the page is sorted from
    // those few rows); otherwise the sort order's index is walked and the first page fills at once.
    out.sql = (whole ? gaprows::SELECT_COLUMNS : gaprows::SUMMARY_COLUMNS + "FROM gaps g ") +
              (q.indexTerms.empty() ? session.indexHint(gapListIndex(q)) : std::string()) +
              (whole ? gaprows::JOIN_CREATOR : std::string()) + "WHERE 1 = 1";
    appendFilters(out, q, true);
    const std::string key = q.sortKey == GapQuery::SortKey::UpdatedAt  ? "g.updated_at"
                            : q.sortKey == GapQuery::SortKey::Priority ? "g.priority_rank"
                                                                       : "g.created_at";
    const std::string cmp = q.descending ? " < " : " > ";
    const std::string dir = q.descending ? " DESC" : " ASC";
    if (q.after) {
        out.sql += " AND (" + key + cmp + "? OR (" + key + " = ? AND g.id" + cmp + "?))";
        out.parameters.emplace_back(q.after->key);
        out.parameters.emplace_back(q.after->key);
        out.parameters.emplace_back(q.after->id);
    }
    out.sql += " ORDER BY " + key + dir + ", g.id" + dir + " LIMIT ?";
    out.parameters.emplace_back(static_cast<std::int64_t>(q.limit + 1));
    return out;
}

}  // namespace lacuna
