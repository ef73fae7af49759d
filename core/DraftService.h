#pragma once

#include <cstdint>
#include <vector>

#include "Clock.h"
#include "Draft.h"
#include "DraftRepository.h"
#include "GapService.h"
#include "WordDiff.h"

namespace lacuna {

struct DraftLimits {
    std::size_t textMax = 100000;
    std::size_t rationaleMax = 20000;
};

/// What an author sends to save a draft version.
struct DraftInput {
    std::string text;
    std::string rationale;
    std::vector<Provision> provisions;
};

/// Two versions of a draft compared: the amendment text and the rationale, each word by word.
struct DraftDiff {
    Draft from;
    Draft to;
    std::vector<DiffOp> text;
    std::vector<DiffOp> rationale;
};

/// Amendment drafts of a gap: saved as new immutable versions, read, and compared word by word.
class DraftService {
public:
    DraftService(GapService& gaps, DraftRepository& drafts, const Clock& clock, GapLimits gapLimits,
                 DraftLimits limits = {});

    /// Saves version expectedLatest + 1. Allowed to the gap's legal director and experts and to the
    /// committee secretary while the gap is in a state that takes drafts.
    Draft save(const Principal& actor, std::int64_t gapId, const DraftInput& input,
               std::int64_t expectedLatest);
    std::vector<Draft> list(const Principal& actor, std::int64_t gapId);
    /// The drafts of a gap the caller holds already (from GapService::get()), without reading it again.
    std::vector<Draft> list(const Principal& actor, const Gap& gap);
    /// Whether the actor may write this gap's drafts: its city's legal director or experts, or the
    /// committee secretary.
    bool mayWrite(const Principal& actor, const Gap& gap) const;
    /// Whether save() would take a draft from the actor for the gap as it is (role and state).
    bool takesDrafts(const Principal& actor, const Gap& gap) const;
    Draft get(const Principal& actor, std::int64_t gapId, std::int64_t version);
    /// The word diff from version `from` to version `to`.
    DraftDiff diff(const Principal& actor, std::int64_t gapId, std::int64_t from, std::int64_t to);
    /// The word diff between two drafts held already (from list()).
    static DraftDiff diff(Draft from, Draft to);

private:
    GapService& _gaps;
    DraftRepository& _drafts;
    const Clock& _clock;
    GapLimits _gapLimits;
    DraftLimits _limits;
};

}  // namespace lacuna
