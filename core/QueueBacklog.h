#pragma once

#include <cstdint>
#include <optional>

namespace lacuna {

/// The state of a queue kept in the store (webhook deliveries, the mail outbox), for the metrics.
struct QueueBacklog {
    std::int64_t pending = 0;                   ///< entries waiting to be sent
    std::optional<std::int64_t> oldestPending;  ///< when the oldest of them was written (ms)
    std::int64_t failed = 0;                    ///< entries given up after the last attempt
};

}  // namespace lacuna
