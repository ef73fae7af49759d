#pragma once

#include <Poco/Exception.h>

#include <cstdint>
#include <string>

namespace lacuna {

/// Why a backup or a restore did not happen (the message says what to do); nothing was changed.
POCO_DECLARE_EXCEPTION(, BackupFailure, Poco::RuntimeException)

/// What a backup or a restore copied.
struct SqliteCopyReport {
    std::int64_t pages = 0;
    std::int64_t bytes = 0;          ///< the size of the file written
    std::int64_t schemaVersion = 0;  ///< the last migration the copy carries
};

/// Copies the SQLite store at `source` to the file `target` with SQLite's online backup API, in one
/// read snapshot: the copy is consistent while the service keeps writing (in WAL mode a reader never
/// blocks a writer). It is written beside `target`, made a single self-contained file (no write-ahead
/// log), checked with integrity_check, synced, and only then renamed over `target`: a failed backup
/// leaves no half file. Throws BackupFailure.
SqliteCopyReport backupSqlite(const std::string& source, const std::string& target);

/// Makes the store at `target` (existing or not) a copy of the backup `source`, after checking that the
/// backup is whole, is a Lacuna store, and was not made by a newer Lacuna than this one. It writes through
/// SQLite into the target, so a write-ahead log left beside an old store is never replayed onto the
/// restored pages (which copying the file with `cp` would risk). Refused while another process has the
/// target open (the service must be stopped), and over a store that holds data unless `replace`. Throws
/// BackupFailure.
SqliteCopyReport restoreSqlite(const std::string& source, const std::string& target, bool replace);

}  // namespace lacuna
