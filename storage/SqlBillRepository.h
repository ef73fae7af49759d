#pragma once

#include "BillRepository.h"
#include "Sql.h"

namespace lacuna {

/// The statement that lists the newest bills, or (given `states` states) each state's newest for the
/// board, newest first; and its parameters. Public for the plan tests.
std::string billListSql(const SqlSession& session, std::size_t states);
std::vector<SqlParameter> billListParameters(const std::vector<std::string>& states, std::size_t limit);

/// Bills in the Majlis with their gaps, sponsors, objections and city positions.
class SqlBillRepository : public BillRepository {
public:
    explicit SqlBillRepository(SqlDatabase& db) : _db(db) {}
    Bill create(const Bill& bill, int jalaliYear, const RecordEvent& event,
                const GapChangesFor& gapChangesFor) override;
    std::optional<Bill> find(std::int64_t id) override;
    std::optional<Bill> findByReference(const std::string& reference) override;
    std::vector<Bill> list(const std::vector<std::string>& states, std::size_t limit) override;
    std::vector<std::int64_t> billsOfGap(std::int64_t gapId) override;
    void save(const Bill& bill, std::int64_t expectedVersion, const std::vector<RecordEvent>& events,
              const std::vector<GapStateChange>& gapChanges) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
