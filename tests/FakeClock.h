#pragma once

#include <atomic>

#include "Clock.h"

namespace lacuna::test {

/// A clock the test moves by hand; it starts at a fixed instant (2026-11-26T09:00:00Z, 1405-09-05).
class FakeClock : public Clock {
public:
    static constexpr std::int64_t START = 1795683600000;
    std::int64_t nowMs() const override { return _now.load(); }
    void advanceMs(std::int64_t ms) { _now += ms; }
    void set(std::int64_t ms) { _now = ms; }

private:
    std::atomic<std::int64_t> _now{START};
};

}  // namespace lacuna::test
