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

/// A request for a uniform precedent as a ruling or a conflict mentions it.
struct PrecedentMention {
    std::int64_t id = 0;
    std::string reference;
    std::string state;
    bool open = false;  ///< neither decided nor withdrawn
    std::optional<std::int64_t> decidedAt;
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
    /// The request this ruling decided: it is a uniform precedent, binding on every court and office.
    std::optional<PrecedentMention> decides;
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

/// A provision on which the courts went both ways for the cities — adverse and favourable rulings, from
/// two branches of one court or from two courts: the question a request for a uniform precedent (رأی وحدت
/// رویه) puts to a General Board. Shown by its newest pair: the newest ruling of either side. Found from the
/// rulings as they stand, so no conflict is ever missed by two rulings registered at the same instant.
struct RulingConflict {
    std::string provisionKey;
    Provision provision;  ///< as the newer of the two rulings names it
    Ruling adverse;       ///< the newest adverse ruling on the provision
    Ruling favourable;    ///< the newest favourable one
    std::int64_t adverseCount = 0;
    std::int64_t favourableCount = 0;
    bool sameCourt = false;        ///< two branches of one court (compared as courtKey does)
    std::vector<GapSummary> gaps;  ///< the newest gaps on the provision that the reader may know of
    std::optional<PrecedentMention> request;  ///< the newest request for a uniform precedent on the provision
    /// A precedent was decided on the provision after the newer ruling of the pair was registered.
    bool settled = false;
};

/// The conflict on one provision, or those on a ruling's provisions, or all; newest first (by the newer
/// ruling of each pair).
struct ConflictQuery {
    std::optional<std::string> provisionKey;
    std::optional<std::int64_t> rulingId;
    std::size_t limit = 20;
    bool unsettledOnly = false;  ///< leave out the settled ones
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
    std::vector<RulingConflict> conflicts;  ///< its conflict, when its rulings went both ways
    std::vector<GapSummary> opinions;       ///< published opinions: id, reference, title, municipality, state
    /// Whether there are older ones of each kind than those read.
    bool moreDrafts = false;
    bool moreRulings = false;
    bool moreOpinions = false;
};

}  // namespace lacuna
