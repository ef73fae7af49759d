// Changes that do not depend on each other, made on one record at the same moment: each is tried again
// after a version conflict, with a random pause, until it lands.
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "ConflictRetry.h"

using namespace lacuna;

TEST_CASE("an independent change is tried again after a version conflict, and only after one", "[unit]") {
    int calls = 0;
    SECTION("it lands on the last attempt allowed") {
        CHECK(retryIndependent([&] {
                  if (++calls < INDEPENDENT_ATTEMPTS) throw VersionConflict("taken");
                  return 42;
              }) == 42);
        CHECK(calls == INDEPENDENT_ATTEMPTS);
    }
    SECTION("a conflict on every attempt is the caller's") {
        CHECK_THROWS_AS(retryIndependent([&] {
                            ++calls;
                            throw VersionConflict("taken");
                            return 0;
                        }),
                        VersionConflict);
        CHECK(calls == INDEPENDENT_ATTEMPTS);
    }
    SECTION("any other error at once") {
        CHECK_THROWS_AS(retryIndependent([&] {
                            ++calls;
                            throw NotFound("gone");
                            return 0;
                        }),
                        NotFound);
        CHECK(calls == 1);
    }
    SECTION("the pauses are random, and their ceiling doubles to 64 ms") {
        std::set<long> seen;
        for (int i = 0; i < 200; ++i) {
            const auto pause = conflictPause(2).count();
            CHECK(pause >= 0);
            CHECK(pause <= 1000);
            seen.insert(pause);
        }
        CHECK(seen.size() > 20);
        for (int i = 0; i < 200; ++i) CHECK(conflictPause(40).count() <= 64000);
    }
}

TEST_CASE("sixteen writers adding to one record at once all land, each change once", "[unit]") {
    // A record kept under a version, read and saved back as the services do, with time between the read and
    // the save (the statements of a real save): every writer's attempt races the fifteen others.
    struct Record {
        std::mutex mutex;
        std::int64_t version = 0;
        std::vector<int> entries;
    } record;
    constexpr int WRITERS = 16;
    constexpr int EACH = 8;
    std::vector<std::thread> writers;
    std::atomic<int> conflictsSeen{0};
    std::atomic<int> lost{0};
    for (int w = 0; w < WRITERS; ++w)
        writers.emplace_back([&, w] {
            for (int i = 0; i < EACH; ++i) {
                const auto addOne = [&] {
                    std::int64_t read;
                    std::vector<int> copy;
                    {
                        std::lock_guard lock(record.mutex);
                        read = record.version;
                        copy = record.entries;
                    }
                    copy.push_back(w * EACH + i);
                    std::this_thread::sleep_for(std::chrono::microseconds(300));
                    std::lock_guard lock(record.mutex);
                    if (record.version != read) {
                        ++conflictsSeen;
                        throw VersionConflict("the record changed");
                    }
                    record.entries = std::move(copy);
                    ++record.version;
                    return 0;
                };
                try {
                    retryIndependent(addOne);
                } catch (const VersionConflict&) {
                    ++lost;  // given up on: the writer would have been answered 409
                }
            }
        });
    for (auto& t : writers) t.join();
    CHECK(conflictsSeen > 0);  // they did race
    CHECK(lost == 0);
    CHECK(record.version == WRITERS * EACH);
    const std::set<int> kept(record.entries.begin(), record.entries.end());
    CHECK(kept.size() == static_cast<std::size_t>(WRITERS * EACH));
    CHECK(record.entries.size() == static_cast<std::size_t>(WRITERS * EACH));
}
