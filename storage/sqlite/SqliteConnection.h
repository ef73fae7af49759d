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
/// position. It is reset when the use ends, so no statement holds a read snapshot open.
class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* statement);
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
    int _next = 1;
};

/// One SQLite connection: opened through Poco::Data's SQLite connector, with its statements
/// prepared once and kept (SQLite compiles a statement far more slowly than it runs a point query).
class SqliteConnection {
public:
    explicit SqliteConnection(const std::string& path);
    ~SqliteConnection();

    /// The cached prepared statement for `sql`, ready to bind.
    SqliteStatement prepare(const std::string& sql);
    /// Runs statements without parameters, compiled anew each time (PRAGMAs, migrations, rollbacks). A
    /// statement run on every request (BEGIN, COMMIT) goes through prepare() instead, compiled once.
    void execute(const std::string& sql);
    /// Whether a transaction is open (false once SQLite has rolled one back by itself).
    bool inTransaction() const;

private:
    Poco::Data::Session _session;
    sqlite3* _db;
    std::map<std::string, sqlite3_stmt*> _statements;
};

}  // namespace lacuna
