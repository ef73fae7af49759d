#include "SqlDraftRepository.h"

#include "Errors.h"
#include "EventData.h"
#include "EventLog.h"
#include "ProvisionsJson.h"
#include "SearchIndex.h"
#include "SearchText.h"

namespace lacuna {
namespace {

const std::string SELECT_DRAFT =
    "SELECT gap_id, version, body, rationale, provisions, author_id, author_name, created_at FROM drafts ";
const std::string SELECT_LATEST_DRAFT = "SELECT COALESCE(MAX(version), 0) FROM drafts WHERE gap_id = ?";
const std::string INSERT_DRAFT =
    R"(INSERT INTO drafts (gap_id, version, body, rationale, provisions, author_id,
 author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?))";
const std::string BUMP_GAP = "UPDATE gaps SET version = version + 1, updated_at = ? WHERE id = ?";
const std::string SELECT_GAP_VERSION = "SELECT version FROM gaps WHERE id = ?";

Draft readDraft(const SqlStatement& r) {
    return Draft{.gapId = r.integer(0),
                 .version = r.integer(1),
                 .text = r.text(2),
                 .rationale = r.text(3),
                 .provisions = provisionsFromJson(r.text(4)),
                 .authorId = r.integer(5),
                 .authorName = r.text(6),
                 .createdAt = r.integer(7)};
}

/// The search index holds a gap's latest draft: its postings move from the previous version's text.
void reindexLatest(SqlSession& s, const Draft& stored, std::int64_t previous) {
    IndexedText old;
    if (previous > 0)
        if (const auto d = selectOne(s, SELECT_DRAFT + "WHERE gap_id = ? AND version = ?",
                                     {stored.gapId, previous}, readDraft))
            old = draftIndexText(d->text, d->rationale);
    searchindex::reindex(s, "draft", stored.gapId, old, draftIndexText(stored.text, stored.rationale));
}

void insertDraft(SqlSession& s, const Draft& d) {
    // The provision pages name every version's provisions.
    searchindex::writeDraftProvisions(s, d.gapId, d.version, d.provisions);
    s.prepare(INSERT_DRAFT)
        ->bind(d.gapId)
        .bind(d.version)
        .bind(d.text)
        .bind(d.rationale)
        .bind(provisionsJson(d.provisions))
        .bind(d.authorId)
        .bind(d.authorName)
        .bind(d.createdAt)
        .run();
}

}  // namespace

Draft SqlDraftRepository::save(const Draft& draft, std::int64_t expectedLatest, const GapEvent& event) {
    Draft stored = draft;
    _db.write([&](SqlSession& s) {
        // Bump the gap first: its row lock serialises two authors saving at once on MySQL too.
        if (s.prepare(BUMP_GAP)->bind(draft.createdAt).bind(draft.gapId).run() != 1)
            throw NotFound("no gap " + std::to_string(draft.gapId));
        const std::int64_t latest = selectInteger(s, SELECT_LATEST_DRAFT, {draft.gapId});
        requireVersion("latest draft", latest, expectedLatest);
        stored.version = latest + 1;
        reindexLatest(s, stored, latest);
        insertDraft(s, stored);
        GapEvent e = event;
        e.fieldsJson = EventData().number("draft_version", stored.version).str();
        eventlog::appendGapEvent(s, draft.gapId, selectInteger(s, SELECT_GAP_VERSION, {draft.gapId}), e);
    });
    return stored;
}

std::vector<Draft> SqlDraftRepository::list(std::int64_t gapId) {
    return queryRows(_db, SELECT_DRAFT + "WHERE gap_id = ? ORDER BY version", {gapId}, readDraft);
}

std::optional<Draft> SqlDraftRepository::find(std::int64_t gapId, std::int64_t version) {
    return queryOne(_db, SELECT_DRAFT + "WHERE gap_id = ? AND version = ?", {gapId, version}, readDraft);
}

std::int64_t SqlDraftRepository::latestVersion(std::int64_t gapId) {
    std::int64_t latest = 0;
    _db.query([&](SqlSession& s) { latest = selectInteger(s, SELECT_LATEST_DRAFT, {gapId}); });
    return latest;
}

}  // namespace lacuna
