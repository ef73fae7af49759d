#pragma once

#include "PrecedentRepository.h"
#include "SearchText.h"
#include "Sql.h"

namespace lacuna {

/// What the search index holds of one request, as the store has it now.
IndexedText indexedPrecedent(SqlSession& session, std::int64_t id);

/// Requests for a uniform precedent with their links and the cities' arguments.
class SqlPrecedentRepository : public PrecedentRepository {
public:
    explicit SqlPrecedentRepository(SqlDatabase& db) : _db(db) {}
    PrecedentRequest create(const PrecedentRequest& request, int jalaliYear,
                            const RecordEvent& event) override;
    std::optional<PrecedentRequest> find(std::int64_t id) override;
    std::vector<PrecedentRequest> list(const std::optional<std::string>& state, std::size_t limit) override;
    void save(const PrecedentRequest& request, std::int64_t expectedVersion, const RecordEvent& event,
              const std::optional<PrecedentDecision>& decision) override;
    void saveArguments(const PrecedentRequest& request, std::int64_t expectedVersion,
                       const RecordEvent& event) override;
    std::vector<PrecedentRequest> onProvision(const std::string& key, std::size_t limit) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
