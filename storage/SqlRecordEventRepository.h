#pragma once

#include "RecordEventRepository.h"
#include "Sql.h"

namespace lacuna {

/// The audit records of meetings, bills, rulings, opinions and webhook subscriptions.
class SqlRecordEventRepository : public RecordEventRepository {
public:
    explicit SqlRecordEventRepository(SqlDatabase& db) : _db(db) {}
    std::vector<RecordEvent> history(const std::string& entityType, std::int64_t id) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
