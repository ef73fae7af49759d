#pragma once

#include <cstddef>
#include <cstdint>

namespace lacuna {

/// What a store's connection pool is doing, for the metrics.
struct StorePoolStats {
    std::size_t size = 0;       ///< connections it may open
    std::size_t open = 0;       ///< connections open now
    std::size_t inUse = 0;      ///< of those, lent to a request now
    std::uint64_t waits = 0;    ///< times a request found none free and waited
    double waitSeconds = 0;     ///< time spent in those waits
    std::uint64_t retries = 0;  ///< transactions run again after a deadlock, lock timeout or lost connection
    std::uint64_t commits = 0;  ///< write transactions committed
    std::uint64_t writesCommitted = 0;  ///< writes those carried (SQLite: several may share one COMMIT)
    std::size_t writersWaiting = 0;     ///< SQLite: writes waiting for their turn to join a transaction
};

}  // namespace lacuna
