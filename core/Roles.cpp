#include "Roles.h"

#include <algorithm>

#include "Errors.h"
#include "User.h"

namespace lacuna {

const std::vector<std::string>& allRoles() {
    static const std::vector<std::string> ROLES = {std::string(roles::LEGAL_DIRECTOR),
                                                   std::string(roles::LEGAL_EXPERT),
                                                   std::string(roles::COMMITTEE_SECRETARY),
                                                   std::string(roles::COMMITTEE_MEMBER),
                                                   std::string(roles::LIAISON_OFFICER),
                                                   std::string(roles::OBSERVER),
                                                   std::string(roles::ADMIN)};
    return ROLES;
}

bool isKnownRole(std::string_view role) {
    const auto& all = allRoles();
    return std::find(all.begin(), all.end(), role) != all.end();
}

bool requiresMunicipality(std::string_view role) {
    return role == roles::LEGAL_DIRECTOR || role == roles::LEGAL_EXPERT || role == roles::COMMITTEE_MEMBER;
}

bool forbidsMunicipality(std::string_view role) {
    return role == roles::COMMITTEE_SECRETARY || role == roles::ADMIN;
}

void requireAdmin(const Principal& actor, const std::string& what) {
    if (!actor.hasRole(roles::ADMIN)) throw Forbidden("only an admin " + what);
}

}  // namespace lacuna
