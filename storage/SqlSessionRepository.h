#pragma once

#include "Sql.h"
#include "UserRepository.h"

namespace lacuna {

/// Bearer sessions and failed logins, in SQL both backends accept.
class SqlSessionRepository : public SessionRepository {
public:
    explicit SqlSessionRepository(SqlDatabase& db) : _db(db) {}
    void create(const std::string& tokenHash, std::int64_t userId, std::int64_t createdAt,
                std::int64_t expiresAt, const std::string& client, const std::string& userAgent) override;
    std::optional<SessionUser> findSessionUser(const std::string& tokenHash, std::int64_t now) override;
    void touch(const std::string& tokenHash, std::int64_t at, const std::string& client) override;
    void revoke(const std::string& tokenHash, std::int64_t at) override;
    LoginAttempt admitLoginAttempt(const std::string& username, const std::string& client, std::int64_t at,
                                   std::int64_t since, std::int64_t maxFailures) override;
    void clearLoginFailures(const std::string& username) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
