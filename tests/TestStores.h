#pragma once

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

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
    ~TempDir() {
        try {
            Poco::File(_path).remove(true);
        } catch (...) {
        }
    }
    std::string path() const { return _path; }
    std::string file(const std::string& name) const {
        return Poco::Path(Poco::Path(_path).makeDirectory(), name).toString();
    }

private:
    std::string _path;
};

/// The backends the contract suites run on. Each one a test run can reach is listed here; the
/// suites are written once and run on every entry.
inline std::vector<std::string> backends() { return {"sqlite"}; }

/// A fresh, empty, migrated store of `backend` in `dir`.
inline std::unique_ptr<Store> freshStore(const std::string& backend, const TempDir& dir) {
    StoreSettings settings;
    settings.backend = backend;
    settings.sqlitePath = dir.file("test.db");
    settings.poolSize = 8;
    return openStore(settings);
}

}  // namespace lacuna::test
