#include "GapVisibility.h"

#include <algorithm>

#include "Roles.h"

namespace lacuna::visibility {

bool seesEveryGap(const Principal& viewer) {
    return viewer.hasRole(roles::ADMIN) || viewer.hasRole(roles::COMMITTEE_SECRETARY);
}

bool mayKnowGap(const Principal& viewer, const GapAudience& gap) {
    if (!gap.confidential || seesEveryGap(viewer)) return true;
    if (!viewer.municipality) return false;
    const std::string& city = *viewer.municipality;
    return city == gap.municipality ||
           std::find(gap.coReporters.begin(), gap.coReporters.end(), city) != gap.coReporters.end();
}

ListScope listScope(const Principal& viewer) { return ListScope{seesEveryGap(viewer), viewer.municipality}; }

GapAudience audienceOf(const Gap& gap) {
    return GapAudience{gap.fields.confidential, gap.fields.municipality, gap.coReporters};
}

KnownGaps::KnownGaps(const Principal& viewer, const std::vector<NamedGap>& gaps) {
    for (const NamedGap& g : gaps) {
        const bool known = mayKnowGap(viewer, g.audience);
        _byId[g.id] = known;
        _byReference[g.reference] = known;
    }
}

bool KnownGaps::id(std::int64_t gapId) const {
    const auto it = _byId.find(gapId);
    return it != _byId.end() && it->second;
}

bool KnownGaps::reference(const std::string& gapReference) const {
    const auto it = _byReference.find(gapReference);
    return it != _byReference.end() && it->second;
}

}  // namespace lacuna::visibility
