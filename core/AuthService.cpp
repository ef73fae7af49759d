#include "AuthService.h"

#include <Poco/Logger.h>
#include <Poco/String.h>

#include <algorithm>

#include "Errors.h"
#include "JsonText.h"
#include "PersianText.h"
#include "RecordEvent.h"
#include "UserService.h"

namespace lacuna {

namespace {
constexpr std::size_t TOKEN_BYTES = 32;  // 256 bits
}

AuthService::AuthService(UserRepository& users, SessionRepository& sessions, const PasswordHasher& hasher,
                         const AccountNotices& notices, const Clock& clock, AuthSettings settings)
    : _users(users),
      _sessions(sessions),
      _hasher(hasher),
      _notices(notices),
      _clock(clock),
      _settings(settings) {}

const std::string& AuthService::dummyHash() {
    std::call_once(_dummyOnce, [this] { _dummyHash = _hasher.hash(randomToken(16)); });
    return _dummyHash;
}

void AuthService::admitAttempt(const std::string& username, const std::string& client, std::int64_t now) {
    // The attempt counts before its password is checked (and is cleared when it is right), so attempts
    // made at once cannot all slip under the limit.
    const auto attempt = _sessions.admitLoginAttempt(username, client, now, now - _settings.failureWindowMs,
                                                     _settings.maxFailedLogins);
    if (attempt.admitted) return;
    const LoginFailures& failures = attempt.failures;
    std::int64_t until = 0;
    if (failures.byUsername >= _settings.maxFailedLogins)
        until = std::max(until, failures.oldestByUsername + _settings.failureWindowMs);
    if (failures.byClient >= _settings.maxFailedLogins)
        until = std::max(until, failures.oldestByClient + _settings.failureWindowMs);
    const int seconds = static_cast<int>(std::max<std::int64_t>(1, (until - now + 999) / 1000));
    _throttled.fetch_add(1, std::memory_order_relaxed);
    throw TooManyRequests("too many failed logins; try again later", seconds);
}

IssuedSession AuthService::login(const std::string& rawUsername, const std::string& password,
                                 const std::string& client, const std::string& userAgent) {
    const std::string username = Poco::toLower(rawUsername);
    const std::int64_t now = _clock.nowMs();
    admitAttempt(username, client, now);
    const std::optional<User> user = _users.findByUsername(username);
    const bool valid = _hasher.verify(password, user ? user->passwordHash : dummyHash()) && user.has_value();
    if (!valid) {
        _failed.fetch_add(1, std::memory_order_relaxed);
        throw Unauthorized("wrong username or password");
    }
    // Said only to one who knows the password, and counted as a failure like a wrong one.
    if (user->disabledAt) {
        _failed.fetch_add(1, std::memory_order_relaxed);
        throw Unauthorized("this account is disabled; an admin can enable it again");
    }
    _sessions.clearLoginFailures(username);
    IssuedSession issued{randomToken(TOKEN_BYTES), now + _settings.tokenLifetimeMs, *user};
    _sessions.create(sha256Hex(issued.token), user->id, now, issued.expiresAt, client,
                     utf8Prefix(validUtf8(userAgent), USER_AGENT_KEPT));
    return issued;
}

Principal AuthService::authenticate(const std::string& token, const std::string& client) {
    if (token.empty()) throw Unauthorized("a bearer token is required");
    const std::string hash = sha256Hex(token);
    const std::int64_t now = _clock.nowMs();
    const auto session = _sessions.findSessionUser(hash, now);
    if (!session) throw Unauthorized("the token is unknown, expired or revoked");
    if (now - session->lastUsedAt >= TOUCH_EVERY_MS) {
        try {
            _sessions.touch(hash, now, client);
        } catch (const StoreUnavailable& e) {
            Poco::Logger::get("lacuna").warning("recording a session's use failed: " + e.message());
        }
    }
    return principalOf(session->user, client);
}

void AuthService::logout(const std::string& token) { _sessions.revoke(sha256Hex(token), _clock.nowMs()); }

void AuthService::changePassword(const Principal& actor, const std::string& token, const std::string& current,
                                 const std::string& next) {
    FieldErrors errors;
    if (current.empty()) errors.add("current_password", "required", "the password you sign in with now");
    UserService::checkPassword(errors, "new_password", next);
    if (!current.empty() && next == current)
        errors.add("new_password", "unchanged", "the new password is the one in use");
    errors.throwIfAny("the password change is not valid");
    const std::int64_t now = _clock.nowMs();
    admitAttempt(actor.username, actor.clientAddress, now);
    const std::optional<User> user = _users.findById(actor.userId);
    if (!user) throw Unauthorized("the account is gone");
    if (!_hasher.verify(current, user->passwordHash)) {
        _failed.fetch_add(1, std::memory_order_relaxed);
        throw ValidationError("the current password is wrong",
                              {{"current_password", "wrong", "not the password this account signs in with"}},
                              ValidationError::Kind::RuleViolation);
    }
    _sessions.clearLoginFailures(actor.username);
    const AccountNotice notice{.username = user->username,
                               .kind = "password_changed",
                               .clientAddress = actor.clientAddress,
                               .keptOwnSession = true,
                               .at = now};
    _users.setPassword(user->id, _hasher.hash(next), sha256Hex(token),
                       recordEvent(actor, "user", user->id, "password_changed", "", now),
                       _notices.compose(*user, notice));
}

}  // namespace lacuna
