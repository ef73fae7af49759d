#include "SqliteDatabase.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/File.h>
#include <Poco/Logger.h>
#include <Poco/Path.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <mutex>

#include "Errors.h"
#include "Migration.h"

namespace lacuna {

namespace {
constexpr auto ACQUIRE_TIMEOUT = std::chrono::seconds(10);

/// SQLite counts every allocation it makes under one process-wide mutex (memory status), which nothing here
/// reads: with 16 requests reading at once, a page whose statements copy rows (a board's UNION of each
/// stage's newest) spent more time waiting for that mutex than reading. It is switched off before SQLite
/// first starts. And Debian's SQLite is built serialized: every call on a connection, down to reading
/// one column of a row, locks and unlocks the connection's mutex (7% of a create's profile). A
/// connection here is used by one thread at a time — the pool hands it out, and the writers of a group
/// take turns on the group's connection under _writeMutex —, which is what multi-thread mode asks.
/// If something started SQLite already, both stay as they were (sqlite3_config refuses, nothing else
/// changes).
void configureSqliteOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

/// Maps what SQLite threw to what the domain understands; domain errors pass through.
[[noreturn]] void translate() {
    try {
        throw;
    } catch (const DomainError&) {
        throw;
    } catch (const SqliteFailure& e) {
        if ((e.code() & 0xFF) == 19) {  // SQLITE_CONSTRAINT, whatever the extended code
            // What SQLite said names tables and statements: it goes to the log, never to a client.
            Poco::Logger::get("lacuna").warning("store: " + e.message());
            throw AlreadyExists("the record conflicts with a stored one");
        }
        throw StoreUnavailable("the SQLite store failed: " + e.message());
    } catch (const Poco::Exception& e) {
        throw StoreUnavailable("the SQLite store failed: " + e.displayText());
    }
}

/// The reads this thread holds (SqliteDatabase::holdReads), if any.
struct ThreadReads {
    const SqliteDatabase* db = nullptr;      ///< whose reads are held; null when none are
    SqliteConnection* connection = nullptr;  ///< leased at the first read, returned when they end
    bool open = false;                       ///< a read transaction is open on it
    int running = 0;                         ///< reads running on it now (a read inside a read)
    bool endWhenDone = false;                ///< asked to end while a read ran
    bool writing = false;                    ///< inside write(): reads go their own way there
};
thread_local ThreadReads held;

}  // namespace

class SqliteDatabase::Held : public HeldReads {
public:
    explicit Held(SqliteDatabase& db) : _db(db) { held.db = &db; }
    ~Held() override {
        _db.letGoHeld();
        held = ThreadReads{};
    }

private:
    SqliteDatabase& _db;
};

/// Returns its connection to the pool however the scope ends.
class SqliteDatabase::Lease {
public:
    explicit Lease(SqliteDatabase& db) : _db(db), _connection(db.acquire()) {}
    ~Lease() { _db.release(_connection); }
    SqliteConnection& operator*() { return *_connection; }

private:
    SqliteDatabase& _db;
    SqliteConnection* _connection;
};

SqliteDatabase::SqliteDatabase(SqliteSettings settings) : _settings(std::move(settings)) {
    configureSqliteOnce();
    Poco::Data::SQLite::Connector::registerConnector();
    try {
        const Poco::Path parent = Poco::Path(_settings.path).parent();
        if (!parent.toString().empty()) Poco::File(parent).createDirectories();
        migrate();
    } catch (...) {
        translate();
    }
}

SqliteDatabase::~SqliteDatabase() = default;

std::unique_ptr<SqliteConnection> SqliteDatabase::open() {
    auto connection = std::make_unique<SqliteConnection>(_settings.path);
    connection->execute("PRAGMA busy_timeout = " + std::to_string(_settings.busyTimeoutMs));
    connection->execute("PRAGMA journal_mode = WAL");
    connection->execute("PRAGMA synchronous = " + _settings.synchronous);
    connection->execute("PRAGMA foreign_keys = ON");
    // A group's writes stay in the writer's page cache up to 16 MiB instead of the cache's 2 MiB: past
    // that, SQLite writes dirty pages out in the middle of the transaction (pwrite in every create's
    // index inserts), and writes them again at the COMMIT. Past 16 MiB (a migration, an import) it still
    // spills, so memory stays bounded; the pages beyond the cache's size are freed once unpinned.
    connection->execute("PRAGMA cache_spill = 4096");
    // Each writer of a group runs in a savepoint, whose sub-journal keeps the first image of every page
    // it changes, so that its work alone can be undone. SQLite keeps a sub-journal in memory up to 64 KiB
    // and then in a temporary file: a group of creates (each a gap row, its events, ~90 search postings)
    // passed that, and a fifth of a create's profile was pwrite() into that file, inside the inserts. In
    // memory it lasts as long as the savepoint and is as large as what that writer changed. This also
    // keeps SQLite's temporary tables in memory (a DISTINCT, a UNION); sorts still spill to files.
    connection->execute("PRAGMA temp_store = MEMORY");
    connection->execute("PRAGMA mmap_size = " + std::to_string(_settings.mmapBytes));
    return connection;
}

SqliteConnection* SqliteDatabase::acquire() {
    PoolMeter::Acquire timing(_meter);
    std::unique_lock lock(_mutex);
    for (;;) {
        if (!_idle.empty()) {
            SqliteConnection* s = _idle.back();
            _idle.pop_back();
            return s;
        }
        if (_all.size() < _settings.poolSize) {
            _all.push_back(nullptr);  // reserve the slot while opening outside the lock
            lock.unlock();
            std::unique_ptr<SqliteConnection> session;
            try {
                session = open();
            } catch (...) {
                lock.lock();
                _all.erase(std::find(_all.begin(), _all.end(), nullptr));
                _available.notify_one();
                translate();
            }
            lock.lock();
            auto slot = std::find(_all.begin(), _all.end(), nullptr);
            *slot = std::move(session);
            return slot->get();
        }
        timing.waiting();
        if (_available.wait_for(lock, ACQUIRE_TIMEOUT) == std::cv_status::timeout && _idle.empty())
            throw StoreUnavailable("no SQLite connection became free in time");
    }
}

void SqliteDatabase::release(SqliteConnection* session) {
    {
        std::lock_guard lock(_mutex);
        _idle.push_back(session);
    }
    _available.notify_one();
}

StorePoolStats SqliteDatabase::poolStats() {
    StorePoolStats stats;
    {
        std::lock_guard lock(_mutex);
        stats = _meter.stats(_settings.poolSize, _all.size(), _idle.size());
    }
    std::lock_guard lock(_writeMutex);
    stats.writersWaiting = _queued;
    return stats;
}

std::unique_ptr<HeldReads> SqliteDatabase::holdReads() {
    if (held.db) return nullptr;
    return std::make_unique<Held>(*this);
}

void SqliteDatabase::runHeld(const std::function<void(SqliteConnection&)>& work) {
    try {
        if (!held.connection) held.connection = acquire();
        if (!held.open) {
            held.connection->prepare("BEGIN").run();
            held.open = true;
        }
        ++held.running;
        try {
            work(*held.connection);
        } catch (...) {
            --held.running;
            letGoHeld();  // whatever failed, the next read begins afresh
            throw;
        }
        --held.running;
        if (held.endWhenDone) letGoHeld();
    } catch (...) {
        translate();
    }
}

void SqliteDatabase::letGoHeld() {
    if (held.db != this || !held.connection) return;
    if (held.running > 0) {  // an outer read still uses the connection: it ends when that one is done
        held.endWhenDone = true;
        return;
    }
    if (held.open) {
        try {
            held.connection->prepare("COMMIT").run();
        } catch (const Poco::Exception&) {
            try {
                held.connection->execute("ROLLBACK");
            } catch (const Poco::Exception&) {
                // Nothing is left open that a later use could see: SQLite ended it already.
            }
        }
    }
    release(held.connection);
    held.connection = nullptr;
    held.open = false;
    held.endWhenDone = false;
}

void SqliteDatabase::read(const std::function<void(SqliteConnection&)>& work) {
    if (held.db == this && !held.writing) return runHeld(work);
    try {
        Lease lease(*this);
        SqliteConnection& c = *lease;
        c.prepare("BEGIN").run();
        try {
            work(c);
            c.prepare("COMMIT").run();
        } catch (...) {
            try {
                c.execute("ROLLBACK");
            } catch (const Poco::Exception&) {
                // SQLite may have rolled back already (e.g. after SQLITE_FULL); nothing is left open.
            }
            throw;
        }
    } catch (...) {
        translate();
    }
}

void SqliteDatabase::write(const std::function<void(SqliteConnection&)>& work) {
    // SQLite admits one writer at a time. Writers of this process take turns here instead of polling
    // the file lock with busy_timeout's growing sleeps (which gave 100 ms tails at 16 clients), and a
    // COMMIT's fsync, most of a write's time, is shared by the writers that queued behind it.
    // Reads this thread holds end first: it waits for the write turn without holding a connection, and
    // its reads after this write see it.
    letGoHeld();
    struct Writing {
        const bool was = held.writing;
        Writing() { held.writing = true; }
        ~Writing() { held.writing = was; }
    } writing;
    std::unique_lock lock(_writeMutex);
    ++_queued;
    _turnFree.wait(lock, [this] { return !_turnTaken; });
    --_queued;
    _turnTaken = true;
    lock.unlock();

    // Only the writer holding the turn opens, extends or ends the group.
    std::exception_ptr own = _group ? nullptr : beginGroup();
    const std::shared_ptr<Group> group = _group;
    if (group) own = runMember(work);

    lock.lock();
    if (_group && (_queued == 0 || _groupSize >= MAX_GROUP)) {
        // Nobody waits to join (or the group is full): commit for everyone in it.
        lock.unlock();
        endGroup(nullptr);
        lock.lock();
    }
    // Otherwise the next writer joins this transaction, and the group's last writer commits it.
    _turnTaken = false;
    _turnFree.notify_one();
    if (group) _groupEnded.wait(lock, [&] { return group->ended; });
    lock.unlock();
    // An answer holds only if its group committed: an error met inside a group that was then not kept
    // was met on writes that no longer exist, so the group's failure is the answer.
    const std::exception_ptr failure = group && group->failure ? group->failure : own;
    if (!failure) return;
    try {
        std::rethrow_exception(failure);
    } catch (...) {
        translate();
    }
}

std::exception_ptr SqliteDatabase::beginGroup() {
    try {
        _writer = acquire();
    } catch (...) {
        return std::current_exception();
    }
    try {
        _writer->prepare("BEGIN IMMEDIATE").run();
    } catch (...) {
        release(_writer);
        _writer = nullptr;
        return std::current_exception();
    }
    _group = std::make_shared<Group>();
    _groupSize = 0;
    _groupKept = 0;
    return nullptr;
}

std::exception_ptr SqliteDatabase::runMember(const std::function<void(SqliteConnection&)>& work) {
    SqliteConnection& c = *_writer;
    ++_groupSize;
    std::exception_ptr own;
    try {
        c.prepare("SAVEPOINT member").run();
        work(c);
        c.prepare("RELEASE member").run();
        ++_groupKept;
        return nullptr;
    } catch (...) {
        own = std::current_exception();
    }
    // Undo this writer's part only; the group's earlier writes stay. SQLite itself rolls the whole
    // transaction back on some failures (a full disk, an I/O error): then the group is over.
    if (!c.inTransaction()) {
        endGroup(own);
        return own;
    }
    try {
        c.prepare("ROLLBACK TO member").run();
        c.prepare("RELEASE member").run();
    } catch (...) {
        endGroup(std::current_exception());
    }
    return own;
}

void SqliteDatabase::endGroup(std::exception_ptr failure) {
    SqliteConnection& c = *_writer;
    // A group whose every writer failed has nothing to keep: it is rolled back, without an fsync.
    const bool commit = !failure && _groupKept > 0;
    if (commit) {
        try {
            c.prepare("COMMIT").run();
        } catch (...) {
            failure = std::current_exception();
        }
    }
    if ((failure || !commit) && c.inTransaction()) {
        try {
            c.execute("ROLLBACK");
        } catch (const Poco::Exception&) {
            // Nothing more can be done on this connection; the transaction is not kept either way.
        }
    }
    if (commit && !failure) _meter.committed(_groupKept);
    release(_writer);
    _writer = nullptr;
    const std::shared_ptr<Group> group = std::move(_group);
    {
        std::lock_guard lock(_writeMutex);
        group->ended = true;
        group->failure = failure;
    }
    _groupEnded.notify_all();
}

void SqliteDatabase::query(const std::function<void(SqliteConnection&)>& work) {
    if (held.db == this && !held.writing) return runHeld(work);
    try {
        Lease lease(*this);
        work(*lease);
    } catch (...) {
        translate();
    }
}

void SqliteDatabase::migrate() {
    write([](SqliteConnection& c) {
        c.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (number BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)");
        std::int64_t applied = 0;
        {
            auto select = c.prepare("SELECT COALESCE(MAX(number), 0) FROM schema_migrations");
            if (select.step()) applied = select.integer(0);
        }
        for (const Migration& m : sqliteMigrations()) {
            if (m.number <= applied) continue;
            for (const std::string& statement : splitStatements(m.sql)) c.execute(statement);
            c.prepare("INSERT INTO schema_migrations (number, name) VALUES (?, ?)")
                .bind(std::int64_t{m.number})
                .bind(m.name)
                .run();
        }
    });
}

}  // namespace lacuna
