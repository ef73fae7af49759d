#pragma once

#include "SqliteDatabase.h"
#include "UserRepository.h"

namespace lacuna {

/// Accounts in SQLite.
class SqliteUserRepository : public UserRepository {
public:
    explicit SqliteUserRepository(SqliteDatabase& db);
    std::int64_t create(const User& user) override;
    std::optional<User> findByUsername(const std::string& username) override;
    std::optional<User> findById(std::int64_t id) override;
    std::vector<User> list() override;
    std::int64_t count() override;

private:
    SqliteDatabase& _db;
};

/// Bearer sessions and failed logins in SQLite.
class SqliteSessionRepository : public SessionRepository {
public:
    explicit SqliteSessionRepository(SqliteDatabase& db);
    void create(const std::string& tokenHash, std::int64_t userId, std::int64_t createdAt,
                std::int64_t expiresAt) override;
    std::optional<User> findSessionUser(const std::string& tokenHash, std::int64_t now) override;
    void revoke(const std::string& tokenHash, std::int64_t at) override;
    void recordLoginFailure(const std::string& username, const std::string& client, std::int64_t at) override;
    LoginFailures loginFailuresSince(const std::string& username, const std::string& client,
                                     std::int64_t since) override;
    void clearLoginFailures(const std::string& username) override;

private:
    SqliteDatabase& _db;
};

}  // namespace lacuna
