#include "UserService.h"

#include <Poco/RegularExpression.h>
#include <Poco/String.h>

#include <algorithm>
#include <set>

#include "Errors.h"
#include "EventData.h"
#include "PasswordHasher.h"
#include "PersianText.h"
#include "Roles.h"

namespace lacuna {

UserService::UserService(UserRepository& users, const Catalog& catalog, const PasswordHasher& hasher,
                         const AccountNotices& notices, const Clock& clock)
    : _users(users), _catalog(catalog), _hasher(hasher), _notices(notices), _clock(clock) {}

void UserService::checkPassword(FieldErrors& errors, const std::string& field, const std::string& password) {
    if (!isValidUtf8(password))
        errors.add(field, "invalid_utf8", "the password is not valid UTF-8");
    else if (utf8Length(password) < MIN_PASSWORD_LENGTH)
        errors.add(field, "too_short", "at least " + std::to_string(MIN_PASSWORD_LENGTH) + " characters");
    else if (password.size() > MAX_PASSWORD_LENGTH)
        errors.add(field, "too_long", "at most " + std::to_string(MAX_PASSWORD_LENGTH) + " bytes");
}

void UserService::validate(const NewUser& user, bool checkPassword) const {
    FieldErrors errors;
    static const Poco::RegularExpression USERNAME("^[a-z0-9][a-z0-9._-]{2,63}$");
    if (!USERNAME.match(user.username))
        errors.add("username", "invalid",
                   "3 to 64 lower-case ASCII letters, digits, dots, dashes or underscores, starting with a "
                   "letter or digit");
    if (checkPassword) UserService::checkPassword(errors, "password", user.password);
    if (user.roles.empty()) errors.add("roles", "required", "at least one role");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < user.roles.size(); ++i) {
        const std::string& role = user.roles[i];
        const std::string field = "roles[" + std::to_string(i) + "]";
        if (!isKnownRole(role))
            errors.add(field, "unknown", "unknown role «" + role + "»");
        else if (!seen.insert(role).second)
            errors.add(field, "duplicate", "role given twice");
        else if (requiresMunicipality(role) && !user.municipality)
            errors.add("municipality", "required", "role " + role + " is held in a municipality");
        else if (forbidsMunicipality(role) && user.municipality)
            errors.add(field, "committee_only", "role " + role + " is held in the committee, not in a city");
    }
    if (user.municipality && !_catalog.findMunicipality(*user.municipality))
        errors.add("municipality", "unknown", "no municipality «" + *user.municipality + "»");
    errors.throwIfAny("the user is not valid");
}

namespace {

/// Who changes an account from the command line or at start: no one signed in.
const Principal SYSTEM{0, "system", std::nullopt, {}, ""};

/// An account's roles and city as its audit event records them.
std::string accountData(const User& user) {
    EventData data;
    data.texts("roles", user.roles);
    if (user.municipality) data.text("municipality", *user.municipality);
    return data.str();
}

}  // namespace

User UserService::addUser(const Principal& actor, const NewUser& user) {
    requireAdmin(actor);
    validate(user, true);
    return store(user, _hasher.hash(user.password), actor);
}

User UserService::addUserUnchecked(const NewUser& user) {
    validate(user, true);
    return store(user, _hasher.hash(user.password), SYSTEM);
}

User UserService::addUserWithHash(const NewUser& user, const std::string& passwordHash) {
    return store(user, passwordHash, SYSTEM);
}

User UserService::store(const NewUser& user, const std::string& passwordHash, const Principal& by) {
    validate(user, false);
    User stored{0, user.username, passwordHash, user.municipality, user.roles, _clock.nowMs()};
    RecordEvent e = recordEvent(by, "user", 0, "created", "", stored.createdAt);
    e.dataJson = accountData(stored);
    try {
        stored.id = _users.create(stored, e);
    } catch (const AlreadyExists&) {
        throw AlreadyExists("the username «" + user.username + "» is taken");
    }
    return stored;
}

User UserService::changeAccount(const Principal& actor, std::int64_t id, const AccountChange& change,
                                std::int64_t expectedVersion) {
    requireAdmin(actor);
    User user = getUser(actor, id);
    validate({user.username, "", change.roles, change.municipality}, false);
    if (std::find(change.roles.begin(), change.roles.end(), roles::ADMIN) == change.roles.end())
        requireAnotherAdmin(user);
    requireVersion("user", user.version, expectedVersion);
    user.roles = change.roles;
    user.municipality = change.municipality;
    RecordEvent e = recordEvent(actor, "user", user.id, "changed", "", _clock.nowMs());
    e.dataJson = accountData(user);
    _users.update(user, expectedVersion, e);
    user.version = expectedVersion + 1;
    return user;
}

void UserService::requireAnotherAdmin(const User& user) {
    // The service must keep someone who can manage it: an admin whose account is active.
    if (!user.hasRole(roles::ADMIN) || user.disabledAt) return;
    const auto users = _users.list();
    if (std::none_of(users.begin(), users.end(), [&](const User& u) {
            return u.id != user.id && u.hasRole(roles::ADMIN) && !u.disabledAt;
        }))
        throw StateConflict("«" + user.username +
                            "» is the only active admin; give the role to another first");
}

User UserService::setActive(const Principal& actor, std::int64_t id, bool active,
                            std::int64_t expectedVersion) {
    requireAdmin(actor);
    User user = getUser(actor, id);
    if (!active && user.id == actor.userId)
        throw ValidationError("an admin does not disable their own account",
                              {{"active", "own_account", "another admin disables this account"}},
                              ValidationError::Kind::RuleViolation);
    requireVersion("user", user.version, expectedVersion);
    if (active == !user.disabledAt) return user;  // as asked already: nothing changes, nothing is recorded
    if (!active) requireAnotherAdmin(user);
    const std::int64_t now = _clock.nowMs();
    user.disabledAt = active ? std::nullopt : std::optional<std::int64_t>(now);
    _users.setDisabled(user, user.disabledAt, expectedVersion,
                       recordEvent(actor, "user", user.id, active ? "enabled" : "disabled", "", now));
    user.version = expectedVersion + 1;
    return user;
}

void UserService::resetPassword(const Principal& actor, std::int64_t id, const std::string& password) {
    requireAdmin(actor);
    FieldErrors errors;
    checkPassword(errors, "password", password);
    errors.throwIfAny("the password is not valid");
    const User user = getUser(actor, id);
    if (user.id == actor.userId)
        throw ValidationError(
            "an admin changes their own password with the current one",
            {{"password", "own_account", "use PUT /api/v1/me/password, with the current password"}},
            ValidationError::Kind::RuleViolation);
    replacePassword(actor, user, password);
}

void UserService::resetPasswordUnchecked(const std::string& username, const std::string& password) {
    FieldErrors errors;
    checkPassword(errors, "password", password);
    errors.throwIfAny("the password is not valid");
    const auto user = _users.findByUsername(username);
    if (!user) throw NotFound("no user «" + username + "»");
    replacePassword(SYSTEM, *user, password);
}

void UserService::replacePassword(const Principal& by, const User& user, const std::string& password) {
    const std::int64_t now = _clock.nowMs();
    const AccountNotice notice{.username = user.username,
                               .kind = "password_reset",
                               .by = by.userId ? by.username : "",
                               .clientAddress = by.clientAddress,
                               .at = now};
    _users.setPassword(user.id, _hasher.hash(password), "",
                       recordEvent(by, "user", user.id, "password_reset", "", now),
                       _notices.compose(user, notice));
}

User UserService::getUser(const Principal& actor, std::int64_t id) {
    requireAdmin(actor);
    auto user = _users.findById(id);
    if (!user) throw NotFound("no user " + std::to_string(id));
    return *user;
}

std::string UserService::resetFeed(const Principal& actor) {
    if (!actor.userId) throw Forbidden("a signed-in person has a calendar feed");
    const std::string secret = randomToken(32);
    _users.setFeedToken(actor.userId, sha256Hex(secret),
                        recordEvent(actor, "user", actor.userId, "feed_reset", "", _clock.nowMs()));
    return secret;
}

void UserService::requireOwnerOrAdmin(const Principal& actor, std::int64_t id) {
    if (actor.userId == id && actor.userId != 0) return;
    getUser(actor, id);  // Forbidden for anyone but an admin
}

std::vector<SessionInfo> UserService::sessions(const Principal& actor, std::int64_t id,
                                               const std::string& currentToken) {
    requireOwnerOrAdmin(actor, id);
    std::vector<SessionInfo> live = _users.liveSessions(id, _clock.nowMs(), SESSIONS_SHOWN);
    if (!currentToken.empty()) {
        const std::string current = sha256Hex(currentToken).substr(0, 16);
        for (SessionInfo& s : live) s.current = s.id == current;
    }
    return live;
}

void UserService::endSession(const Principal& actor, std::int64_t id, const std::string& sessionId) {
    const User account = accountFor(actor, id);
    const std::int64_t now = _clock.nowMs();
    const std::vector<SessionInfo> live = _users.liveSessions(id, now, SESSIONS_SHOWN);
    const auto session =
        std::find_if(live.begin(), live.end(), [&](const SessionInfo& s) { return s.id == sessionId; });
    if (session == live.end()) throw NotFound("no live session «" + sessionId + "» of this account");
    RecordEvent e = recordEvent(actor, "user", id, "session_ended", "", now);
    e.dataJson = EventData()
                     .text("session", session->id)
                     .text("client", session->client)
                     .text("user_agent", session->userAgent)
                     .str();
    // The owner ending one of their own sessions is not told of it; a session ended for them is.
    std::optional<OutgoingMail> notice;
    if (actor.userId != id)
        notice = sessionsNotice(actor, account,
                                {.kind = "session_ended", .sessionClient = session->client, .at = now});
    _users.endSession(id, session->id, e, notice);
}

std::int64_t UserService::endOtherSessions(const Principal& actor, std::int64_t id,
                                           const std::string& currentToken) {
    const User account = accountFor(actor, id);
    const std::int64_t now = _clock.nowMs();
    return _users.endSessions(
        id, currentToken.empty() ? "" : sha256Hex(currentToken),
        recordEvent(actor, "user", id, "sessions_ended", "", now),
        sessionsNotice(actor, account,
                       {.kind = "sessions_ended", .keptOwnSession = actor.userId == id, .at = now}));
}

User UserService::accountFor(const Principal& actor, std::int64_t id) {
    if (actor.userId != id || actor.userId == 0) return getUser(actor, id);  // Forbidden for all but an admin
    const auto own = _users.findById(id);
    if (!own) throw NotFound("no user " + std::to_string(id));
    return *own;
}

std::optional<OutgoingMail> UserService::sessionsNotice(const Principal& actor, const User& account,
                                                        AccountNotice notice) {
    notice.username = account.username;
    notice.by = actor.userId == account.id ? "" : actor.username;
    notice.clientAddress = actor.clientAddress;
    return _notices.compose(account, notice);
}

std::optional<Principal> UserService::feedOwner(const std::string& secret) {
    if (secret.empty() || secret.size() > 128) return std::nullopt;
    const auto user = _users.findByFeedToken(sha256Hex(secret));
    if (!user) return std::nullopt;
    return principalOf(*user);
}

void UserService::requireAdmin(const Principal& actor) const { lacuna::requireAdmin(actor, "manages users"); }

bool UserService::ensureAdmin(const std::string& password) {
    const auto users = _users.list();
    if (std::any_of(users.begin(), users.end(), [](const User& u) { return u.hasRole(roles::ADMIN); }))
        return false;
    try {
        addUserUnchecked({"admin", password, {std::string(roles::ADMIN)}, std::nullopt});
        return true;
    } catch (const AlreadyExists&) {
        return false;
    }
}

std::vector<User> UserService::listUsers(const Principal& actor) {
    requireAdmin(actor);
    return _users.list();
}

}  // namespace lacuna
