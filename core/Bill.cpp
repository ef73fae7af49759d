#include "Bill.h"

#include <algorithm>

namespace lacuna {

std::size_t Bill::activeSponsors() const {
    return static_cast<std::size_t>(
        std::count_if(sponsors.begin(), sponsors.end(), [](const Sponsor& s) { return !s.withdrawnAt; }));
}

namespace billvalues {
const std::vector<std::string>& channels() {
    static const std::vector<std::string> V = {"mps_plan", "government_bill", "provinces_council"};
    return V;
}
const std::vector<std::string>& urgencies() {
    static const std::vector<std::string> V = {"ordinary", "single", "double"};
    return V;
}
const std::vector<std::string>& objectionTypes() {
    static const std::vector<std::string> V = {"sharia", "constitution", "ambiguity"};
    return V;
}
const std::vector<std::string>& positions() {
    static const std::vector<std::string> V = {"support", "oppose", "watch"};
    return V;
}
}  // namespace billvalues

}  // namespace lacuna
