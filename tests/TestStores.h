#pragma once

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "Store.h"
#include "StoreFactory.h"

namespace lacuna::test {

/// A scratch directory removed when the test ends.
class TempDir {
public:
    TempDir() : _path(Poco::TemporaryFile::tempName()) { Poco::File(_path).createDirectories(); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        for (auto& cleanup : _cleanups) cleanup();
        try {
            Poco::File(_path).remove(true);
        } catch (...) {
        }
    }
    std::string path() const { return _path; }
    std::string file(const std::string& name) const {
        return Poco::Path(Poco::Path(_path).makeDirectory(), name).toString();
    }

    /// Runs `cleanup` when the directory goes (e.g. dropping a test database).
    void onCleanup(std::function<void()> cleanup) { _cleanups.push_back(std::move(cleanup)); }

private:
    std::string _path;
    std::vector<std::function<void()>> _cleanups;
};

/// The backend the suites run on: LACUNA_TEST_BACKEND (sqlite, the default, or mysql). The suites
/// are written once; CTest runs them once per backend.
std::string testBackend();
inline std::vector<std::string> backends() { return {testBackend()}; }

/// Settings for a fresh, empty store of `backend`: a file in `dir` for SQLite; for MySQL a new
/// database on the server of LACUNA_TEST_MYSQL (a mysql:// URL whose user may create databases),
/// dropped again when `dir` is.
StoreSettings freshStoreSettings(const std::string& backend, TempDir& dir);

/// The `--db` URL of `settings` (sqlite:PATH or mysql://USER@HOST:PORT/DB[?socket=PATH]).
std::string storeUrl(const StoreSettings& settings);

/// A fresh, empty, migrated store of `backend`.
inline std::unique_ptr<Store> freshStore(const std::string& backend, TempDir& dir) {
    return openStore(freshStoreSettings(backend, dir));
}

}  // namespace lacuna::test
