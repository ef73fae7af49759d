#include "SqliteUserRepository.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/StringTokenizer.h>

#include "PortableSql.h"

using namespace Poco::Data::Keywords;
using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;

namespace lacuna {
namespace {

using namespace portable_sql;

const char* const LAST_ID = "SELECT last_insert_rowid()";

std::string joinRoles(const std::vector<std::string>& roles) {
    std::string out;
    for (const auto& r : roles) out += (out.empty() ? "" : ",") + r;
    return out;
}

std::vector<User> readUsers(Statement& select) {
    select.execute();
    RecordSet rs(select);
    std::vector<User> users;
    for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
        User u;
        u.id = rs["id"].convert<Poco::Int64>();
        u.username = rs["username"].convert<std::string>();
        u.passwordHash = rs["password_hash"].convert<std::string>();
        if (!rs.isNull("municipality")) u.municipality = rs["municipality"].convert<std::string>();
        const Poco::StringTokenizer roles(rs["roles"].convert<std::string>(), ",",
                                          Poco::StringTokenizer::TOK_IGNORE_EMPTY);
        u.roles.assign(roles.begin(), roles.end());
        u.createdAt = rs["created_at"].convert<Poco::Int64>();
        users.push_back(std::move(u));
    }
    return users;
}

std::vector<User> selectUsers(SqliteDatabase& db, const std::string& sql,
                              Poco::Data::AbstractBinding::Ptr key) {
    std::vector<User> users;
    db.query([&](Session& s) {
        Statement select(s);
        select << sql;
        if (key) select.addBind(key);
        users = readUsers(select);
    });
    return users;
}

std::optional<User> readOne(SqliteDatabase& db, const std::string& sql,
                            Poco::Data::AbstractBinding::Ptr key) {
    std::vector<User> users = selectUsers(db, sql, key);
    if (users.empty()) return std::nullopt;
    return users.front();
}

}  // namespace

SqliteUserRepository::SqliteUserRepository(SqliteDatabase& db) : _db(db) {}

std::int64_t SqliteUserRepository::create(const User& user) {
    Poco::Int64 id = 0;
    _db.write([&](Session& s) {
        std::string username = user.username, hash = user.passwordHash, roles = joinRoles(user.roles);
        Poco::Nullable<std::string> municipality;
        if (user.municipality) municipality = *user.municipality;
        Poco::Int64 createdAt = user.createdAt;
        s << INSERT_USER, use(username), use(hash), use(municipality), use(roles), use(createdAt), now;
        s << LAST_ID, into(id), now;
    });
    return id;
}

std::optional<User> SqliteUserRepository::findByUsername(const std::string& username) {
    return readOne(_db, SELECT_USER_BY_NAME, bind(username));
}

std::optional<User> SqliteUserRepository::findById(std::int64_t id) {
    return readOne(_db, SELECT_USER_BY_ID, bind(static_cast<Poco::Int64>(id)));
}

std::vector<User> SqliteUserRepository::list() { return selectUsers(_db, SELECT_USERS, nullptr); }

std::int64_t SqliteUserRepository::count() {
    Poco::Int64 n = 0;
    _db.query([&](Session& s) { s << COUNT_USERS, into(n), now; });
    return n;
}

SqliteSessionRepository::SqliteSessionRepository(SqliteDatabase& db) : _db(db) {}

void SqliteSessionRepository::create(const std::string& tokenHash, std::int64_t userId,
                                     std::int64_t createdAt, std::int64_t expiresAt) {
    _db.write([&](Session& s) {
        std::string hash = tokenHash;
        Poco::Int64 user = userId, created = createdAt, expires = expiresAt;
        s << INSERT_SESSION, use(hash), use(user), use(created), use(expires), now;
    });
}

std::optional<User> SqliteSessionRepository::findSessionUser(const std::string& tokenHash,
                                                             std::int64_t now_) {
    std::vector<User> users;
    _db.query([&](Session& s) {
        Statement select(s);
        select << SELECT_SESSION_USER, bind(tokenHash), bind(static_cast<Poco::Int64>(now_));
        users = readUsers(select);
    });
    if (users.empty()) return std::nullopt;
    return users.front();
}

void SqliteSessionRepository::revoke(const std::string& tokenHash, std::int64_t at) {
    _db.write([&](Session& s) {
        std::string hash = tokenHash;
        Poco::Int64 when = at;
        s << REVOKE_SESSION, use(when), use(hash), now;
    });
}

void SqliteSessionRepository::recordLoginFailure(const std::string& username, const std::string& client,
                                                 std::int64_t at) {
    _db.write([&](Session& s) {
        std::string u = username, c = client;
        Poco::Int64 when = at;
        s << INSERT_FAILURE, use(u), use(c), use(when), now;
    });
}

LoginFailures SqliteSessionRepository::loginFailuresSince(const std::string& username,
                                                          const std::string& client, std::int64_t since) {
    LoginFailures f;
    _db.read([&](Session& s) {
        std::string u = username, c = client;
        Poco::Int64 from = since, count = 0, oldest = 0;
        s << COUNT_FAILURES_BY_USERNAME, use(u), use(from), into(count), into(oldest), now;
        f.byUsername = count;
        f.oldestByUsername = oldest;
        s << COUNT_FAILURES_BY_CLIENT, use(c), use(from), into(count), into(oldest), now;
        f.byClient = count;
        f.oldestByClient = oldest;
    });
    return f;
}

void SqliteSessionRepository::clearLoginFailures(const std::string& username) {
    _db.write([&](Session& s) {
        std::string u = username;
        s << DELETE_FAILURES, use(u), now;
    });
}

}  // namespace lacuna
