// One request's reads held in one SQLite read transaction (SqliteDatabase::holdReads): they see one moment
// of the store, a write on the thread ends them so the reads after it see the write, and threads that
// hold reads never wait for each other's connections.
#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <thread>
#include <vector>

#include "Errors.h"
#include "SqliteDatabase.h"
#include "TestStores.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

struct HeldStore {
    TempDir dir;
    SqliteDatabase db;

    explicit HeldStore(std::size_t poolSize)
        : db(SqliteSettings{.path = dir.file("held.db"), .poolSize = poolSize}) {
        db.write(
            [](SqliteConnection& c) { c.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"); });
    }

    std::int64_t count(bool inTransaction = false) {
        std::int64_t n = -1;
        const auto work = [&](SqliteConnection& c) {
            auto select = c.prepare("SELECT COUNT(*) FROM notes");
            select.step();
            n = select.integer(0);
        };
        if (inTransaction)
            db.read(work);
        else
            db.query(work);
        return n;
    }

    void add() {
        db.write([](SqliteConnection& c) { c.prepare("INSERT INTO notes (body) VALUES ('a note')").run(); });
    }
};

}  // namespace

TEST_CASE("held reads see one moment of the store until they end", "[unit][heldreads]") {
    HeldStore store(4);
    store.add();
    {
        const auto held = store.db.holdReads();
        REQUIRE(held);
        CHECK_FALSE(store.db.holdReads());  // held already: the outer hold decides when they end
        CHECK(store.count() == 1);
        std::thread([&] { store.add(); }).join();  // another request's write, committed
        CHECK(store.count() == 1);
        CHECK(store.count(true) == 1);
    }
    CHECK(store.count() == 2);
}

TEST_CASE("a write ends the held reads: the reads after it see it", "[unit][heldreads]") {
    HeldStore store(4);
    const auto held = store.db.holdReads();
    CHECK(store.count() == 0);
    std::thread([&] { store.add(); }).join();
    CHECK(store.count() == 0);
    store.add();
    CHECK(store.count() == 2);  // its own write and the other's, committed before it
    // A write that fails ends them too, and the reads go on.
    CHECK_THROWS_AS(store.db.write([](SqliteConnection& c) {
        c.prepare("INSERT INTO notes (body) VALUES ('undone')").run();
        throw std::runtime_error("refused");
    }),
                    std::runtime_error);
    CHECK(store.count() == 2);
}

TEST_CASE("a read that fails ends the held reads, and the next one begins afresh", "[unit][heldreads]") {
    HeldStore store(4);
    const auto held = store.db.holdReads();
    CHECK(store.count() == 0);
    CHECK_THROWS(
        store.db.query([](SqliteConnection& c) { c.prepare("SELECT nothing FROM nowhere").step(); }));
    std::thread([&] { store.add(); }).join();
    CHECK(store.count() == 1);
}

TEST_CASE("threads holding reads and writing never wait for each other's connections", "[unit][heldreads]") {
    // Two connections for eight threads, each holding its reads, reading, writing and reading again: a
    // thread that waited for the write turn, or for a connection, while it held one would stall the rest
    // until the pool's timeout and fail them.
    HeldStore store(2);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 40; ++i) {
                try {
                    const auto held = store.db.holdReads();
                    const std::int64_t before = store.count();
                    store.add();
                    if (store.count(true) <= before) ++failures;  // its own write must show
                } catch (const StoreUnavailable&) {
                    ++failures;
                }
            }
        });
    for (auto& t : threads) t.join();
    CHECK(failures == 0);
    CHECK(store.count() == 320);
}
