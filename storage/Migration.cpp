#include "Migration.h"

#include <Poco/String.h>

#include <sstream>

namespace lacuna {

std::vector<std::string> splitStatements(const std::string& script) {
    std::vector<std::string> out;
    std::istringstream in(script);
    std::string line, current;
    while (std::getline(in, line)) {
        const std::string trimmed = Poco::trim(line);
        if (trimmed.empty() || trimmed.rfind("--", 0) == 0) continue;
        current += line + "\n";
        if (trimmed.back() == ';') {
            out.push_back(Poco::trim(current));
            current.clear();
        }
    }
    if (!Poco::trim(current).empty()) out.push_back(Poco::trim(current));
    return out;
}

}  // namespace lacuna
