#include "AuthService.h"

#include <Poco/String.h>

#include <algorithm>

#include "Errors.h"

namespace lacuna {

namespace {
constexpr std::size_t TOKEN_BYTES = 32;  // 256 bits
}

AuthService::AuthService(UserRepository& users, SessionRepository& sessions, const PasswordHasher& hasher,
                         const Clock& clock, AuthSettings settings)
    : _users(users), _sessions(sessions), _hasher(hasher), _clock(clock), _settings(settings) {}

const std::string& AuthService::dummyHash() {
    std::call_once(_dummyOnce, [this] { _dummyHash = _hasher.hash(randomToken(16)); });
    return _dummyHash;
}

IssuedSession AuthService::login(const std::string& rawUsername, const std::string& password,
                                 const std::string& client) {
    const std::string username = Poco::toLower(rawUsername);
    const std::int64_t now = _clock.nowMs();
    // The attempt counts before its password is checked (and is cleared when it is right), so attempts
    // made at once cannot all slip under the limit.
    const auto attempt = _sessions.admitLoginAttempt(username, client, now, now - _settings.failureWindowMs,
                                                     _settings.maxFailedLogins);
    const LoginFailures& failures = attempt.failures;
    if (!attempt.admitted) {
        std::int64_t until = 0;
        if (failures.byUsername >= _settings.maxFailedLogins)
            until = std::max(until, failures.oldestByUsername + _settings.failureWindowMs);
        if (failures.byClient >= _settings.maxFailedLogins)
            until = std::max(until, failures.oldestByClient + _settings.failureWindowMs);
        const int seconds = static_cast<int>(std::max<std::int64_t>(1, (until - now + 999) / 1000));
        _throttled.fetch_add(1, std::memory_order_relaxed);
        throw TooManyRequests("too many failed logins; try again later", seconds);
    }
    const std::optional<User> user = _users.findByUsername(username);
    const bool valid = _hasher.verify(password, user ? user->passwordHash : dummyHash()) && user.has_value();
    if (!valid) {
        _failed.fetch_add(1, std::memory_order_relaxed);
        throw Unauthorized("wrong username or password");
    }
    _sessions.clearLoginFailures(username);
    IssuedSession issued{randomToken(TOKEN_BYTES), now + _settings.tokenLifetimeMs, *user};
    _sessions.create(sha256Hex(issued.token), user->id, now, issued.expiresAt);
    return issued;
}

Principal AuthService::authenticate(const std::string& token, const std::string& client) {
    if (token.empty()) throw Unauthorized("a bearer token is required");
    const auto user = _sessions.findSessionUser(sha256Hex(token), _clock.nowMs());
    if (!user) throw Unauthorized("the token is unknown, expired or revoked");
    return principalOf(*user, client);
}

void AuthService::logout(const std::string& token) { _sessions.revoke(sha256Hex(token), _clock.nowMs()); }

}  // namespace lacuna
