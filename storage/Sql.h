#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "HeldReads.h"
#include "QueueBacklog.h"
#include "StorePoolStats.h"

namespace lacuna {

/// SQL NULL as a parameter.
struct SqlNull {};
/// A bound parameter of a statement.
using SqlParameter = std::variant<std::int64_t, std::string, SqlNull>;
/// An optional value as a parameter: NULL when absent.
inline SqlParameter nullable(const std::optional<std::int64_t>& value) {
    return value ? SqlParameter(*value) : SqlParameter(SqlNull{});
}

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
        if (const auto* n = std::get_if<std::int64_t>(&value)) return bind(*n);
        if (const auto* t = std::get_if<std::string>(&value)) return bind(*t);
        return bindNull();
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

/// A column as the store's schema declares it: integers are read and bound as integers, the rest as text.
struct SqlColumn {
    std::string name;
    bool integer = false;
};

/// A table of the store's schema (as the database describes it, not as the code expects it).
struct SqlTable {
    std::string name;
    std::vector<SqlColumn> columns;       ///< in the table's order
    std::vector<std::string> primaryKey;  ///< its columns in the key's order
};

/// A connection inside a transaction (write) or in autocommit (read). A statement's SQL must not be
/// prepared again while a previous use of it still steps through rows: both share one prepared handle.
class SqlSession {
public:
    virtual ~SqlSession() = default;
    virtual std::unique_ptr<SqlStatement> prepare(const std::string& sql) = 0;
    /// The id the last INSERT into an auto-increment table gave.
    virtual std::int64_t lastInsertId() = 0;
    /// Whether an INSERT may end in `RETURNING <columns>`, giving back what it wrote in its own round
    /// trip (MariaDB from 10.5). Where it may not (MySQL), or there is no round trip to save (SQLite),
    /// the caller asks afterwards.
    virtual bool insertReturning() const = 0;

    // What the dialects say differently.
    /// `INSERT INTO <table> (year, last) VALUES (?, 1)` that adds one to `last` when the year is there.
    virtual std::string incrementCounterSql(const std::string& table) const = 0;
    /// How a statement names the index it must use (SQLite `INDEXED BY`, MySQL `FORCE INDEX`), with a
    /// trailing space.
    virtual std::string indexHint(const std::string& index) const = 0;
    /// `select` (with its own ORDER BY and LIMIT) as one member of a UNION ALL. SQLite allows that only
    /// inside a subquery; MariaDB materialises such a subquery as a temporary table, where a
    /// parenthesised member (which SQLite refuses) is read straight off its index.
    virtual std::string limitedUnionMember(const std::string& select) const = 0;
    /// An INSERT of one `column` value into `table` that, when the key is taken, locks the row that
    /// holds it for writing until the transaction ends instead (one parameter).
    virtual std::string claimRowSql(const std::string& table, const std::string& column) const = 0;
    /// Every table the service owns (the migrations' own bookkeeping aside), sorted by name.
    virtual std::vector<SqlTable> tables() = 0;
    /// Until the transaction ends (SQLite) or `enforce` is false again (MySQL, for this session), foreign
    /// keys are not checked row by row, so rows may arrive in any order.
    virtual void deferForeignKeys(bool enforce) = 0;
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

/// Whether a column of this declared type (SQLite's `BIGINT`, MySQL's `bigint`, …) holds integers.
bool sqlTypeIsInteger(const std::string& type);

/// `?, ?, …` for n parameters.
std::string placeholders(std::size_t n);

/// The ids in batches of exactly `size` parameters, the last padded with 0 (an id no record has):
/// one statement of `size` placeholders then serves every batch, prepared once.
std::vector<std::vector<SqlParameter>> paddedBatches(const std::vector<std::int64_t>& ids, std::size_t size);

/// The rows of a list's records' parts (an agenda, a bill's sponsors) read for every record in one
/// statement, not one per record: `select` ends in `IN ` and names the record's id at `idColumn`; each row,
/// read by `read(row)`, goes to `add(record, part)`. Records are anything with an `id`.
template <typename Record, typename Read, typename Add>
void selectParts(SqlSession& session, std::vector<Record>& records, const std::string& select,
                 const std::string& order, int idColumn, Read read, Add add) {
    if (records.empty()) return;
    std::map<std::int64_t, Record*> byId;
    std::vector<SqlParameter> ids;
    for (Record& r : records) {
        byId[r.id] = &r;
        ids.emplace_back(r.id);
    }
    for (auto& [id, part] : selectRows(session, select + "(" + placeholders(ids.size()) + ") " + order, ids,
                                       [&](const SqlStatement& row) {
                                           return std::pair{row.integer(idColumn), read(row)};
                                       }))
        add(*byId.at(id), std::move(part));
}

/// A database as the backend-neutral repositories see it; errors arrive as domain errors
/// (StoreUnavailable, AlreadyExists), and a write rolls back when its work throws.
class SqlDatabase {
public:
    virtual ~SqlDatabase() = default;
    virtual void write(const std::function<void(SqlSession&)>& work) = 0;
    virtual void read(const std::function<void(SqlSession&)>& work) = 0;
    /// One statement's read, without a transaction around it where the backend can skip that cost.
    virtual void query(const std::function<void(SqlSession&)>& work) { read(work); }
    /// Several statements that see one consistent snapshot, however long they take, while writers go on
    /// (an export). `work` runs once: a connection lost on the way fails the call rather than running it
    /// again.
    virtual void snapshot(const std::function<void(SqlSession&)>& work) = 0;
    virtual StorePoolStats poolStats() = 0;
    /// See Store::holdReads(): null where the backend has nothing to gain.
    virtual std::unique_ptr<HeldReads> holdReads() { return nullptr; }
};

/// Runs `work` with a `Session` over the connection that `enter` (one of a backend's ways in: write,
/// read, query) hands over.
template <typename Session, typename Enter>
void withSession(Enter enter, const std::function<void(SqlSession&)>& work) {
    enter([&](auto& connection) {
        Session session(connection);
        work(session);
    });
}

/// The first row of `sql` with `params` read by `read`, if there is one.
template <typename Read>
auto selectOne(SqlSession& session, const std::string& sql, const std::vector<SqlParameter>& params,
               Read read) -> std::optional<decltype(read(std::declval<const SqlStatement&>()))> {
    auto select = session.prepare(sql);
    select->bindAll(params);
    if (!select->step()) return std::nullopt;
    return read(*select);
}

/// Every row of one statement, read by `read` in one visit to `db` (no transaction around a single
/// statement where the backend can skip that cost).
template <typename Read>
auto queryRows(SqlDatabase& db, const std::string& sql, const std::vector<SqlParameter>& params, Read read) {
    std::vector<decltype(read(std::declval<const SqlStatement&>()))> rows;
    db.query([&](SqlSession& s) { rows = selectRows(s, sql, params, read); });
    return rows;
}

/// The first row of one statement, if any, read as queryRows() reads.
template <typename Read>
auto queryOne(SqlDatabase& db, const std::string& sql, const std::vector<SqlParameter>& params, Read read) {
    std::optional<decltype(read(std::declval<const SqlStatement&>()))> row;
    db.query([&](SqlSession& s) { row = selectOne(s, sql, params, read); });
    return row;
}

/// What `select(session)` returns, read in one read transaction (several statements, one snapshot).
template <typename Select>
auto readAll(SqlDatabase& db, Select select) {
    decltype(select(std::declval<SqlSession&>())) out;
    db.read([&](SqlSession& s) { out = select(s); });
    return out;
}

/// The first record `select(session)` returns, read as readAll() reads.
template <typename Select>
auto readFirst(SqlDatabase& db, Select select) {
    auto all = readAll(db, select);
    using Record = typename decltype(all)::value_type;
    return all.empty() ? std::optional<Record>() : std::optional<Record>(std::move(all.front()));
}

/// Runs one changing statement in its own transaction; the number of rows it changed.
int writeOne(SqlDatabase& db, const std::string& sql, const std::vector<SqlParameter>& params);

/// A queue's backlog from `sql`, whose rows are (state, count, oldest creation): the row of state `pending`
/// gives the pending count and the oldest, any other row the failed count.
QueueBacklog queryBacklog(SqlDatabase& db, const std::string& sql);

/// The one integer of a `SELECT COUNT(*)`-like statement (0 when it gives no row).
std::int64_t selectInteger(SqlSession& session, const std::string& sql,
                           const std::vector<SqlParameter>& params);

/// Runs `insert` with what `bind` binds and gives the integer `column` of the row it wrote: through
/// RETURNING where the session has it (one round trip), else from `askAfter()` once it has run.
std::int64_t insertGiving(SqlSession& session, const std::string& insert, const std::string& column,
                          const std::function<void(SqlStatement&)>& bind,
                          const std::function<std::int64_t()>& askAfter);
/// Runs `insert` (an INSERT into a table keyed by an auto-increment `id`) with what `bind` binds, and
/// gives the id it made.
std::int64_t insertForId(SqlSession& session, const std::string& insert,
                         const std::function<void(SqlStatement&)>& bind);
/// The same with the parameters in order.
std::int64_t insertForId(SqlSession& session, const std::string& insert,
                         const std::vector<SqlParameter>& params);

}  // namespace lacuna
