#include "SqliteUserRepository.h"

#include "PortableSql.h"
#include "UserRows.h"

namespace lacuna {
namespace {

using namespace portable_sql;

const std::string LAST_ID = "SELECT last_insert_rowid()";

/// Reads every row of a SELECT over SELECT_USER's columns (id, username, password_hash,
/// municipality, roles, created_at).
std::vector<User> readUsers(SqliteStatement& select) {
    std::vector<User> users;
    while (select.step()) {
        User u;
        u.id = select.integer(0);
        u.username = select.text(1);
        u.passwordHash = select.text(2);
        if (!select.isNull(3)) u.municipality = select.text(3);
        u.roles = splitRoles(select.text(4));
        u.createdAt = select.integer(5);
        users.push_back(std::move(u));
    }
    return users;
}

template <typename... Keys>
std::vector<User> selectUsers(SqliteDatabase& db, const std::string& sql, const Keys&... keys) {
    std::vector<User> users;
    db.query([&](SqliteConnection& c) {
        auto select = c.prepare(sql);
        (select.bind(keys), ...);
        users = readUsers(select);
    });
    return users;
}

}  // namespace

SqliteUserRepository::SqliteUserRepository(SqliteDatabase& db) : _db(db) {}

std::int64_t SqliteUserRepository::create(const User& user) {
    std::int64_t id = 0;
    _db.write([&](SqliteConnection& c) {
        c.prepare(INSERT_USER)
            .bind(user.username)
            .bind(user.passwordHash)
            .bind(user.municipality)
            .bind(joinRoles(user.roles))
            .bind(user.createdAt)
            .run();
        auto last = c.prepare(LAST_ID);
        last.step();
        id = last.integer(0);
    });
    return id;
}

std::optional<User> SqliteUserRepository::findByUsername(const std::string& username) {
    return firstUser(selectUsers(_db, SELECT_USER_BY_NAME, username));
}

std::optional<User> SqliteUserRepository::findById(std::int64_t id) {
    return firstUser(selectUsers(_db, SELECT_USER_BY_ID, id));
}

std::vector<User> SqliteUserRepository::list() { return selectUsers(_db, SELECT_USERS); }

std::int64_t SqliteUserRepository::count() {
    std::int64_t n = 0;
    _db.query([&](SqliteConnection& c) {
        auto select = c.prepare(COUNT_USERS);
        if (select.step()) n = select.integer(0);
    });
    return n;
}

SqliteSessionRepository::SqliteSessionRepository(SqliteDatabase& db) : _db(db) {}

void SqliteSessionRepository::create(const std::string& tokenHash, std::int64_t userId,
                                     std::int64_t createdAt, std::int64_t expiresAt) {
    _db.write([&](SqliteConnection& c) {
        c.prepare(INSERT_SESSION).bind(tokenHash).bind(userId).bind(createdAt).bind(expiresAt).run();
    });
}

std::optional<User> SqliteSessionRepository::findSessionUser(const std::string& tokenHash, std::int64_t now) {
    return firstUser(selectUsers(_db, SELECT_SESSION_USER, tokenHash, now));
}

void SqliteSessionRepository::revoke(const std::string& tokenHash, std::int64_t at) {
    _db.write([&](SqliteConnection& c) { c.prepare(REVOKE_SESSION).bind(at).bind(tokenHash).run(); });
}

void SqliteSessionRepository::recordLoginFailure(const std::string& username, const std::string& client,
                                                 std::int64_t at) {
    _db.write(
        [&](SqliteConnection& c) { c.prepare(INSERT_FAILURE).bind(username).bind(client).bind(at).run(); });
}

LoginFailures SqliteSessionRepository::loginFailuresSince(const std::string& username,
                                                          const std::string& client, std::int64_t since) {
    LoginFailures f;
    _db.read([&](SqliteConnection& c) {
        const auto count = [&](const std::string& sql, const std::string& key, std::int64_t& n,
                               std::int64_t& oldest) {
            auto select = c.prepare(sql);
            select.bind(key).bind(since).step();
            n = select.integer(0);
            oldest = select.integer(1);
        };
        count(COUNT_FAILURES_BY_USERNAME, username, f.byUsername, f.oldestByUsername);
        count(COUNT_FAILURES_BY_CLIENT, client, f.byClient, f.oldestByClient);
    });
    return f;
}

void SqliteSessionRepository::clearLoginFailures(const std::string& username) {
    _db.write([&](SqliteConnection& c) { c.prepare(DELETE_FAILURES).bind(username).run(); });
}

}  // namespace lacuna
