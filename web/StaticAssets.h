#pragma once

#include <map>
#include <optional>
#include <string>

namespace lacuna {

/// One static file as it is served.
struct StaticAsset {
    std::string contentType;
    std::string body;
    std::string gzipped;  ///< the body gzip-compressed, when that is smaller (text files); else empty
};

/// The files of web/static (copied in, pinned; see web/static/README.md), read once at start and
/// served under a name that carries a hash of their content (`/static/app.1f2e3d4c5b6a.css`), so a
/// browser may keep each for a year and a new release is never mixed with an old cached file.
/// A stylesheet's `url(name)` of another static file is rewritten to that file's hashed address.
class StaticAssets {
public:
    /// Throws ConfigError when the directory is missing or holds a file of an unknown type.
    explicit StaticAssets(const std::string& directory);

    /// The address of `name` (a path relative to the directory, `fonts/Vazirmatn-Regular.woff2`);
    /// throws ConfigError for a name that is not there (a template naming a missing file fails at start).
    const std::string& urlOf(const std::string& name) const;
    /// The asset served at the hashed file name `file` (the part after `/static/`), if any.
    const StaticAsset* find(const std::string& file) const;

private:
    std::map<std::string, std::string> _urls;    ///< name → /static/<hashed name>
    std::map<std::string, StaticAsset> _byFile;  ///< hashed name → asset
};

/// `text` compressed with gzip at `level` (1 fastest … 9 smallest).
std::string gzipText(const std::string& text, int level);

/// Whether an Accept-Encoding header accepts gzip (named, or `*`, without q=0).
bool acceptsGzip(const std::string& acceptEncoding);

}  // namespace lacuna
