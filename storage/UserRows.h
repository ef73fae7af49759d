#pragma once

#include <optional>
#include <string>
#include <vector>

#include "Sql.h"
#include "User.h"

namespace lacuna {

/// A user's roles as they sit in one column of the users table (comma-separated), both ways.
std::string joinRoles(const std::vector<std::string>& roles);
std::vector<std::string> splitRoles(const std::string& column);

namespace userrows {

/// A user's columns of the users table aliased `u`, as `read` takes them (for a join too).
inline const std::string COLUMNS_OF_U =
    "u.id, u.username, u.password_hash, u.municipality, u.roles, u.created_at, u.version, u.disabled_at";
/// How many columns COLUMNS_OF_U names: a join's own columns follow from this index.
inline constexpr int COLUMN_COUNT = 8;
/// `SELECT <a user's columns> FROM users u ` (a WHERE clause follows).
inline const std::string SELECT = "SELECT " + COLUMNS_OF_U + " FROM users u ";
/// A row of SELECT, or of any statement that selects the same columns in the same order.
User read(const SqlStatement& row);

}  // namespace userrows

/// The user `sql` (over userrows' columns) finds with `params`, read in one statement.
std::optional<User> selectUser(SqlDatabase& db, const std::string& sql,
                               const std::vector<SqlParameter>& params);

}  // namespace lacuna
