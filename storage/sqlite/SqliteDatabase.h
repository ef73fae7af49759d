#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

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
};

/// A pool of SQLite connections on one file in WAL mode, with the schema migrated at open.
/// Every call translates SQLite failures into domain errors (StoreUnavailable, AlreadyExists).
class SqliteDatabase {
public:
    explicit SqliteDatabase(SqliteSettings settings);
    ~SqliteDatabase();

    /// Runs `work` inside BEGIN IMMEDIATE … COMMIT (rolled back if it throws). IMMEDIATE takes the
    /// write lock up front, so concurrent writers queue on busy_timeout instead of failing on upgrade.
    void write(const std::function<void(SqliteConnection&)>& work);
    /// Runs `work` inside a read transaction, so multi-statement reads see one snapshot.
    void read(const std::function<void(SqliteConnection&)>& work);
    /// Runs `work` (one statement) in autocommit mode, without the cost of BEGIN and COMMIT.
    void query(const std::function<void(SqliteConnection&)>& work);
    /// The pool's sizes and counts (SQLite never retries: writers queue for the one write lock).
    StorePoolStats poolStats();

private:
    class Lease;
    std::unique_ptr<SqliteConnection> open();
    SqliteConnection* acquire();
    void release(SqliteConnection* session);
    void migrate();
    void run(const char* begin, const std::function<void(SqliteConnection&)>& work);

    SqliteSettings _settings;
    std::mutex _mutex;
    std::mutex _writerMutex;
    std::condition_variable _available;
    std::vector<std::unique_ptr<SqliteConnection>> _all;
    std::vector<SqliteConnection*> _idle;
    PoolMeter _meter;
};

}  // namespace lacuna
