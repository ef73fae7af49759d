#include "SqlSessionRepository.h"

#include "UserRows.h"

namespace lacuna {
namespace {

const std::string INSERT_SESSION =
    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, client, user_agent, last_used_at, "
    "last_client) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
// Disabling an account revokes its sessions; the account's state is checked here too because a sign-in that
// read the account just before it was disabled may store its session just after.
const std::string SELECT_SESSION_USER = "SELECT " + userrows::COLUMNS_OF_U +
                                        R"(, s.last_used_at FROM sessions s JOIN users u ON u.id = s.user_id
 WHERE s.token_hash = ? AND s.expires_at > ? AND s.revoked_at IS NULL AND u.disabled_at IS NULL)";
const std::string TOUCH_SESSION =
    "UPDATE sessions SET last_used_at = ?, last_client = ? WHERE token_hash = ? AND revoked_at IS NULL";
const std::string REVOKE_SESSION =
    "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL";
const std::string INSERT_FAILURE = "INSERT INTO login_failures (username, client, at) VALUES (?, ?, ?)";
const std::string COUNT_FAILURES_BY_USERNAME =
    "SELECT COUNT(*), COALESCE(MIN(at), 0) FROM login_failures WHERE username = ? AND at > ?";
const std::string COUNT_FAILURES_BY_CLIENT =
    "SELECT COUNT(*), COALESCE(MIN(at), 0) FROM login_failures WHERE client = ? AND at > ?";
const std::string DELETE_FAILURES = "DELETE FROM login_failures WHERE username = ?";
const std::string FORGET_OLD_FAILURES = "DELETE FROM login_failures WHERE at <= ?";

/// How many failures since `since` a statement counts, and the oldest of them.
std::pair<std::int64_t, std::int64_t> countFailures(SqlSession& s, const std::string& sql,
                                                    const std::string& key, std::int64_t since) {
    return selectOne(s, sql, {key, since},
                     [](const SqlStatement& r) {
                         return std::pair<std::int64_t, std::int64_t>{r.integer(0), r.integer(1)};
                     })
        .value_or(std::pair<std::int64_t, std::int64_t>{0, 0});
}

}  // namespace

void SqlSessionRepository::create(const std::string& tokenHash, std::int64_t userId, std::int64_t createdAt,
                                  std::int64_t expiresAt, const std::string& client,
                                  const std::string& userAgent) {
    _db.write([&](SqlSession& s) {
        s.prepare(INSERT_SESSION)
            ->bind(tokenHash)
            .bind(userId)
            .bind(createdAt)
            .bind(expiresAt)
            .bind(client)
            .bind(userAgent)
            .bind(createdAt)
            .bind(client)
            .run();
    });
}

std::optional<SessionUser> SqlSessionRepository::findSessionUser(const std::string& tokenHash,
                                                                 std::int64_t now) {
    std::optional<SessionUser> found;
    _db.query([&](SqlSession& s) {
        found = selectOne(s, SELECT_SESSION_USER, {tokenHash, now}, [](const SqlStatement& row) {
            return SessionUser{userrows::read(row), row.optionalInteger(userrows::COLUMN_COUNT).value_or(0)};
        });
    });
    return found;
}

void SqlSessionRepository::touch(const std::string& tokenHash, std::int64_t at, const std::string& client) {
    _db.write([&](SqlSession& s) { s.prepare(TOUCH_SESSION)->bind(at).bind(client).bind(tokenHash).run(); });
}

void SqlSessionRepository::revoke(const std::string& tokenHash, std::int64_t at) {
    _db.write([&](SqlSession& s) { s.prepare(REVOKE_SESSION)->bind(at).bind(tokenHash).run(); });
}

SessionRepository::LoginAttempt SqlSessionRepository::admitLoginAttempt(const std::string& username,
                                                                        const std::string& client,
                                                                        std::int64_t at, std::int64_t since,
                                                                        std::int64_t maxFailures) {
    LoginAttempt attempt;
    const std::string userLock = "u:" + username, clientLock = "c:" + client;
    _db.write([&](SqlSession& s) {
        // One row per username and per address, locked for the rest of the transaction (always the
        // username's first, so two attempts cannot wait on each other): concurrent attempts on either
        // wait here, then count what the earlier ones recorded.
        for (const std::string& lock : {userLock, clientLock})
            s.prepare(s.claimRowSql("login_locks", "name"))->bind(lock).run();
        // Failures that no longer count, of any username or address, go: the table holds one window's.
        s.prepare(FORGET_OLD_FAILURES)->bind(since).run();
        LoginFailures& f = attempt.failures;
        std::tie(f.byUsername, f.oldestByUsername) =
            countFailures(s, COUNT_FAILURES_BY_USERNAME, username, since);
        std::tie(f.byClient, f.oldestByClient) = countFailures(s, COUNT_FAILURES_BY_CLIENT, client, since);
        attempt.admitted = f.byUsername < maxFailures && f.byClient < maxFailures;
        if (attempt.admitted) s.prepare(INSERT_FAILURE)->bind(username).bind(client).bind(at).run();
    });
    return attempt;
}

void SqlSessionRepository::clearLoginFailures(const std::string& username) {
    _db.write([&](SqlSession& s) { s.prepare(DELETE_FAILURES)->bind(username).run(); });
}

}  // namespace lacuna
