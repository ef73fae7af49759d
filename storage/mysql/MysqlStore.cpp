#include "MysqlStore.h"

#include <cppconn/resultset.h>

#include "Errors.h"

namespace lacuna {

MysqlStore::MysqlStore(MysqlSettings settings)
    : _db(std::move(settings)), _gaps(_db), _users(_db), _sessions(_db) {}

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
