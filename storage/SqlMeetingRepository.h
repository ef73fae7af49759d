#pragma once

#include "MeetingRepository.h"
#include "Sql.h"

namespace lacuna {

/// The statement of `query`'s meetings with the sizes of their parts (the calendar's and the list's), and
/// its parameters added to `params`. Public for the plan tests.
std::string meetingSummariesSql(const MeetingQuery& query, std::vector<SqlParameter>& params);

/// Committee meetings with their agenda, attendance, votes and decisions.
class SqlMeetingRepository : public MeetingRepository {
public:
    explicit SqlMeetingRepository(SqlDatabase& db) : _db(db) {}
    Meeting create(const Meeting& meeting, const RecordEvent& event) override;
    std::optional<Meeting> find(std::int64_t id) override;
    std::vector<Meeting> list(const MeetingQuery& query) override;
    std::vector<MeetingSummary> summaries(const MeetingQuery& query) override;
    void save(const Meeting& meeting, std::int64_t expectedVersion, const RecordEvent& event,
              const std::vector<GapStateChange>& gapChanges) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
