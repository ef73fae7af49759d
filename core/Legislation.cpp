#include "Legislation.h"

#include <algorithm>

namespace lacuna {

RecordEvent recordEvent(const Principal& actor, const std::string& entityType, std::int64_t entityId,
                        const std::string& type, const std::string& state, std::int64_t at) {
    RecordEvent e;
    e.entityType = entityType;
    e.entityId = entityId;
    e.at = at;
    e.actorId = actor.userId;
    e.actorName = actor.username;
    e.clientAddress = actor.clientAddress;
    e.type = type;
    e.fromState = e.toState = state;
    return e;
}

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
