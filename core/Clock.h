#pragma once

#include <cstdint>

namespace lacuna {

/// The time source; tests substitute a fake to make time deterministic.
class Clock {
public:
    virtual ~Clock() = default;
    /// Milliseconds since the Unix epoch, UTC.
    virtual std::int64_t nowMs() const = 0;
};

/// The wall clock.
class SystemClock : public Clock {
public:
    std::int64_t nowMs() const override;
};

}  // namespace lacuna
