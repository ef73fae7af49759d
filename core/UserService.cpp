#include "UserService.h"

#include <Poco/RegularExpression.h>
#include <Poco/String.h>

#include <algorithm>
#include <set>

#include "Errors.h"
#include "PersianText.h"
#include "Roles.h"

namespace lacuna {

UserService::UserService(UserRepository& users, const Catalog& catalog, const PasswordHasher& hasher,
                         const Clock& clock)
    : _users(users), _catalog(catalog), _hasher(hasher), _clock(clock) {}

void UserService::validate(const NewUser& user, bool checkPassword) const {
    FieldErrors errors;
    static const Poco::RegularExpression USERNAME("^[a-z0-9][a-z0-9._-]{2,63}$");
    if (!USERNAME.match(user.username))
        errors.add("username", "invalid",
                   "3 to 64 lower-case ASCII letters, digits, dots, dashes or underscores, starting with a "
                   "letter or digit");
    if (checkPassword) {
        if (!isValidUtf8(user.password))
            errors.add("password", "invalid_utf8", "the password is not valid UTF-8");
        else if (utf8Length(user.password) < MIN_PASSWORD_LENGTH)
            errors.add("password", "too_short", "at least 10 characters");
        else if (user.password.size() > MAX_PASSWORD_LENGTH)
            errors.add("password", "too_long", "at most 1024 bytes");
    }
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

User UserService::addUser(const Principal& actor, const NewUser& user) {
    if (!actor.hasRole(roles::ADMIN)) throw Forbidden("only an admin manages users");
    return addUserUnchecked(user);
}

User UserService::addUserUnchecked(const NewUser& user) {
    validate(user, true);
    return addUserWithHash(user, _hasher.hash(user.password));
}

User UserService::addUserWithHash(const NewUser& user, const std::string& passwordHash) {
    validate(user, false);
    User stored{0, user.username, passwordHash, user.municipality, user.roles, _clock.nowMs()};
    try {
        stored.id = _users.create(stored);
    } catch (const AlreadyExists&) {
        throw AlreadyExists("the username «" + user.username + "» is taken");
    }
    return stored;
}

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
    if (!actor.hasRole(roles::ADMIN)) throw Forbidden("only an admin manages users");
    return _users.list();
}

}  // namespace lacuna
