#include "SqliteStore.h"

#include "Errors.h"

using namespace Poco::Data::Keywords;

namespace lacuna {

SqliteStore::SqliteStore(SqliteSettings settings)
    : _db(std::move(settings)), _gaps(_db), _users(_db), _sessions(_db) {}

bool SqliteStore::reachable() {
    try {
        _db.query([](Poco::Data::Session& s) {
            Poco::Int64 one = 0;
            s << "SELECT 1", into(one), now;
        });
        return true;
    } catch (const StoreUnavailable&) {
        return false;
    }
}

}  // namespace lacuna
