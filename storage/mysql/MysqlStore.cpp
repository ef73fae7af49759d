#include "MysqlStore.h"

#include <cppconn/resultset.h>

#include "Errors.h"
#include "MysqlSql.h"

namespace lacuna {

MysqlStore::MysqlStore(MysqlSettings settings)
    : _db(std::move(settings)), _gaps(_db), _users(_db), _sessions(_db) {
    attach(std::make_unique<MysqlSqlDatabase>(_db));
}

bool MysqlStore::reachable() {
    try {
        _db.read([](MysqlConnection& c) {
            std::unique_ptr<sql::ResultSet>(c.prepare("SELECT 1").executeQuery());
        });
        return true;
    } catch (const StoreUnavailable&) {
        return false;
    }
}

}  // namespace lacuna
