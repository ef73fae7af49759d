#include "SqliteConnection.h"

#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>

namespace lacuna {
namespace {

constexpr std::size_t MAX_CACHED_STATEMENTS = 128;  // list queries vary with their filters

[[noreturn]] void fail(sqlite3* db, int code, const std::string& what) {
    throw SqliteFailure(what + ": " + sqlite3_errmsg(db), code);
}

}  // namespace

SqliteStatement::SqliteStatement(sqlite3* db, sqlite3_stmt* statement, bool* inUse)
    : _db(db), _statement(statement), _inUse(inUse) {}

SqliteStatement::~SqliteStatement() {
    if (!_inUse) {
        sqlite3_finalize(_statement);
        return;
    }
    sqlite3_reset(_statement);
    sqlite3_clear_bindings(_statement);
    *_inUse = false;
}

SqliteStatement& SqliteStatement::bind(std::int64_t value) {
    const int rc = sqlite3_bind_int64(_statement, _next++, value);
    if (rc != SQLITE_OK) fail(_db, rc, "bind");
    return *this;
}

SqliteStatement& SqliteStatement::bind(const std::string& value) {
    const int rc = sqlite3_bind_text(_statement, _next++, value.data(), static_cast<int>(value.size()),
                                     SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(_db, rc, "bind");
    return *this;
}

SqliteStatement& SqliteStatement::bind(const std::optional<std::string>& value) {
    if (value) return bind(*value);
    const int rc = sqlite3_bind_null(_statement, _next++);
    if (rc != SQLITE_OK) fail(_db, rc, "bind");
    return *this;
}

SqliteStatement& SqliteStatement::bind(const std::optional<std::int64_t>& value) {
    if (value) return bind(*value);
    return bind(std::optional<std::string>());
}

bool SqliteStatement::step() {
    const int rc = sqlite3_step(_statement);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(_db, sqlite3_extended_errcode(_db),
         std::string("step (") + std::string(sqlite3_sql(_statement)).substr(0, 60) + "…)");
}

int SqliteStatement::run() {
    while (step()) {
    }
    return sqlite3_changes(_db);
}

std::int64_t SqliteStatement::integer(int column) const { return sqlite3_column_int64(_statement, column); }

std::string SqliteStatement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(_statement, column));
    return data ? std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(_statement, column)))
                : std::string();
}

bool SqliteStatement::isNull(int column) const {
    return sqlite3_column_type(_statement, column) == SQLITE_NULL;
}

SqliteConnection::SqliteConnection(const std::string& path)
    : _session("SQLite", path), _db(Poco::Data::SQLite::Utility::dbHandle(_session)) {}

SqliteConnection::~SqliteConnection() {
    for (auto& [sql, cached] : _statements) sqlite3_finalize(cached.statement);
}

sqlite3_stmt* SqliteConnection::compile(const std::string& sql, unsigned flags) {
    sqlite3_stmt* statement = nullptr;
    const int rc =
        sqlite3_prepare_v3(_db, sql.c_str(), static_cast<int>(sql.size() + 1), flags, &statement, nullptr);
    if (rc != SQLITE_OK) fail(_db, rc, "prepare");
    return statement;
}

SqliteStatement SqliteConnection::prepare(const std::string& sql) {
    auto it = _statements.find(sql);
    if (it != _statements.end() && it->second.inUse) return SqliteStatement(_db, compile(sql, 0), nullptr);
    if (it == _statements.end()) {
        if (_statements.size() >= MAX_CACHED_STATEMENTS)
            std::erase_if(_statements, [](auto& entry) {
                if (entry.second.inUse) return false;
                sqlite3_finalize(entry.second.statement);
                return true;
            });
        it = _statements.emplace(sql, Cached{compile(sql, SQLITE_PREPARE_PERSISTENT)}).first;
    }
    it->second.inUse = true;
    return SqliteStatement(_db, it->second.statement, &it->second.inUse);
}

void SqliteConnection::execute(const std::string& sql) {
    char* error = nullptr;
    const int rc = sqlite3_exec(_db, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(_db);
        sqlite3_free(error);
        throw SqliteFailure(sql.substr(0, 60) + ": " + message, sqlite3_extended_errcode(_db));
    }
}

bool SqliteConnection::inTransaction() const { return sqlite3_get_autocommit(_db) == 0; }

}  // namespace lacuna
