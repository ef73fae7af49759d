#pragma once

#include "MysqlDatabase.h"
#include "Sql.h"

namespace lacuna {

/// The MySQL/MariaDB connection seen through the backend-neutral statement interface.
class MysqlSqlSession : public SqlSession {
public:
    explicit MysqlSqlSession(MysqlConnection& connection) : _connection(connection) {}
    std::unique_ptr<SqlStatement> prepare(const std::string& sql) override;
    std::int64_t lastInsertId() override;
    SqlDialect dialect() const override { return SqlDialect::Mysql; }

private:
    MysqlConnection& _connection;
};

class MysqlSqlDatabase : public SqlDatabase {
public:
    explicit MysqlSqlDatabase(MysqlDatabase& db) : _db(db) {}
    void write(const std::function<void(SqlSession&)>& work) override;
    void read(const std::function<void(SqlSession&)>& work) override;

private:
    MysqlDatabase& _db;
};

}  // namespace lacuna
