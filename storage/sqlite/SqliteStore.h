#pragma once

#include "SqlBackedStore.h"
#include "SqliteDatabase.h"
#include "SqliteGapRepository.h"
#include "SqliteUserRepository.h"

namespace lacuna {

/// The embedded default backend: every port over one SQLite file.
class SqliteStore : public SqlBackedStore {
public:
    explicit SqliteStore(SqliteSettings settings);
    GapRepository& gaps() override { return _gaps; }
    UserRepository& users() override { return _users; }
    SessionRepository& sessions() override { return _sessions; }
    bool reachable() override;
    std::string backendName() const override { return "sqlite"; }

private:
    SqliteDatabase _db;
    SqliteGapRepository _gaps;
    SqliteUserRepository _users;
    SqliteSessionRepository _sessions;
};

}  // namespace lacuna
