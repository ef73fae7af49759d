#pragma once

#include "GapRepository.h"
#include "MysqlDatabase.h"

namespace lacuna {

/// Gaps, their provisions and their events in MySQL or MariaDB.
class MysqlGapRepository : public GapRepository {
public:
    explicit MysqlGapRepository(MysqlDatabase& db);

    Gap create(const Gap& gap, int jalaliYear, const GapEvent& event) override;
    void update(const Gap& gap, std::int64_t expectedVersion, const GapEvent& event) override;
    void changeState(const GapStateChange& change) override;
    std::optional<Gap> find(std::int64_t id) override;
    std::optional<Gap> findByReference(const std::string& reference) override;
    GapPage list(const GapQuery& query) override;
    std::vector<GapEvent> history(std::int64_t gapId) override;

private:
    MysqlDatabase& _db;
};

}  // namespace lacuna
