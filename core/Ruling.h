#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "Gap.h"
#include "JalaliDate.h"

namespace lacuna {

/// A gap a ruling bears on, with why.
struct RulingLink {
    std::int64_t gapId = 0;
    std::string gapReference;
    std::string gapTitle;
    std::string note;
    std::string linkedBy;
    std::int64_t linkedAt = 0;
    GapAudience gapAudience;
};

/// A court decision that bears on gaps: a ruling against one city is used against all of them.
struct Ruling {
    std::int64_t id = 0;
    std::string court;   ///< e.g. «هیئت عمومی دیوان عدالت اداری»
    std::string branch;  ///< شعبه
    std::string number;  ///< شماره دادنامه
    JalaliDate decidedOn{0, 0, 0};
    std::string municipality;
    std::string outcome;  ///< adverse, favourable, mixed
    std::string summary;
    std::string fullText;
    std::vector<Provision> provisions;
    std::int64_t version = 0;
    std::int64_t createdBy = 0;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::vector<RulingLink> gaps;
};

namespace rulingvalues {
const std::vector<std::string>& outcomes();
}

/// Rulings by provision, court, outcome, city and decision date (Jalali, inclusive).
struct RulingQuery {
    std::optional<std::string> provisionKey;
    std::optional<std::string> court;
    std::optional<std::string> outcome;
    std::optional<std::string> municipality;
    std::optional<JalaliDate> from;
    std::optional<JalaliDate> to;
    std::size_t limit = 50;
};

/// How much of each kind a provision's page reads: `gaps` per page, `others` of the drafts, rulings and
/// published opinions (the newest).
struct ProvisionLimits {
    std::size_t gaps = 200;
    std::size_t others = 200;
};

/// Everything recorded on one provision.
struct ProvisionPage {
    std::string key;
    std::vector<GapSummary> gaps;                ///< newest first, one page of them
    std::optional<std::int64_t> moreGapsBefore;  ///< when more follow: the gap id the next page reads below
    std::vector<std::pair<GapSummary, std::int64_t>>
        drafts;  ///< the gap and its latest draft version naming it
    std::vector<Ruling> rulings;
    std::vector<GapSummary> opinions;  ///< published opinions: id, reference, title, municipality, state
    /// Whether there are older ones of each kind than those read.
    bool moreDrafts = false;
    bool moreRulings = false;
    bool moreOpinions = false;
};

}  // namespace lacuna
