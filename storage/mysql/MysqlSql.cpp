#include "MysqlSql.h"

#include <cppconn/resultset.h>

#include <algorithm>
#include <map>

#include "Errors.h"

namespace lacuna {
namespace {

class Statement : public SqlStatement {
public:
    Statement(MysqlConnection& connection, const std::string& sql) : _statement(connection.prepare(sql)) {}
    SqlStatement& bind(std::int64_t value) override {
        _statement->setInt64(_next++, value);
        return *this;
    }
    SqlStatement& bind(const std::string& value) override {
        _statement->setString(_next++, value);
        return *this;
    }
    SqlStatement& bindNull() override {
        _statement->setNull(_next++, 0);
        return *this;
    }
    using SqlStatement::bind;
    bool step() override {
        if (!_rows) _rows.reset(_statement->executeQuery());
        return _rows->next();
    }
    int run() override { return _statement->executeUpdate(); }
    std::int64_t integer(int column) const override {
        return _rows->getInt64(static_cast<unsigned>(column + 1));
    }
    std::string text(int column) const override {
        return _rows->getString(static_cast<unsigned>(column + 1)).asStdString();
    }
    bool isNull(int column) const override { return _rows->isNull(static_cast<unsigned>(column + 1)); }

private:
    MysqlStatementUse _statement;  // declared first: the rows are closed before the statement's use ends
    std::unique_ptr<sql::ResultSet> _rows;
    unsigned _next = 1;
};

}  // namespace

std::unique_ptr<SqlStatement> MysqlSqlSession::prepare(const std::string& sql) {
    return std::make_unique<Statement>(_connection, sql);
}

std::int64_t MysqlSqlSession::lastInsertId() {
    std::unique_ptr<sql::ResultSet> id(
        _connection.prepare("SELECT LAST_INSERT_ID() AS inserted_id")->executeQuery());
    id->next();
    return id->getInt64(1);
}

std::string MysqlSqlSession::incrementCounterSql(const std::string& table) const {
    return "INSERT INTO " + table + " (year, last) VALUES (?, 1) ON DUPLICATE KEY UPDATE last = last + 1";
}

std::string MysqlSqlSession::indexHint(const std::string& index) const {
    return "FORCE INDEX (" + index + ") ";
}

std::vector<SqlTable> MysqlSqlSession::tables() {
    std::vector<SqlTable> out;
    std::map<std::string, std::size_t> index;
    for (
        auto& [table, column] : selectRows(
            *this,
            "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = "
            "DATABASE() AND TABLE_NAME NOT IN ('schema_migrations', 'schema_lock') ORDER BY TABLE_NAME, ORDINAL_POSITION",
            {}, [](const SqlStatement& row) {
                return std::pair{row.text(0), SqlColumn{row.text(1), sqlTypeIsInteger(row.text(2))}};
            })) {
        auto [at, added] = index.emplace(table, out.size());
        if (added) out.push_back(SqlTable{.name = table});
        out[at->second].columns.push_back(std::move(column));
    }
    for (auto& [table, column] : selectRows(
             *this,
             "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = "
             "DATABASE() AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY TABLE_NAME, ORDINAL_POSITION",
             {}, [](const SqlStatement& row) {
                 return std::pair{row.text(0), row.text(1)};
             }))
        if (auto at = index.find(table); at != index.end()) out[at->second].primaryKey.push_back(column);
    // information_schema sorts case-insensitively ('_' after letters); both backends list by byte order.
    std::sort(out.begin(), out.end(), [](const SqlTable& a, const SqlTable& b) { return a.name < b.name; });
    return out;
}

void MysqlSqlSession::deferForeignKeys(bool enforce) {
    _connection.execute(enforce ? "SET SESSION foreign_key_checks = 1"
                                : "SET SESSION foreign_key_checks = 0");
}

void MysqlSqlDatabase::snapshot(const std::function<void(SqlSession&)>& work) {
    bool started = false;  // the pool runs a read again on a fresh connection; `work` may have written out
    _db.read([&](MysqlConnection& connection) {
        if (started) throw StoreUnavailable("the connection to the database was lost during a snapshot read");
        connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        connection.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
        started = true;
        try {
            MysqlSqlSession session(connection);
            work(session);
        } catch (...) {
            try {
                connection.execute("ROLLBACK");
            } catch (...) {
                // the connection is gone, and its transaction with it
            }
            throw;
        }
        connection.execute("COMMIT");
    });
}

void MysqlSqlDatabase::write(const std::function<void(SqlSession&)>& work) {
    withSession<MysqlSqlSession>([this](const auto& w) { _db.write(w); }, work);
}

void MysqlSqlDatabase::read(const std::function<void(SqlSession&)>& work) {
    withSession<MysqlSqlSession>([this](const auto& w) { _db.read(w); }, work);
}

}  // namespace lacuna
