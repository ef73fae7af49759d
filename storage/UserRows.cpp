#include "UserRows.h"

#include <Poco/StringTokenizer.h>

namespace lacuna {

std::string joinRoles(const std::vector<std::string>& roles) {
    std::string out;
    for (const auto& r : roles) out += (out.empty() ? "" : ",") + r;
    return out;
}

std::vector<std::string> splitRoles(const std::string& column) {
    const Poco::StringTokenizer roles(column, ",", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    return {roles.begin(), roles.end()};
}

namespace userrows {

User read(const SqlStatement& row) {
    User u;
    u.id = row.integer(0);
    u.username = row.text(1);
    u.passwordHash = row.text(2);
    if (!row.isNull(3)) u.municipality = row.text(3);
    u.roles = splitRoles(row.text(4));
    u.createdAt = row.integer(5);
    u.version = row.integer(6);
    if (!row.isNull(7)) u.disabledAt = row.integer(7);
    return u;
}

}  // namespace userrows

std::optional<User> selectUser(SqlDatabase& db, const std::string& sql,
                               const std::vector<SqlParameter>& params) {
    std::optional<User> found;
    db.query([&](SqlSession& s) { found = selectOne(s, sql, params, userrows::read); });
    return found;
}

}  // namespace lacuna
