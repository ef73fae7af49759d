#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Exception.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace lacuna {

/// What SQLite said when a statement failed; SqliteDatabase turns it into a domain error.
class SqliteFailure : public Poco::Exception {
public:
    SqliteFailure(const std::string& message, int code) : Poco::Exception(message, code) {}
    const char* name() const noexcept override { return "SQLite failure"; }
    Poco::Exception* clone() const override { return new SqliteFailure(*this); }
    void rethrow() const override { throw *this; }
};

/// One prepared statement in use: bind parameters in order, step through rows, read columns by
/// position. It is reset when the use ends, so no statement holds a read snapshot open. A cached statement
/// is lent (`inUse` is the cache's mark, cleared when the use ends); any other is finalized at the end.
class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* statement, bool* inUse);
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    ~SqliteStatement();

    SqliteStatement& bind(std::int64_t value);
    SqliteStatement& bind(const std::string& value);
    SqliteStatement& bind(const std::optional<std::string>& value);
    SqliteStatement& bind(const std::optional<std::int64_t>& value);

    /// Advances to the next row; false when there is none. Throws SqliteFailure.
    bool step();
    /// Runs a statement that returns no rows; returns the number of rows it changed.
    int run();

    std::int64_t integer(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;

private:
    sqlite3* _db;
    sqlite3_stmt* _statement;
    bool* _inUse;  ///< the cache's mark for a lent statement; null for one this use owns
    int _next = 1;
};

/// One SQLite connection: opened through Poco::Data's SQLite connector, with its statements
/// prepared once and kept (SQLite compiles a statement far more slowly than it runs a point query).
class SqliteConnection {
public:
    explicit SqliteConnection(const std::string& path);
    ~SqliteConnection();

    /// The prepared statement for `sql`, ready to bind: the cached one, or, while that one is still in
    /// use (the same text open twice), one compiled for this use alone. The cache is bounded: when it is
    /// full, the statements not in use are dropped, never one still being read.
    SqliteStatement prepare(const std::string& sql);
    /// Runs statements without parameters, compiled anew each time (PRAGMAs, migrations, rollbacks). A
    /// statement run on every request (BEGIN, COMMIT) goes through prepare() instead, compiled once.
    void execute(const std::string& sql);
    /// Whether a transaction is open (false once SQLite has rolled one back by itself).
    bool inTransaction() const;

private:
    Poco::Data::Session _session;
    sqlite3* _db;
    struct Cached {
        sqlite3_stmt* statement = nullptr;
        bool inUse = false;
    };
    sqlite3_stmt* compile(const std::string& sql, unsigned flags);
    std::map<std::string, Cached> _statements;
};

}  // namespace lacuna
