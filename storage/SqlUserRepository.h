#pragma once

#include "Sql.h"
#include "UserRepository.h"

namespace lacuna {

/// Accounts, in SQL both backends accept.
class SqlUserRepository : public UserRepository {
public:
    explicit SqlUserRepository(SqlDatabase& db) : _db(db) {}
    std::int64_t create(const User& user, const RecordEvent& event) override;
    void update(const User& user, std::int64_t expectedVersion, const RecordEvent& event) override;
    std::optional<User> findByUsername(const std::string& username) override;
    std::optional<User> findById(std::int64_t id) override;
    std::vector<User> list() override;
    std::int64_t count() override;
    void setDisabled(const User& user, std::optional<std::int64_t> disabledAt, std::int64_t expectedVersion,
                     const RecordEvent& event) override;
    void setPassword(std::int64_t userId, const std::string& passwordHash, const std::string& keepSessionHash,
                     const RecordEvent& event, const std::optional<OutgoingMail>& notice) override;
    void setFeedToken(std::int64_t userId, const std::string& tokenHash, const RecordEvent& event) override;
    std::optional<User> findByFeedToken(const std::string& tokenHash) override;
    std::vector<SessionInfo> liveSessions(std::int64_t userId, std::int64_t now, std::size_t limit) override;
    void endSession(std::int64_t userId, const std::string& sessionId, const RecordEvent& event,
                    const std::optional<OutgoingMail>& notice) override;
    std::int64_t endSessions(std::int64_t userId, const std::string& keepTokenHash, RecordEvent event,
                             const std::optional<OutgoingMail>& notice) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
