#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "Gap.h"
#include "SearchText.h"
#include "Sql.h"

/// The search index and the provision keys, kept in the transaction of the change that makes them
/// stale; written once for both backends.
namespace lacuna::searchindex {

/// Brings the postings of one document from its old text to its new (empty old text: a new
/// document; empty new text: a removed one). Only the terms that change are written.
void reindex(SqlSession& session, const std::string& type, std::int64_t id, const std::string& oldTitle,
             const std::string& oldBody, const std::string& newTitle, const std::string& newBody);

/// The same, for documents as IndexedText gives them.
void reindex(SqlSession& session, const std::string& type, std::int64_t id, const IndexedText& before,
             const IndexedText& after);

/// Re-indexes a gap whose title and description are about to become these (reads the old ones).
void reindexGap(SqlSession& session, std::int64_t gapId, const std::string& title,
                const std::string& description);

/// Writes a gap's provisions (with their keys), replacing what it had when `replace`.
void writeGapProvisions(SqlSession& session, std::int64_t gapId, const std::vector<Provision>& provisions,
                        bool replace);

/// Writes the provision keys of one draft version (draft_provisions), in the order given.
void writeDraftProvisions(SqlSession& session, std::int64_t gapId, std::int64_t version,
                          const std::vector<Provision>& provisions);

/// Writes the provision keys of a ruling (ruling_provisions), in the order given.
void writeRulingProvisions(SqlSession& session, std::int64_t rulingId,
                           const std::vector<Provision>& provisions);

/// Writes the distinct provision keys of an opinion (opinion_provisions): those of its latest question
/// and latest answer, given together in `provisions`.
void writeOpinionProvisions(SqlSession& session, std::int64_t opinionId,
                            const std::vector<Provision>& provisions);

/// Indexes the gaps of a store that has gaps but no index yet (one written before the index
/// existed); does nothing otherwise. Returns how many gaps it indexed.
std::int64_t backfillSearchIndex(SqlSession& session);

}  // namespace lacuna::searchindex
