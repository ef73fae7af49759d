#pragma once

#include "RulingRepository.h"
#include "Sql.h"

namespace lacuna {

/// Appends `event` to a ruling's history at expectedVersion + 1 (VersionConflict when it is not there).
void appendRulingEvent(SqlSession& session, std::int64_t rulingId, std::int64_t expectedVersion,
                       const RecordEvent& event);

/// Court rulings, their links to gaps, and everything on one provision.
class SqlRulingRepository : public RulingRepository {
public:
    explicit SqlRulingRepository(SqlDatabase& db) : _db(db) {}
    Ruling create(const Ruling& ruling, const RecordEvent& event, const RulingAlert& alert) override;
    std::optional<Ruling> find(std::int64_t id) override;
    std::vector<Ruling> list(const RulingQuery& query) override;
    void link(std::int64_t rulingId, std::int64_t expectedVersion, const RulingLink& link,
              const RecordEvent& event) override;
    std::vector<GapSummary> gapsOnProvisions(const std::vector<std::string>& keys,
                                             std::size_t limit) override;
    std::vector<RulingConflict> conflicts(const ConflictQuery& query) override;
    ProvisionPage provision(const std::string& key, const ProvisionLimits& limits,
                            std::optional<std::int64_t> gapsBefore) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
