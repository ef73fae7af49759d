#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

#include "AccountNotices.h"
#include "Clock.h"
#include "PasswordHasher.h"
#include "User.h"
#include "UserRepository.h"

namespace lacuna {

struct AuthSettings {
    std::int64_t tokenLifetimeMs = 12LL * 3600 * 1000;
    /// More failures than this within the window, by username or by client address, get 429.
    int maxFailedLogins = 5;
    std::int64_t failureWindowMs = 15LL * 60 * 1000;
};

/// A freshly issued bearer session; the token is shown once and only its hash is stored.
struct IssuedSession {
    std::string token;
    std::int64_t expiresAt = 0;
    User user;
};

/// Logs users in and out and turns bearer tokens into principals.
class AuthService {
public:
    AuthService(UserRepository& users, SessionRepository& sessions, const PasswordHasher& hasher,
                const AccountNotices& notices, const Clock& clock, AuthSettings settings);

    /// The characters of a User-Agent a session keeps (SessionInfo::userAgent).
    static constexpr std::size_t USER_AGENT_KEPT = 256;

    /// Throws TooManyRequests when the username or client is throttled, Unauthorized on bad credentials. The
    /// session keeps `client` and the first USER_AGENT_KEPT characters of `userAgent` to be told apart by.
    IssuedSession login(const std::string& username, const std::string& password, const std::string& client,
                        const std::string& userAgent);
    /// How often a session in use records when and from where it was last used (SessionInfo::lastUsedAt):
    /// at most one write per session in this time, however many requests it makes.
    static constexpr std::int64_t TOUCH_EVERY_MS = 5LL * 60 * 1000;

    /// Throws Unauthorized for an unknown, expired or revoked token. When the session's last recorded use is
    /// TOUCH_EVERY_MS old or more, this use from `client` is recorded; a store that cannot take that write
    /// does not refuse the request (the next one tries again).
    Principal authenticate(const std::string& token, const std::string& client);
    void logout(const std::string& token);
    /// The signed-in `actor` replaces their own password. `current` must be right: a wrong one counts as a
    /// failed login, throttled alike (TooManyRequests), and is refused naming `current_password`. Every
    /// other session of the account is revoked; the one of `token` (the request's) stays. The owner is told
    /// by e-mail (AccountNotices).
    void changePassword(const Principal& actor, const std::string& token, const std::string& current,
                        const std::string& next);

    /// Logins refused by the throttle since the service started, and wrong passwords (for the metrics).
    std::uint64_t throttledLogins() const { return _throttled.load(std::memory_order_relaxed); }
    std::uint64_t failedLogins() const { return _failed.load(std::memory_order_relaxed); }

private:
    UserRepository& _users;
    SessionRepository& _sessions;
    const PasswordHasher& _hasher;
    const AccountNotices& _notices;
    const Clock& _clock;
    AuthSettings _settings;
    /// Verified against for unknown usernames, so timing does not reveal which exist; made on the
    /// first such login rather than at every start (a PBKDF2 hash costs ~0.1 s).
    const std::string& dummyHash();
    /// Counts an attempt at `username`'s password from `client`; throws TooManyRequests when the throttle
    /// refuses it.
    void admitAttempt(const std::string& username, const std::string& client, std::int64_t now);

    std::once_flag _dummyOnce;
    std::string _dummyHash;
    std::atomic<std::uint64_t> _throttled{0};
    std::atomic<std::uint64_t> _failed{0};
};

}  // namespace lacuna
