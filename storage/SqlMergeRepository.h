#pragma once

#include "MergeRepository.h"
#include "Sql.h"

namespace lacuna {

/// Merging a duplicate gap into its survivor.
class SqlMergeRepository : public MergeRepository {
public:
    explicit SqlMergeRepository(SqlDatabase& db) : _db(db) {}
    void merge(const GapStateChange& merged, const Gap& survivor, std::int64_t survivorExpectedVersion,
               const GapEvent& survivorEvent) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
