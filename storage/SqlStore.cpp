#include "SqlStore.h"

#include <Poco/Logger.h>

#include "DerivedData.h"
#include "Errors.h"
#include "SearchIndex.h"

namespace lacuna {

SqlStore::SqlStore(std::unique_ptr<SqlDatabase> database, std::string backendName)
    : _database(std::move(database)),
      _backendName(std::move(backendName)),
      _gaps(*_database),
      _users(*_database),
      _sessions(*_database),
      _drafts(*_database),
      _meetings(*_database),
      _bills(*_database),
      _events(*_database),
      _inbox(*_database),
      _webhooks(*_database),
      _rulings(*_database),
      _search(*_database),
      _merges(*_database),
      _opinions(*_database),
      _precedents(*_database),
      _mail(*_database) {
    _database->write([](SqlSession& s) { derived::refresh(s); });
    // A store from before the search index: index its gaps once. Two instances starting at once on
    // one database may race here; the loser's transaction fails on the postings the winner wrote and
    // is simply dropped.
    try {
        _database->write([](SqlSession& s) { searchindex::backfillSearchIndex(s); });
    } catch (const AlreadyExists&) {
    }
}

bool SqlStore::reachable() {
    try {
        _database->query([](SqlSession& s) { selectInteger(s, "SELECT 1", {}); });
        return true;
    } catch (const StoreUnavailable&) {
        return false;
    }
}

bool SqlStore::writable(std::int64_t now) {
    try {
        // Committing is the proof; how many rows MySQL reports changed (none when the value is the same) is
        // not.
        writeOne(*_database, "UPDATE health_checks SET checked_at = ? WHERE id = 1", {now});
        return true;
    } catch (const DomainError& e) {
        Poco::Logger::get("lacuna").warning("readiness: the store does not take writes: " + e.displayText());
        return false;
    }
}

}  // namespace lacuna
