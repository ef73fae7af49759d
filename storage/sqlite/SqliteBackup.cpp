#include "SqliteBackup.h"

#include <Poco/File.h>
#include <Poco/Path.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <typeinfo>

#include "Migration.h"

namespace lacuna {

POCO_IMPLEMENT_EXCEPTION(BackupFailure, Poco::RuntimeException, "backup failure")

namespace {

/// One connection of its own (not the service's pool), closed however the scope ends.
class Connection {
public:
    Connection(const std::string& path, int flags, int busyTimeoutMs) : _path(path) {
        const int rc = sqlite3_open_v2(path.c_str(), &_db, flags, nullptr);
        if (rc != SQLITE_OK) {
            const std::string why = _db ? sqlite3_errmsg(_db) : sqlite3_errstr(rc);
            sqlite3_close_v2(_db);
            throw BackupFailure(path + " cannot be opened: " + why);
        }
        sqlite3_busy_timeout(_db, busyTimeoutMs);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() { sqlite3_close_v2(_db); }

    sqlite3* get() const { return _db; }
    const std::string& path() const { return _path; }

    /// The first column of the first row of `sql` as text ("" when there is no row); the SQLite result code
    /// of a failure in `failed`, or throws when `failed` is null.
    std::string single(const std::string& sql, int* failed = nullptr) {
        sqlite3_stmt* statement = nullptr;
        int rc = sqlite3_prepare_v2(_db, sql.c_str(), -1, &statement, nullptr);
        std::string value;
        if (rc == SQLITE_OK) {
            rc = sqlite3_step(statement);
            if (rc == SQLITE_ROW) {
                if (const unsigned char* text = sqlite3_column_text(statement, 0))
                    value = reinterpret_cast<const char*>(text);
                rc = SQLITE_OK;
            } else if (rc == SQLITE_DONE) {
                rc = SQLITE_OK;
            }
        }
        const std::string why = sqlite3_errmsg(_db);
        sqlite3_finalize(statement);
        if (rc != SQLITE_OK) {
            if (failed) {
                *failed = rc;
                return "";
            }
            throw BackupFailure(_path + ": " + why);
        }
        return value;
    }

private:
    std::string _path;
    sqlite3* _db = nullptr;
};

std::int64_t latestMigration() {
    int latest = 0;
    for (const Migration& m : sqliteMigrations()) latest = std::max(latest, m.number);
    return latest;
}

/// Checks that `db` is a whole Lacuna store (`whole`: every page and index checked, which reads the whole
/// file); returns the last migration it carries.
std::int64_t checkStore(Connection& db, bool whole) {
    int failed = 0;
    const std::string tables = db.single(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('schema_migrations', 'gaps')",
        &failed);
    if ((failed & 0xFF) == SQLITE_NOTADB) throw BackupFailure(db.path() + " is not a SQLite database");
    if (failed) throw BackupFailure(db.path() + " cannot be read: " + sqlite3_errstr(failed));
    if (tables != "2") throw BackupFailure(db.path() + " is not a Lacuna store (it has no gaps table)");
    if (whole) {
        const std::string integrity = db.single("PRAGMA integrity_check(5)");
        if (integrity != "ok") throw BackupFailure(db.path() + " is damaged: " + integrity);
    }
    return std::stoll(db.single("SELECT COALESCE(MAX(number), 0) FROM schema_migrations"));
}

/// Copies every page of `from` into `to` in one step, which reads `from` in one snapshot.
std::int64_t copyPages(Connection& from, Connection& to) {
    sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
    if (!backup) throw BackupFailure(to.path() + " cannot be written: " + sqlite3_errmsg(to.get()));
    int rc = SQLITE_OK;
    // A writer of the source holding its lock for a moment makes a step busy; a step that gets going
    // copies everything under one read lock.
    for (int attempt = 0; attempt < 100; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
        sqlite3_sleep(100);
    }
    const std::int64_t pages = sqlite3_backup_pagecount(backup);
    const int finished = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        throw BackupFailure("copying " + from.path() + " to " + to.path() + " failed: " + sqlite3_errstr(rc));
    if (finished != SQLITE_OK)
        throw BackupFailure("copying " + from.path() + " to " + to.path() +
                            " failed: " + sqlite3_errmsg(to.get()));
    return pages;
}

/// Makes what was written to `path` (a file or a directory) durable.
void sync(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) throw BackupFailure(path + " cannot be synced");
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw BackupFailure(path + " cannot be synced");
}

/// The same file, however it is named (a link, a relative path).
bool sameFile(const std::string& a, const std::string& b) {
    char* ra = ::realpath(a.c_str(), nullptr);
    char* rb = ::realpath(b.c_str(), nullptr);
    const bool same = ra && rb && std::string(ra) == rb;
    std::free(ra);
    std::free(rb);
    return same;
}

std::string directoryOf(const std::string& file) {
    const std::string parent = Poco::Path(file).makeAbsolute().parent().toString();
    return parent.empty() ? "." : parent;
}

void removeQuietly(const std::string& path) {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) std::remove((path + suffix).c_str());
}

}  // namespace

SqliteCopyReport backupSqlite(const std::string& source, const std::string& target) {
    if (!Poco::File(source).exists()) throw BackupFailure("there is no store at " + source);
    if (sameFile(source, target)) throw BackupFailure("the backup would overwrite the store itself");
    const std::string directory = directoryOf(target);
    if (!Poco::File(directory).exists())
        throw BackupFailure("the directory " + directory + " does not exist");
    // Opened for writing so that it shares the service's write-ahead log index; nothing is written to it.
    Connection from(source, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, 10000);
    checkStore(from, false);
    const std::string part = target + ".part";
    removeQuietly(part);
    SqliteCopyReport report;
    try {
        {
            Connection to(part, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, 10000);
            report.pages = copyPages(from, to);
            // One self-contained file: no log beside it to lose when it is moved.
            to.single("PRAGMA journal_mode = DELETE");
            report.schemaVersion = checkStore(to, true);
        }
        sync(part);
        if (std::rename(part.c_str(), target.c_str()) != 0)
            throw BackupFailure(part + " cannot be renamed to " + target);
        sync(directory);
    } catch (...) {
        removeQuietly(part);
        throw;
    }
    report.bytes = static_cast<std::int64_t>(Poco::File(target).getSize());
    return report;
}

SqliteCopyReport restoreSqlite(const std::string& source, const std::string& target, bool replace) {
    if (!Poco::File(source).exists()) throw BackupFailure("there is no backup at " + source);
    if (sameFile(source, target)) throw BackupFailure("the backup and the store are one file");
    Connection from(source, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, 10000);
    const std::int64_t version = checkStore(from, true);
    if (version > latestMigration())
        throw BackupFailure(source + " was made by a newer Lacuna (schema " + std::to_string(version) +
                            "; this one knows up to " + std::to_string(latestMigration()) + ")");
    Poco::File(directoryOf(target)).createDirectories();
    const bool existed = Poco::File(target).exists() && Poco::File(target).getSize() > 0;
    // No waiting: a store another process has open is refused at once.
    Connection to(target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, 0);
    int failed = 0;
    // Held until this connection closes: nobody else reads or writes the store while it is replaced.
    to.single("PRAGMA locking_mode = EXCLUSIVE", &failed);
    if (!failed) to.single("BEGIN EXCLUSIVE", &failed);
    if ((failed & 0xFF) == SQLITE_BUSY || (failed & 0xFF) == SQLITE_LOCKED)
        throw BackupFailure(target + " is in use: stop the service first");
    if ((failed & 0xFF) == SQLITE_NOTADB) throw BackupFailure(target + " is not a SQLite database");
    if (failed) throw BackupFailure(target + " cannot be written: " + sqlite3_errstr(failed));
    if (existed && !replace) {
        const std::string tables = to.single("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'");
        if (tables != "0")
            throw BackupFailure(target + " already holds a store; --replace replaces it with the backup");
    }
    to.single("COMMIT");
    SqliteCopyReport report;
    report.pages = copyPages(from, to);
    report.schemaVersion = checkStore(to, true);
    to.single("PRAGMA wal_checkpoint(TRUNCATE)");
    report.bytes = static_cast<std::int64_t>(Poco::File(target).getSize());
    return report;
}

}  // namespace lacuna
