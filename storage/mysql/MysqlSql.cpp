#include "MysqlSql.h"

#include <cppconn/resultset.h>

namespace lacuna {
namespace {

class Statement : public SqlStatement {
public:
    explicit Statement(sql::PreparedStatement& statement) : _statement(statement) {}
    SqlStatement& bind(std::int64_t value) override {
        _statement.setInt64(_next++, value);
        return *this;
    }
    SqlStatement& bind(const std::string& value) override {
        _statement.setString(_next++, value);
        return *this;
    }
    SqlStatement& bindNull() override {
        _statement.setNull(_next++, 0);
        return *this;
    }
    using SqlStatement::bind;
    bool step() override {
        if (!_rows) _rows.reset(_statement.executeQuery());
        return _rows->next();
    }
    int run() override { return _statement.executeUpdate(); }
    std::int64_t integer(int column) const override {
        return _rows->getInt64(static_cast<unsigned>(column + 1));
    }
    std::string text(int column) const override {
        return _rows->getString(static_cast<unsigned>(column + 1)).asStdString();
    }
    bool isNull(int column) const override { return _rows->isNull(static_cast<unsigned>(column + 1)); }

private:
    sql::PreparedStatement& _statement;
    std::unique_ptr<sql::ResultSet> _rows;
    unsigned _next = 1;
};

}  // namespace

std::unique_ptr<SqlStatement> MysqlSqlSession::prepare(const std::string& sql) {
    return std::make_unique<Statement>(_connection.prepare(sql));
}

std::int64_t MysqlSqlSession::lastInsertId() {
    std::unique_ptr<sql::ResultSet> id(
        _connection.prepare("SELECT LAST_INSERT_ID() AS inserted_id").executeQuery());
    id->next();
    return id->getInt64(1);
}

std::string MysqlSqlSession::incrementCounterSql(const std::string& table) const {
    return "INSERT INTO " + table + " (year, last) VALUES (?, 1) ON DUPLICATE KEY UPDATE last = last + 1";
}

std::string MysqlSqlSession::indexHint(const std::string& index) const {
    return "FORCE INDEX (" + index + ") ";
}

void MysqlSqlDatabase::write(const std::function<void(SqlSession&)>& work) {
    withSession<MysqlSqlSession>([this](const auto& w) { _db.write(w); }, work);
}

void MysqlSqlDatabase::read(const std::function<void(SqlSession&)>& work) {
    withSession<MysqlSqlSession>([this](const auto& w) { _db.read(w); }, work);
}

}  // namespace lacuna
