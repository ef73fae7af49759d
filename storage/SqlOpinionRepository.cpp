#include "SqlOpinionRepository.h"

#include <set>

#include "EventLog.h"
#include "ProvisionsJson.h"
#include "Reference.h"
#include "SearchIndex.h"
#include "SearchText.h"
#include "YearlyReference.h"

namespace lacuna {
namespace {

// LEFT JOIN: the opinions stay the outer loop (see gaprows::JOIN_CREATOR).
const std::string OPINION_COLUMNS =
    R"(SELECT o.id, o.reference, o.municipality, o.asked_by, u.username, o.title,
 o.assignee, o.state, o.version, o.due_at, o.published_at, o.created_at, o.updated_at
 FROM opinions o )";
const std::string JOIN_ASKER = "LEFT JOIN users u ON u.id = o.asked_by ";
const std::string SELECT_OPINION = OPINION_COLUMNS + JOIN_ASKER;
const std::string SELECT_TEXTS =
    R"(SELECT kind, version, body, provisions, author_id, author_name, created_at,
 opinion_id FROM opinion_texts WHERE opinion_id IN )";
const std::string SELECT_LINKS =
    "SELECT target_type, target_id, opinion_id FROM opinion_links WHERE opinion_id IN ";
const std::string INSERT_OPINION =
    R"(INSERT INTO opinions (reference, municipality, asked_by, title, question,
 answer, assignee, state, version, due_at, published_at, created_at, updated_at)
 VALUES (?, ?, ?, ?, ?, '', '', ?, 1, ?, NULL, ?, ?))";
const std::string LINKED_TO_GAP =
    "WHERE o.id IN (SELECT opinion_id FROM opinion_links WHERE target_type = 'gap' AND target_id = ?) "
    "ORDER BY o.id DESC LIMIT ?";
const std::string SELECT_INDEXED = "SELECT state, title, question, answer FROM opinions WHERE id = ?";
const std::string UPDATE_OPINION = R"(UPDATE opinions SET title = ?, question = ?, answer = ?, assignee = ?,
 state = ?, version = version + 1, due_at = ?, published_at = ?, updated_at = ? WHERE id = ? AND version = ?)";
const std::string INSERT_TEXT = R"(INSERT INTO opinion_texts (opinion_id, kind, version, body, provisions,
 author_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?))";
const std::string INSERT_LINK =
    "INSERT INTO opinion_links (opinion_id, target_type, target_id) VALUES (?, ?, ?)";
const std::string PUBLISHED_ON_PROVISION = R"(WHERE o.state = 'published' AND o.id IN
 (SELECT opinion_id FROM opinion_provisions WHERE provision_key = ?) ORDER BY o.id DESC LIMIT ?)";

Opinion readOpinion(const SqlStatement& r) {
    return Opinion{.id = r.integer(0),
                   .reference = r.text(1),
                   .municipality = r.text(2),
                   .askedBy = r.integer(3),
                   .askedByName = r.text(4),
                   .title = r.text(5),
                   .assignee = r.text(6),
                   .state = r.text(7),
                   .version = r.integer(8),
                   .dueAt = r.optionalInteger(9),
                   .publishedAt = r.optionalInteger(10),
                   .createdAt = r.integer(11),
                   .updatedAt = r.integer(12)};
}

OpinionText readText(const SqlStatement& r) {
    return OpinionText{r.text(0),    r.integer(1), r.text(2),   provisionsFromJson(r.text(3)),
                       r.integer(4), r.text(5),    r.integer(6)};
}

std::vector<Opinion> selectOpinions(SqlSession& s, const std::string& sql,
                                    const std::vector<SqlParameter>& params) {
    std::vector<Opinion> out = selectRows(s, sql, params, readOpinion);
    // The texts and links of every opinion listed, in two statements.
    selectParts(s, out, SELECT_TEXTS, "ORDER BY opinion_id, created_at, kind, version", 7, readText,
                [](Opinion& o, OpinionText t) { o.texts.push_back(std::move(t)); });
    selectParts(
        s, out, SELECT_LINKS, "ORDER BY opinion_id, target_type, target_id", 2,
        [](const SqlStatement& r) { return std::make_pair(r.text(0), r.integer(1)); },
        [](Opinion& o, const std::pair<std::string, std::int64_t>& link) {
            (link.first == "gap" ? o.gapIds : o.rulingIds).push_back(link.second);
        });
    return out;
}

std::string latestText(const Opinion& o, const std::string& kind) {
    const OpinionText* t = o.latest(kind);
    return t ? t->text : "";
}

void writeOpinionParts(SqlSession& s, const Opinion& o) {
    s.prepare("DELETE FROM opinion_links WHERE opinion_id = ?")->bind(o.id).run();
    s.prepare("DELETE FROM opinion_provisions WHERE opinion_id = ?")->bind(o.id).run();
    for (const auto id : o.gapIds) s.prepare(INSERT_LINK)->bindAll({o.id, std::string("gap"), id}).run();
    for (const auto id : o.rulingIds)
        s.prepare(INSERT_LINK)->bindAll({o.id, std::string("ruling"), id}).run();
    std::vector<Provision> provisions;
    for (const char* kind : {"question", "answer"})
        if (const OpinionText* t = o.latest(kind))
            provisions.insert(provisions.end(), t->provisions.begin(), t->provisions.end());
    searchindex::writeOpinionProvisions(s, o.id, provisions);
}

void insertText(SqlSession& s, std::int64_t opinionId, const OpinionText& t) {
    s.prepare(INSERT_TEXT)
        ->bindAll({opinionId, t.kind, t.version, t.text, provisionsJson(t.provisions), t.authorId,
                   t.authorName, t.createdAt})
        .run();
}

/// The index holds published guidance only: an opinion enters it when published and leaves it when it
/// stops being so. `before` is what the row held before this change.
void reindexPublished(SqlSession& s, const Opinion& o,
                      const std::optional<std::vector<std::string>>& before) {
    const bool was = before && (*before)[0] == "published", is = o.state == "published";
    if (!was && !is) return;
    const IndexedText old = was ? opinionIndexText((*before)[1], (*before)[2], (*before)[3]) : IndexedText{};
    const IndexedText now =
        is ? opinionIndexText(o.title, latestText(o, "question"), latestText(o, "answer")) : IndexedText{};
    searchindex::reindex(s, "opinion", o.id, old, now);
}

}  // namespace

Opinion SqlOpinionRepository::create(const Opinion& opinion, int jalaliYear, const RecordEvent& event) {
    Opinion stored = opinion;
    _db.write([&](SqlSession& s) {
        stored.reference = nextYearlyReference(s, "opinion_counters", reference::OPINION, jalaliYear);
        stored.version = 1;
        stored.id = insertForId(s, INSERT_OPINION,
                                {stored.reference, stored.municipality, stored.askedBy, stored.title,
                                 latestText(stored, "question"), stored.state, nullable(stored.dueAt),
                                 stored.createdAt, stored.updatedAt});
        for (const OpinionText& t : stored.texts) insertText(s, stored.id, t);
        writeOpinionParts(s, stored);
        eventlog::appendRecordEvent(s, event, stored.id, 1, stored.reference);
    });
    return stored;
}

std::optional<Opinion> SqlOpinionRepository::find(std::int64_t id) {
    return readFirst(
        _db, [&](SqlSession& s) { return selectOpinions(s, SELECT_OPINION + "WHERE o.id = ?", {id}); });
}

std::string opinionListSql(const SqlSession& session, const std::optional<std::string>& state,
                           const std::optional<std::string>& municipality, std::size_t limit,
                           std::vector<SqlParameter>& params) {
    // Named, as the gap list's: with an index per filter, MariaDB intersected them and sorted the rows both
    // held (every opinion of a city in a state, newest first, is the one index on both).
    const char* index = municipality && state ? "opinions_by_municipality_state"
                        : municipality        ? "opinions_by_municipality"
                        : state               ? "opinions_by_state"
                                              : nullptr;
    std::string sql = OPINION_COLUMNS + (index ? session.indexHint(index) : std::string()) + JOIN_ASKER;
    sql += "WHERE 1 = 1";
    if (municipality) sql += " AND o.municipality = ?", params.emplace_back(*municipality);
    if (state) sql += " AND o.state = ?", params.emplace_back(*state);
    sql += " ORDER BY o.id DESC LIMIT ?";
    params.emplace_back(static_cast<std::int64_t>(limit));
    return sql;
}

std::vector<Opinion> SqlOpinionRepository::list(const std::optional<std::string>& state,
                                                const std::optional<std::string>& municipality,
                                                std::size_t limit) {
    return readAll(_db, [&](SqlSession& s) {
        std::vector<SqlParameter> params;
        const std::string sql = opinionListSql(s, state, municipality, limit, params);
        return selectOpinions(s, sql, params);
    });
}

void SqlOpinionRepository::save(const Opinion& o, std::int64_t expectedVersion, const RecordEvent& event,
                                const std::optional<OpinionText>& text) {
    _db.write([&](SqlSession& s) {
        const auto before = selectOne(s, SELECT_INDEXED, {o.id}, [](const SqlStatement& r) {
            return std::vector<std::string>{r.text(0), r.text(1), r.text(2), r.text(3)};
        });
        eventlog::updateVersioned(
            s, UPDATE_OPINION,
            {o.title, latestText(o, "question"), latestText(o, "answer"), o.assignee, o.state,
             nullable(o.dueAt), nullable(o.publishedAt), o.updatedAt, o.id, expectedVersion},
            {"opinions", "opinion", o.id, expectedVersion});
        if (text) insertText(s, o.id, *text);
        writeOpinionParts(s, o);
        reindexPublished(s, o, before);
        eventlog::appendRecordEvent(s, event, o.id, expectedVersion + 1, o.reference);
    });
}

std::vector<Opinion> SqlOpinionRepository::onProvision(const std::string& key, std::size_t limit) {
    return readAll(_db, [&](SqlSession& s) {
        return selectOpinions(s, SELECT_OPINION + PUBLISHED_ON_PROVISION,
                              {key, static_cast<std::int64_t>(limit)});
    });
}

std::vector<Opinion> SqlOpinionRepository::linkedToGap(std::int64_t gapId, std::size_t limit) {
    return readAll(_db, [&](SqlSession& s) {
        return selectOpinions(s, SELECT_OPINION + LINKED_TO_GAP, {gapId, static_cast<std::int64_t>(limit)});
    });
}

}  // namespace lacuna
