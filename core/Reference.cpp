#include "Reference.h"

namespace lacuna::reference {

std::string yearly(const std::string& prefix, int jalaliYear, std::int64_t sequence) {
    const std::string number = std::to_string(sequence);
    return prefix + "-" + std::to_string(jalaliYear) + "-" +
           std::string(number.size() < 4 ? 4 - number.size() : 0, '0') + number;
}

std::string meeting(std::int64_t id) { return "M-" + std::to_string(id); }
std::string ruling(std::int64_t id) { return "R-" + std::to_string(id); }
std::string webhook(std::int64_t id) { return "W-" + std::to_string(id); }

}  // namespace lacuna::reference
