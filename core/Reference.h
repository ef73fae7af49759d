#pragma once

#include <cstdint>
#include <string>

/// The references people quote, made in one place: year-numbered ones (`G-1405-0007`) for gaps,
/// bills, opinions and requests for a uniform precedent, id-numbered ones (`M-12`) for meetings, rulings and
/// webhook subscriptions.
namespace lacuna::reference {

inline const std::string GAP = "G";
inline const std::string BILL = "B";
inline const std::string OPINION = "O";
inline const std::string PRECEDENT = "P";

/// `<prefix>-<Jalali year>-<sequence of that year, four digits at least>`.
std::string yearly(const std::string& prefix, int jalaliYear, std::int64_t sequence);

std::string meeting(std::int64_t id);
std::string ruling(std::int64_t id);
std::string webhook(std::int64_t id);

}  // namespace lacuna::reference
