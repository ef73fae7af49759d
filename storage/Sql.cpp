#include "Sql.h"

#include <Poco/String.h>

#include "Errors.h"

namespace lacuna {

std::int64_t selectInteger(SqlSession& session, const std::string& sql,
                           const std::vector<SqlParameter>& params) {
    return selectOne(session, sql, params, [](const SqlStatement& r) { return r.integer(0); }).value_or(0);
}

std::int64_t insertGiving(SqlSession& session, const std::string& insert, const std::string& column,
                          const std::function<void(SqlStatement&)>& bind,
                          const std::function<std::int64_t()>& askAfter) {
    if (session.insertReturning()) {
        auto statement = session.prepare(insert + " RETURNING " + column);
        bind(*statement);
        if (!statement->step()) throw StoreUnavailable("an INSERT gave no " + column + " back: " + insert);
        return statement->integer(0);
    }
    auto statement = session.prepare(insert);
    bind(*statement);
    statement->run();
    statement.reset();
    return askAfter();
}

std::int64_t insertForId(SqlSession& session, const std::string& insert,
                         const std::function<void(SqlStatement&)>& bind) {
    return insertGiving(session, insert, "id", bind, [&] { return session.lastInsertId(); });
}

std::int64_t insertForId(SqlSession& session, const std::string& insert,
                         const std::vector<SqlParameter>& params) {
    return insertForId(session, insert, [&](SqlStatement& s) { s.bindAll(params); });
}

int writeOne(SqlDatabase& db, const std::string& sql, const std::vector<SqlParameter>& params) {
    int changed = 0;
    db.write([&](SqlSession& s) { changed = s.prepare(sql)->bindAll(params).run(); });
    return changed;
}

QueueBacklog queryBacklog(SqlDatabase& db, const std::string& sql) {
    QueueBacklog b;
    queryRows(db, sql, {}, [&](const SqlStatement& r) {
        if (r.text(0) == "pending") {
            b.pending = r.integer(1);
            b.oldestPending = r.optionalInteger(2);
        } else {
            b.failed = r.integer(1);
        }
        return 0;
    });
    return b;
}

bool sqlTypeIsInteger(const std::string& type) {
    // SQLite's own rule for INTEGER affinity, which also covers MySQL's integer types.
    return Poco::toLower(type).find("int") != std::string::npos;
}

std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
    return out;
}

std::vector<std::vector<SqlParameter>> paddedBatches(const std::vector<std::int64_t>& ids, std::size_t size) {
    std::vector<std::vector<SqlParameter>> out;
    for (std::size_t from = 0; from < ids.size(); from += size) {
        std::vector<SqlParameter>& batch = out.emplace_back();
        for (std::size_t i = from; i < from + size; ++i) batch.emplace_back(i < ids.size() ? ids[i] : 0);
    }
    return out;
}

}  // namespace lacuna
