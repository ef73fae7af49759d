#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lacuna {

struct Principal;

/// The roles of DESIGN.md. A user holds roles in one municipality, or in the committee when the
/// user has no municipality.
namespace roles {
inline constexpr std::string_view LEGAL_DIRECTOR = "legal_director";
inline constexpr std::string_view LEGAL_EXPERT = "legal_expert";
inline constexpr std::string_view COMMITTEE_SECRETARY = "committee_secretary";
inline constexpr std::string_view COMMITTEE_MEMBER = "committee_member";
inline constexpr std::string_view LIAISON_OFFICER = "liaison_officer";
inline constexpr std::string_view OBSERVER = "observer";
inline constexpr std::string_view ADMIN = "admin";
}  // namespace roles

/// Every role name, in a stable order.
const std::vector<std::string>& allRoles();
bool isKnownRole(std::string_view role);
/// Roles that only make sense inside one city (they act for that city).
bool requiresMunicipality(std::string_view role);
/// Roles that only make sense in the committee (they act for every city).
bool forbidsMunicipality(std::string_view role);
/// Forbidden («only an admin <what>») unless `actor` is an admin.
void requireAdmin(const Principal& actor, const std::string& what);

}  // namespace lacuna
