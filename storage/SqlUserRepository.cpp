#include "SqlUserRepository.h"

#include "Errors.h"
#include "EventData.h"
#include "EventLog.h"
#include "SqlMailRepository.h"
#include "UserRows.h"

namespace lacuna {
namespace {

const std::string INSERT_USER =
    R"(INSERT INTO users (username, password_hash, municipality, roles, created_at) VALUES (?, ?, ?, ?, ?))";
const std::string UPDATE_USER =
    "UPDATE users SET municipality = ?, roles = ?, version = version + 1 WHERE id = ? AND version = ?";
const std::string BUMP_USER = "UPDATE users SET version = version + 1 WHERE id = ?";
const std::string SET_DISABLED =
    "UPDATE users SET disabled_at = ?, version = version + 1 WHERE id = ? AND version = ?";
const std::string SET_PASSWORD = "UPDATE users SET password_hash = ? WHERE id = ?";
// A session is named by the first 16 hex digits of its token's hash (SessionInfo::id); the account's
// sessions are found by its index on user_id first.
const std::string LIVE_SESSIONS =
    "SELECT SUBSTR(token_hash, 1, 16), created_at, expires_at, client, user_agent, last_used_at, last_client "
    "FROM sessions WHERE user_id = ? "
    "AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC, token_hash LIMIT ?";
const std::string END_SESSION =
    "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? AND "
    "SUBSTR(token_hash, 1, 16) = ?";
// The account's live sessions but one (a token's hash; "" keeps none). An expired one needs no ending.
const std::string END_LIVE_SESSIONS =
    "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? AND "
    "token_hash <> ?";
const std::string DELETE_FEED = "DELETE FROM calendar_feeds WHERE user_id = ?";
const std::string INSERT_FEED =
    "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?)";

/// Within `s`'s transaction: the account's version goes up by one. Returns the account as it is now.
User bumpAccount(SqlSession& s, std::int64_t userId) {
    if (s.prepare(BUMP_USER)->bind(userId).run() != 1) throw NotFound("no user " + std::to_string(userId));
    return *selectOne(s, userrows::SELECT + "WHERE id = ?", {userId}, userrows::read);
}

/// Records a change of `user` (as bumpAccount gave it) in `s`'s transaction: the audit `event` is appended
/// and the `notice` of it, if any, is put in the outbox under the key of the account's new version.
void recordAccountChange(SqlSession& s, const User& user, const RecordEvent& event,
                         const std::optional<OutgoingMail>& notice) {
    eventlog::appendRecordEvent(s, event, user.id, user.version, user.username);
    if (notice) insertOutgoingMail(s, user.id, "account:" + std::to_string(user.version), *notice);
}

/// Changes what an account signs in or subscribes with: its version goes up by one, `change(s)` runs, the
/// audit `event` is appended and the `notice` of it, if any, is put in the outbox, in one transaction.
template <typename Change>
void changeSecret(SqlDatabase& db, std::int64_t userId, const RecordEvent& event, Change change,
                  const std::optional<OutgoingMail>& notice = std::nullopt) {
    db.write([&](SqlSession& s) {
        const User user = bumpAccount(s, userId);
        change(s);
        recordAccountChange(s, user, event, notice);
    });
}

}  // namespace

std::int64_t SqlUserRepository::create(const User& user, const RecordEvent& event) {
    std::int64_t id = 0;
    _db.write([&](SqlSession& s) {
        id = insertForId(s, INSERT_USER, [&](SqlStatement& insert) {
            insert.bind(user.username)
                .bind(user.passwordHash)
                .bind(user.municipality)
                .bind(joinRoles(user.roles))
                .bind(user.createdAt);
        });
        eventlog::appendRecordEvent(s, event, id, 1, user.username);
    });
    return id;
}

void SqlUserRepository::update(const User& user, std::int64_t expectedVersion, const RecordEvent& event) {
    _db.write([&](SqlSession& s) {
        eventlog::updateVersioned(
            s, UPDATE_USER,
            {user.municipality ? SqlParameter(*user.municipality) : SqlParameter(SqlNull{}),
             joinRoles(user.roles), user.id, expectedVersion},
            {"users", "user", user.id, expectedVersion});
        eventlog::appendRecordEvent(s, event, user.id, expectedVersion + 1, user.username);
    });
}

void SqlUserRepository::setDisabled(const User& user, std::optional<std::int64_t> disabledAt,
                                    std::int64_t expectedVersion, const RecordEvent& event) {
    _db.write([&](SqlSession& s) {
        eventlog::updateVersioned(
            s, SET_DISABLED,
            {disabledAt ? SqlParameter(*disabledAt) : SqlParameter(SqlNull{}), user.id, expectedVersion},
            {"users", "user", user.id, expectedVersion});
        // Sessions and the mail waiting end with the account; enabling it again brings none of them back.
        if (disabledAt) {
            s.prepare(END_LIVE_SESSIONS)->bind(event.at).bind(user.id).bind(event.at).bind("").run();
            withdrawPendingMail(s, user.id);
        }
        eventlog::appendRecordEvent(s, event, user.id, expectedVersion + 1, user.username);
    });
}

void SqlUserRepository::setPassword(std::int64_t userId, const std::string& passwordHash,
                                    const std::string& keepSessionHash, const RecordEvent& event,
                                    const std::optional<OutgoingMail>& notice) {
    changeSecret(
        _db, userId, event,
        [&](SqlSession& s) {
            s.prepare(SET_PASSWORD)->bind(passwordHash).bind(userId).run();
            s.prepare(END_LIVE_SESSIONS)
                ->bind(event.at)
                .bind(userId)
                .bind(event.at)
                .bind(keepSessionHash)
                .run();
        },
        notice);
}

void SqlUserRepository::setFeedToken(std::int64_t userId, const std::string& tokenHash,
                                     const RecordEvent& event) {
    changeSecret(_db, userId, event, [&](SqlSession& s) {
        s.prepare(DELETE_FEED)->bind(userId).run();
        s.prepare(INSERT_FEED)->bind(userId).bind(tokenHash).bind(event.at).run();
    });
}

std::optional<User> SqlUserRepository::findByFeedToken(const std::string& tokenHash) {
    return selectUser(
        _db,
        "SELECT " + userrows::COLUMNS_OF_U +
            " FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = ? AND u.disabled_at IS NULL",
        {tokenHash});
}

std::optional<User> SqlUserRepository::findByUsername(const std::string& username) {
    return selectUser(_db, userrows::SELECT + "WHERE username = ?", {username});
}

std::optional<User> SqlUserRepository::findById(std::int64_t id) {
    return selectUser(_db, userrows::SELECT + "WHERE id = ?", {id});
}

std::vector<SessionInfo> SqlUserRepository::liveSessions(std::int64_t userId, std::int64_t now,
                                                         std::size_t limit) {
    return queryRows(_db, LIVE_SESSIONS, {userId, now, static_cast<std::int64_t>(limit)},
                     [](const SqlStatement& r) {
                         return SessionInfo{.id = r.text(0),
                                            .createdAt = r.integer(1),
                                            .expiresAt = r.integer(2),
                                            .client = r.isNull(3) ? "" : r.text(3),
                                            .userAgent = r.isNull(4) ? "" : r.text(4),
                                            .lastUsedAt = r.optionalInteger(5).value_or(0),
                                            .lastClient = r.isNull(6) ? "" : r.text(6)};
                     });
}

void SqlUserRepository::endSession(std::int64_t userId, const std::string& sessionId,
                                   const RecordEvent& event, const std::optional<OutgoingMail>& notice) {
    changeSecret(
        _db, userId, event,
        [&](SqlSession& s) {
            if (s.prepare(END_SESSION)->bind(event.at).bind(userId).bind(event.at).bind(sessionId).run() == 0)
                throw NotFound("no live session " + sessionId + " of user " + std::to_string(userId));
        },
        notice);
}

std::int64_t SqlUserRepository::endSessions(std::int64_t userId, const std::string& keepTokenHash,
                                            RecordEvent event, const std::optional<OutgoingMail>& notice) {
    std::int64_t ended = 0;
    _db.write([&](SqlSession& s) {
        ended = s.prepare(END_LIVE_SESSIONS)
                    ->bind(event.at)
                    .bind(userId)
                    .bind(event.at)
                    .bind(keepTokenHash)
                    .run();
        if (ended == 0) return;
        event.dataJson = EventData().number("sessions", ended).str();
        recordAccountChange(s, bumpAccount(s, userId), event, notice);
    });
    return ended;
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
