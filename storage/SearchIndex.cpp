#include "SearchIndex.h"

#include <map>
#include <set>
#include <tuple>

#include "SearchText.h"

namespace lacuna::searchindex {
namespace {

const std::string DELETE_POSTING =
    "DELETE FROM search_postings WHERE term = ? AND doc_type = ? AND doc_id = ?";
const std::string UPDATE_POSTING =
    "UPDATE search_postings SET weight = ? WHERE term = ? AND doc_type = ? AND doc_id = ?";
const std::string DELETE_PROVISIONS = "DELETE FROM gap_provisions WHERE gap_id = ?";
const std::string INSERT_PROVISION =
    R"(INSERT INTO gap_provisions (gap_id, position, law, article, provision_key) VALUES (?, ?, ?, ?, ?))";
const std::string SELECT_GAP_TEXT = "SELECT title, description FROM gaps WHERE id = ?";

/// INSERT of `rows` postings in one statement; the batch sizes are fixed so statements stay cached.
std::string insertSql(std::size_t rows) {
    std::string sql = "INSERT INTO search_postings (term, doc_type, doc_id, weight) VALUES ";
    for (std::size_t i = 0; i < rows; ++i) sql += i ? ", (?, ?, ?, ?)" : "(?, ?, ?, ?)";
    return sql;
}

std::map<std::string, std::int64_t> weights(const std::string& title, const std::string& body) {
    std::map<std::string, std::int64_t> out;
    if (title.empty() && body.empty()) return out;
    for (const TermWeight& t : documentTerms(title, body)) out[t.term] = t.weight;
    return out;
}

}  // namespace

void reindex(SqlSession& s, const std::string& type, std::int64_t id, const std::string& oldTitle,
             const std::string& oldBody, const std::string& newTitle, const std::string& newBody) {
    const auto before = weights(oldTitle, oldBody);
    const auto after = weights(newTitle, newBody);
    std::vector<std::pair<std::string, std::int64_t>> inserts;
    for (const auto& [term, weight] : before) {
        const auto it = after.find(term);
        if (it == after.end())
            s.prepare(DELETE_POSTING)->bind(term).bind(type).bind(id).run();
        else if (it->second != weight)
            s.prepare(UPDATE_POSTING)->bind(it->second).bind(term).bind(type).bind(id).run();
    }
    for (const auto& [term, weight] : after)
        if (!before.count(term)) inserts.emplace_back(term, weight);
    std::size_t i = 0;
    // Powers of two: any number of new words takes at most one statement of each size (13 words:
    // 8 + 4 + 1), and six statement shapes are prepared once per connection.
    for (const std::size_t batch : {32, 16, 8, 4, 2, 1}) {
        while (inserts.size() - i >= batch) {
            auto insert = s.prepare(insertSql(batch));
            for (std::size_t k = 0; k < batch; ++k, ++i)
                insert->bind(inserts[i].first).bind(type).bind(id).bind(inserts[i].second);
            insert->run();
        }
    }
}

void reindex(SqlSession& s, const std::string& type, std::int64_t id, const IndexedText& before,
             const IndexedText& after) {
    reindex(s, type, id, before.title, before.body, after.title, after.body);
}

void reindexGap(SqlSession& s, std::int64_t gapId, const std::string& title, const std::string& description) {
    std::string oldTitle, oldBody;
    {
        auto select = s.prepare(SELECT_GAP_TEXT);
        select->bind(gapId);
        if (select->step()) oldTitle = select->text(0), oldBody = select->text(1);
    }
    reindex(s, "gap", gapId, oldTitle, oldBody, title, description);
}

void writeGapProvisions(SqlSession& s, std::int64_t gapId, const std::vector<Provision>& provisions,
                        bool replace) {
    if (replace) s.prepare(DELETE_PROVISIONS)->bind(gapId).run();
    for (std::size_t i = 0; i < provisions.size(); ++i)
        s.prepare(INSERT_PROVISION)
            ->bind(gapId)
            .bind(static_cast<std::int64_t>(i))
            .bind(provisions[i].law)
            .bind(provisions[i].article)
            .bind(provisionKey(provisions[i]))
            .run();
}

void writeDraftProvisions(SqlSession& s, std::int64_t gapId, std::int64_t version,
                          const std::vector<Provision>& provisions) {
    for (std::size_t i = 0; i < provisions.size(); ++i)
        s.prepare(
             "INSERT INTO draft_provisions (gap_id, version, position, provision_key) VALUES (?, ?, ?, ?)")
            ->bindAll({gapId, version, static_cast<std::int64_t>(i), provisionKey(provisions[i])})
            .run();
}

void writeRulingProvisions(SqlSession& s, std::int64_t rulingId, const std::vector<Provision>& provisions) {
    for (std::size_t i = 0; i < provisions.size(); ++i)
        s.prepare("INSERT INTO ruling_provisions (ruling_id, position, provision_key) VALUES (?, ?, ?)")
            ->bindAll({rulingId, static_cast<std::int64_t>(i), provisionKey(provisions[i])})
            .run();
}

void writeOpinionProvisions(SqlSession& s, std::int64_t opinionId, const std::vector<Provision>& provisions) {
    std::set<std::string> keys;
    for (const Provision& p : provisions) keys.insert(provisionKey(p));
    for (const std::string& key : keys)
        s.prepare("INSERT INTO opinion_provisions (opinion_id, provision_key) VALUES (?, ?)")
            ->bindAll({opinionId, key})
            .run();
}

std::int64_t backfillSearchIndex(SqlSession& s) {
    {
        auto any = s.prepare("SELECT COUNT(*) FROM (SELECT 1 FROM search_postings LIMIT 1) p");
        if (any->step() && any->integer(0) > 0) return 0;
    }
    std::int64_t last = 0, indexed = 0;
    for (;;) {
        // In batches, so a large store is never held in memory at once.
        const auto batch = selectRows(
            s, "SELECT id, title, description FROM gaps WHERE id > ? ORDER BY id LIMIT 1000", {last},
            [](const SqlStatement& r) { return std::make_tuple(r.integer(0), r.text(1), r.text(2)); });
        if (batch.empty()) return indexed;
        for (const auto& [id, title, description] : batch) reindex(s, "gap", id, "", "", title, description);
        last = std::get<0>(batch.back());
        indexed += static_cast<std::int64_t>(batch.size());
    }
}

}  // namespace lacuna::searchindex
