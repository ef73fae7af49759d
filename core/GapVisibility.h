#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "Gap.h"
#include "User.h"

/// Who may know of a gap — its title, reference or id, in any resource, list, history, alert, page or
/// export — decided here and nowhere else. Every read that names a gap, and every action on a gap
/// through another record (bundling it into a bill, putting it on an agenda, linking it to a ruling or
/// an opinion), asks this rule.
///
/// A gap that is not confidential is known to every signed-in user. A confidential gap is known to
/// the users of its reporting city and of its co-reporting cities (those whose duplicate was merged
/// into it), to the committee secretary and to administrators; to nobody else, whatever their role.
namespace lacuna::visibility {

/// The secretary and administrators know of every gap.
bool seesEveryGap(const Principal& viewer);

bool mayKnowGap(const Principal& viewer, const GapAudience& gap);
GapAudience audienceOf(const Gap& gap);

/// The rule as a list query applies it in the store: every gap, or the gaps that are not confidential
/// plus the confidential ones reported or co-reported by one city.
struct ListScope {
    bool everyGap = false;
    std::optional<std::string> city;
};
ListScope listScope(const Principal& viewer);

/// A gap as another record names it: its id and reference with its audience.
struct NamedGap {
    std::int64_t id = 0;
    std::string reference;
    GapAudience audience;
};

/// The rule applied to the gaps some records name (found by id or by reference), for one viewer.
class KnownGaps {
public:
    KnownGaps(const Principal& viewer, const std::vector<NamedGap>& gaps);
    /// Whether the viewer may know of the gap with this id (an unknown id: no).
    bool id(std::int64_t gapId) const;
    /// Whether the viewer may know of the gap with this reference (an unknown reference: no).
    bool reference(const std::string& gapReference) const;

private:
    std::map<std::int64_t, bool> _byId;
    std::map<std::string, bool> _byReference;
};

/// What a person who may not know of a gap reads in its place.
inline const std::string HIDDEN_GAP = "محرمانه";

}  // namespace lacuna::visibility
