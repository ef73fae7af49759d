#include "SqliteDatabase.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include <algorithm>
#include <chrono>

#include "Errors.h"
#include "Migration.h"

using namespace Poco::Data::Keywords;

namespace lacuna {

namespace {
constexpr auto ACQUIRE_TIMEOUT = std::chrono::seconds(10);

/// Maps what SQLite threw to what the domain understands; domain errors pass through.
[[noreturn]] void translate() {
    try {
        throw;
    } catch (const DomainError&) {
        throw;
    } catch (const Poco::Data::SQLite::ConstraintViolationException& e) {
        throw AlreadyExists("the record conflicts with a stored one: " + e.message());
    } catch (const Poco::Exception& e) {
        throw StoreUnavailable("the SQLite store failed: " + e.displayText());
    }
}
}  // namespace

/// Returns its connection to the pool however the scope ends.
class SqliteDatabase::Lease {
public:
    explicit Lease(SqliteDatabase& db) : _db(db), _session(db.acquire()) {}
    ~Lease() { _db.release(_session); }
    Poco::Data::Session& operator*() { return *_session; }

private:
    SqliteDatabase& _db;
    Poco::Data::Session* _session;
};

SqliteDatabase::SqliteDatabase(SqliteSettings settings) : _settings(std::move(settings)) {
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

std::unique_ptr<Poco::Data::Session> SqliteDatabase::open() {
    auto session = std::make_unique<Poco::Data::Session>("SQLite", _settings.path);
    Poco::Data::Session& s = *session;
    s << "PRAGMA busy_timeout = " + std::to_string(_settings.busyTimeoutMs), now;
    s << "PRAGMA journal_mode = WAL", now;
    s << "PRAGMA synchronous = " + _settings.synchronous, now;
    s << "PRAGMA foreign_keys = ON", now;
    return session;
}

Poco::Data::Session* SqliteDatabase::acquire() {
    std::unique_lock lock(_mutex);
    for (;;) {
        if (!_idle.empty()) {
            Poco::Data::Session* s = _idle.back();
            _idle.pop_back();
            return s;
        }
        if (_all.size() < _settings.poolSize) {
            _all.push_back(nullptr);  // reserve the slot while opening outside the lock
            lock.unlock();
            std::unique_ptr<Poco::Data::Session> session;
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
        if (_available.wait_for(lock, ACQUIRE_TIMEOUT) == std::cv_status::timeout && _idle.empty())
            throw StoreUnavailable("no SQLite connection became free in time");
    }
}

void SqliteDatabase::release(Poco::Data::Session* session) {
    {
        std::lock_guard lock(_mutex);
        _idle.push_back(session);
    }
    _available.notify_one();
}

void SqliteDatabase::run(const char* begin, const std::function<void(Poco::Data::Session&)>& work) {
    try {
        Lease lease(*this);
        Poco::Data::Session& s = *lease;
        s << begin, now;
        try {
            work(s);
            s << "COMMIT", now;
        } catch (...) {
            try {
                s << "ROLLBACK", now;
            } catch (const Poco::Exception&) {
                // SQLite may have rolled back already (e.g. after SQLITE_FULL); nothing is left open.
            }
            throw;
        }
    } catch (...) {
        translate();
    }
}

void SqliteDatabase::write(const std::function<void(Poco::Data::Session&)>& work) {
    // SQLite admits one writer at a time. Writers of this process queue here, in order, instead of
    // polling the file lock with busy_timeout's growing sleeps (which gave 100 ms tails at 16
    // clients). Other processes on the same file are still kept apart by BEGIN IMMEDIATE.
    std::lock_guard writer(_writerMutex);
    run("BEGIN IMMEDIATE", work);
}

void SqliteDatabase::read(const std::function<void(Poco::Data::Session&)>& work) { run("BEGIN", work); }

void SqliteDatabase::query(const std::function<void(Poco::Data::Session&)>& work) {
    try {
        Lease lease(*this);
        work(*lease);
    } catch (...) {
        translate();
    }
}

void SqliteDatabase::migrate() {
    write([](Poco::Data::Session& s) {
        s << "CREATE TABLE IF NOT EXISTS schema_migrations (number BIGINT PRIMARY KEY, name TEXT NOT NULL, "
             "applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
            now;
        Poco::Int64 applied = 0;
        s << "SELECT COALESCE(MAX(number), 0) FROM schema_migrations", into(applied), now;
        for (const Migration& m : sqliteMigrations()) {
            if (m.number <= applied) continue;
            for (const std::string& statement : splitStatements(m.sql)) s << statement, now;
            Poco::Int64 number = m.number;
            std::string name = m.name;
            s << "INSERT INTO schema_migrations (number, name) VALUES (?, ?)", use(number), use(name), now;
        }
    });
}

}  // namespace lacuna
