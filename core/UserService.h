#pragma once

#include <optional>
#include <string>
#include <vector>

#include "Catalog.h"
#include "Clock.h"
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

/// Manages accounts: validation of names, roles and their scope; admin-only over the API.
class UserService {
public:
    static constexpr std::size_t MIN_PASSWORD_LENGTH = 10;
    static constexpr std::size_t MAX_PASSWORD_LENGTH = 1024;

    UserService(UserRepository& users, const Catalog& catalog, const PasswordHasher& hasher,
                const Clock& clock);

    /// Creates an account on behalf of an admin. Throws Forbidden, ValidationError, AlreadyExists.
    User addUser(const Principal& actor, const NewUser& user);
    /// Creates an account from the command line or at bootstrap (no principal to check).
    User addUserUnchecked(const NewUser& user);
    /// Creates an account whose password hash was computed already (demo seeding hashes once).
    User addUserWithHash(const NewUser& user, const std::string& passwordHash);
    std::vector<User> listUsers(const Principal& actor);
    /// When no account holds the admin role (a new store, or one where only `lacuna user add` ran),
    /// creates `admin` with `password` and returns true. Safe when two instances start at once: the
    /// loser of the race sees the account exists.
    bool ensureAdmin(const std::string& password);

private:
    void validate(const NewUser& user, bool checkPassword) const;

    UserRepository& _users;
    const Catalog& _catalog;
    const PasswordHasher& _hasher;
    const Clock& _clock;
};

}  // namespace lacuna
