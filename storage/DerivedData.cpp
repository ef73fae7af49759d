#include "DerivedData.h"

#include <set>

#include "ProvisionsJson.h"
#include "SearchIndex.h"
#include "SearchText.h"
#include "SqlPrecedentRepository.h"

namespace lacuna::derived {
namespace {

const std::string CLAIM = "UPDATE derived_data SET version = ? WHERE name = 'text_rules' AND version <> ?";
/// Rows are read in batches of this many, so a large store is never held in memory at once.
constexpr std::int64_t BATCH = 1000;

/// Calls `each(row)` for every row of `sql` (which takes the last id seen and ends in ORDER BY id
/// LIMIT ?), batch by batch; `read` gives each row as (id, what else it needs).
template <typename Read, typename Each>
void inBatches(SqlSession& s, const std::string& sql, Read read, Each each) {
    std::int64_t last = 0;
    for (;;) {
        const auto rows = selectRows(s, sql, {last, BATCH}, read);
        for (const auto& row : rows) each(row);
        if (rows.size() < static_cast<std::size_t>(BATCH)) return;
        last = rows.back().first;
    }
}

void remakeGapProvisionKeys(SqlSession& s) {
    // A gap's provisions as written are kept beside its row; its gap_provisions rows are remade from them.
    inBatches(
        s, "SELECT id, provisions FROM gaps WHERE id > ? ORDER BY id LIMIT ?",
        [](const SqlStatement& r) { return std::make_pair(r.integer(0), r.text(1)); },
        [&](const auto& row) {
            searchindex::writeGapProvisions(s, row.first, provisionsFromJson(row.second), true);
        });
}

void remakeDraftProvisionKeys(SqlSession& s) {
    s.prepare("DELETE FROM draft_provisions")->run();
    inBatches(
        s, "SELECT DISTINCT gap_id, 0 FROM drafts WHERE gap_id > ? ORDER BY gap_id LIMIT ?",
        [](const SqlStatement& r) { return std::make_pair(r.integer(0), 0); },
        [&](const auto& gap) {
            const auto drafts =
                selectRows(s, "SELECT version, provisions FROM drafts WHERE gap_id = ? ORDER BY version",
                           {gap.first}, [](const SqlStatement& r) {
                               return std::make_pair(r.integer(0), provisionsFromJson(r.text(1)));
                           });
            for (const auto& [version, provisions] : drafts)
                searchindex::writeDraftProvisions(s, gap.first, version, provisions);
        });
}

void remakeRulingKeys(SqlSession& s) {
    s.prepare("DELETE FROM ruling_provisions")->run();
    inBatches(
        s, "SELECT id, court, provisions FROM rulings WHERE id > ? ORDER BY id LIMIT ?",
        [](const SqlStatement& r) {
            return std::make_pair(r.integer(0), std::make_pair(r.text(1), r.text(2)));
        },
        [&](const auto& row) {
            s.prepare("UPDATE rulings SET court_key = ? WHERE id = ?")
                ->bindAll({courtKey(row.second.first), row.first})
                .run();
            searchindex::writeRulingProvisions(s, row.first, provisionsFromJson(row.second.second));
        });
}

void remakeOpinionProvisionKeys(SqlSession& s) {
    // An opinion names the provisions of its latest question and latest answer.
    s.prepare("DELETE FROM opinion_provisions")->run();
    inBatches(
        s, "SELECT id FROM opinions WHERE id > ? ORDER BY id LIMIT ?",
        [](const SqlStatement& r) { return std::make_pair(r.integer(0), 0); },
        [&](const auto& row) {
            std::vector<Provision> provisions;
            for (const char* kind : {"question", "answer"})
                if (const auto json = selectOne(
                        s,
                        "SELECT provisions FROM opinion_texts WHERE opinion_id = ? AND kind = ? ORDER BY version DESC LIMIT 1",
                        {row.first, std::string(kind)}, [](const SqlStatement& r) { return r.text(0); })) {
                    const std::vector<Provision> latest = provisionsFromJson(*json);
                    provisions.insert(provisions.end(), latest.begin(), latest.end());
                }
            searchindex::writeOpinionProvisions(s, row.first, provisions);
        });
}

/// Every document of one kind, indexed anew: `sql` selects (id, three texts) after an id.
template <typename Text>
void reindexAll(SqlSession& s, const std::string& type, const std::string& sql, Text text) {
    inBatches(
        s, sql,
        [](const SqlStatement& r) {
            return std::make_pair(r.integer(0), std::make_tuple(r.text(1), r.text(2), r.text(3)));
        },
        [&](const auto& row) {
            const auto& [a, b, c] = row.second;
            searchindex::reindex(s, type, row.first, IndexedText{}, text(a, b, c));
        });
}

void remakeSearchIndex(SqlSession& s) {
    s.prepare("DELETE FROM search_postings")->run();
    reindexAll(s, "gap", "SELECT id, title, description, '' FROM gaps WHERE id > ? ORDER BY id LIMIT ?",
               [](const auto& title, const auto& description, const auto&) {
                   return gapIndexText(title, description);
               });
    reindexAll(
        s, "draft",
        "SELECT d.gap_id, d.body, d.rationale, '' FROM drafts d WHERE d.gap_id > ? AND d.version = "
        "(SELECT MAX(version) FROM drafts WHERE gap_id = d.gap_id) ORDER BY d.gap_id LIMIT ?",
        [](const auto& body, const auto& rationale, const auto&) { return draftIndexText(body, rationale); });
    reindexAll(s, "ruling",
               "SELECT id, court, summary, full_text FROM rulings WHERE id > ? ORDER BY id LIMIT ?",
               [](const auto& court, const auto& summary, const auto& full) {
                   return rulingIndexText(court, summary, full);
               });
    reindexAll(
        s, "opinion",
        "SELECT id, title, question, answer FROM opinions WHERE id > ? AND state = 'published' ORDER BY id LIMIT ?",
        [](const auto& title, const auto& question, const auto& answer) {
            return opinionIndexText(title, question, answer);
        });
    inBatches(
        s, "SELECT id FROM precedents WHERE id > ? ORDER BY id LIMIT ?",
        [](const SqlStatement& r) { return std::make_pair(r.integer(0), 0); },
        [&](const auto& row) {
            searchindex::reindex(s, "precedent", row.first, IndexedText{}, indexedPrecedent(s, row.first));
        });
}

}  // namespace

bool refresh(SqlSession& s) {
    if (s.prepare(CLAIM)->bindAll({TEXT_RULES_VERSION, TEXT_RULES_VERSION}).run() != 1) return false;
    remakeGapProvisionKeys(s);
    remakeDraftProvisionKeys(s);
    remakeRulingKeys(s);
    remakeOpinionProvisionKeys(s);
    remakeSearchIndex(s);
    return true;
}

}  // namespace lacuna::derived
