#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Gap.h"

namespace lacuna {

/// One immutable version of a gap's amendment draft.
struct Draft {
    std::int64_t gapId = 0;
    std::int64_t version = 0;  ///< 1, 2, … per gap
    std::string text;          ///< the amendment text
    std::string rationale;     ///< دلایل توجیهی
    std::vector<Provision> provisions;
    std::int64_t authorId = 0;
    std::string authorName;
    std::int64_t createdAt = 0;
};

}  // namespace lacuna
