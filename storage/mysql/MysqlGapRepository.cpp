#include "MysqlGapRepository.h"

#include <Poco/Format.h>
#include <cppconn/resultset.h>

#include "Errors.h"
#include "EventLog.h"
#include "GapListSql.h"
#include "GapWrites.h"
#include "MysqlSql.h"
#include "PortableSql.h"
#include "ProvisionsJson.h"
#include "UserRows.h"

namespace lacuna {
namespace {

using namespace portable_sql;

using ResultPtr = std::unique_ptr<sql::ResultSet>;

const std::string NEXT_REFERENCE =
    "INSERT INTO reference_counters (year, last) VALUES (?, 1) ON DUPLICATE KEY UPDATE last = last + 1";
const std::string LAST_ID = "SELECT LAST_INSERT_ID()";

std::string text(sql::ResultSet& rs, const char* column) { return rs.getString(column).asStdString(); }

Gap readGap(sql::ResultSet& rs) {
    Gap g;
    g.id = rs.getInt64("id");
    g.reference = text(rs, "reference");
    g.fields.title = text(rs, "title");
    g.fields.description = text(rs, "description");
    g.fields.kind = text(rs, "kind");
    g.fields.category = text(rs, "category");
    g.fields.municipality = text(rs, "municipality");
    g.fields.priority = text(rs, "priority");
    g.fields.confidential = rs.getInt64("confidential") != 0;
    g.fields.impact.pendingLawsuits = rs.getInt64("pending_lawsuits");
    g.fields.impact.exposureRials = rs.getInt64("exposure_rials");
    g.fields.provisions = provisionsFromJson(text(rs, "provisions"));
    g.state = text(rs, "state");
    g.version = rs.getInt64("version");
    g.createdBy = rs.getInt64("created_by");
    g.createdByName = text(rs, "created_by_name");
    g.createdAt = rs.getInt64("created_at");
    g.updatedAt = rs.getInt64("updated_at");
    if (!rs.isNull("due_at")) g.dueAt = rs.getInt64("due_at");
    g.coReporters = splitRoles(text(rs, "co_reporters"));
    return g;
}

void bindGapFields(sql::PreparedStatement& s, int first, const GapFields& f) {
    s.setString(first, f.title);
    s.setString(first + 1, f.description);
    s.setString(first + 2, gapSearchText(f));
    s.setString(first + 3, f.kind);
    s.setString(first + 4, f.category);
}

std::optional<Gap> findOne(MysqlDatabase& db, const std::string& sql, const SqlParameter& key) {
    std::optional<Gap> found;
    db.read([&](MysqlConnection& c) {
        sql::PreparedStatement& select = c.prepare(sql);
        if (const auto* id = std::get_if<std::int64_t>(&key))
            select.setInt64(1, *id);
        else
            select.setString(1, std::get<std::string>(key));
        ResultPtr rs(select.executeQuery());
        if (!rs->next()) return;
        found = readGap(*rs);
    });
    return found;
}

}  // namespace

MysqlGapRepository::MysqlGapRepository(MysqlDatabase& db) : _db(db) {}

Gap MysqlGapRepository::create(const Gap& gap, int jalaliYear, const GapEvent& event) {
    Gap stored = gap;
    _db.write([&](MysqlConnection& c) {
        sql::PreparedStatement& next = c.prepare(NEXT_REFERENCE);
        next.setInt64(1, jalaliYear);
        next.executeUpdate();
        sql::PreparedStatement& select = c.prepare(SELECT_REFERENCE);
        select.setInt64(1, jalaliYear);
        ResultPtr sequence(select.executeQuery());
        sequence->next();
        stored.reference =
            Poco::format("G-%d-%04Ld", jalaliYear, static_cast<Poco::Int64>(sequence->getInt64(1)));
        stored.version = 1;
        const GapFields& f = stored.fields;
        sql::PreparedStatement& insert = c.prepare(INSERT_GAP);
        insert.setString(1, stored.reference);
        bindGapFields(insert, 2, f);
        insert.setString(7, f.municipality);
        insert.setString(8, f.priority);
        insert.setInt64(9, gapvalues::priorityRank(f.priority));
        insert.setInt64(10, f.confidential ? 1 : 0);
        insert.setInt64(11, f.impact.pendingLawsuits);
        insert.setInt64(12, f.impact.exposureRials);
        insert.setString(13, stored.state);
        insert.setInt64(14, stored.createdBy);
        insert.setInt64(15, stored.createdAt);
        insert.setInt64(16, stored.updatedAt);
        insert.setString(17, provisionsJson(f.provisions));
        if (stored.dueAt)
            insert.setInt64(18, *stored.dueAt);
        else
            insert.setNull(18, 0);
        insert.executeUpdate();
        ResultPtr id(c.prepare(LAST_ID).executeQuery());
        id->next();
        stored.id = id->getInt64(1);
        MysqlSqlSession session(c);
        gapwrites::afterInsert(session, stored, event);
    });
    return stored;
}

void MysqlGapRepository::update(const Gap& gap, std::int64_t expectedVersion, const GapEvent& event) {
    _db.write([&](MysqlConnection& c) {
        const GapFields& f = gap.fields;
        MysqlSqlSession session(c);
        gapwrites::beforeUpdate(session, gap);
        sql::PreparedStatement& update = c.prepare(UPDATE_GAP);
        bindGapFields(update, 1, f);
        update.setString(6, f.priority);
        update.setInt64(7, gapvalues::priorityRank(f.priority));
        update.setInt64(8, f.confidential ? 1 : 0);
        update.setInt64(9, f.impact.pendingLawsuits);
        update.setInt64(10, f.impact.exposureRials);
        update.setString(11, gap.state);
        update.setInt64(12, gap.updatedAt);
        update.setString(13, provisionsJson(f.provisions));
        update.setInt64(14, gap.id);
        update.setInt64(15, expectedVersion);
        gapwrites::afterUpdate(session, gap, update.executeUpdate() == 1, expectedVersion, event);
    });
}

void MysqlGapRepository::changeState(const GapStateChange& change) {
    _db.write([&](MysqlConnection& c) {
        MysqlSqlSession session(c);
        eventlog::applyGapChange(session, change);
    });
}

std::optional<Gap> MysqlGapRepository::find(std::int64_t id) { return findOne(_db, SELECT_GAP_BY_ID, id); }

std::optional<Gap> MysqlGapRepository::findByReference(const std::string& reference) {
    return findOne(_db, SELECT_GAP_BY_REFERENCE, reference);
}

GapPage MysqlGapRepository::list(const GapQuery& q) {
    const GapListSql query = buildGapListSql(q, mysqlIndexHint);
    GapPage page;
    _db.read([&](MysqlConnection& c) {
        sql::PreparedStatement& select = c.prepare(query.sql);
        for (std::size_t i = 0; i < query.parameters.size(); ++i) {
            const auto index = static_cast<unsigned>(i + 1);
            if (const auto* number = std::get_if<std::int64_t>(&query.parameters[i]))
                select.setInt64(index, *number);
            else
                select.setString(index, std::get<std::string>(query.parameters[i]));
        }
        ResultPtr rs(select.executeQuery());
        while (rs->next()) page.items.push_back(readGap(*rs));
        if (page.items.size() > q.limit) {
            page.items.pop_back();
            page.next = GapCursor{gapSortKey(page.items.back(), q.sortKey), page.items.back().id};
        }
    });
    return page;
}

std::vector<GapEvent> MysqlGapRepository::history(std::int64_t gapId) {
    std::vector<GapEvent> events;
    _db.read([&](MysqlConnection& c) {
        sql::PreparedStatement& select = c.prepare(SELECT_EVENTS);
        select.setInt64(1, gapId);
        ResultPtr rs(select.executeQuery());
        while (rs->next()) {
            GapEvent e;
            e.id = rs->getInt64("id");
            e.gapId = rs->getInt64("gap_id");
            e.sequence = rs->getInt64("sequence");
            e.at = rs->getInt64("at");
            e.actorId = rs->getInt64("actor_id");
            e.actorName = text(*rs, "actor_name");
            e.clientAddress = text(*rs, "client_address");
            e.type = text(*rs, "type");
            e.changesJson = text(*rs, "changes");
            e.fromState = text(*rs, "from_state");
            e.toState = text(*rs, "to_state");
            e.transition = text(*rs, "transition");
            e.comment = text(*rs, "comment");
            e.fieldsJson = text(*rs, "fields");
            events.push_back(std::move(e));
        }
    });
    return events;
}

}  // namespace lacuna
