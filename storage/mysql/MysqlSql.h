#pragma once

#include "MysqlDatabase.h"
#include "Sql.h"

namespace lacuna {

/// The MySQL/MariaDB connection seen through the backend-neutral statement interface, with MySQL's
/// dialect.
class MysqlSqlSession : public SqlSession {
public:
    explicit MysqlSqlSession(MysqlConnection& connection) : _connection(connection) {}
    std::unique_ptr<SqlStatement> prepare(const std::string& sql) override;
    std::int64_t lastInsertId() override;
    bool insertReturning() const override { return _connection.insertReturning(); }
    std::string incrementCounterSql(const std::string& table) const override;
    std::string indexHint(const std::string& index) const override;
    std::string limitedUnionMember(const std::string& select) const override { return "(" + select + ")"; }
    std::string claimRowSql(const std::string& table, const std::string& column) const override {
        // Unlike INSERT IGNORE (a shared lock on a taken key), this takes the row's exclusive lock.
        return "INSERT INTO " + table + " (" + column + ") VALUES (?) ON DUPLICATE KEY UPDATE " + column +
               " = " + column;
    }
    std::vector<SqlTable> tables() override;
    void deferForeignKeys(bool enforce) override;

private:
    MysqlConnection& _connection;
};

/// A MySQL/MariaDB database as the repositories see it.
class MysqlSqlDatabase : public SqlDatabase {
public:
    explicit MysqlSqlDatabase(MysqlSettings settings) : _db(std::move(settings)) {}
    void write(const std::function<void(SqlSession&)>& work) override;
    void read(const std::function<void(SqlSession&)>& work) override;
    /// START TRANSACTION WITH CONSISTENT SNAPSHOT at REPEATABLE READ (the pool's sessions read committed).
    void snapshot(const std::function<void(SqlSession&)>& work) override;
    StorePoolStats poolStats() override { return _db.poolStats(); }

private:
    MysqlDatabase _db;
};

}  // namespace lacuna
