#pragma once

#include "MysqlDatabase.h"
#include "UserRepository.h"

namespace lacuna {

/// Accounts in MySQL or MariaDB.
class MysqlUserRepository : public UserRepository {
public:
    explicit MysqlUserRepository(MysqlDatabase& db);
    std::int64_t create(const User& user) override;
    std::optional<User> findByUsername(const std::string& username) override;
    std::optional<User> findById(std::int64_t id) override;
    std::vector<User> list() override;
    std::int64_t count() override;

private:
    MysqlDatabase& _db;
};

/// Bearer sessions and failed logins in MySQL or MariaDB.
class MysqlSessionRepository : public SessionRepository {
public:
    explicit MysqlSessionRepository(MysqlDatabase& db);
    void create(const std::string& tokenHash, std::int64_t userId, std::int64_t createdAt,
                std::int64_t expiresAt) override;
    std::optional<User> findSessionUser(const std::string& tokenHash, std::int64_t now) override;
    void revoke(const std::string& tokenHash, std::int64_t at) override;
    void recordLoginFailure(const std::string& username, const std::string& client, std::int64_t at) override;
    LoginFailures loginFailuresSince(const std::string& username, const std::string& client,
                                     std::int64_t since) override;
    void clearLoginFailures(const std::string& username) override;

private:
    MysqlDatabase& _db;
};

}  // namespace lacuna
