// SQLite's group commit: writers that queue share one transaction, each in its own savepoint, and each is
// answered only after the COMMIT that keeps its write; a writer's failure undoes its own part only, and
// a transaction lost as a whole fails every writer in it.
#include <catch2/catch.hpp>
#include <chrono>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

#include "Errors.h"
#include "SqliteDatabase.h"
#include "TestStores.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

/// A store file of its own with one table for the test's rows (and one whose rows need a parent).
struct GroupStore {
    TempDir dir;
    SqliteDatabase db{SqliteSettings{.path = dir.file("group.db"), .poolSize = 4}};

    GroupStore() {
        db.write([](SqliteConnection& c) {
            c.execute(
                "CREATE TABLE rows_written (writer INTEGER NOT NULL, n INTEGER NOT NULL, "
                "PRIMARY KEY (writer, n))");
            c.execute("CREATE TABLE parents (id INTEGER PRIMARY KEY)");
            c.execute(
                "CREATE TABLE children (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL "
                "REFERENCES parents(id))");
        });
    }

    /// Counted through a connection of its own, outside the pool: only committed rows show.
    std::int64_t committed(const std::string& where = "1 = 1") {
        SqliteConnection reader(dir.file("group.db"));
        auto count = reader.prepare("SELECT COUNT(*) FROM rows_written WHERE " + where);
        count.step();
        return count.integer(0);
    }

    static void insert(SqliteConnection& c, std::int64_t writer, std::int64_t n) {
        c.prepare("INSERT INTO rows_written (writer, n) VALUES (?, ?)").bind(writer).bind(n).run();
    }

    /// Runs `first` as a write that keeps its transaction open until a second writer, running `second`,
    /// waits for its turn, so that both share one group; how each write ended (null: committed).
    std::pair<std::exception_ptr, std::exception_ptr> inOneGroup(
        const std::function<void(SqliteConnection&)>& first,
        const std::function<void(SqliteConnection&)>& second) {
        std::exception_ptr ended[2];
        std::thread other;
        try {
            db.write([&](SqliteConnection& c) {
                first(c);
                other = std::thread([&] {
                    try {
                        db.write(second);
                    } catch (...) {
                        ended[1] = std::current_exception();
                    }
                });
                untilWaiting(1);
            });
        } catch (...) {
            ended[0] = std::current_exception();
        }
        if (other.joinable()) other.join();
        return {ended[0], ended[1]};
    }

    /// Waits until `n` writers wait for their turn (a queued writer joins the open transaction).
    void untilWaiting(std::size_t n) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (db.poolStats().writersWaiting < n) {
            if (std::chrono::steady_clock::now() > deadline) FAIL("no writer queued within 20 s");
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
};

/// Whether `ended` holds an exception of type E.
template <typename E>
bool threw(const std::exception_ptr& ended) {
    try {
        if (ended) std::rethrow_exception(ended);
    } catch (const E&) {
        return true;
    } catch (...) {
    }
    return false;
}

}  // namespace

TEST_CASE("writers that queue share a SQLite transaction; each is answered once its write is committed",
          "[storage][groupcommit]") {
    GroupStore store;
    const StorePoolStats before = store.db.poolStats();
    constexpr int WRITERS = 16, WRITES = 40;
    std::vector<std::thread> writers;
    std::vector<std::string> problems(WRITERS);
    for (int w = 0; w < WRITERS; ++w)
        writers.emplace_back([&, w] {
            SqliteConnection reader(store.dir.file("group.db"));
            auto seen = [&](int n) {
                auto count = reader.prepare("SELECT COUNT(*) FROM rows_written WHERE writer = ? AND n = ?");
                count.bind(std::int64_t{w}).bind(std::int64_t{n}).step();
                return count.integer(0);
            };
            for (int n = 0; n < WRITES; ++n) {
                // Every fifth write fails after writing its row: its row goes, the group's others stay.
                const bool fails = n % 5 == 4;
                try {
                    store.db.write([&](SqliteConnection& c) {
                        GroupStore::insert(c, w, n);
                        std::this_thread::sleep_for(std::chrono::microseconds(200));  // let others queue
                        if (fails) throw VersionConflict("the record changed meanwhile");
                    });
                    if (fails) problems[w] += "a failing write returned; ";
                } catch (const VersionConflict&) {
                    if (!fails) problems[w] += "a write failed; ";
                }
                // Answered means committed: another connection sees the row at once, or never.
                if (seen(n) != (fails ? 0 : 1))
                    problems[w] += "write " + std::to_string(n) + " not as answered; ";
            }
        });
    for (auto& t : writers) t.join();
    for (int w = 0; w < WRITERS; ++w) {
        INFO("writer " << w);
        CHECK(problems[w].empty());
        CHECK(store.committed("writer = " + std::to_string(w)) == WRITES - WRITES / 5);
    }
    const StorePoolStats after = store.db.poolStats();
    const auto kept = after.writesCommitted - before.writesCommitted;
    const auto commits = after.commits - before.commits;
    CHECK(kept == static_cast<std::uint64_t>(WRITERS * (WRITES - WRITES / 5)));
    // Sixteen writers each holding the turn for 0.2 ms: writes queued, and COMMITs were shared.
    INFO(kept << " writes in " << commits << " commits");
    CHECK(commits < kept);
    CHECK(after.writersWaiting == 0);
}

TEST_CASE("a transaction SQLite ends by itself fails every writer in it and keeps none of their writes",
          "[storage][groupcommit]") {
    GroupStore store;
    // The second writer's work meets what a full disk or an I/O error does: SQLite rolls the whole
    // transaction back, the first writer's row with it.
    const auto [first, second] = store.inOneGroup([](SqliteConnection& c) { GroupStore::insert(c, 1, 1); },
                                                  [](SqliteConnection& c) {
                                                      GroupStore::insert(c, 2, 1);
                                                      c.execute("ROLLBACK");
                                                      throw SqliteFailure("disk I/O error", 10);
                                                  });
    CHECK(threw<StoreUnavailable>(first));
    CHECK(threw<StoreUnavailable>(second));
    CHECK(store.committed() == 0);
    // The store goes on: the next write has a transaction of its own.
    store.db.write([](SqliteConnection& c) { GroupStore::insert(c, 3, 1); });
    CHECK(store.committed() == 1);
}

TEST_CASE("a COMMIT that fails fails every writer of its group, whose writes are all undone",
          "[storage][groupcommit]") {
    GroupStore store;
    // The first writer's row breaks a foreign key checked only at COMMIT; the second writes a sound row
    // and then refuses (as a stale version would), on a state that held the first writer's row: the
    // shared COMMIT is refused, and the second's answer is that failure, not its own refusal.
    const auto [first, second] = store.inOneGroup(
        [](SqliteConnection& c) {
            c.execute("PRAGMA defer_foreign_keys = ON");
            c.execute("INSERT INTO children (id, parent) VALUES (1, 999)");
        },
        [](SqliteConnection& c) {
            GroupStore::insert(c, 2, 1);
            throw VersionConflict("the record changed meanwhile");
        });
    CHECK(threw<AlreadyExists>(first));
    CHECK(threw<AlreadyExists>(second));
    CHECK_FALSE(threw<VersionConflict>(second));
    CHECK(store.committed() == 0);
    SqliteConnection reader(store.dir.file("group.db"));
    auto children = reader.prepare("SELECT COUNT(*) FROM children");
    children.step();
    CHECK(children.integer(0) == 0);
    store.db.write([](SqliteConnection& c) { GroupStore::insert(c, 3, 1); });
    CHECK(store.committed() == 1);
}

TEST_CASE("a failed write in a group changes nothing and passes its own error on", "[storage][groupcommit]") {
    GroupStore store;
    const auto [first, second] = store.inOneGroup([](SqliteConnection& c) { GroupStore::insert(c, 1, 1); },
                                                  [](SqliteConnection& c) {
                                                      GroupStore::insert(c, 2, 1);
                                                      GroupStore::insert(c, 1, 1);  // the first's key
                                                  });
    CHECK_FALSE(first);
    CHECK(threw<AlreadyExists>(second));
    CHECK(store.committed("writer = 1") == 1);
    CHECK(store.committed("writer = 2") == 0);
    // A write alone that fails commits nothing: no COMMIT is counted for it.
    const StorePoolStats before = store.db.poolStats();
    CHECK_THROWS_AS(store.db.write([](SqliteConnection& c) {
        GroupStore::insert(c, 4, 1);
        throw VersionConflict("the record changed meanwhile");
    }),
                    VersionConflict);
    CHECK(store.db.poolStats().commits == before.commits);
    CHECK(store.committed("writer = 4") == 0);
}

TEST_CASE("a writer of a group that rewrote megabytes of stored pages and failed is undone alone",
          "[storage][groupcommit]") {
    // Its savepoint's sub-journal holds the first image of every page it changed, in memory (temp_store):
    // here about 2 MiB, far past the 64 KiB at which SQLite would otherwise move it to a file.
    GroupStore store;
    const std::string stored(1000, 'a');
    store.db.write([&](SqliteConnection& c) {
        c.execute("CREATE TABLE pages (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        for (int i = 0; i < 2000; ++i) c.prepare("INSERT INTO pages (body) VALUES (?)").bind(stored).run();
    });
    const auto [first, second] = store.inOneGroup([](SqliteConnection& c) { GroupStore::insert(c, 1, 1); },
                                                  [](SqliteConnection& c) {
                                                      c.execute("UPDATE pages SET body = upper(body)");
                                                      GroupStore::insert(c, 2, 1);
                                                      throw VersionConflict("the record changed meanwhile");
                                                  });
    CHECK_FALSE(first);
    CHECK(threw<VersionConflict>(second));
    CHECK(store.committed("writer = 1") == 1);
    CHECK(store.committed("writer = 2") == 0);
    SqliteConnection reader(store.dir.file("group.db"));
    auto unchanged = reader.prepare("SELECT COUNT(*) FROM pages WHERE body = ?");
    unchanged.bind(stored);
    unchanged.step();
    CHECK(unchanged.integer(0) == 2000);
}
