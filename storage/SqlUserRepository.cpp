#include "SqlUserRepository.h"

#include "UserRows.h"

namespace lacuna {
namespace {

const std::string INSERT_USER =
    R"(INSERT INTO users (username, password_hash, municipality, roles, created_at) VALUES (?, ?, ?, ?, ?))";

}  // namespace

std::int64_t SqlUserRepository::create(const User& user) {
    std::int64_t id = 0;
    _db.write([&](SqlSession& s) {
        s.prepare(INSERT_USER)
            ->bind(user.username)
            .bind(user.passwordHash)
            .bind(user.municipality)
            .bind(joinRoles(user.roles))
            .bind(user.createdAt)
            .run();
        id = s.lastInsertId();
    });
    return id;
}

std::optional<User> SqlUserRepository::findByUsername(const std::string& username) {
    return selectUser(_db, userrows::SELECT + "WHERE username = ?", {username});
}

std::optional<User> SqlUserRepository::findById(std::int64_t id) {
    return selectUser(_db, userrows::SELECT + "WHERE id = ?", {id});
}

std::vector<User> SqlUserRepository::list() {
    std::vector<User> users;
    _db.query([&](SqlSession& s) {
        users = selectRows(s, userrows::SELECT + "ORDER BY username", {}, userrows::read);
    });
    return users;
}

std::int64_t SqlUserRepository::count() {
    std::int64_t n = 0;
    _db.query([&](SqlSession& s) { n = selectInteger(s, "SELECT COUNT(*) FROM users", {}); });
    return n;
}

}  // namespace lacuna
