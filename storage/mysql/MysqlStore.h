#pragma once

#include "MysqlDatabase.h"
#include "MysqlGapRepository.h"
#include "MysqlUserRepository.h"
#include "SqlBackedStore.h"

namespace lacuna {

/// Every port over one MySQL or MariaDB database; any number of instances may share it.
class MysqlStore : public SqlBackedStore {
public:
    explicit MysqlStore(MysqlSettings settings);
    GapRepository& gaps() override { return _gaps; }
    UserRepository& users() override { return _users; }
    SessionRepository& sessions() override { return _sessions; }
    bool reachable() override;
    std::string backendName() const override { return "mysql"; }

private:
    MysqlDatabase _db;
    MysqlGapRepository _gaps;
    MysqlUserRepository _users;
    MysqlSessionRepository _sessions;
};

}  // namespace lacuna
