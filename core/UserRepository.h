#pragma once

#include <optional>
#include <string>
#include <vector>

#include "OutgoingMail.h"
#include "RecordEvent.h"
#include "User.h"

namespace lacuna {

/// A live session of an account (signed in, neither expired nor ended), as its owner and the admins see it:
/// never its token.
struct SessionInfo {
    std::string id;  ///< the first 16 hex digits of its token's hash: names it without giving it away
    std::int64_t createdAt = 0;
    std::int64_t expiresAt = 0;
    std::string client;     ///< the address it signed in from ("" for a session older than that record)
    std::string userAgent;  ///< the program it signed in with, as it named itself
    /// When and from which address it was last used: at sign-in, then renewed at most once every
    /// AuthService::TOUCH_EVERY_MS of use (0 and "" for a session not used since that was recorded).
    std::int64_t lastUsedAt = 0;
    std::string lastClient;
    bool current = false;  ///< the session of the request that asks
};

/// The account of a live session, and when the session was last used (0 when not recorded).
struct SessionUser {
    User user;
    std::int64_t lastUsedAt = 0;
};

/// Stores accounts.
class UserRepository {
public:
    virtual ~UserRepository() = default;
    /// Stores the user with the audit `event` of its creation and returns its id; throws AlreadyExists when
    /// the username is taken.
    virtual std::int64_t create(const User& user, const RecordEvent& event) = 0;
    /// Stores the user's roles and city if it is still at `expectedVersion`, with the audit `event`; throws
    /// VersionConflict or NotFound otherwise.
    virtual void update(const User& user, std::int64_t expectedVersion, const RecordEvent& event) = 0;
    virtual std::optional<User> findByUsername(const std::string& username) = 0;
    virtual std::optional<User> findById(std::int64_t id) = 0;
    virtual std::vector<User> list() = 0;
    virtual std::int64_t count() = 0;

    /// Disables the account since `disabledAt` (revoking every session of it, and withdrawing the mail still
    /// waiting in the outbox for it) or, when empty, enables it again, if it is still at `expectedVersion`,
    /// with the audit `event`; throws VersionConflict or NotFound otherwise.
    virtual void setDisabled(const User& user, std::optional<std::int64_t> disabledAt,
                             std::int64_t expectedVersion, const RecordEvent& event) = 0;
    /// Replaces the account's password hash and revokes every session of it but the one whose token hashes
    /// to `keepSessionHash` ("" keeps none), with the audit `event` and, when set, the `notice` telling the
    /// owner of it put in the mail outbox (under the key `account:<version>`), in one transaction (a change
    /// of the account: its version goes up by one). Throws NotFound.
    virtual void setPassword(std::int64_t userId, const std::string& passwordHash,
                             const std::string& keepSessionHash, const RecordEvent& event,
                             const std::optional<OutgoingMail>& notice) = 0;
    /// Replaces the person's calendar feed secret (only its hash is kept) with the audit `event` (a change of
    /// the account: its version goes up by one).
    virtual void setFeedToken(std::int64_t userId, const std::string& tokenHash,
                              const RecordEvent& event) = 0;
    /// Whose calendar feed secret hashes to `tokenHash`.
    virtual std::optional<User> findByFeedToken(const std::string& tokenHash) = 0;
    /// The account's live sessions at `now`, the newest first, at most `limit`.
    virtual std::vector<SessionInfo> liveSessions(std::int64_t userId, std::int64_t now,
                                                  std::size_t limit) = 0;
    /// Ends the account's live session `sessionId` (SessionInfo::id) at `event.at`, with the audit `event`
    /// and, when set, the `notice` telling the owner of it put in the outbox (under `account:<version>`), in
    /// one transaction (a change of the account: its version goes up by one). Throws NotFound when the
    /// account has no such session, or it has ended or expired.
    virtual void endSession(std::int64_t userId, const std::string& sessionId, const RecordEvent& event,
                            const std::optional<OutgoingMail>& notice) = 0;
    /// Ends every live session of account `userId` but the one whose token's hash is `keepTokenHash` (""
    /// keeps none), however many there are, at `event.at`. When any ended, the audit `event` is appended with
    /// how many as its data (`{"sessions": N}`), the `notice`, when set, is put in the outbox as for
    /// endSession, and the account's version goes up by one, in one transaction; when none was live, nothing
    /// is written. Returns how many ended.
    virtual std::int64_t endSessions(std::int64_t userId, const std::string& keepTokenHash, RecordEvent event,
                                     const std::optional<OutgoingMail>& notice) = 0;
};

/// Failed logins counted for one username and for one client address since a moment.
struct LoginFailures {
    std::int64_t byUsername = 0;
    std::int64_t byClient = 0;
    std::int64_t oldestByUsername = 0;  ///< time of the oldest counted failure, 0 when none
    std::int64_t oldestByClient = 0;
};

/// Stores bearer sessions (hashed tokens) and failed logins, so that any instance can check them.
class SessionRepository {
public:
    virtual ~SessionRepository() = default;
    /// Stores a new session with where it signed in from: the client's address and its User-Agent.
    virtual void create(const std::string& tokenHash, std::int64_t userId, std::int64_t createdAt,
                        std::int64_t expiresAt, const std::string& client, const std::string& userAgent) = 0;
    /// The user of a session that is neither expired at `now` nor revoked, and when it was last used (one
    /// query: it runs on every authenticated request). Its sign-in counts as its first use.
    virtual std::optional<SessionUser> findSessionUser(const std::string& tokenHash, std::int64_t now) = 0;
    /// Records that the session was used at `at` from `client`, unless it was revoked meanwhile.
    virtual void touch(const std::string& tokenHash, std::int64_t at, const std::string& client) = 0;
    virtual void revoke(const std::string& tokenHash, std::int64_t at) = 0;

    /// Counts an attempt to sign in before its password is checked, atomically with the count it is
    /// judged by: under the lock of its username and of its client address, the failures since `since`
    /// are counted and, when both are below `maxFailures`, the attempt is recorded as one (the caller
    /// clears the username's failures when the password is right). So N attempts at once check at most
    /// `maxFailures` passwords. `admitted` says whether this attempt may check its password. The failures
    /// at `since` or before, of any username or address, are deleted: they never count again.
    struct LoginAttempt {
        bool admitted = false;
        LoginFailures failures;  ///< before this attempt
    };
    virtual LoginAttempt admitLoginAttempt(const std::string& username, const std::string& client,
                                           std::int64_t at, std::int64_t since, std::int64_t maxFailures) = 0;
    virtual void clearLoginFailures(const std::string& username) = 0;
};

}  // namespace lacuna
