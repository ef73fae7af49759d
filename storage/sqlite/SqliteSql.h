#pragma once

#include "Sql.h"
#include "SqliteDatabase.h"

namespace lacuna {

/// The SQLite connection seen through the backend-neutral statement interface.
class SqliteSqlSession : public SqlSession {
public:
    explicit SqliteSqlSession(SqliteConnection& connection) : _connection(connection) {}
    std::unique_ptr<SqlStatement> prepare(const std::string& sql) override;
    std::int64_t lastInsertId() override;
    SqlDialect dialect() const override { return SqlDialect::Sqlite; }

private:
    SqliteConnection& _connection;
};

class SqliteSqlDatabase : public SqlDatabase {
public:
    explicit SqliteSqlDatabase(SqliteDatabase& db) : _db(db) {}
    void write(const std::function<void(SqlSession&)>& work) override;
    void read(const std::function<void(SqlSession&)>& work) override;

private:
    SqliteDatabase& _db;
};

}  // namespace lacuna
