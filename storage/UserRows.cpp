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

std::optional<User> firstUser(std::vector<User> users) {
    if (users.empty()) return std::nullopt;
    return std::move(users.front());
}

}  // namespace lacuna
