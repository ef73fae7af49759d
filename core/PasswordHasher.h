#pragma once

#include <string>

namespace lacuna {

/// PBKDF2-HMAC-SHA256 password hashing, stored as `pbkdf2-sha256$<iterations>$<salt>$<hash>`
/// (base64). OWASP's 2023 minimum for this KDF is 600,000 iterations.
class PasswordHasher {
public:
    static constexpr int MIN_ITERATIONS = 600000;

    explicit PasswordHasher(int iterations = MIN_ITERATIONS);
    std::string hash(const std::string& password) const;
    /// Constant-time check; false for a malformed stored hash.
    bool verify(const std::string& password, const std::string& stored) const;

private:
    int _iterations;
};

/// `bytes` cryptographically random bytes, base64url without padding.
std::string randomToken(std::size_t bytes);

/// Lower-case hex SHA-256 of `text`; tokens are high-entropy, so a fast hash is enough to store them.
std::string sha256Hex(const std::string& text);

}  // namespace lacuna
