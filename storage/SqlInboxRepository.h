#pragma once

#include "InboxRepository.h"
#include "Sql.h"

namespace lacuna {

/// Clocks, notifications and watches.
class SqlInboxRepository : public InboxRepository {
public:
    explicit SqlInboxRepository(SqlDatabase& db) : _db(db) {}
    std::vector<DueItem> dueBefore(std::int64_t until, std::size_t limit) override;
    std::vector<Notification> notifications(std::int64_t userId, bool unreadOnly, std::size_t limit) override;
    std::vector<Notification> notificationsAfter(std::int64_t userId, std::int64_t afterId,
                                                 std::size_t limit) override;
    int markRead(std::int64_t userId, const std::vector<std::int64_t>& ids, std::int64_t at) override;
    void watch(std::int64_t gapId, std::int64_t userId, bool on) override;
    bool watches(std::int64_t gapId, std::int64_t userId) override;
    std::vector<DueItem> gapsInStates(const std::vector<std::string>& states,
                                      const std::optional<std::string>& municipality,
                                      std::size_t limit) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
