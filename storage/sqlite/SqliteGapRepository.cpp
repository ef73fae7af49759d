#include "SqliteGapRepository.h"

#include <Poco/Format.h>

#include "Errors.h"
#include "EventLog.h"
#include "GapListSql.h"
#include "GapWrites.h"
#include "PortableSql.h"
#include "ProvisionsJson.h"
#include "SqliteSql.h"
#include "UserRows.h"

namespace lacuna {
namespace {

using namespace portable_sql;

const std::string NEXT_REFERENCE =
    "INSERT INTO reference_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last "
    "+ 1";
const std::string LAST_ID = "SELECT last_insert_rowid()";

/// Columns of SELECT_GAP, by position.
enum GapColumn {
    ID,
    REFERENCE,
    TITLE,
    DESCRIPTION,
    KIND,
    CATEGORY,
    MUNICIPALITY,
    PRIORITY,
    CONFIDENTIAL,
    PENDING_LAWSUITS,
    EXPOSURE_RIALS,
    PROVISIONS,
    STATE,
    VERSION,
    CREATED_BY,
    CREATED_BY_NAME,
    CREATED_AT,
    UPDATED_AT,
    DUE_AT,
    CO_REPORTERS
};

Gap readGap(const SqliteStatement& row) {
    Gap g;
    g.id = row.integer(ID);
    g.reference = row.text(REFERENCE);
    g.fields.title = row.text(TITLE);
    g.fields.description = row.text(DESCRIPTION);
    g.fields.kind = row.text(KIND);
    g.fields.category = row.text(CATEGORY);
    g.fields.municipality = row.text(MUNICIPALITY);
    g.fields.priority = row.text(PRIORITY);
    g.fields.confidential = row.integer(CONFIDENTIAL) != 0;
    g.fields.impact.pendingLawsuits = row.integer(PENDING_LAWSUITS);
    g.fields.impact.exposureRials = row.integer(EXPOSURE_RIALS);
    g.fields.provisions = provisionsFromJson(row.text(PROVISIONS));
    g.state = row.text(STATE);
    g.version = row.integer(VERSION);
    g.createdBy = row.integer(CREATED_BY);
    g.createdByName = row.text(CREATED_BY_NAME);
    g.createdAt = row.integer(CREATED_AT);
    g.updatedAt = row.integer(UPDATED_AT);
    if (!row.isNull(DUE_AT)) g.dueAt = row.integer(DUE_AT);
    g.coReporters = splitRoles(row.text(CO_REPORTERS));
    return g;
}

SqliteStatement& bindFields(SqliteStatement& s, const GapFields& f) {
    return s.bind(f.title).bind(f.description).bind(gapSearchText(f)).bind(f.kind).bind(f.category);
}

}  // namespace

SqliteGapRepository::SqliteGapRepository(SqliteDatabase& db) : _db(db) {}

Gap SqliteGapRepository::create(const Gap& gap, int jalaliYear, const GapEvent& event) {
    Gap stored = gap;
    _db.write([&](SqliteConnection& c) {
        c.prepare(NEXT_REFERENCE).bind(std::int64_t{jalaliYear}).run();
        auto sequence = c.prepare(SELECT_REFERENCE);
        sequence.bind(std::int64_t{jalaliYear}).step();
        stored.reference =
            Poco::format("G-%d-%04Ld", jalaliYear, static_cast<Poco::Int64>(sequence.integer(0)));
        stored.version = 1;
        const GapFields& f = stored.fields;
        auto insert = c.prepare(INSERT_GAP);
        insert.bind(stored.reference);
        bindFields(insert, f)
            .bind(f.municipality)
            .bind(f.priority)
            .bind(std::int64_t{gapvalues::priorityRank(f.priority)})
            .bind(std::int64_t{f.confidential ? 1 : 0})
            .bind(f.impact.pendingLawsuits)
            .bind(f.impact.exposureRials)
            .bind(stored.state)
            .bind(stored.createdBy)
            .bind(stored.createdAt)
            .bind(stored.updatedAt)
            .bind(provisionsJson(f.provisions))
            .bind(stored.dueAt)
            .run();
        {
            auto id = c.prepare(LAST_ID);
            id.step();
            stored.id = id.integer(0);
        }
        SqliteSqlSession session(c);
        gapwrites::afterInsert(session, stored, event);
    });
    return stored;
}

void SqliteGapRepository::update(const Gap& gap, std::int64_t expectedVersion, const GapEvent& event) {
    _db.write([&](SqliteConnection& c) {
        const GapFields& f = gap.fields;
        SqliteSqlSession session(c);
        gapwrites::beforeUpdate(session, gap);
        auto update = c.prepare(UPDATE_GAP);
        const int changed = bindFields(update, f)
                                .bind(f.priority)
                                .bind(std::int64_t{gapvalues::priorityRank(f.priority)})
                                .bind(std::int64_t{f.confidential ? 1 : 0})
                                .bind(f.impact.pendingLawsuits)
                                .bind(f.impact.exposureRials)
                                .bind(gap.state)
                                .bind(gap.updatedAt)
                                .bind(provisionsJson(f.provisions))
                                .bind(gap.id)
                                .bind(expectedVersion)
                                .run();
        gapwrites::afterUpdate(session, gap, changed == 1, expectedVersion, event);
    });
}

void SqliteGapRepository::changeState(const GapStateChange& change) {
    _db.write([&](SqliteConnection& c) {
        SqliteSqlSession session(c);
        eventlog::applyGapChange(session, change);
    });
}

std::optional<Gap> SqliteGapRepository::find(std::int64_t id) {
    std::optional<Gap> found;
    _db.query([&](SqliteConnection& c) {
        auto select = c.prepare(SELECT_GAP_BY_ID);
        if (select.bind(id).step()) found = readGap(select);
    });
    return found;
}

std::optional<Gap> SqliteGapRepository::findByReference(const std::string& reference) {
    std::optional<Gap> found;
    _db.query([&](SqliteConnection& c) {
        auto select = c.prepare(SELECT_GAP_BY_REFERENCE);
        if (select.bind(reference).step()) found = readGap(select);
    });
    return found;
}

GapPage SqliteGapRepository::list(const GapQuery& q) {
    const GapListSql query = buildGapListSql(q, sqliteIndexHint);
    GapPage page;
    _db.query([&](SqliteConnection& c) {
        auto select = c.prepare(query.sql);
        for (const SqlParameter& p : query.parameters) std::visit([&](const auto& v) { select.bind(v); }, p);
        while (select.step()) page.items.push_back(readGap(select));
    });
    if (page.items.size() > q.limit) {
        page.items.pop_back();
        page.next = GapCursor{gapSortKey(page.items.back(), q.sortKey), page.items.back().id};
    }
    return page;
}

std::vector<GapEvent> SqliteGapRepository::history(std::int64_t gapId) {
    std::vector<GapEvent> events;
    _db.query([&](SqliteConnection& c) {
        auto select = c.prepare(SELECT_EVENTS);
        select.bind(gapId);
        while (select.step()) {
            GapEvent e;
            e.id = select.integer(0);
            e.gapId = select.integer(1);
            e.sequence = select.integer(2);
            e.at = select.integer(3);
            e.actorId = select.integer(4);
            e.actorName = select.text(5);
            e.clientAddress = select.text(6);
            e.type = select.text(7);
            e.changesJson = select.text(8);
            e.fromState = select.text(9);
            e.toState = select.text(10);
            e.transition = select.text(11);
            e.comment = select.text(12);
            e.fieldsJson = select.text(13);
            events.push_back(std::move(e));
        }
    });
    return events;
}

}  // namespace lacuna
