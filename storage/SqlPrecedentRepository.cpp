#include "SqlPrecedentRepository.h"

#include "Errors.h"
#include "EventLog.h"
#include "Reference.h"
#include "SearchIndex.h"
#include "SqlRulingRepository.h"
#include "YearlyReference.h"

namespace lacuna {
namespace {

// LEFT JOIN: the requests stay the outer loop (see gaprows::JOIN_CREATOR).
const std::string SELECT_PRECEDENT =
    R"(SELECT p.id, p.reference, p.board, p.provision_key, p.provision_law, p.provision_article, p.question,
 p.state, p.version, p.filing_number, p.filed_at, p.decision_ruling_id, p.decided_at, p.due_at, p.created_by,
 u.username, p.created_at, p.updated_at, p.open_provision_key FROM precedents p
 LEFT JOIN users u ON u.id = p.created_by )";
const std::string SELECT_LINKS =
    "SELECT target_type, target_id, precedent_id FROM precedent_links WHERE precedent_id IN ";
const std::string SELECT_ARGUMENTS =
    "SELECT municipality, body, author_id, author_name, at, precedent_id FROM precedent_arguments WHERE "
    "precedent_id IN ";
const std::string INSERT_PRECEDENT =
    R"(INSERT INTO precedents (reference, board, provision_key, open_provision_key, provision_law,
 provision_article, question, state, version, filing_number, filed_at, decision_ruling_id, decided_at, due_at,
 created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, '', NULL, NULL, NULL, ?, ?, ?, ?))";
const std::string UPDATE_PRECEDENT = R"(UPDATE precedents SET state = ?, open_provision_key = ?,
 version = version + 1, filing_number = ?, filed_at = ?, decision_ruling_id = ?, decided_at = ?, due_at = ?,
 updated_at = ? WHERE id = ? AND version = ?)";
const std::string INSERT_LINK =
    "INSERT INTO precedent_links (precedent_id, target_type, target_id) VALUES (?, ?, ?)";
const std::string INSERT_ARGUMENT = R"(INSERT INTO precedent_arguments (precedent_id, municipality, body,
 author_id, author_name, at) VALUES (?, ?, ?, ?, ?, ?))";
const std::string SELECT_GAP_HEAD = "SELECT state, version, reference FROM gaps WHERE id = ?";
const std::string BUMP_GAP =
    "UPDATE gaps SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?";

/// What open_provision_key holds for the request: its provision's key while it is open, else NULL.
SqlParameter openKey(const PrecedentRequest& p) {
    return p.open ? SqlParameter(p.provisionKey) : SqlParameter(SqlNull{});
}

PrecedentRequest readPrecedent(const SqlStatement& r) {
    PrecedentRequest p;
    p.id = r.integer(0);
    p.reference = r.text(1);
    p.board = r.text(2);
    p.provisionKey = r.text(3);
    p.provision = Provision{r.text(4), r.text(5)};
    p.question = r.text(6);
    p.state = r.text(7);
    p.version = r.integer(8);
    p.filingNumber = r.text(9);
    p.filedAt = r.optionalInteger(10);
    p.decisionRulingId = r.optionalInteger(11);
    p.decidedAt = r.optionalInteger(12);
    p.dueAt = r.optionalInteger(13);
    p.createdBy = r.integer(14);
    p.createdByName = r.text(15);
    p.createdAt = r.integer(16);
    p.updatedAt = r.integer(17);
    p.open = !r.isNull(18);
    return p;
}

std::vector<PrecedentRequest> selectPrecedents(SqlSession& s, const std::string& sql,
                                               const std::vector<SqlParameter>& params) {
    std::vector<PrecedentRequest> out = selectRows(s, sql, params, readPrecedent);
    selectParts(
        s, out, SELECT_LINKS, "ORDER BY precedent_id, target_type, target_id", 2,
        [](const SqlStatement& r) { return std::make_pair(r.text(0), r.integer(1)); },
        [](PrecedentRequest& p, const std::pair<std::string, std::int64_t>& link) {
            (link.first == "gap" ? p.gapIds : p.rulingIds).push_back(link.second);
        });
    selectParts(
        s, out, SELECT_ARGUMENTS, "ORDER BY precedent_id, municipality", 5,
        [](const SqlStatement& r) {
            return PrecedentArgument{r.text(0), r.text(1), r.integer(2), r.text(3), r.integer(4)};
        },
        [](PrecedentRequest& p, PrecedentArgument a) { p.arguments.push_back(std::move(a)); });
    return out;
}

/// Replaces the request's arguments with those it holds.
void writeArguments(SqlSession& s, const PrecedentRequest& p) {
    s.prepare("DELETE FROM precedent_arguments WHERE precedent_id = ?")->bind(p.id).run();
    for (const PrecedentArgument& a : p.arguments)
        s.prepare(INSERT_ARGUMENT)
            ->bindAll({p.id, a.municipality, a.text, a.authorId, a.authorName, a.at})
            .run();
}

/// The links (rulings, gaps) and arguments of a new request.
void writeParts(SqlSession& s, const PrecedentRequest& p) {
    for (const auto id : p.rulingIds)
        s.prepare(INSERT_LINK)->bindAll({p.id, std::string("ruling"), id}).run();
    for (const auto id : p.gapIds) s.prepare(INSERT_LINK)->bindAll({p.id, std::string("gap"), id}).run();
    writeArguments(s, p);
}

/// The request's head at expectedVersion + 1 (VersionConflict when another change came first).
void updateHead(SqlSession& s, const PrecedentRequest& p, std::int64_t expectedVersion) {
    eventlog::updateVersioned(
        s, UPDATE_PRECEDENT,
        {p.state, openKey(p), p.filingNumber, nullable(p.filedAt), nullable(p.decisionRulingId),
         nullable(p.decidedAt), nullable(p.dueAt), p.updatedAt, p.id, expectedVersion},
        {"precedents", "request", p.id, expectedVersion});
}

/// Appends `note` to the history of each gap, at the gap's next version: a note is a change of the gap that
/// a client holding the older version must see before it writes.
void noteOnGaps(SqlSession& s, const std::vector<std::int64_t>& gapIds, GapEvent note) {
    for (const std::int64_t gapId : gapIds) {
        struct Head {
            std::string state;
            std::int64_t version;
            std::string reference;
        };
        const auto head = selectOne(s, SELECT_GAP_HEAD, {gapId}, [](const SqlStatement& r) {
            return Head{r.text(0), r.integer(1), r.text(2)};
        });
        if (!head) continue;  // a gap is never deleted; nothing to note on one that is not there
        eventlog::updateVersioned(s, BUMP_GAP, {note.at, gapId, head->version},
                                  {"gaps", "gap", gapId, head->version});
        note.gapId = gapId;
        note.fromState = note.toState = head->state;
        note.gapReference = head->reference;
        eventlog::appendGapEvent(s, gapId, head->version + 1, note);
    }
}

/// Appends `event` to the ruling's history at its next version.
void noteOnRuling(SqlSession& s, std::int64_t rulingId, const RecordEvent& event) {
    const auto version = selectOne(s, "SELECT version FROM rulings WHERE id = ?", {rulingId},
                                   [](const SqlStatement& r) { return r.integer(0); });
    if (!version)
        throw StoreUnavailable("the decision ruling " + std::to_string(rulingId) + " is not stored");
    appendRulingEvent(s, rulingId, *version, event);
}

}  // namespace

IndexedText indexedPrecedent(SqlSession& s, std::int64_t id) {
    const auto head =
        selectOne(s, "SELECT provision_law, provision_article, question FROM precedents WHERE id = ?", {id},
                  [](const SqlStatement& r) { return std::make_tuple(r.text(0), r.text(1), r.text(2)); });
    if (!head) return {};
    const std::vector<std::string> arguments =
        selectRows(s, "SELECT body FROM precedent_arguments WHERE precedent_id = ? ORDER BY municipality",
                   {id}, [](const SqlStatement& r) { return r.text(0); });
    const auto& [law, article, question] = *head;
    return precedentIndexText(Provision{law, article}, question, arguments);
}

PrecedentRequest SqlPrecedentRepository::create(const PrecedentRequest& request, int jalaliYear,
                                                const RecordEvent& event) {
    PrecedentRequest stored = request;
    _db.write([&](SqlSession& s) {
        stored.reference = nextYearlyReference(s, "precedent_counters", reference::PRECEDENT, jalaliYear);
        stored.version = 1;
        stored.id =
            insertForId(s, INSERT_PRECEDENT,
                        {stored.reference, stored.board, stored.provisionKey, openKey(stored),
                         stored.provision.law, stored.provision.article, stored.question, stored.state,
                         nullable(stored.dueAt), stored.createdBy, stored.createdAt, stored.updatedAt});
        writeParts(s, stored);
        searchindex::reindex(s, "precedent", stored.id, IndexedText{}, indexedPrecedent(s, stored.id));
        eventlog::appendRecordEvent(s, event, stored.id, 1, stored.reference);
    });
    return stored;
}

std::optional<PrecedentRequest> SqlPrecedentRepository::find(std::int64_t id) {
    return readFirst(
        _db, [&](SqlSession& s) { return selectPrecedents(s, SELECT_PRECEDENT + "WHERE p.id = ?", {id}); });
}

std::vector<PrecedentRequest> SqlPrecedentRepository::list(const std::optional<std::string>& state,
                                                           std::size_t limit) {
    std::string sql = SELECT_PRECEDENT;
    std::vector<SqlParameter> params;
    if (state) sql += "WHERE p.state = ? ", params.emplace_back(*state);
    sql += "ORDER BY p.id DESC LIMIT ?";
    params.emplace_back(static_cast<std::int64_t>(limit));
    return readAll(_db, [&](SqlSession& s) { return selectPrecedents(s, sql, params); });
}

void SqlPrecedentRepository::save(const PrecedentRequest& p, std::int64_t expectedVersion,
                                  const RecordEvent& event,
                                  const std::optional<PrecedentDecision>& decision) {
    _db.write([&](SqlSession& s) {
        updateHead(s, p, expectedVersion);
        eventlog::appendRecordEvent(s, event, p.id, expectedVersion + 1, p.reference);
        if (decision && p.decisionRulingId) {
            noteOnGaps(s, p.gapIds, decision->onGaps);
            noteOnRuling(s, *p.decisionRulingId, decision->onRuling);
        }
    });
}

void SqlPrecedentRepository::saveArguments(const PrecedentRequest& p, std::int64_t expectedVersion,
                                           const RecordEvent& event) {
    _db.write([&](SqlSession& s) {
        updateHead(s, p, expectedVersion);
        const IndexedText before = indexedPrecedent(s, p.id);
        writeArguments(s, p);
        searchindex::reindex(s, "precedent", p.id, before, indexedPrecedent(s, p.id));
        eventlog::appendRecordEvent(s, event, p.id, expectedVersion + 1, p.reference);
    });
}

std::vector<PrecedentRequest> SqlPrecedentRepository::onProvision(const std::string& key, std::size_t limit) {
    return readAll(_db, [&](SqlSession& s) {
        return selectPrecedents(s, SELECT_PRECEDENT + "WHERE p.provision_key = ? ORDER BY p.id DESC LIMIT ?",
                                {key, static_cast<std::int64_t>(limit)});
    });
}

}  // namespace lacuna
