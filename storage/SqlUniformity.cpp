#include "SqlUniformity.h"

#include <Poco/DateTime.h>

#include <algorithm>
#include <map>
#include <set>

#include "Errors.h"
#include "EventLog.h"
#include "GapListSql.h"
#include "PersianText.h"
#include "ProvisionsJson.h"
#include "SearchIndex.h"
#include "SearchText.h"
#include "UserRows.h"

namespace lacuna {
namespace {

const std::string SELECT_RULING =
    "SELECT id, court, branch, number, decided_on, municipality, outcome, summary, full_text, provisions, "
    "version, "
    "created_by, created_at, updated_at FROM rulings ";
const std::string INSERT_RULING =
    "INSERT INTO rulings (court, branch, number, decided_on, decided_day, municipality, outcome, summary, "
    "full_text, provisions, version, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, 1, "
    "?, ?, ?)";
const std::string INSERT_RULING_PROVISION =
    "INSERT INTO ruling_provisions (ruling_id, position, provision_key) VALUES (?, ?, ?)";
const std::string SELECT_RULING_GAPS =
    "SELECT rg.gap_id, g.reference, g.title, rg.note, rg.linked_by, rg.linked_at FROM ruling_gaps rg JOIN "
    "gaps g "
    "ON g.id = rg.gap_id WHERE rg.ruling_id = ? ORDER BY rg.linked_at, rg.gap_id";
const std::string BUMP_RULING =
    "UPDATE rulings SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?";
const std::string DELETE_RULING_GAP = "DELETE FROM ruling_gaps WHERE ruling_id = ? AND gap_id = ?";
const std::string INSERT_RULING_GAP =
    "INSERT INTO ruling_gaps (ruling_id, gap_id, note, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)";
const std::string NOTIFY_DIRECTORS =
    "INSERT INTO notifications (user_id, at, entity_type, entity_id, reference, event_type, summary, "
    "read_at) "
    "SELECT id, ?, 'ruling', ?, ?, 'ruling.adverse', ?, NULL FROM users WHERE roles LIKE '%legal_director%'";
const std::string GAP_SUMMARY_COLUMNS =
    "SELECT DISTINCT g.id, g.reference, g.title, g.municipality, g.state, g.confidential FROM gaps g ";

std::string rulingReference(std::int64_t id) { return "R-" + std::to_string(id); }

/// Days since 1970-01-01 of a Jalali date (for date ranges that sort as numbers).
std::int64_t dayNumber(const JalaliDate& j) {
    const GregorianDate g = toGregorian(j);
    return Poco::DateTime(g.year, g.month, g.day).timestamp().epochTime() / 86400;
}

JalaliDate parseJalaliText(const std::string& text) {
    JalaliDate d{0, 0, 0};
    std::sscanf(text.c_str(), "%d-%d-%d", &d.year, &d.month, &d.day);
    return d;
}

Ruling readRuling(const SqlStatement& r) {
    Ruling x;
    x.id = r.integer(0);
    x.court = r.text(1);
    x.branch = r.text(2);
    x.number = r.text(3);
    x.decidedOn = parseJalaliText(r.text(4));
    x.municipality = r.text(5);
    x.outcome = r.text(6);
    x.summary = r.text(7);
    x.fullText = r.text(8);
    x.provisions = provisionsFromJson(r.text(9));
    x.version = r.integer(10);
    x.createdBy = r.integer(11);
    x.createdAt = r.integer(12);
    x.updatedAt = r.integer(13);
    return x;
}

std::vector<Ruling> selectRulings(SqlSession& s, const std::string& sql,
                                  const std::vector<SqlParameter>& params) {
    std::vector<Ruling> out = selectRows(s, sql, params, readRuling);
    for (Ruling& r : out) {
        auto links = s.prepare(SELECT_RULING_GAPS);
        links->bind(r.id);
        while (links->step())
            r.gaps.push_back(RulingLink{links->integer(0), links->text(1), links->text(2), links->text(3),
                                        links->text(4), links->integer(5)});
    }
    return out;
}

std::vector<GapSummary> selectGapSummaries(SqlSession& s, const std::string& sql,
                                           const std::vector<SqlParameter>& params) {
    return selectRows(s, sql, params, [](const SqlStatement& r) {
        return GapSummary{r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.integer(5) != 0};
    });
}

/// `?, ?, …` for n parameters.
std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
    return out;
}

}  // namespace

// ---------------------------------------------------------------- rulings

Ruling SqlRulingRepository::create(const Ruling& ruling, const RecordEvent& event) {
    Ruling stored = ruling;
    _db.write([&](SqlSession& s) {
        s.prepare(INSERT_RULING)
            ->bind(stored.court)
            .bind(stored.branch)
            .bind(stored.number)
            .bind(formatJalali(stored.decidedOn))
            .bind(dayNumber(stored.decidedOn))
            .bind(stored.municipality)
            .bind(stored.outcome)
            .bind(stored.summary)
            .bind(stored.fullText)
            .bind(provisionsJson(stored.provisions))
            .bind(stored.createdBy)
            .bind(stored.createdAt)
            .bind(stored.updatedAt)
            .run();
        stored.id = s.lastInsertId();
        stored.version = 1;
        for (std::size_t i = 0; i < stored.provisions.size(); ++i)
            s.prepare(INSERT_RULING_PROVISION)
                ->bind(stored.id)
                .bind(static_cast<std::int64_t>(i))
                .bind(provisionKey(stored.provisions[i]))
                .run();
        searchindex::reindex(s, "ruling", stored.id, "", "", stored.court + " " + stored.summary,
                             stored.fullText);
        RecordEvent e = event;
        e.entityId = stored.id;
        e.sequence = 1;
        eventlog::appendRecordEvent(s, e, rulingReference(stored.id));
        if (stored.outcome == "adverse")
            s.prepare(NOTIFY_DIRECTORS)
                ->bind(e.at)
                .bind(stored.id)
                .bind(rulingReference(stored.id))
                .bind(rulingReference(stored.id) + ": " + stored.court + " — " +
                      stored.summary.substr(0, 300))
                .run();
    });
    return stored;
}

std::optional<Ruling> SqlRulingRepository::find(std::int64_t id) {
    std::optional<Ruling> found;
    _db.read([&](SqlSession& s) {
        auto rulings = selectRulings(s, SELECT_RULING + "WHERE id = ?", {id});
        if (!rulings.empty()) found = std::move(rulings.front());
    });
    return found;
}

std::vector<Ruling> SqlRulingRepository::list(const RulingQuery& q) {
    std::string sql = SELECT_RULING + "WHERE 1 = 1";
    std::vector<SqlParameter> params;
    if (q.provisionKey) {
        sql += " AND id IN (SELECT ruling_id FROM ruling_provisions WHERE provision_key = ?)";
        params.emplace_back(*q.provisionKey);
    }
    if (q.court) sql += " AND court = ?", params.emplace_back(*q.court);
    if (q.outcome) sql += " AND outcome = ?", params.emplace_back(*q.outcome);
    if (q.municipality) sql += " AND municipality = ?", params.emplace_back(*q.municipality);
    if (q.from) sql += " AND decided_day >= ?", params.emplace_back(dayNumber(*q.from));
    if (q.to) sql += " AND decided_day <= ?", params.emplace_back(dayNumber(*q.to));
    sql += " ORDER BY decided_day DESC, id DESC LIMIT ?";
    params.emplace_back(static_cast<std::int64_t>(q.limit));
    std::vector<Ruling> out;
    _db.read([&](SqlSession& s) { out = selectRulings(s, sql, params); });
    return out;
}

void SqlRulingRepository::link(std::int64_t rulingId, std::int64_t expectedVersion, const RulingLink& link,
                               const RecordEvent& event) {
    _db.write([&](SqlSession& s) {
        if (s.prepare(BUMP_RULING)->bind(event.at).bind(rulingId).bind(expectedVersion).run() != 1)
            eventlog::failStaleUpdate(s, "rulings", "ruling", rulingId, expectedVersion);
        s.prepare(DELETE_RULING_GAP)->bind(rulingId).bind(link.gapId).run();
        s.prepare(INSERT_RULING_GAP)
            ->bind(rulingId)
            .bind(link.gapId)
            .bind(link.note)
            .bind(link.linkedBy)
            .bind(link.linkedAt)
            .run();
        RecordEvent e = event;
        e.entityId = rulingId;
        e.sequence = expectedVersion + 1;
        eventlog::appendRecordEvent(s, e, rulingReference(rulingId));
    });
}

std::vector<GapSummary> SqlRulingRepository::gapsOnProvisions(const std::vector<std::string>& keys,
                                                              std::size_t limit) {
    std::vector<GapSummary> out;
    if (keys.empty()) return out;
    std::vector<SqlParameter> params(keys.begin(), keys.end());
    params.emplace_back(static_cast<std::int64_t>(limit));
    _db.read([&](SqlSession& s) {
        out = selectGapSummaries(s,
                                 GAP_SUMMARY_COLUMNS +
                                     "JOIN gap_provisions p ON p.gap_id = g.id WHERE p.provision_key IN (" +
                                     placeholders(keys.size()) + ") ORDER BY g.id DESC LIMIT ?",
                                 params);
    });
    return out;
}

ProvisionPage SqlRulingRepository::provision(const std::string& key, std::size_t limit) {
    ProvisionPage page;
    page.key = key;
    const auto size = static_cast<std::int64_t>(limit);
    _db.read([&](SqlSession& s) {
        page.gaps = selectGapSummaries(s,
                                       GAP_SUMMARY_COLUMNS +
                                           "JOIN gap_provisions p ON p.gap_id = g.id WHERE p.provision_key = "
                                           "? ORDER BY g.id DESC LIMIT ?",
                                       {key, size});
        {
            auto drafts = s.prepare(
                "SELECT g.id, g.reference, g.title, g.municipality, g.state, g.confidential, MAX(d.version) "
                "FROM "
                "draft_provisions d JOIN gaps g ON g.id = d.gap_id WHERE d.provision_key = ? GROUP BY g.id, "
                "g.reference, "
                "g.title, g.municipality, g.state, g.confidential ORDER BY g.id DESC LIMIT ?");
            drafts->bind(key).bind(size);
            while (drafts->step())
                page.drafts.emplace_back(
                    GapSummary{drafts->integer(0), drafts->text(1), drafts->text(2), drafts->text(3),
                               drafts->text(4), drafts->integer(5) != 0},
                    drafts->integer(6));
        }
        page.opinions = selectGapSummaries(s,
                                           "SELECT o.id, o.reference, o.title, o.municipality, o.state, 0 "
                                           "FROM opinions o WHERE o.state = 'published' "
                                           "AND o.id IN (SELECT opinion_id FROM opinion_provisions WHERE "
                                           "provision_key = ?) ORDER BY o.id DESC LIMIT ?",
                                           {key, size});
        page.rulings = selectRulings(s,
                                     SELECT_RULING +
                                         "WHERE id IN (SELECT ruling_id FROM ruling_provisions WHERE "
                                         "provision_key = ?) ORDER BY decided_day DESC, "
                                         "id DESC LIMIT ?",
                                     {key, size});
    });
    return page;
}

// ---------------------------------------------------------------- search

std::int64_t SqlSearchRepository::documentFrequency(const std::string& term, const std::string& type,
                                                    std::int64_t cap) {
    std::int64_t count = 0;
    _db.read([&](SqlSession& s) {
        auto select = s.prepare(
            "SELECT COUNT(*) FROM (SELECT 1 FROM search_postings WHERE term = ? AND doc_type = ? LIMIT ?) "
            "capped");
        select->bind(term).bind(type).bind(cap);
        if (select->step()) count = select->integer(0);
    });
    return count;
}

std::vector<SearchCandidate> SqlSearchRepository::candidates(const std::vector<std::string>& terms,
                                                             const std::string& type, std::size_t limit) {
    std::vector<SearchCandidate> out;
    if (terms.empty()) return out;
    std::string sql = "SELECT c.doc_id, c.weight";
    for (std::size_t i = 1; i < terms.size(); ++i) sql += ", p" + std::to_string(i) + ".weight";
    sql +=
        " FROM (SELECT doc_id, weight FROM search_postings WHERE term = ? AND doc_type = ? ORDER BY weight "
        "DESC, "
        "doc_id DESC LIMIT ?) c";
    for (std::size_t i = 1; i < terms.size(); ++i) {
        const std::string p = "p" + std::to_string(i);
        sql += " JOIN search_postings " + p + " ON " + p + ".term = ? AND " + p + ".doc_type = ? AND " + p +
               ".doc_id = c.doc_id";
    }
    sql += " ORDER BY c.weight DESC, c.doc_id DESC";
    _db.read([&](SqlSession& s) {
        auto select = s.prepare(sql);
        select->bind(terms[0]).bind(type).bind(static_cast<std::int64_t>(limit));
        for (std::size_t i = 1; i < terms.size(); ++i) select->bind(terms[i]).bind(type);
        while (select->step()) {
            SearchCandidate c;
            c.id = select->integer(0);
            for (std::size_t i = 0; i < terms.size(); ++i)
                c.weights.push_back(select->integer(static_cast<int>(i + 1)));
            out.push_back(std::move(c));
        }
    });
    return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> SqlSearchRepository::postings(const std::string& term,
                                                                                 const std::string& type,
                                                                                 std::size_t limit) {
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    _db.read([&](SqlSession& s) {
        auto select = s.prepare(
            "SELECT doc_id, weight FROM search_postings WHERE term = ? AND doc_type = ? ORDER BY weight "
            "DESC, doc_id "
            "DESC LIMIT ?");
        select->bind(term).bind(type).bind(static_cast<std::int64_t>(limit));
        while (select->step()) out.emplace_back(select->integer(0), select->integer(1));
    });
    return out;
}

std::vector<SearchDoc> SqlSearchRepository::describe(const std::string& type,
                                                     const std::vector<std::int64_t>& ids, bool withText) {
    std::vector<SearchDoc> out;
    if (ids.empty()) return out;
    // Fixed batch sizes keep the prepared statements few; missing ids are padded with 0.
    constexpr std::size_t BATCH = 50;
    std::string columns;
    if (type == "opinion")
        columns = "SELECT id, reference, title, municipality, 0, state, '', '', '', 0" +
                  std::string(withText ? ", question, answer" : ", '', ''") + " FROM opinions WHERE id IN (";
    else if (type == "ruling")
        columns = "SELECT id, '', court, municipality, 0, outcome, '', court, outcome, 0" +
                  std::string(withText ? ", summary, full_text" : ", '', ''") + " FROM rulings WHERE id IN (";
    else if (type == "draft")
        columns = std::string(
                      "SELECT g.id, g.reference, g.title, g.municipality, g.confidential, g.state, "
                      "g.category, '', '', g.id") +
                  (withText ? ", d.body, d.rationale" : ", '', ''") + " FROM gaps g" +
                  (withText ? " JOIN drafts d ON d.gap_id = g.id AND d.version = (SELECT MAX(version) FROM "
                              "drafts WHERE gap_id = g.id)"
                            : "") +
                  " WHERE g.id IN (";
    else
        columns = std::string(
                      "SELECT g.id, g.reference, g.title, g.municipality, g.confidential, g.state, "
                      "g.category, '', '', g.id") +
                  (withText ? ", g.title, g.description" : ", '', ''") + " FROM gaps g WHERE g.id IN (";
    const std::string sql = columns + placeholders(BATCH) + ")";
    _db.read([&](SqlSession& s) {
        for (std::size_t from = 0; from < ids.size(); from += BATCH) {
            auto select = s.prepare(sql);
            for (std::size_t i = 0; i < BATCH; ++i)
                select->bind(from + i < ids.size() ? ids[from + i] : std::int64_t{0});
            while (select->step()) {
                SearchDoc d;
                d.type = type;
                d.id = select->integer(0);
                d.reference = type == "ruling" ? rulingReference(d.id) : select->text(1);
                d.title = select->text(2);
                d.municipality = select->text(3);
                d.confidential = select->integer(4) != 0;
                d.state = select->text(5);
                d.category = select->text(6);
                d.court = select->text(7);
                d.outcome = select->text(8);
                d.gapId = select->integer(9);
                d.text = select->text(10) + "\n" + select->text(11);
                out.push_back(std::move(d));
            }
        }
    });
    return out;
}

// ---------------------------------------------------------------- opinions

namespace {

const std::string SELECT_OPINION =
    "SELECT o.id, o.reference, o.municipality, o.asked_by, u.username, o.title, o.assignee, o.state, "
    "o.version, "
    "o.due_at, o.published_at, o.created_at, o.updated_at FROM opinions o JOIN users u ON u.id = o.asked_by ";

Opinion readOpinion(const SqlStatement& r) {
    Opinion o;
    o.id = r.integer(0);
    o.reference = r.text(1);
    o.municipality = r.text(2);
    o.askedBy = r.integer(3);
    o.askedByName = r.text(4);
    o.title = r.text(5);
    o.assignee = r.text(6);
    o.state = r.text(7);
    o.version = r.integer(8);
    o.dueAt = r.optionalInteger(9);
    o.publishedAt = r.optionalInteger(10);
    o.createdAt = r.integer(11);
    o.updatedAt = r.integer(12);
    return o;
}

std::vector<Opinion> selectOpinions(SqlSession& s, const std::string& sql,
                                    const std::vector<SqlParameter>& params) {
    std::vector<Opinion> out = selectRows(s, sql, params, readOpinion);
    for (Opinion& o : out) {
        {
            auto texts = s.prepare(
                "SELECT kind, version, body, provisions, author_id, author_name, created_at FROM "
                "opinion_texts WHERE "
                "opinion_id = ? ORDER BY created_at, kind, version");
            texts->bind(o.id);
            while (texts->step())
                o.texts.push_back(OpinionText{texts->text(0), texts->integer(1), texts->text(2),
                                              provisionsFromJson(texts->text(3)), texts->integer(4),
                                              texts->text(5), texts->integer(6)});
        }
        auto links = s.prepare(
            "SELECT target_type, target_id FROM opinion_links WHERE opinion_id = ? ORDER BY target_type, "
            "target_id");
        links->bind(o.id);
        while (links->step()) (links->text(0) == "gap" ? o.gapIds : o.rulingIds).push_back(links->integer(1));
    }
    return out;
}

std::string latestText(const Opinion& o, const std::string& kind) {
    const OpinionText* t = o.latest(kind);
    return t ? t->text : "";
}

void writeOpinionParts(SqlSession& s, const Opinion& o) {
    s.prepare("DELETE FROM opinion_links WHERE opinion_id = ?")->bind(o.id).run();
    s.prepare("DELETE FROM opinion_provisions WHERE opinion_id = ?")->bind(o.id).run();
    for (const auto id : o.gapIds)
        s.prepare("INSERT INTO opinion_links (opinion_id, target_type, target_id) VALUES (?, 'gap', ?)")
            ->bind(o.id)
            .bind(id)
            .run();
    for (const auto id : o.rulingIds)
        s.prepare("INSERT INTO opinion_links (opinion_id, target_type, target_id) VALUES (?, 'ruling', ?)")
            ->bind(o.id)
            .bind(id)
            .run();
    std::set<std::string> keys;
    for (const char* kind : {"question", "answer"})
        if (const OpinionText* t = o.latest(kind))
            for (const auto& p : t->provisions) keys.insert(provisionKey(p));
    for (const auto& key : keys)
        s.prepare("INSERT INTO opinion_provisions (opinion_id, provision_key) VALUES (?, ?)")
            ->bind(o.id)
            .bind(key)
            .run();
}

void insertText(SqlSession& s, std::int64_t opinionId, const OpinionText& t) {
    s.prepare(
         "INSERT INTO opinion_texts (opinion_id, kind, version, body, provisions, author_id, author_name, "
         "created_at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        ->bind(opinionId)
        .bind(t.kind)
        .bind(t.version)
        .bind(t.text)
        .bind(provisionsJson(t.provisions))
        .bind(t.authorId)
        .bind(t.authorName)
        .bind(t.createdAt)
        .run();
}

}  // namespace

Opinion SqlOpinionRepository::create(const Opinion& opinion, int jalaliYear, const RecordEvent& event) {
    Opinion stored = opinion;
    _db.write([&](SqlSession& s) {
        s.prepare(s.dialect() == SqlDialect::Mysql ? "INSERT INTO opinion_counters (year, last) VALUES (?, "
                                                     "1) ON DUPLICATE KEY UPDATE last = last + 1"
                                                   : "INSERT INTO opinion_counters (year, last) VALUES (?, "
                                                     "1) ON CONFLICT (year) DO UPDATE SET last = "
                                                     "last + 1")
            ->bind(std::int64_t{jalaliYear})
            .run();
        std::int64_t sequence = 0;
        {
            auto counter = s.prepare("SELECT last FROM opinion_counters WHERE year = ?");
            counter->bind(std::int64_t{jalaliYear});
            counter->step();
            sequence = counter->integer(0);
        }
        const std::string number = std::to_string(sequence);
        stored.reference = "O-" + std::to_string(jalaliYear) + "-" +
                           std::string(number.size() < 4 ? 4 - number.size() : 0, '0') + number;
        stored.version = 1;
        s.prepare(
             "INSERT INTO opinions (reference, municipality, asked_by, title, question, answer, assignee, "
             "state, "
             "version, due_at, published_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', '', ?, 1, ?, "
             "NULL, ?, ?)")
            ->bind(stored.reference)
            .bind(stored.municipality)
            .bind(stored.askedBy)
            .bind(stored.title)
            .bind(latestText(stored, "question"))
            .bind(stored.state)
            .bind(stored.dueAt)
            .bind(stored.createdAt)
            .bind(stored.updatedAt)
            .run();
        stored.id = s.lastInsertId();
        for (const OpinionText& t : stored.texts) insertText(s, stored.id, t);
        writeOpinionParts(s, stored);
        RecordEvent e = event;
        e.entityId = stored.id;
        e.sequence = 1;
        eventlog::appendRecordEvent(s, e, stored.reference);
    });
    return stored;
}

std::optional<Opinion> SqlOpinionRepository::find(std::int64_t id) {
    std::optional<Opinion> found;
    _db.read([&](SqlSession& s) {
        auto list = selectOpinions(s, SELECT_OPINION + "WHERE o.id = ?", {id});
        if (!list.empty()) found = std::move(list.front());
    });
    return found;
}

std::vector<Opinion> SqlOpinionRepository::list(const std::optional<std::string>& state,
                                                const std::optional<std::string>& municipality,
                                                std::size_t limit) {
    std::string sql = SELECT_OPINION + "WHERE 1 = 1";
    std::vector<SqlParameter> params;
    if (state) sql += " AND o.state = ?", params.emplace_back(*state);
    if (municipality) sql += " AND o.municipality = ?", params.emplace_back(*municipality);
    sql += " ORDER BY o.id DESC LIMIT ?";
    params.emplace_back(static_cast<std::int64_t>(limit));
    std::vector<Opinion> out;
    _db.read([&](SqlSession& s) { out = selectOpinions(s, sql, params); });
    return out;
}

void SqlOpinionRepository::save(const Opinion& o, std::int64_t expectedVersion, const RecordEvent& event,
                                const std::optional<OpinionText>& text) {
    _db.write([&](SqlSession& s) {
        // The index holds published guidance only; read what it holds now before the row changes.
        std::string wasState, wasTitle, wasQuestion, wasAnswer;
        {
            auto before = s.prepare("SELECT state, title, question, answer FROM opinions WHERE id = ?");
            before->bind(o.id);
            if (before->step())
                wasState = before->text(0), wasTitle = before->text(1), wasQuestion = before->text(2),
                wasAnswer = before->text(3);
        }
        const int changed =
            s.prepare(
                 "UPDATE opinions SET title = ?, question = ?, answer = ?, assignee = ?, state = ?, version "
                 "= version + "
                 "1, due_at = ?, published_at = ?, updated_at = ? WHERE id = ? AND version = ?")
                ->bind(o.title)
                .bind(latestText(o, "question"))
                .bind(latestText(o, "answer"))
                .bind(o.assignee)
                .bind(o.state)
                .bind(o.dueAt)
                .bind(o.publishedAt)
                .bind(o.updatedAt)
                .bind(o.id)
                .bind(expectedVersion)
                .run();
        if (changed != 1) eventlog::failStaleUpdate(s, "opinions", "opinion", o.id, expectedVersion);
        if (text) insertText(s, o.id, *text);
        writeOpinionParts(s, o);
        const bool was = wasState == "published", is = o.state == "published";
        if (was || is)
            searchindex::reindex(s, "opinion", o.id, was ? wasTitle : "",
                                 was ? wasQuestion + "\n" + wasAnswer : "", is ? o.title : "",
                                 is ? latestText(o, "question") + "\n" + latestText(o, "answer") : "");
        RecordEvent e = event;
        e.entityId = o.id;
        e.sequence = expectedVersion + 1;
        eventlog::appendRecordEvent(s, e, o.reference);
    });
}

std::vector<Opinion> SqlOpinionRepository::onProvision(const std::string& key, std::size_t limit) {
    std::vector<Opinion> out;
    _db.read([&](SqlSession& s) {
        out = selectOpinions(
            s,
            SELECT_OPINION +
                "WHERE o.state = 'published' AND o.id IN (SELECT opinion_id FROM opinion_provisions "
                "WHERE provision_key = ?) ORDER BY o.id DESC LIMIT ?",
            {key, static_cast<std::int64_t>(limit)});
    });
    return out;
}

// ---------------------------------------------------------------- merging

void SqlMergeRepository::merge(const GapStateChange& merged, const Gap& survivor, std::int64_t expected,
                               const GapEvent& survivorEvent) {
    _db.write([&](SqlSession& s) {
        const int changed = s.prepare(
                                 "UPDATE gaps SET provisions = ?, co_reporters = ?, version = version + 1, "
                                 "updated_at = ? WHERE "
                                 "id = ? AND version = ?")
                                ->bind(provisionsJson(survivor.fields.provisions))
                                .bind(joinRoles(survivor.coReporters))
                                .bind(survivorEvent.at)
                                .bind(survivor.id)
                                .bind(expected)
                                .run();
        if (changed != 1) eventlog::failStaleUpdate(s, "gaps", "gap", survivor.id, expected);
        searchindex::writeGapProvisions(s, survivor.id, survivor.fields.provisions, true);
        // The survivor takes the merged gap's rulings (those it does not have yet).
        s.prepare(
             "INSERT INTO ruling_gaps (ruling_id, gap_id, note, linked_by, linked_at) SELECT ruling_id, ?, "
             "note, "
             "linked_by, linked_at FROM ruling_gaps WHERE gap_id = ? AND ruling_id NOT IN (SELECT ruling_id "
             "FROM "
             "ruling_gaps WHERE gap_id = ?)")
            ->bind(survivor.id)
            .bind(merged.gapId)
            .bind(survivor.id)
            .run();
        eventlog::appendGapEvent(s, survivor.id, expected + 1, survivorEvent);
        eventlog::applyGapChange(s, merged);
    });
}

}  // namespace lacuna
