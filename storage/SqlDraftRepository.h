#pragma once

#include "DraftRepository.h"
#include "Sql.h"

namespace lacuna {

/// Amendment drafts: immutable versions per gap, with their provisions and search postings.
class SqlDraftRepository : public DraftRepository {
public:
    explicit SqlDraftRepository(SqlDatabase& db) : _db(db) {}
    Draft save(const Draft& draft, std::int64_t expectedLatest, const GapEvent& event) override;
    std::vector<Draft> list(std::int64_t gapId) override;
    std::optional<Draft> find(std::int64_t gapId, std::int64_t version) override;
    std::int64_t latestVersion(std::int64_t gapId) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
