#pragma once

#include <string>
#include <vector>

namespace lacuna {

/// One numbered schema step of one SQL dialect, embedded from storage/<dialect>/migrations/.
struct Migration {
    int number;
    std::string name;
    std::string sql;
};

/// The statements of a migration script, split on `;` at the end of a line (comments dropped).
std::vector<std::string> splitStatements(const std::string& script);

const std::vector<Migration>& sqliteMigrations();
const std::vector<Migration>& mysqlMigrations();

}  // namespace lacuna
