#include "SqlGapRepository.h"

#include "EventLog.h"
#include "GapListSql.h"
#include "GapRows.h"
#include "Reference.h"
#include "SearchIndex.h"
#include "YearlyReference.h"

namespace lacuna {
namespace {

const std::string INSERT_GAP =
    R"(INSERT INTO gaps (reference, title, description, search_text, kind, category,
 municipality, priority, priority_rank, confidential, pending_lawsuits, exposure_rials, state, version,
 created_by, created_at, updated_at, provisions, due_at)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?))";

const std::string UPDATE_GAP = R"(UPDATE gaps SET title = ?, description = ?, search_text = ?, kind = ?,
 category = ?, priority = ?, priority_rank = ?, confidential = ?, pending_lawsuits = ?, exposure_rials = ?,
 state = ?, version = version + 1, updated_at = ?, provisions = ? WHERE id = ? AND version = ?)";

// Built once: a gap is read by id on almost every request.
const std::string SELECT_BY_ID = gaprows::SELECT_COLUMNS + gaprows::JOIN_CREATOR + "WHERE g.id = ?";
const std::string SELECT_BY_REFERENCE =
    gaprows::SELECT_COLUMNS + gaprows::JOIN_CREATOR + "WHERE g.reference = ?";
const std::string SELECT_EVENTS = R"(SELECT id, gap_id, sequence, at, actor_id, actor_name, client_address,
 type, changes, from_state, to_state, transition, comment, fields, request_id
 FROM gap_events WHERE gap_id = ? ORDER BY sequence)";

/// The fields both INSERT_GAP and UPDATE_GAP take from the reporter, from title to priority_rank
/// (the INSERT's municipality in between, which an edit never changes).
SqlStatement& bindReportedFields(SqlStatement& s, const GapFields& f, bool withMunicipality) {
    s.bind(f.title).bind(f.description).bind(gapSearchText(f)).bind(f.kind).bind(f.category);
    if (withMunicipality) s.bind(f.municipality);
    return s.bind(f.priority)
        .bind(std::int64_t{gapvalues::priorityRank(f.priority)})
        .bind(f.confidential)
        .bind(f.impact.pendingLawsuits)
        .bind(f.impact.exposureRials);
}

GapEvent readEvent(const SqlStatement& r) {
    return GapEvent{.id = r.integer(0),
                    .gapId = r.integer(1),
                    .sequence = r.integer(2),
                    .at = r.integer(3),
                    .actorId = r.integer(4),
                    .actorName = r.text(5),
                    .clientAddress = r.text(6),
                    .type = r.text(7),
                    .changesJson = r.text(8),
                    .fromState = r.text(9),
                    .toState = r.text(10),
                    .transition = r.text(11),
                    .comment = r.text(12),
                    .fieldsJson = r.text(13),
                    .requestId = r.text(14)};
}

}  // namespace

Gap SqlGapRepository::create(const Gap& gap, int jalaliYear, const GapEvent& event) {
    Gap stored = gap;
    _db.write([&](SqlSession& s) {
        stored.reference = nextYearlyReference(s, "reference_counters", reference::GAP, jalaliYear);
        stored.version = 1;
        stored.id = insertForId(s, INSERT_GAP, [&](SqlStatement& insert) {
            insert.bind(stored.reference);
            bindReportedFields(insert, stored.fields, true)
                .bind(stored.state)
                .bind(stored.createdBy)
                .bind(stored.createdAt)
                .bind(stored.updatedAt)
                .bind(provisionsJson(stored.fields.provisions))
                .bind(stored.dueAt);
        });
        searchindex::writeGapProvisions(s, stored.id, stored.fields.provisions, false);
        searchindex::reindex(s, "gap", stored.id, {},
                             gapIndexText(stored.fields.title, stored.fields.description));
        GapEvent created = event;
        created.gapReference = stored.reference;
        eventlog::appendGapEvent(s, stored.id, 1, created);
    });
    return stored;
}

void SqlGapRepository::update(const Gap& gap, std::int64_t expectedVersion, const GapEvent& event) {
    _db.write([&](SqlSession& s) {
        // The postings move from the old text to the new: read the old before the row changes.
        searchindex::reindexGap(s, gap.id, gap.fields.title, gap.fields.description);
        auto update = s.prepare(UPDATE_GAP);
        const int changed = bindReportedFields(*update, gap.fields, false)
                                .bind(gap.state)
                                .bind(gap.updatedAt)
                                .bind(provisionsJson(gap.fields.provisions))
                                .bind(gap.id)
                                .bind(expectedVersion)
                                .run();
        update.reset();
        if (changed != 1) eventlog::failStaleUpdate(s, "gaps", "gap", gap.id, expectedVersion);
        searchindex::writeGapProvisions(s, gap.id, gap.fields.provisions, true);
        eventlog::appendGapEvent(s, gap.id, expectedVersion + 1, event);
    });
}

void SqlGapRepository::changeState(const GapStateChange& change) {
    _db.write([&](SqlSession& s) { eventlog::applyGapChange(s, change); });
}

std::optional<Gap> SqlGapRepository::findOne(const std::string& sql, const SqlParameter& key) {
    return queryOne(_db, sql, {key}, gaprows::read);
}

std::optional<Gap> SqlGapRepository::find(std::int64_t id) { return findOne(SELECT_BY_ID, id); }

std::optional<Gap> SqlGapRepository::findByReference(const std::string& reference) {
    return findOne(SELECT_BY_REFERENCE, reference);
}

std::vector<Gap> SqlGapRepository::findMany(const std::vector<std::int64_t>& ids) {
    constexpr std::size_t BATCH = 20;
    static const std::string sql =
        gaprows::SELECT_COLUMNS + gaprows::JOIN_CREATOR + "WHERE g.id IN (" + placeholders(BATCH) + ")";
    std::vector<Gap> out;
    if (ids.empty()) return out;
    _db.query([&](SqlSession& s) {
        for (const auto& batch : paddedBatches(ids, BATCH))
            for (Gap& g : selectRows(s, sql, batch, gaprows::read)) out.push_back(std::move(g));
    });
    return out;
}

GapPage SqlGapRepository::list(const GapQuery& q) {
    GapPage page;
    _db.query([&](SqlSession& s) {
        const GapListSql query = buildGapListSql(q, s);
        page.items = selectRows(s, query.sql, query.parameters, gaprows::read);
    });
    if (page.items.size() > q.limit) {
        page.items.pop_back();
        page.next = GapCursor{gapSortKey(page.items.back(), q.sortKey), page.items.back().id};
    }
    return page;
}

GapSummaryPage SqlGapRepository::listSummaries(const GapQuery& q) {
    GapSummaryPage page;
    _db.query([&](SqlSession& s) {
        const GapListSql query = buildGapListSql(q, s, GapListColumns::Summary);
        page.items = selectRows(s, query.sql, query.parameters, gaprows::readSummary);
    });
    page.more = page.items.size() > q.limit;
    if (page.more) page.items.pop_back();
    return page;
}

std::map<std::string, std::int64_t> SqlGapRepository::countByState(const GapQuery& q,
                                                                   const std::vector<std::string>& states,
                                                                   std::size_t cap) {
    std::map<std::string, std::int64_t> counts;
    if (states.empty()) return counts;
    const GapListSql query = buildGapCountSql(q, states, cap);
    for (const auto& [state, n] : queryRows(_db, query.sql, query.parameters, [](const SqlStatement& r) {
             return std::pair<std::string, std::int64_t>(r.text(0), r.integer(1));
         }))
        counts[state] = n;
    return counts;
}

std::vector<GapEvent> SqlGapRepository::history(std::int64_t gapId) {
    return queryRows(_db, SELECT_EVENTS, {gapId}, readEvent);
}

std::vector<visibility::NamedGap> SqlGapRepository::named(const std::vector<std::int64_t>& ids,
                                                          const std::vector<std::string>& references) {
    if (ids.empty() && references.empty()) return {};
    std::vector<SqlParameter> params(ids.begin(), ids.end());
    params.insert(params.end(), references.begin(), references.end());
    std::string where = ids.empty() ? "" : "g.id IN (" + placeholders(ids.size()) + ")";
    if (!references.empty())
        where += (where.empty() ? "" : " OR ") + ("g.reference IN (" + placeholders(references.size()) + ")");
    return queryRows(_db,
                     "SELECT g.id, g.reference, " + gaprows::AUDIENCE_COLUMNS + " FROM gaps g WHERE " + where,
                     params, [](const SqlStatement& r) {
                         return visibility::NamedGap{r.integer(0), r.text(1), gaprows::readAudience(r, 2)};
                     });
}

}  // namespace lacuna
