#include "SqlRulingRepository.h"

#include <Poco/DateTime.h>

#include <map>
#include <set>

#include "Errors.h"
#include "EventLog.h"
#include "GapRows.h"
#include "JalaliDate.h"
#include "ProvisionsJson.h"
#include "Reference.h"
#include "SearchIndex.h"
#include "SearchText.h"

namespace lacuna {
namespace {

const std::string SELECT_RULING =
    R"(SELECT id, court, branch, number, decided_on, municipality, outcome, summary,
 full_text, provisions, version, created_by, created_at, updated_at FROM rulings )";
const std::string INSERT_RULING =
    R"(INSERT INTO rulings (court, court_key, branch, number, decided_on, decided_day,
 municipality, outcome, summary, full_text, provisions, version, created_by, created_at, updated_at)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?))";
const std::string SELECT_RULING_GAPS =
    "SELECT rg.gap_id, g.reference, g.title, rg.note, rg.linked_by, rg.linked_at, " +
    gaprows::AUDIENCE_COLUMNS + R"(, rg.ruling_id FROM ruling_gaps rg JOIN gaps g ON g.id = rg.gap_id
 WHERE rg.ruling_id IN )";
constexpr int LINK_RULING_COLUMN = 9;
const std::string BUMP_RULING =
    "UPDATE rulings SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?";
const std::string DELETE_RULING_GAP = "DELETE FROM ruling_gaps WHERE ruling_id = ? AND gap_id = ?";
const std::string INSERT_RULING_GAP =
    "INSERT INTO ruling_gaps (ruling_id, gap_id, note, linked_by, linked_at) VALUES (?, ?, ?, ?, ?)";
const std::string INSERT_ALERT = R"(INSERT INTO notifications (user_id, at, entity_type, entity_id, reference,
 event_type, summary, read_at) VALUES (?, ?, 'ruling', ?, ?, 'ruling.adverse', ?, NULL))";
const std::string ON_PROVISION = "id IN (SELECT ruling_id FROM ruling_provisions WHERE provision_key = ?)";
const std::string ORDER_NEWEST = " ORDER BY decided_day DESC, id DESC LIMIT ?";
const std::string NEWEST_OF_THOSE = "JOIN gaps g ON g.id = p.gap_id ORDER BY g.id DESC";
// The newest gaps on a provision, taken from the index (provision_key, gap_id) read backwards — a provision
// holds thousands of gaps in a big store, and only the first `limit` of them are read as rows.
std::string gapsOnProvision(bool below) {
    return gaprows::SUMMARY_COLUMNS +
           "FROM (SELECT DISTINCT gap_id FROM gap_provisions WHERE provision_key = ? " +
           (below ? "AND gap_id < ? " : "") + "ORDER BY gap_id DESC LIMIT ?) p " + NEWEST_OF_THOSE;
}
const std::string DRAFTS_ON_PROVISION =
    gaprows::SUMMARY_COLUMNS +
    R"(, MAX(d.version) FROM draft_provisions d JOIN gaps g ON g.id = d.gap_id
 WHERE d.provision_key = ? GROUP BY g.id, g.reference, g.title, g.state, g.confidential, g.municipality, g.co_reporters
 ORDER BY g.id DESC LIMIT ?)";
/// Published opinions in the shape of a gap summary (they are nobody's secret).
const std::string OPINIONS_ON_PROVISION = R"(SELECT o.id, o.reference, o.title, o.state, 0, o.municipality, ''
 FROM opinions o WHERE o.state = 'published' AND o.id IN
 (SELECT opinion_id FROM opinion_provisions WHERE provision_key = ?) ORDER BY o.id DESC LIMIT ?)";

// Settled: a precedent on the provision was decided after the newer ruling of the pair was registered (a
// ruling registered since, contrary to it, opens the conflict again).
const std::string SETTLED = R"(EXISTS (SELECT 1 FROM precedents p JOIN rulings nr
 ON nr.id = CASE WHEN c.a > c.f THEN c.a ELSE c.f END
 WHERE p.provision_key = c.provision_key AND p.decided_at IS NOT NULL AND p.decided_at >= nr.created_at))";

// The provisions on which adverse and favourable rulings both stand, each with the newest ruling of either
// side and how many there are, the provision whose newest of the two was registered last first. Read from
// the rulings each time, so that two rulings registered at the same instant (on two instances, or two
// Galera nodes) can never leave their conflict unrecorded; one pass over the rulings' provisions (a pair per
// provision, not every pair: a much-litigated article holds hundreds of rulings on each side).
// (The sides are compared outside the grouping: MariaDB does not order by an expression of aggregates'
// names.)
const std::string SELECT_CONFLICTS = R"(SELECT provision_key, a, f, adverse, favourable,
 CASE WHEN )" + SETTLED + R"( THEN 1 ELSE 0 END FROM (SELECT rp.provision_key,
 MAX(CASE WHEN r.outcome = 'adverse' THEN r.id END) AS a,
 MAX(CASE WHEN r.outcome = 'favourable' THEN r.id END) AS f,
 COUNT(DISTINCT CASE WHEN r.outcome = 'adverse' THEN r.id END) AS adverse,
 COUNT(DISTINCT CASE WHEN r.outcome = 'favourable' THEN r.id END) AS favourable
 FROM ruling_provisions rp JOIN rulings r ON r.id = rp.ruling_id
 WHERE r.outcome IN ('adverse', 'favourable'))";
const std::string OF_RULING =
    " AND rp.provision_key IN (SELECT provision_key FROM ruling_provisions WHERE ruling_id = ?)";
const std::string CONFLICTING = R"( GROUP BY rp.provision_key) c WHERE a IS NOT NULL AND f IS NOT NULL)";
const std::string ORDER_CONFLICTS = " ORDER BY CASE WHEN a > f THEN a ELSE f END DESC, provision_key LIMIT ?";
/// The newest request for a uniform precedent on each of some provisions.
const std::string REQUEST_MENTIONS = R"(SELECT p.id, p.reference, p.state, p.open_provision_key, p.decided_at,
 p.provision_key FROM precedents p WHERE p.id IN (SELECT MAX(id) FROM precedents WHERE provision_key IN )";
/// The request a ruling decided (column 5: the ruling).
const std::string DECIDED_MENTIONS = R"(SELECT id, reference, state, open_provision_key, decided_at,
 decision_ruling_id FROM precedents WHERE decision_ruling_id IN )";

PrecedentMention readMention(const SqlStatement& r) {
    return PrecedentMention{.id = r.integer(0),
                            .reference = r.text(1),
                            .state = r.text(2),
                            .open = !r.isNull(3),
                            .decidedAt = r.optionalInteger(4)};
}

/// Days since 1970-01-01 of a Jalali date (for date ranges that sort as numbers).
std::int64_t dayNumber(const JalaliDate& j) {
    const GregorianDate g = toGregorian(j);
    return Poco::DateTime(g.year, g.month, g.day).timestamp().epochTime() / 86400;
}

JalaliDate readDecidedOn(const std::string& stored) {
    // Written by formatJalali: a row that does not parse is a broken store, not a person's typing.
    const auto decided = parseJalaliDate(stored);
    if (!decided) throw StoreUnavailable("a stored ruling's date is unreadable: " + stored);
    return *decided;
}

Ruling readRuling(const SqlStatement& r) {
    return Ruling{.id = r.integer(0),
                  .court = r.text(1),
                  .branch = r.text(2),
                  .number = r.text(3),
                  .decidedOn = readDecidedOn(r.text(4)),
                  .municipality = r.text(5),
                  .outcome = r.text(6),
                  .summary = r.text(7),
                  .fullText = r.text(8),
                  .provisions = provisionsFromJson(r.text(9)),
                  .version = r.integer(10),
                  .createdBy = r.integer(11),
                  .createdAt = r.integer(12),
                  .updatedAt = r.integer(13)};
}

std::vector<Ruling> selectRulings(SqlSession& s, const std::string& sql,
                                  const std::vector<SqlParameter>& params) {
    std::vector<Ruling> out = selectRows(s, sql, params, readRuling);
    selectParts(
        s, out, SELECT_RULING_GAPS, "ORDER BY rg.ruling_id, rg.linked_at, rg.gap_id", LINK_RULING_COLUMN,
        [](const SqlStatement& l) {
            return RulingLink{l.integer(0),
                              l.text(1),
                              l.text(2),
                              l.text(3),
                              l.text(4),
                              l.integer(5),
                              gaprows::readAudience(l, 6)};
        },
        [](Ruling& r, RulingLink link) { r.gaps.push_back(std::move(link)); });
    selectParts(s, out, DECIDED_MENTIONS, "ORDER BY id", 5, readMention,
                [](Ruling& r, PrecedentMention m) { r.decides = std::move(m); });
    return out;
}

void insertRuling(SqlSession& s, Ruling& r) {
    r.id = insertForId(s, INSERT_RULING,
                       {r.court, courtKey(r.court), r.branch, r.number, formatJalali(r.decidedOn),
                        dayNumber(r.decidedOn), r.municipality, r.outcome, r.summary, r.fullText,
                        provisionsJson(r.provisions), r.createdBy, r.createdAt, r.updatedAt});
    r.version = 1;
    searchindex::writeRulingProvisions(s, r.id, r.provisions);
}

}  // namespace

Ruling SqlRulingRepository::create(const Ruling& ruling, const RecordEvent& event, const RulingAlert& alert) {
    Ruling stored = ruling;
    _db.write([&](SqlSession& s) {
        insertRuling(s, stored);
        searchindex::reindex(s, "ruling", stored.id, {},
                             rulingIndexText(stored.court, stored.summary, stored.fullText));
        const std::string reference = reference::ruling(stored.id);
        eventlog::appendRecordEvent(s, event, stored.id, 1, reference);
        for (const std::int64_t user : alert.recipients)
            s.prepare(INSERT_ALERT)->bindAll({user, event.at, stored.id, reference, alert.summary}).run();
    });
    return stored;
}

std::optional<Ruling> SqlRulingRepository::find(std::int64_t id) {
    return readFirst(_db,
                     [&](SqlSession& s) { return selectRulings(s, SELECT_RULING + "WHERE id = ?", {id}); });
}

std::vector<Ruling> SqlRulingRepository::list(const RulingQuery& q) {
    std::string sql = SELECT_RULING + "WHERE 1 = 1";
    std::vector<SqlParameter> params;
    const auto filter = [&](bool on, const std::string& condition, SqlParameter value) {
        if (!on) return;
        sql += " AND " + condition;
        params.push_back(std::move(value));
    };
    filter(q.provisionKey.has_value(), ON_PROVISION, q.provisionKey.value_or(""));
    filter(q.court.has_value(), "court_key = ?", courtKey(q.court.value_or("")));
    filter(q.outcome.has_value(), "outcome = ?", q.outcome.value_or(""));
    filter(q.municipality.has_value(), "municipality = ?", q.municipality.value_or(""));
    filter(q.from.has_value(), "decided_day >= ?", q.from ? dayNumber(*q.from) : 0);
    filter(q.to.has_value(), "decided_day <= ?", q.to ? dayNumber(*q.to) : 0);
    params.emplace_back(static_cast<std::int64_t>(q.limit));
    return readAll(_db, [&](SqlSession& s) { return selectRulings(s, sql + ORDER_NEWEST, params); });
}

void appendRulingEvent(SqlSession& s, std::int64_t rulingId, std::int64_t expectedVersion,
                       const RecordEvent& event) {
    eventlog::updateVersioned(s, BUMP_RULING, {event.at, rulingId, expectedVersion},
                              {"rulings", "ruling", rulingId, expectedVersion});
    eventlog::appendRecordEvent(s, event, rulingId, expectedVersion + 1, reference::ruling(rulingId));
}

void SqlRulingRepository::link(std::int64_t rulingId, std::int64_t expectedVersion, const RulingLink& link,
                               const RecordEvent& event) {
    _db.write([&](SqlSession& s) {
        s.prepare(DELETE_RULING_GAP)->bind(rulingId).bind(link.gapId).run();
        s.prepare(INSERT_RULING_GAP)
            ->bindAll({rulingId, link.gapId, link.note, link.linkedBy, link.linkedAt})
            .run();
        appendRulingEvent(s, rulingId, expectedVersion, event);
    });
}

std::vector<RulingConflict> SqlRulingRepository::conflicts(const ConflictQuery& q) {
    std::string sql = SELECT_CONFLICTS;
    std::vector<SqlParameter> params;
    if (q.provisionKey) sql += " AND rp.provision_key = ?", params.emplace_back(*q.provisionKey);
    if (q.rulingId) sql += OF_RULING, params.emplace_back(*q.rulingId);
    sql += CONFLICTING;
    if (q.unsettledOnly) sql += " AND NOT " + SETTLED;
    params.emplace_back(static_cast<std::int64_t>(q.limit));
    std::vector<RulingConflict> out;
    _db.read([&](SqlSession& s) {
        struct Pair {
            std::string key;
            std::int64_t adverse, favourable, adverseCount, favourableCount;
            bool settled;
        };
        const std::vector<Pair> pairs =
            selectRows(s, sql + ORDER_CONFLICTS, params, [](const SqlStatement& r) {
                return Pair{r.text(0),    r.integer(1), r.integer(2),
                            r.integer(3), r.integer(4), r.integer(5) != 0};
            });
        std::set<std::int64_t> named;
        for (const Pair& p : pairs) named.insert({p.adverse, p.favourable});
        if (named.empty()) return;
        const std::vector<SqlParameter> ids(named.begin(), named.end());
        std::map<std::int64_t, Ruling> rulings;
        for (Ruling& r :
             selectRulings(s, SELECT_RULING + "WHERE id IN (" + placeholders(ids.size()) + ")", ids))
            rulings.emplace(r.id, std::move(r));
        std::vector<SqlParameter> keys;
        for (const Pair& p : pairs) keys.emplace_back(p.key);
        std::map<std::string, PrecedentMention> requests;
        for (auto& [key, mention] : selectRows(
                 s, REQUEST_MENTIONS + "(" + placeholders(keys.size()) + ") GROUP BY provision_key)", keys,
                 [](const SqlStatement& r) { return std::make_pair(r.text(5), readMention(r)); }))
            requests.emplace(key, std::move(mention));
        for (const Pair& p : pairs) {
            const auto request = requests.find(p.key);
            out.push_back(RulingConflict{
                .provisionKey = p.key,
                .adverse = rulings.at(p.adverse),
                .favourable = rulings.at(p.favourable),
                .adverseCount = p.adverseCount,
                .favourableCount = p.favourableCount,
                .request = request == requests.end() ? std::nullopt : std::optional(request->second),
                .settled = p.settled});
        }
    });
    return out;
}

std::vector<GapSummary> SqlRulingRepository::gapsOnProvisions(const std::vector<std::string>& keys,
                                                              std::size_t limit) {
    if (keys.empty()) return {};
    std::vector<SqlParameter> params(keys.begin(), keys.end());
    params.emplace_back(static_cast<std::int64_t>(limit));
    return queryRows(_db,
                     gaprows::SUMMARY_COLUMNS +
                         "FROM (SELECT DISTINCT gap_id FROM gap_provisions WHERE provision_key IN (" +
                         placeholders(keys.size()) + ") ORDER BY gap_id DESC LIMIT ?) p " + NEWEST_OF_THOSE,
                     params, gaprows::readSummary);
}

ProvisionPage SqlRulingRepository::provision(const std::string& key, const ProvisionLimits& limits,
                                             std::optional<std::int64_t> gapsBefore) {
    ProvisionPage page;
    page.key = key;
    // One row more than shown of each kind says whether there are older ones.
    const std::vector<SqlParameter> params = {key, static_cast<std::int64_t>(limits.others + 1)};
    std::vector<SqlParameter> gapParams = {key};
    if (gapsBefore) gapParams.emplace_back(*gapsBefore);
    gapParams.emplace_back(static_cast<std::int64_t>(limits.gaps + 1));
    const auto trim = [](auto& rows, std::size_t limit) {
        if (rows.size() <= limit) return false;
        rows.resize(limit);
        return true;
    };
    _db.read([&](SqlSession& s) {
        page.gaps = selectRows(s, gapsOnProvision(gapsBefore.has_value()), gapParams, gaprows::readSummary);
        if (trim(page.gaps, limits.gaps)) page.moreGapsBefore = page.gaps.back().id;
        page.drafts = selectRows(s, DRAFTS_ON_PROVISION, params, [](const SqlStatement& r) {
            return std::make_pair(gaprows::readSummary(r), r.integer(7));
        });
        page.moreDrafts = trim(page.drafts, limits.others);
        page.opinions = selectRows(s, OPINIONS_ON_PROVISION, params, gaprows::readSummary);
        page.moreOpinions = trim(page.opinions, limits.others);
        page.rulings = selectRulings(s, SELECT_RULING + "WHERE " + ON_PROVISION + ORDER_NEWEST, params);
        page.moreRulings = trim(page.rulings, limits.others);
    });
    return page;
}

}  // namespace lacuna
