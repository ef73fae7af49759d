#include "SqliteSql.h"

#include <algorithm>

namespace lacuna {
namespace {

class Statement : public SqlStatement {
public:
    Statement(SqliteConnection& connection, const std::string& sql) : _statement(connection.prepare(sql)) {}
    SqlStatement& bind(std::int64_t value) override {
        _statement.bind(value);
        return *this;
    }
    SqlStatement& bind(const std::string& value) override {
        _statement.bind(value);
        return *this;
    }
    SqlStatement& bindNull() override {
        _statement.bind(std::optional<std::string>());
        return *this;
    }
    using SqlStatement::bind;
    bool step() override { return _statement.step(); }
    int run() override { return _statement.run(); }
    std::int64_t integer(int column) const override { return _statement.integer(column); }
    std::string text(int column) const override { return _statement.text(column); }
    bool isNull(int column) const override { return _statement.isNull(column); }

private:
    SqliteStatement _statement;
};

}  // namespace

std::unique_ptr<SqlStatement> SqliteSqlSession::prepare(const std::string& sql) {
    return std::make_unique<Statement>(_connection, sql);
}

std::int64_t SqliteSqlSession::lastInsertId() {
    // Its own statement text, kept apart from any "SELECT last_insert_rowid()" a caller may hold open.
    auto id = _connection.prepare("SELECT last_insert_rowid() AS inserted_id");
    id.step();
    return id.integer(0);
}

std::string SqliteSqlSession::incrementCounterSql(const std::string& table) const {
    return "INSERT INTO " + table +
           " (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1";
}

std::string SqliteSqlSession::indexHint(const std::string& index) const {
    return "INDEXED BY " + index + " ";
}

std::vector<SqlTable> SqliteSqlSession::tables() {
    std::vector<SqlTable> out = selectRows(
        *this,
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "AND name <> 'schema_migrations' ORDER BY name",
        {}, [](const SqlStatement& row) { return SqlTable{.name = row.text(0)}; });
    for (SqlTable& table : out) {
        std::vector<std::pair<std::int64_t, std::string>> key;
        for (auto& [column, position] : selectRows(
                 *this, "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid", {table.name},
                 [](const SqlStatement& row) {
                     return std::pair{SqlColumn{row.text(0), sqlTypeIsInteger(row.text(1))}, row.integer(2)};
                 })) {
            if (position > 0) key.emplace_back(position, column.name);
            table.columns.push_back(std::move(column));
        }
        std::sort(key.begin(), key.end());
        for (auto& [position, name] : key) table.primaryKey.push_back(std::move(name));
    }
    return out;
}

void SqliteSqlSession::deferForeignKeys(bool enforce) {
    // defer_foreign_keys lasts to the end of the transaction, where every key is checked.
    if (!enforce) _connection.execute("PRAGMA defer_foreign_keys = ON");
}

void SqliteSqlDatabase::write(const std::function<void(SqlSession&)>& work) {
    withSession<SqliteSqlSession>([this](const auto& w) { _db.write(w); }, work);
}

void SqliteSqlDatabase::read(const std::function<void(SqlSession&)>& work) {
    withSession<SqliteSqlSession>([this](const auto& w) { _db.read(w); }, work);
}

void SqliteSqlDatabase::query(const std::function<void(SqlSession&)>& work) {
    withSession<SqliteSqlSession>([this](const auto& w) { _db.query(w); }, work);
}

}  // namespace lacuna
