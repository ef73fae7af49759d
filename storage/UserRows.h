#pragma once

#include <optional>
#include <string>
#include <vector>

#include "User.h"

namespace lacuna {

/// A user's roles as they sit in one column of the users table (comma-separated), both ways.
std::string joinRoles(const std::vector<std::string>& roles);
std::vector<std::string> splitRoles(const std::string& column);

/// The first user of a result, if any.
std::optional<User> firstUser(std::vector<User> users);

}  // namespace lacuna
