#include "SqlSearchRepository.h"

#include "Reference.h"
#include "UserRows.h"

namespace lacuna {
namespace {

const std::string COUNT_CAPPED =
    "SELECT COUNT(*) FROM (SELECT 1 FROM search_postings WHERE term = ? AND doc_type = ? LIMIT ?) capped";
/// A term's best postings of a type: term, type and how many are the parameters.
const std::string BEST_OF_TERM =
    " FROM search_postings WHERE term = ? AND doc_type = ? ORDER BY weight DESC, doc_id DESC LIMIT ?";
const std::string BEST_POSTINGS = "SELECT doc_id, weight" + BEST_OF_TERM;
/// Fixed batch sizes keep the prepared statements few; missing ids are padded with 0. A search's
/// candidates (up to 1,000) go in large batches: each batch is a round trip to a server.
constexpr std::size_t BATCH = 50;
constexpr std::size_t LARGE_BATCH = 500;

/// Per document type: what is selected as (id, reference, title, municipality, confidential, state,
/// category, court, outcome, gap id, text, more text), and from where.
std::string describeSql(const std::string& type, bool withText) {
    // The text columns, then the co-reporting cities (a gap's; nobody's for the others).
    const auto text = [&](const char* columns, const char* coReporters) {
        return std::string(withText ? columns : ", '', ''") + coReporters;
    };
    const std::string gapColumns =
        "SELECT g.id, g.reference, g.title, g.municipality, g.confidential, g.state, g.category, '', '', g.id";
    if (type == "opinion")
        return "SELECT id, reference, title, municipality, 0, state, '', '', '', 0" +
               text(", question, answer", ", ''") + " FROM opinions WHERE id IN (";
    if (type == "precedent")
        return "SELECT id, reference, question, '', 0, state, '', '', '', 0" +
               text(", question, ''", ", ''") + " FROM precedents WHERE id IN (";
    if (type == "ruling")
        return "SELECT id, '', court, municipality, 0, outcome, '', court, outcome, 0" +
               text(", summary, full_text", ", ''") + " FROM rulings WHERE id IN (";
    if (type == "draft")  // a gap's latest draft
        return gapColumns + text(", d.body, d.rationale", ", g.co_reporters") + " FROM gaps g" +
               (withText ? " JOIN drafts d ON d.gap_id = g.id AND d.version = "
                           "(SELECT MAX(version) FROM drafts WHERE gap_id = g.id)"
                         : "") +
               " WHERE g.id IN (";
    return gapColumns + text(", g.title, g.description", ", g.co_reporters") + " FROM gaps g WHERE g.id IN (";
}

SearchDoc readDoc(const SqlStatement& r, const std::string& type) {
    const std::int64_t id = r.integer(0);
    return SearchDoc{.type = type,
                     .id = id,
                     .reference = type == "ruling" ? reference::ruling(id) : r.text(1),
                     .title = r.text(2),
                     .municipality = r.text(3),
                     .confidential = r.integer(4) != 0,
                     .state = r.text(5),
                     .category = r.text(6),
                     .court = r.text(7),
                     .outcome = r.text(8),
                     .gapId = r.integer(9),
                     .text = r.text(10) + "\n" + r.text(11),
                     .coReporters = splitRoles(r.text(12))};
}

/// Documents holding the first term (its best `limit` by weight), joined to each further term's
/// postings: (id, weight of each term).
std::string candidatesSql(std::size_t termCount) {
    std::string sql = "SELECT c.doc_id, c.weight";
    for (std::size_t i = 1; i < termCount; ++i) sql += ", p" + std::to_string(i) + ".weight";
    sql += " FROM (" + BEST_POSTINGS + ") c";
    for (std::size_t i = 1; i < termCount; ++i) {
        const std::string p = "p" + std::to_string(i);
        sql += " JOIN search_postings " + p + " ON " + p + ".term = ? AND " + p + ".doc_type = ? AND " + p +
               ".doc_id = c.doc_id";
    }
    return sql + " ORDER BY c.weight DESC, c.doc_id DESC";
}

}  // namespace

std::int64_t SqlSearchRepository::documentFrequency(const std::string& term, const std::string& type,
                                                    std::int64_t cap) {
    std::int64_t count = 0;
    _db.query([&](SqlSession& s) { count = selectInteger(s, COUNT_CAPPED, {term, type, cap}); });
    return count;
}

std::vector<SearchCandidate> SqlSearchRepository::candidates(const std::vector<std::string>& terms,
                                                             const std::string& type, std::size_t limit) {
    if (terms.empty()) return {};
    std::vector<SqlParameter> params = {terms[0], type, static_cast<std::int64_t>(limit)};
    for (std::size_t i = 1; i < terms.size(); ++i) params.insert(params.end(), {terms[i], type});
    return queryRows(_db, candidatesSql(terms.size()), params, [&](const SqlStatement& r) {
        SearchCandidate c{r.integer(0), {}};
        for (std::size_t i = 0; i < terms.size(); ++i)
            c.weights.push_back(r.integer(static_cast<int>(i + 1)));
        return c;
    });
}

std::vector<TermPosting> SqlSearchRepository::postings(const std::vector<std::string>& terms,
                                                       const std::string& type, std::size_t limitEach) {
    std::vector<TermPosting> out;
    if (terms.empty()) return out;
    // One statement, each term's best in a limited member of its own: one round trip to a server
    // instead of one per term, and each member reads only its own `limitEach` index entries.
    _db.query([&](SqlSession& s) {
        std::string sql;
        std::vector<SqlParameter> params;
        for (std::size_t i = 0; i < terms.size(); ++i) {
            sql += (i ? " UNION ALL " : "") + s.limitedUnionMember("SELECT " + std::to_string(i) +
                                                                   " AS k, doc_id, weight" + BEST_OF_TERM);
            params.insert(params.end(), {terms[i], type, static_cast<std::int64_t>(limitEach)});
        }
        out = selectRows(s, sql, params, [](const SqlStatement& r) {
            return TermPosting{static_cast<std::size_t>(r.integer(0)), r.integer(1), r.integer(2)};
        });
    });
    return out;
}

std::vector<SearchDoc> SqlSearchRepository::describe(const std::string& type,
                                                     const std::vector<std::int64_t>& ids, bool withText) {
    std::vector<SearchDoc> out;
    if (ids.empty()) return out;
    const std::size_t size = ids.size() <= BATCH ? BATCH : LARGE_BATCH;
    const std::string sql = describeSql(type, withText) + placeholders(size) + ")";
    _db.read([&](SqlSession& s) {
        for (const auto& batch : paddedBatches(ids, size))
            for (SearchDoc& d :
                 selectRows(s, sql, batch, [&](const SqlStatement& r) { return readDoc(r, type); }))
                out.push_back(std::move(d));
    });
    return out;
}

}  // namespace lacuna
