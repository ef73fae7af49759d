#pragma once

#include <optional>
#include <string>
#include <vector>

#include "AccountNotices.h"
#include "Catalog.h"
#include "Clock.h"
#include "Errors.h"
#include "PasswordHasher.h"
#include "UserRepository.h"

namespace lacuna {

/// What is needed to create an account.
struct NewUser {
    std::string username;
    std::string password;
    std::vector<std::string> roles;
    std::optional<std::string> municipality;
};

/// What an admin changes in an account.
struct AccountChange {
    std::vector<std::string> roles;
    std::optional<std::string> municipality;
};

/// Manages accounts: validation of names, roles and their scope; admin-only over the API.
class UserService {
public:
    static constexpr std::size_t MIN_PASSWORD_LENGTH = 10;
    static constexpr std::size_t MAX_PASSWORD_LENGTH = 1024;

    /// Adds to `errors`, under `field`, what keeps `password` from being one: not UTF-8, fewer than
    /// MIN_PASSWORD_LENGTH letters, more than MAX_PASSWORD_LENGTH bytes.
    static void checkPassword(FieldErrors& errors, const std::string& field, const std::string& password);

    UserService(UserRepository& users, const Catalog& catalog, const PasswordHasher& hasher,
                const AccountNotices& notices, const Clock& clock);

    /// Creates an account on behalf of an admin. Throws Forbidden, ValidationError, AlreadyExists.
    User addUser(const Principal& actor, const NewUser& user);
    /// Creates an account from the command line or at bootstrap (no principal to check).
    User addUserUnchecked(const NewUser& user);
    /// Creates an account whose password hash was computed already (demo seeding hashes once).
    User addUserWithHash(const NewUser& user, const std::string& passwordHash);
    std::vector<User> listUsers(const Principal& actor);
    /// One account (admin only).
    User getUser(const Principal& actor, std::int64_t id);
    /// An admin changes an account's roles and city (a session in use takes them at its next request); the
    /// last active admin keeps the role. `expectedVersion` is the account's version.
    User changeAccount(const Principal& actor, std::int64_t id, const AccountChange& change,
                       std::int64_t expectedVersion);
    /// An admin disables an account (a person who left: it cannot sign in, every session of it ends at once,
    /// its calendar feed stops, it is mailed nothing, it is offered for no assignment) or enables it again
    /// (with no session back), under the version read. Not one's own account, nor the last active admin.
    /// Asking for the state the account is in changes and records nothing.
    User setActive(const Principal& actor, std::int64_t id, bool active, std::int64_t expectedVersion);
    /// An admin gives another person's account a new password (one who forgot theirs, or whose password
    /// got out): every session of the account is revoked at once, and its owner is told by e-mail
    /// (AccountNotices). An admin's own password is changed with the current one
    /// (AuthService::changePassword), not here.
    void resetPassword(const Principal& actor, std::int64_t id, const std::string& password);
    /// The same from the command line (`lacuna user passwd`): the way back in for an admin who forgot
    /// the password. Throws NotFound for an unknown username.
    void resetPasswordUnchecked(const std::string& username, const std::string& password);
    /// The live sessions shown of one account (signed in, neither expired nor ended), the newest first.
    static constexpr std::size_t SESSIONS_SHOWN = 100;
    /// The live sessions of account `id` (at most SESSIONS_SHOWN), for its owner or an admin (Forbidden
    /// otherwise; NotFound for no account); the one whose token is `currentToken` is marked current.
    std::vector<SessionInfo> sessions(const Principal& actor, std::int64_t id,
                                      const std::string& currentToken);
    /// Ends one live session of account `id` at once (a browser left signed in elsewhere, a lost telephone),
    /// for its owner or an admin, with the audit event `session_ended` naming it and where it signed in from;
    /// ended by an admin, the owner is told by mail (AccountNotices). The account's other sessions and its
    /// password stay. NotFound when the account has no such session among those sessions() shows.
    void endSession(const Principal& actor, std::int64_t id, const std::string& sessionId);
    /// Ends every live session of account `id` at once, however many (a laptop stolen, a password typed on a
    /// shared computer), except the one of `currentToken`, the request's own, when it is of that account: an
    /// owner signs out everywhere else, an admin signs a person out everywhere. For its owner or an admin;
    /// NotFound for no account. One audit event `sessions_ended` with how many, and a mail telling the owner
    /// (AccountNotices), whoever did it: a stolen session could sign its owner out. Neither when no session
    /// was live but the request's. Returns how many ended.
    std::int64_t endOtherSessions(const Principal& actor, std::int64_t id, const std::string& currentToken);
    /// A new secret for the actor's own calendar feed, replacing the last (whose address stops working at
    /// once); only its hash is stored, so it is shown once.
    std::string resetFeed(const Principal& actor);
    /// The person whose calendar feed `secret` opens, if any.
    std::optional<Principal> feedOwner(const std::string& secret);
    /// When no account holds the admin role (a new store, or one where only `lacuna user add` ran),
    /// creates `admin` with `password` and returns true. Safe when two instances start at once: the
    /// loser of the race sees the account exists.
    bool ensureAdmin(const std::string& password);

private:
    void validate(const NewUser& user, bool checkPassword) const;
    void requireAdmin(const Principal& actor) const;
    /// Forbidden unless `actor` owns account `id` or is an admin; NotFound for no such account.
    void requireOwnerOrAdmin(const Principal& actor, std::int64_t id);
    User store(const NewUser& user, const std::string& passwordHash, const Principal& by);
    /// StateConflict when `user` is the last active admin (who must stay one).
    void requireAnotherAdmin(const User& user);
    void replacePassword(const Principal& by, const User& user, const std::string& password);
    /// Account `id`, read once, for its owner or an admin: Forbidden for anyone else, NotFound for none.
    User accountFor(const Principal& actor, std::int64_t id);
    /// The mail telling `account`'s owner of `notice` (its kind, time and details set), sessions ended by
    /// `actor`; none when the owner gave no address.
    std::optional<OutgoingMail> sessionsNotice(const Principal& actor, const User& account,
                                               AccountNotice notice);

    UserRepository& _users;
    const Catalog& _catalog;
    const PasswordHasher& _hasher;
    const AccountNotices& _notices;
    const Clock& _clock;
};

}  // namespace lacuna
