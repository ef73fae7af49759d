#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "HeldReads.h"
#include "PoolMeter.h"
#include "SqliteConnection.h"

namespace lacuna {

struct SqliteSettings {
    std::string path;
    std::size_t poolSize = 8;
    int busyTimeoutMs = 10000;
    /// FULL: a committed transaction survives power loss. NORMAL in WAL mode may lose the last
    /// transactions acknowledged before a power cut (never corrupts), which breaks "no acknowledged
    /// write is lost"; so FULL is the default.
    std::string synchronous = "FULL";
    /// How much of the file each connection reads through a memory map instead of read(): pages come
    /// straight from the operating system's page cache, without a system call and a copy per page (a
    /// search at 100,000 gaps read 1,000 rows and spent a third of its time in pread). SQLite maps the
    /// file read-only and still writes through the WAL, so what it writes is unchanged. 0 turns it off.
    std::int64_t mmapBytes = std::int64_t{1} << 30;
};

/// A pool of SQLite connections on one file in WAL mode, with the schema migrated at open.
/// Every call translates SQLite failures into domain errors (StoreUnavailable, AlreadyExists).
class SqliteDatabase {
public:
    explicit SqliteDatabase(SqliteSettings settings);
    ~SqliteDatabase();

    /// Runs `work` in a write transaction and returns once it is committed; if `work` throws, what it
    /// wrote is undone and the error passes on. Writers that arrive while another's work runs share
    /// one transaction (group commit): each runs in its own savepoint, in order of arrival, and the
    /// last of the group commits for all, so one fsync serves them all. Each is answered only after
    /// that COMMIT; if it fails, every writer of the group gets the failure and none of their writes
    /// is kept. BEGIN IMMEDIATE takes the file's write lock up front, which keeps other processes
    /// on the same file (a backup, the command line) apart.
    void write(const std::function<void(SqliteConnection&)>& work);
    /// Runs `work` inside a read transaction, so multi-statement reads see one snapshot.
    void read(const std::function<void(SqliteConnection&)>& work);
    /// Runs `work` (one statement) in autocommit mode, without the cost of BEGIN and COMMIT.
    void query(const std::function<void(SqliteConnection&)>& work);
    /// This thread's reads (read, query) of this database in one read transaction, on one connection
    /// leased at the first read, until the result is destroyed; null if the thread holds them already.
    /// write() first ends them and returns the connection, so a thread never waits for a connection
    /// while it holds one, and a read after a write begins a new snapshot that has it.
    std::unique_ptr<HeldReads> holdReads();
    /// The pool's sizes and counts (SQLite never retries: writers queue for the one write lock).
    StorePoolStats poolStats();

    /// At most this many writers share one transaction: a group holds the write lock while its
    /// members run, so an unbounded one would make the first writer of a busy moment wait long.
    static constexpr std::size_t MAX_GROUP = 32;

private:
    class Lease;
    class Held;
    void runHeld(const std::function<void(SqliteConnection&)>& work);
    void letGoHeld();
    /// One shared write transaction and how it ended, which its writers wait for.
    struct Group {
        bool ended = false;
        std::exception_ptr failure;  ///< why it did not commit
    };
    std::unique_ptr<SqliteConnection> open();
    SqliteConnection* acquire();
    void release(SqliteConnection* session);
    void migrate();
    std::exception_ptr beginGroup();
    std::exception_ptr runMember(const std::function<void(SqliteConnection&)>& work);
    void endGroup(std::exception_ptr failure);

    SqliteSettings _settings;
    std::mutex _mutex;
    // Group commit (write): the writer whose turn it is alone touches _group and _writer.
    std::mutex _writeMutex;
    std::condition_variable _turnFree;    ///< one waiting writer may take the turn
    std::condition_variable _groupEnded;  ///< a group's writers may learn how it ended
    std::size_t _queued = 0;              ///< writers waiting for their turn
    bool _turnTaken = false;
    std::shared_ptr<Group> _group;        ///< the open transaction's group, null when none is open
    std::size_t _groupSize = 0;           ///< its writers so far
    std::size_t _groupKept = 0;           ///< of those, the ones whose work succeeded
    SqliteConnection* _writer = nullptr;  ///< the connection holding the open transaction
    std::condition_variable _available;
    std::vector<std::unique_ptr<SqliteConnection>> _all;
    std::vector<SqliteConnection*> _idle;
    PoolMeter _meter;
};

}  // namespace lacuna
