#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "Gap.h"

namespace lacuna {

/// Something that falls due: a gap or a bill whose state's clock ends at `dueAt`.
struct DueItem {
    std::string entityType;  ///< gap, bill
    std::int64_t id = 0;
    std::string reference;
    std::string title;
    GapAudience audience;  ///< a gap's; a bill's is nobody's city and not confidential
    std::string state;
    std::int64_t dueAt = 0;
    bool hasDraft = false;  ///< a gap with a saved draft (the `has_draft` fact); false for a bill
};

/// Something that happened to a record a user reports or watches.
struct Notification {
    std::int64_t id = 0;
    std::int64_t userId = 0;
    std::int64_t at = 0;
    std::string entityType;
    std::int64_t entityId = 0;
    std::string reference;
    std::string eventType;
    std::string summary;
    std::optional<std::int64_t> readAt;
};

}  // namespace lacuna
