#pragma once

#include "GapRepository.h"
#include "Sql.h"

namespace lacuna {

/// Gaps, their provisions, search postings and events, in SQL both backends accept.
class SqlGapRepository : public GapRepository {
public:
    explicit SqlGapRepository(SqlDatabase& db) : _db(db) {}
    Gap create(const Gap& gap, int jalaliYear, const GapEvent& event) override;
    void update(const Gap& gap, std::int64_t expectedVersion, const GapEvent& event) override;
    void changeState(const GapStateChange& change) override;
    std::optional<Gap> find(std::int64_t id) override;
    std::optional<Gap> findByReference(const std::string& reference) override;
    std::vector<Gap> findMany(const std::vector<std::int64_t>& ids) override;
    GapPage list(const GapQuery& query) override;
    GapSummaryPage listSummaries(const GapQuery& query) override;
    std::map<std::string, std::int64_t> countByState(const GapQuery& query,
                                                     const std::vector<std::string>& states,
                                                     std::size_t cap) override;
    std::vector<GapEvent> history(std::int64_t gapId) override;
    std::vector<visibility::NamedGap> named(const std::vector<std::int64_t>& ids,
                                            const std::vector<std::string>& references) override;

private:
    /// The gap `sql` (a select by one key) finds.
    std::optional<Gap> findOne(const std::string& sql, const SqlParameter& key);

    SqlDatabase& _db;
};

}  // namespace lacuna
