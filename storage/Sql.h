#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace lacuna {

/// A bound parameter of a generated statement.
using SqlParameter = std::variant<std::int64_t, std::string>;

enum class SqlDialect { Sqlite, Mysql };

/// One prepared statement, the same to both backends: bind parameters in order, then either run
/// it or step through its rows and read columns by position (0-based).
class SqlStatement {
public:
    virtual ~SqlStatement() = default;
    virtual SqlStatement& bind(std::int64_t value) = 0;
    virtual SqlStatement& bind(const std::string& value) = 0;
    virtual SqlStatement& bindNull() = 0;
    SqlStatement& bind(int value) { return bind(static_cast<std::int64_t>(value)); }
    SqlStatement& bind(bool value) { return bind(std::int64_t{value ? 1 : 0}); }
    SqlStatement& bind(const char* value) { return bind(std::string(value)); }
    SqlStatement& bind(const std::optional<std::int64_t>& value) { return value ? bind(*value) : bindNull(); }
    SqlStatement& bind(const std::optional<std::string>& value) { return value ? bind(*value) : bindNull(); }
    SqlStatement& bind(const SqlParameter& value) {
        return std::holds_alternative<std::int64_t>(value) ? bind(std::get<std::int64_t>(value))
                                                           : bind(std::get<std::string>(value));
    }
    SqlStatement& bindAll(const std::vector<SqlParameter>& values) {
        for (const auto& v : values) bind(v);
        return *this;
    }

    /// Advances to the next row; false when there is none.
    virtual bool step() = 0;
    /// Runs a statement that returns no rows; the number of rows it changed.
    virtual int run() = 0;

    virtual std::int64_t integer(int column) const = 0;
    virtual std::string text(int column) const = 0;
    virtual bool isNull(int column) const = 0;
    std::optional<std::int64_t> optionalInteger(int column) const {
        return isNull(column) ? std::nullopt : std::optional<std::int64_t>(integer(column));
    }
};

/// A connection inside a transaction (write) or in autocommit (read). A statement's SQL must not be
/// prepared again while a previous use of it still steps through rows: both share one prepared handle.
class SqlSession {
public:
    virtual ~SqlSession() = default;
    virtual std::unique_ptr<SqlStatement> prepare(const std::string& sql) = 0;
    /// The id the last INSERT into an auto-increment table gave.
    virtual std::int64_t lastInsertId() = 0;
    virtual SqlDialect dialect() const = 0;
};

/// Every row of `sql` with `params`, each read by `read(row)`; the statement is finished before it
/// returns, so callers may then run further statements per row.
template <typename Read>
auto selectRows(SqlSession& session, const std::string& sql, const std::vector<SqlParameter>& params,
                Read read) {
    std::vector<decltype(read(std::declval<const SqlStatement&>()))> out;
    auto select = session.prepare(sql);
    select->bindAll(params);
    while (select->step()) out.push_back(read(*select));
    return out;
}

/// A database as the backend-neutral repositories see it; errors arrive as domain errors
/// (StoreUnavailable, AlreadyExists), and a write rolls back when its work throws.
class SqlDatabase {
public:
    virtual ~SqlDatabase() = default;
    virtual void write(const std::function<void(SqlSession&)>& work) = 0;
    virtual void read(const std::function<void(SqlSession&)>& work) = 0;
};

}  // namespace lacuna
