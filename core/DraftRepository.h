#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Draft.h"
#include "Gap.h"

namespace lacuna {

/// Amendment drafts: immutable versions per gap.
class DraftRepository {
public:
    virtual ~DraftRepository() = default;
    /// Stores `draft` as version expectedLatest + 1, bumps the gap's version and appends `event`
    /// to the gap's history, in one transaction. Throws VersionConflict when the latest stored
    /// draft is not `expectedLatest` (0: none yet), NotFound when the gap is gone.
    virtual Draft save(const Draft& draft, std::int64_t expectedLatest, const GapEvent& event) = 0;
    /// Every version, oldest first.
    virtual std::vector<Draft> list(std::int64_t gapId) = 0;
    virtual std::optional<Draft> find(std::int64_t gapId, std::int64_t version) = 0;
    /// 0 when the gap has no draft.
    virtual std::int64_t latestVersion(std::int64_t gapId) = 0;
};

}  // namespace lacuna
