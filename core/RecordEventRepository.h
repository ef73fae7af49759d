#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "RecordEvent.h"

namespace lacuna {

/// Audit records of meetings, bills and webhook subscriptions.
class RecordEventRepository {
public:
    virtual ~RecordEventRepository() = default;
    virtual std::vector<RecordEvent> history(const std::string& entityType, std::int64_t id) = 0;
};

}  // namespace lacuna
