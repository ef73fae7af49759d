#pragma once

#include "Sql.h"
#include "SqliteDatabase.h"

namespace lacuna {

/// The SQLite connection seen through the backend-neutral statement interface, with SQLite's dialect.
class SqliteSqlSession : public SqlSession {
public:
    explicit SqliteSqlSession(SqliteConnection& connection) : _connection(connection) {}
    std::unique_ptr<SqlStatement> prepare(const std::string& sql) override;
    std::int64_t lastInsertId() override;
    /// SQLite has RETURNING, but asking for the id afterwards is a function call, not a round trip.
    bool insertReturning() const override { return false; }
    std::string incrementCounterSql(const std::string& table) const override;
    std::string indexHint(const std::string& index) const override;
    std::string limitedUnionMember(const std::string& select) const override {
        return "SELECT * FROM (" + select + ")";
    }
    std::string claimRowSql(const std::string& table, const std::string& column) const override {
        // A write transaction holds the whole database already.
        return "INSERT INTO " + table + " (" + column + ") VALUES (?) ON CONFLICT (" + column +
               ") DO NOTHING";
    }
    std::vector<SqlTable> tables() override;
    void deferForeignKeys(bool enforce) override;

private:
    SqliteConnection& _connection;
};

/// An SQLite file as the repositories see it.
class SqliteSqlDatabase : public SqlDatabase {
public:
    explicit SqliteSqlDatabase(SqliteSettings settings) : _db(std::move(settings)) {}
    void write(const std::function<void(SqlSession&)>& work) override;
    void read(const std::function<void(SqlSession&)>& work) override;
    StorePoolStats poolStats() override { return _db.poolStats(); }
    void query(const std::function<void(SqlSession&)>& work) override;
    /// A read transaction: in WAL mode it keeps the snapshot of its first read to the end.
    void snapshot(const std::function<void(SqlSession&)>& work) override { read(work); }
    std::unique_ptr<HeldReads> holdReads() override { return _db.holdReads(); }

private:
    SqliteDatabase _db;
};

}  // namespace lacuna
