#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lacuna {

/// A stored account.
struct User {
    std::int64_t id = 0;
    std::string username;
    std::string passwordHash;
    std::optional<std::string> municipality;  ///< empty: the user acts in the committee
    std::vector<std::string> roles;
    std::int64_t createdAt = 0;
    std::int64_t version = 1;  ///< one more at each change of roles or city
    /// Since when an admin has disabled the account (it cannot sign in, its sessions and feed stop, it is
    /// mailed nothing); empty while it is active.
    std::optional<std::int64_t> disabledAt;

    bool hasRole(std::string_view role) const {
        return std::find(roles.begin(), roles.end(), role) != roles.end();
    }
};

/// Who is calling, as authenticated for one request.
struct Principal {
    std::int64_t userId = 0;
    std::string username;
    std::optional<std::string> municipality;
    std::vector<std::string> roles;
    std::string clientAddress;
    /// The request acting (its X-Request-Id), carried into the audit events it makes.
    std::string requestId;

    bool hasRole(std::string_view role) const {
        return std::find(roles.begin(), roles.end(), role) != roles.end();
    }
};

/// The account acting as itself (a background job, a feed), from `clientAddress`.
inline Principal principalOf(const User& user, std::string clientAddress = "") {
    return Principal{user.id, user.username, user.municipality, user.roles, std::move(clientAddress), ""};
}

/// A member city, as configured.
struct Municipality {
    std::string slug;
    std::string nameFa;
    std::string nameEn;
};

/// A labelled choice (gap category and the like), as configured.
struct LabelledSlug {
    std::string slug;
    std::string labelFa;
    std::string labelEn;
};

}  // namespace lacuna
