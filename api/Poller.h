#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace lacuna {

/// A background thread that runs one pass of work, then waits `pollMs` (or until stopped), until stopped. A
/// pass that throws (the store unreachable for now) is simply tried again at the next poll.
class Poller {
public:
    ~Poller() { stop(); }

    void start(int pollMs, std::function<void()> pass) {
        if (_thread.joinable()) return;
        _stopping = false;
        _thread = std::thread([this, pollMs, pass = std::move(pass)] {
            // Termination signals belong to the main thread.
            sigset_t signals;
            sigemptyset(&signals);
            sigaddset(&signals, SIGTERM);
            sigaddset(&signals, SIGINT);
            pthread_sigmask(SIG_BLOCK, &signals, nullptr);
            std::unique_lock lock(_mutex);
            while (!_stopping) {
                lock.unlock();
                try {
                    pass();
                } catch (const std::exception&) {
                    // try again at the next poll
                }
                lock.lock();
                _wake.wait_for(lock, std::chrono::milliseconds(pollMs), [this] { return _stopping; });
            }
        });
    }

    void stop() {
        {
            std::lock_guard lock(_mutex);
            _stopping = true;
        }
        _wake.notify_all();
        if (_thread.joinable()) _thread.join();
    }

private:
    std::thread _thread;
    std::mutex _mutex;
    std::condition_variable _wake;
    bool _stopping = false;
};

/// When the next attempt after `attemptsMade` failed ones is due: base × 2^(attempts−1), at most `maxMs`;
/// none once `maxAttempts` have been made (give up).
inline std::optional<std::int64_t> retryAt(int attemptsMade, int maxAttempts, std::int64_t baseMs,
                                           std::int64_t maxMs, std::int64_t now) {
    if (attemptsMade >= maxAttempts) return std::nullopt;
    const int shift = std::min(attemptsMade - 1, 30);
    return now + std::min(maxMs, baseMs << shift);
}

}  // namespace lacuna
