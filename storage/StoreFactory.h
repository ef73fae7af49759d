#pragma once

#include <memory>
#include <string>

#include "Store.h"

namespace lacuna {

/// Which database to open, as parsed from config or from a `--db` URL.
struct StoreSettings {
    std::string backend = "sqlite";
    std::string sqlitePath;
    std::size_t poolSize = 8;
    std::string sqliteSynchronous = "FULL";
};

/// Opens (and migrates) the configured backend.
std::unique_ptr<Store> openStore(const StoreSettings& settings);

}  // namespace lacuna
