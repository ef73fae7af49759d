#pragma once

#include <algorithm>
#include <chrono>
#include <random>
#include <thread>

#include "Errors.h"

namespace lacuna {

/// How often a change that does not depend on what others changed is tried before its conflict is the
/// caller's.
constexpr int INDEPENDENT_ATTEMPTS = 24;

/// The pause before attempt `attempt` (2, 3, …) of such a change: random ("full jitter"), up to a ceiling
/// that doubles with each attempt from 1 ms to 64 ms. Without it the writers that lost a race read and write
/// again in step and collide again; on a busy machine one of them could lose every attempt.
inline std::chrono::microseconds conflictPause(int attempt) {
    thread_local std::minstd_rand random{std::random_device{}()};
    const long ceiling = 1000L << std::min(attempt - 2, 6);
    return std::chrono::microseconds(std::uniform_int_distribution<long>(0, ceiling)(random));
}

/// Runs `attempt` (read the record, change it, save it under the version read) until it does not end in
/// VersionConflict: for changes that do not depend on each other — a city's vote, proposal, rank or
/// position on one record, made by several cities at the same moment — which the caller asked for without a
/// version of their own. Other errors go to the caller at once; the conflict does after INDEPENDENT_ATTEMPTS.
template <typename Attempt>
auto retryIndependent(Attempt attempt) -> decltype(attempt()) {
    for (int n = 1;; ++n) {
        try {
            return attempt();
        } catch (const VersionConflict&) {
            if (n >= INDEPENDENT_ATTEMPTS) throw;
        }
        std::this_thread::sleep_for(conflictPause(n + 1));
    }
}

}  // namespace lacuna
