#include "SqliteStore.h"

#include "Errors.h"
#include "SqliteSql.h"

namespace lacuna {

SqliteStore::SqliteStore(SqliteSettings settings)
    : _db(std::move(settings)), _gaps(_db), _users(_db), _sessions(_db) {
    attach(std::make_unique<SqliteSqlDatabase>(_db));
}

bool SqliteStore::reachable() {
    try {
        _db.query([](SqliteConnection& c) { c.prepare("SELECT 1").step(); });
        return true;
    } catch (const StoreUnavailable&) {
        return false;
    }
}

}  // namespace lacuna
