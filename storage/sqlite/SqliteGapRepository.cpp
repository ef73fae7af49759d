#include "SqliteGapRepository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Format.h>

#include <map>

#include "Errors.h"
#include "GapListSql.h"
#include "PortableSql.h"
#include "ProvisionsJson.h"

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace lacuna {
namespace {

using namespace portable_sql;

const char* const NEXT_REFERENCE =
    "INSERT INTO reference_counters (year, last) VALUES (?, 1) "
    "ON CONFLICT (year) DO UPDATE SET last = last + 1";
const char* const LAST_ID = "SELECT last_insert_rowid()";

Gap readGap(RecordSet& rs) {
    Gap g;
    g.id = rs["id"].convert<Poco::Int64>();
    g.reference = rs["reference"].convert<std::string>();
    g.fields.title = rs["title"].convert<std::string>();
    g.fields.description = rs["description"].convert<std::string>();
    g.fields.kind = rs["kind"].convert<std::string>();
    g.fields.category = rs["category"].convert<std::string>();
    g.fields.municipality = rs["municipality"].convert<std::string>();
    g.fields.priority = rs["priority"].convert<std::string>();
    g.fields.confidential = rs["confidential"].convert<Poco::Int64>() != 0;
    g.fields.impact.pendingLawsuits = rs["pending_lawsuits"].convert<Poco::Int64>();
    g.fields.impact.exposureRials = rs["exposure_rials"].convert<Poco::Int64>();
    g.fields.provisions = provisionsFromJson(rs["provisions"].convert<std::string>());
    g.state = rs["state"].convert<std::string>();
    g.version = rs["version"].convert<Poco::Int64>();
    g.createdBy = rs["created_by"].convert<Poco::Int64>();
    g.createdByName = rs["created_by_name"].convert<std::string>();
    g.createdAt = rs["created_at"].convert<Poco::Int64>();
    g.updatedAt = rs["updated_at"].convert<Poco::Int64>();
    return g;
}

void insertProvisions(Session& s, Poco::Int64 gapId, const std::vector<Provision>& provisions) {
    for (std::size_t i = 0; i < provisions.size(); ++i) {
        Poco::Int64 position = static_cast<Poco::Int64>(i);
        std::string law = provisions[i].law, article = provisions[i].article;
        s << INSERT_PROVISION, use(gapId), use(position), use(law), use(article), now;
    }
}

void insertEvent(Session& s, Poco::Int64 gapId, Poco::Int64 sequence, const GapEvent& e) {
    Poco::Int64 at = e.at, actor = e.actorId;
    std::string actorName = e.actorName, client = e.clientAddress, type = e.type, changes = e.changesJson,
                from = e.fromState, to = e.toState, transition = e.transition, comment = e.comment,
                fields = e.fieldsJson;
    s << INSERT_EVENT, use(gapId), use(sequence), use(at), use(actor), use(actorName), use(client), use(type),
        use(changes), use(from), use(to), use(transition), use(comment), use(fields), now;
}

/// After an UPDATE … WHERE version = ? touched no row: tell a vanished gap from a stale version.
[[noreturn]] void failStaleUpdate(Session& s, Poco::Int64 id, Poco::Int64 expected) {
    Statement select(s);
    select << SELECT_VERSION, use(id);
    select.execute();
    RecordSet rs(select);
    if (!rs.moveFirst()) throw NotFound(Poco::format("no gap %Ld", id));
    throw VersionConflict(
        Poco::format("the gap is at version %Ld, not %Ld", rs[0].convert<Poco::Int64>(), expected));
}

}  // namespace

SqliteGapRepository::SqliteGapRepository(SqliteDatabase& db) : _db(db) {}

Gap SqliteGapRepository::create(const Gap& gap, int jalaliYear, const GapEvent& event) {
    Gap stored = gap;
    _db.write([&](Session& s) {
        Poco::Int64 year = jalaliYear, sequence = 0;
        s << NEXT_REFERENCE, use(year), now;
        s << SELECT_REFERENCE, use(year), into(sequence), now;
        stored.reference = Poco::format("G-%d-%04Ld", jalaliYear, sequence);
        stored.version = 1;
        const GapFields& f = stored.fields;
        std::string reference = stored.reference, title = f.title, description = f.description,
                    search = gapSearchText(f), kind = f.kind, category = f.category,
                    municipality = f.municipality, priority = f.priority, state = stored.state,
                    provisions = provisionsJson(f.provisions);
        Poco::Int64 rank = gapvalues::priorityRank(f.priority), confidential = f.confidential ? 1 : 0,
                    lawsuits = f.impact.pendingLawsuits, exposure = f.impact.exposureRials,
                    createdBy = stored.createdBy, createdAt = stored.createdAt, updatedAt = stored.updatedAt;
        s << INSERT_GAP, use(reference), use(title), use(description), use(search), use(kind), use(category),
            use(municipality), use(priority), use(rank), use(confidential), use(lawsuits), use(exposure),
            use(state), use(createdBy), use(createdAt), use(updatedAt), use(provisions), now;
        Poco::Int64 id = 0;
        s << LAST_ID, into(id), now;
        stored.id = id;
        insertProvisions(s, id, f.provisions);
        insertEvent(s, id, 1, event);
    });
    return stored;
}

void SqliteGapRepository::update(const Gap& gap, std::int64_t expectedVersion, const GapEvent& event) {
    _db.write([&](Session& s) {
        const GapFields& f = gap.fields;
        std::string title = f.title, description = f.description, search = gapSearchText(f), kind = f.kind,
                    category = f.category, priority = f.priority, state = gap.state,
                    provisions = provisionsJson(f.provisions);
        Poco::Int64 rank = gapvalues::priorityRank(f.priority), confidential = f.confidential ? 1 : 0,
                    lawsuits = f.impact.pendingLawsuits, exposure = f.impact.exposureRials,
                    updatedAt = gap.updatedAt, id = gap.id, expected = expectedVersion;
        Statement statement(s);
        statement << UPDATE_GAP, use(title), use(description), use(search), use(kind), use(category),
            use(priority), use(rank), use(confidential), use(lawsuits), use(exposure), use(state),
            use(updatedAt), use(provisions), use(id), use(expected);
        if (statement.execute() != 1) failStaleUpdate(s, id, expected);
        s << DELETE_PROVISIONS, use(id), now;
        insertProvisions(s, id, f.provisions);
        insertEvent(s, id, expected + 1, event);
    });
}

void SqliteGapRepository::changeState(std::int64_t gapId, std::int64_t expectedVersion,
                                      const std::string& toState, std::int64_t at, const GapEvent& event) {
    _db.write([&](Session& s) {
        std::string state = toState;
        Poco::Int64 updatedAt = at, id = gapId, expected = expectedVersion;
        Statement statement(s);
        statement << UPDATE_STATE, use(state), use(updatedAt), use(id), use(expected);
        if (statement.execute() != 1) failStaleUpdate(s, id, expected);
        insertEvent(s, id, expected + 1, event);
    });
}

std::optional<Gap> SqliteGapRepository::findWhere(const std::string& sql,
                                                  Poco::Data::AbstractBinding::Ptr key) {
    std::optional<Gap> found;
    _db.query([&](Session& s) {
        Statement select(s);
        select << sql;
        select.addBind(key);
        select.execute();
        RecordSet rs(select);
        if (!rs.moveFirst()) return;
        found = readGap(rs);
    });
    return found;
}

std::optional<Gap> SqliteGapRepository::find(std::int64_t id) {
    return findWhere(SELECT_GAP_BY_ID, bind(static_cast<Poco::Int64>(id)));
}

std::optional<Gap> SqliteGapRepository::findByReference(const std::string& reference) {
    return findWhere(SELECT_GAP_BY_REFERENCE, bind(reference));
}

GapPage SqliteGapRepository::list(const GapQuery& q) {
    const GapListSql query = buildGapListSql(q, sqliteIndexHint);
    GapPage page;
    _db.query([&](Session& s) {
        Statement select(s);
        select << query.sql;
        for (const SqlParameter& p : query.parameters) {
            if (const auto* number = std::get_if<std::int64_t>(&p))
                select.addBind(bind(static_cast<Poco::Int64>(*number)));
            else
                select.addBind(bind(std::get<std::string>(p)));
        }
        select.execute();
        RecordSet rs(select);
        for (bool more = rs.moveFirst(); more; more = rs.moveNext()) page.items.push_back(readGap(rs));
        if (page.items.size() > q.limit) {
            page.items.pop_back();
            page.next = GapCursor{gapSortKey(page.items.back(), q.sortKey), page.items.back().id};
        }
    });
    return page;
}

std::vector<GapEvent> SqliteGapRepository::history(std::int64_t gapId) {
    std::vector<GapEvent> events;
    _db.query([&](Session& s) {
        Statement select(s);
        Poco::Int64 id = gapId;
        select << SELECT_EVENTS, use(id);
        select.execute();
        RecordSet rs(select);
        for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
            GapEvent e;
            e.id = rs["id"].convert<Poco::Int64>();
            e.gapId = rs["gap_id"].convert<Poco::Int64>();
            e.sequence = rs["sequence"].convert<Poco::Int64>();
            e.at = rs["at"].convert<Poco::Int64>();
            e.actorId = rs["actor_id"].convert<Poco::Int64>();
            e.actorName = rs["actor_name"].convert<std::string>();
            e.clientAddress = rs["client_address"].convert<std::string>();
            e.type = rs["type"].convert<std::string>();
            e.changesJson = rs["changes"].convert<std::string>();
            e.fromState = rs["from_state"].convert<std::string>();
            e.toState = rs["to_state"].convert<std::string>();
            e.transition = rs["transition"].convert<std::string>();
            e.comment = rs["comment"].convert<std::string>();
            e.fieldsJson = rs["fields"].convert<std::string>();
            events.push_back(std::move(e));
        }
    });
    return events;
}

}  // namespace lacuna
