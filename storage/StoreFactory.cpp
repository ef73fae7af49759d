#include "StoreFactory.h"

#include <Poco/Exception.h>

#include "SqliteStore.h"

namespace lacuna {

std::unique_ptr<Store> openStore(const StoreSettings& settings) {
    if (settings.backend == "sqlite") {
        SqliteSettings sqlite;
        sqlite.path = settings.sqlitePath;
        sqlite.poolSize = settings.poolSize;
        sqlite.synchronous = settings.sqliteSynchronous;
        return std::make_unique<SqliteStore>(sqlite);
    }
    throw Poco::InvalidArgumentException("unknown storage backend '" + settings.backend + "'");
}

}  // namespace lacuna
