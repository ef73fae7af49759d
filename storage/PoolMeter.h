#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "StorePoolStats.h"

namespace lacuna {

/// What a connection pool counts for the metrics: waits for a free connection, the time spent in them,
/// and transactions run again. Atomics, so that a scrape reads them without the pool's lock.
class PoolMeter {
public:
    /// Times one acquire: `waiting()` before each wait; from the first one to the end of the acquire
    /// (however it ends) counts as one wait.
    class Acquire {
    public:
        explicit Acquire(PoolMeter& meter) : _meter(meter) {}
        ~Acquire() {
            if (!_waited) return;
            _meter._waits.fetch_add(1, std::memory_order_relaxed);
            _meter._waitNanos.fetch_add(
                std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - _since).count(),
                std::memory_order_relaxed);
        }
        Acquire(const Acquire&) = delete;
        Acquire& operator=(const Acquire&) = delete;
        void waiting() {
            if (_waited) return;
            _waited = true;
            _since = Clock::now();
        }

    private:
        using Clock = std::chrono::steady_clock;
        PoolMeter& _meter;
        bool _waited = false;
        Clock::time_point _since{};
    };

    void retried() { _retries.fetch_add(1, std::memory_order_relaxed); }
    /// A COMMIT that kept `writes` writes.
    void committed(std::size_t writes) {
        _commits.fetch_add(1, std::memory_order_relaxed);
        _writesCommitted.fetch_add(writes, std::memory_order_relaxed);
    }

    /// The counts with the pool's sizes, which the caller reads under its lock.
    StorePoolStats stats(std::size_t size, std::size_t open, std::size_t idle) const {
        StorePoolStats s;
        s.size = size;
        s.open = open;
        s.inUse = open >= idle ? open - idle : 0;
        s.waits = _waits.load(std::memory_order_relaxed);
        s.waitSeconds = static_cast<double>(_waitNanos.load(std::memory_order_relaxed)) / 1e9;
        s.retries = _retries.load(std::memory_order_relaxed);
        s.commits = _commits.load(std::memory_order_relaxed);
        s.writesCommitted = _writesCommitted.load(std::memory_order_relaxed);
        return s;
    }

private:
    std::atomic<std::uint64_t> _waits{0};
    std::atomic<std::int64_t> _waitNanos{0};
    std::atomic<std::uint64_t> _retries{0};
    std::atomic<std::uint64_t> _commits{0};
    std::atomic<std::uint64_t> _writesCommitted{0};
};

}  // namespace lacuna
