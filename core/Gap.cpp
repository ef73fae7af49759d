#include "Gap.h"

#include <algorithm>

#include "JsonText.h"

namespace lacuna {

std::string provisionsJson(const std::vector<Provision>& provisions) {
    std::string out = "[";
    for (std::size_t i = 0; i < provisions.size(); ++i) {
        if (i) out += ",";
        out += "{\"law\":" + jsonString(provisions[i].law) +
               ",\"article\":" + jsonString(provisions[i].article) + "}";
    }
    return out + "]";
}

}  // namespace lacuna

namespace lacuna::gapvalues {

const std::vector<std::string>& kinds() {
    static const std::vector<std::string> KINDS = {"vacuum", "ambiguity", "conflict", "obsolete", "obstacle"};
    return KINDS;
}

const std::vector<std::string>& priorities() {
    static const std::vector<std::string> PRIORITIES = {"low", "normal", "high", "urgent"};
    return PRIORITIES;
}

int priorityRank(const std::string& priority) {
    const auto& all = priorities();
    return static_cast<int>(std::find(all.begin(), all.end(), priority) - all.begin());
}

}  // namespace lacuna::gapvalues
