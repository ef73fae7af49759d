#include "MysqlUserRepository.h"

#include <cppconn/resultset.h>

#include "PortableSql.h"
#include "UserRows.h"

namespace lacuna {
namespace {

using namespace portable_sql;

using ResultPtr = std::unique_ptr<sql::ResultSet>;

const std::string LAST_ID = "SELECT LAST_INSERT_ID()";

std::vector<User> readUsers(sql::PreparedStatement& select) {
    ResultPtr rs(select.executeQuery());
    std::vector<User> users;
    while (rs->next()) {
        User u;
        u.id = rs->getInt64("id");
        u.username = rs->getString("username").asStdString();
        u.passwordHash = rs->getString("password_hash").asStdString();
        if (!rs->isNull("municipality")) u.municipality = rs->getString("municipality").asStdString();
        u.roles = splitRoles(rs->getString("roles").asStdString());
        u.createdAt = rs->getInt64("created_at");
        users.push_back(std::move(u));
    }
    return users;
}

void bindParameter(sql::PreparedStatement& s, unsigned index, const std::string& value) {
    s.setString(index, value);
}
void bindParameter(sql::PreparedStatement& s, unsigned index, std::int64_t value) {
    s.setInt64(index, value);
}

/// Every user a SELECT over SELECT_USER's columns finds, with `keys` bound in order.
template <typename... Keys>
std::vector<User> selectUsers(MysqlDatabase& db, const std::string& sql, const Keys&... keys) {
    std::vector<User> users;
    db.read([&](MysqlConnection& c) {
        sql::PreparedStatement& select = c.prepare(sql);
        [[maybe_unused]] unsigned index = 0;
        (bindParameter(select, ++index, keys), ...);
        users = readUsers(select);
    });
    return users;
}

}  // namespace

MysqlUserRepository::MysqlUserRepository(MysqlDatabase& db) : _db(db) {}

std::int64_t MysqlUserRepository::create(const User& user) {
    std::int64_t id = 0;
    _db.write([&](MysqlConnection& c) {
        sql::PreparedStatement& insert = c.prepare(INSERT_USER);
        insert.setString(1, user.username);
        insert.setString(2, user.passwordHash);
        if (user.municipality)
            insert.setString(3, *user.municipality);
        else
            insert.setNull(3, sql::DataType::VARCHAR);
        insert.setString(4, joinRoles(user.roles));
        insert.setInt64(5, user.createdAt);
        insert.executeUpdate();
        ResultPtr rs(c.prepare(LAST_ID).executeQuery());
        rs->next();
        id = rs->getInt64(1);
    });
    return id;
}

std::optional<User> MysqlUserRepository::findByUsername(const std::string& username) {
    return firstUser(selectUsers(_db, SELECT_USER_BY_NAME, username));
}

std::optional<User> MysqlUserRepository::findById(std::int64_t id) {
    return firstUser(selectUsers(_db, SELECT_USER_BY_ID, id));
}

std::vector<User> MysqlUserRepository::list() { return selectUsers(_db, SELECT_USERS); }

std::int64_t MysqlUserRepository::count() {
    std::int64_t n = 0;
    _db.read([&](MysqlConnection& c) {
        ResultPtr rs(c.prepare(COUNT_USERS).executeQuery());
        rs->next();
        n = rs->getInt64(1);
    });
    return n;
}

MysqlSessionRepository::MysqlSessionRepository(MysqlDatabase& db) : _db(db) {}

void MysqlSessionRepository::create(const std::string& tokenHash, std::int64_t userId, std::int64_t createdAt,
                                    std::int64_t expiresAt) {
    _db.write([&](MysqlConnection& c) {
        sql::PreparedStatement& insert = c.prepare(INSERT_SESSION);
        insert.setString(1, tokenHash);
        insert.setInt64(2, userId);
        insert.setInt64(3, createdAt);
        insert.setInt64(4, expiresAt);
        insert.executeUpdate();
    });
}

std::optional<User> MysqlSessionRepository::findSessionUser(const std::string& tokenHash, std::int64_t now) {
    return firstUser(selectUsers(_db, SELECT_SESSION_USER, tokenHash, now));
}

void MysqlSessionRepository::revoke(const std::string& tokenHash, std::int64_t at) {
    _db.write([&](MysqlConnection& c) {
        sql::PreparedStatement& update = c.prepare(REVOKE_SESSION);
        update.setInt64(1, at);
        update.setString(2, tokenHash);
        update.executeUpdate();
    });
}

void MysqlSessionRepository::recordLoginFailure(const std::string& username, const std::string& client,
                                                std::int64_t at) {
    _db.write([&](MysqlConnection& c) {
        sql::PreparedStatement& insert = c.prepare(INSERT_FAILURE);
        insert.setString(1, username);
        insert.setString(2, client);
        insert.setInt64(3, at);
        insert.executeUpdate();
    });
}

LoginFailures MysqlSessionRepository::loginFailuresSince(const std::string& username,
                                                         const std::string& client, std::int64_t since) {
    LoginFailures f;
    _db.read([&](MysqlConnection& c) {
        const auto count = [&](const std::string& sql, const std::string& key, std::int64_t& n,
                               std::int64_t& oldest) {
            sql::PreparedStatement& select = c.prepare(sql);
            select.setString(1, key);
            select.setInt64(2, since);
            ResultPtr rs(select.executeQuery());
            rs->next();
            n = rs->getInt64(1);
            oldest = rs->getInt64(2);
        };
        count(COUNT_FAILURES_BY_USERNAME, username, f.byUsername, f.oldestByUsername);
        count(COUNT_FAILURES_BY_CLIENT, client, f.byClient, f.oldestByClient);
    });
    return f;
}

void MysqlSessionRepository::clearLoginFailures(const std::string& username) {
    _db.write([&](MysqlConnection& c) {
        sql::PreparedStatement& remove = c.prepare(DELETE_FAILURES);
        remove.setString(1, username);
        remove.executeUpdate();
    });
}

}  // namespace lacuna
