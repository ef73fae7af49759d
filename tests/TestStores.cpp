#include "TestStores.h"

#include <Poco/Environment.h>
#include <Poco/Process.h>
#include <cppconn/statement.h>

#include <atomic>
#include <catch2/catch.hpp>

namespace lacuna::test {
namespace {

/// Runs one administrative statement on the test server (test set-up only; the service never does this).
void administer(const MysqlSettings& server, const std::string& statement) {
    const auto connection = MysqlDatabase::openConnection(server, false);
    std::unique_ptr<sql::Statement>(connection->createStatement())->execute(statement);
}

}  // namespace

std::string testBackend() {
    const std::string backend = Poco::Environment::get("LACUNA_TEST_BACKEND", "sqlite");
    if (backend != "sqlite" && backend != "mysql") FAIL("LACUNA_TEST_BACKEND must be sqlite or mysql");
    return backend;
}

std::string storeUrl(const StoreSettings& s) {
    if (s.backend == "sqlite") return "sqlite:" + s.sqlitePath;
    const MysqlSettings& m = s.mysql;
    std::string hosts;
    for (const MysqlHost& h : m.hosts)
        hosts += (hosts.empty() ? "" : ",") + h.host + ":" + std::to_string(h.port);
    return "mysql://" + m.user + "@" + hosts + "/" + m.database +
           (m.socket.empty() ? "" : "?socket=" + m.socket);
}

StoreSettings freshStoreSettings(const std::string& backend, TempDir& dir) {
    StoreSettings settings;
    settings.poolSize = 8;
    if (backend == "sqlite") {
        settings.backend = "sqlite";
        settings.sqlitePath = dir.file("test.db");
        return settings;
    }
    if (!Poco::Environment::has("LACUNA_TEST_MYSQL"))
        FAIL("LACUNA_TEST_MYSQL is not set: scripts/test.sh starts a private MariaDB and sets it");
    applyStoreUrl(Poco::Environment::get("LACUNA_TEST_MYSQL"), settings);
    settings.mysql.password = Poco::Environment::get("LACUNA_DB_PASSWORD", "");
    static std::atomic<int> counter{0};
    const std::string name =
        "lacuna_t" + std::to_string(Poco::Process::id()) + "_" + std::to_string(++counter);
    administer(settings.mysql, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    const MysqlSettings server = settings.mysql;
    dir.onCleanup([server, name] {
        try {
            administer(server, "DROP DATABASE IF EXISTS " + name);
        } catch (const std::exception&) {
            // the server may be gone already; its directory is removed with the test run
        }
    });
    settings.mysql.database = name;
    return settings;
}

}  // namespace lacuna::test
