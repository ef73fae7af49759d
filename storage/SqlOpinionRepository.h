#pragma once

#include "OpinionRepository.h"
#include "Sql.h"

namespace lacuna {

/// The statement listing the newest `limit` opinions in `state` of `municipality` (each optional) through
/// the index for those filters, named in `session`'s dialect; its parameters added to `params`. Public for
/// the plan tests.
std::string opinionListSql(const SqlSession& session, const std::optional<std::string>& state,
                           const std::optional<std::string>& municipality, std::size_t limit,
                           std::vector<SqlParameter>& params);

/// Advisory opinions with their question and answer versions and links.
class SqlOpinionRepository : public OpinionRepository {
public:
    explicit SqlOpinionRepository(SqlDatabase& db) : _db(db) {}
    Opinion create(const Opinion& opinion, int jalaliYear, const RecordEvent& event) override;
    std::optional<Opinion> find(std::int64_t id) override;
    std::vector<Opinion> list(const std::optional<std::string>& state,
                              const std::optional<std::string>& municipality, std::size_t limit) override;
    void save(const Opinion& opinion, std::int64_t expectedVersion, const RecordEvent& event,
              const std::optional<OpinionText>& text) override;
    std::vector<Opinion> onProvision(const std::string& key, std::size_t limit) override;
    std::vector<Opinion> linkedToGap(std::int64_t gapId, std::size_t limit) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
