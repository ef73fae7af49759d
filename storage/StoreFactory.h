#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "MysqlDatabase.h"
#include "Sql.h"
#include "Store.h"

namespace lacuna {

/// Which database to open, as parsed from config or from a `--db` URL.
struct StoreSettings {
    std::string backend = "sqlite";  ///< sqlite or mysql
    std::string sqlitePath;
    std::size_t poolSize = 8;
    std::string sqliteSynchronous = "FULL";
    std::int64_t sqliteMmapMib = 1024;
    MysqlSettings mysql;
};

/// Applies `sqlite:PATH` or `mysql://USER@HOST[:PORT][,HOST[:PORT]…]/DATABASE[?socket=PATH]` to `settings`
/// (the password never travels in the URL: it comes from LACUNA_DB_PASSWORD). Throws
/// Poco::InvalidArgumentException naming what is wrong.
void applyStoreUrl(const std::string& url, StoreSettings& settings);

/// `HOST`, `HOST:PORT` or `[IPv6]:PORT` (port 3306 when not given; localhost means TCP on 127.0.0.1).
/// Throws Poco::InvalidArgumentException naming what is wrong.
MysqlHost parseMysqlHost(const std::string& text);

/// Connects to the configured server without changing anything; returns what is wrong, or "" when
/// it answers (for `lacuna check-config`).
std::string probeStore(const StoreSettings& settings);

/// Opens (and migrates) the configured backend's database, as the repositories see it.
std::unique_ptr<SqlDatabase> openDatabase(const StoreSettings& settings);

/// Opens (and migrates) the configured backend.
std::unique_ptr<Store> openStore(const StoreSettings& settings);

}  // namespace lacuna
