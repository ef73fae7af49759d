#include "StaticAssets.h"

#include <Poco/DigestEngine.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <zlib.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "ConfigError.h"

namespace lacuna {
namespace {

const std::map<std::string, std::string>& contentTypes() {
    static const std::map<std::string, std::string> TYPES = {
        {"css", "text/css; charset=utf-8"},
        {"js", "text/javascript; charset=utf-8"},
        {"woff2", "font/woff2"},
        {"svg", "image/svg+xml"},
        {"png", "image/png"},
        {"ico", "image/x-icon"},
        {"txt", "text/plain; charset=utf-8"},
        {"md", "text/plain; charset=utf-8"},
    };
    return TYPES;
}

bool isText(const std::string& contentType) {
    return contentType.rfind("text/", 0) == 0 || contentType == "image/svg+xml";
}

std::string readFile(const std::string& path) {
    Poco::FileInputStream in(path);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    return text;
}

/// Every regular file under `directory`, as paths relative to it with `/` separators.
void listFiles(const Poco::Path& directory, const std::string& prefix, std::vector<std::string>& out) {
    std::vector<std::string> names;
    Poco::File(directory).list(names);
    for (const std::string& name : names) {
        Poco::Path path(directory, name);
        if (Poco::File(path).isDirectory()) {
            path.makeDirectory();
            listFiles(path, prefix + name + "/", out);
        } else {
            out.push_back(prefix + name);
        }
    }
}

std::string hashedName(const std::string& name, const std::string& body) {
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    sha.update(body);
    const std::string digest = Poco::DigestEngine::digestToHex(sha.digest()).substr(0, 12);
    const std::size_t dot = name.rfind('.');
    return name.substr(0, dot) + "." + digest + name.substr(dot);
}

}  // namespace

std::string gzipText(const std::string& text, int level) {
    // One deflater per thread, reset for each text: a fresh one allocates and frees its ~256 KB window
    // every time, which costs a page more than the compressing does (the allocator hands the memory
    // back to the kernel each time).
    struct Deflater {
        z_stream stream{};
        bool ready = false;
        Deflater() { ready = deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK; }
        int level = 6;
        ~Deflater() {
            if (ready) deflateEnd(&stream);
        }
    };
    thread_local Deflater deflater;
    if (!deflater.ready || deflateReset(&deflater.stream) != Z_OK)
        throw std::runtime_error("zlib: no deflater");
    if (deflater.level != level && deflateParams(&deflater.stream, level, Z_DEFAULT_STRATEGY) == Z_OK)
        deflater.level = level;
    std::string out(deflateBound(&deflater.stream, static_cast<uLong>(text.size())), '\0');
    z_stream& z = deflater.stream;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("zlib: the text did not compress");
    out.resize(z.total_out);
    return out;
}

bool acceptsGzip(const std::string& acceptEncoding) {
    const Poco::StringTokenizer codings(acceptEncoding, ",", Poco::StringTokenizer::TOK_TRIM);
    for (const std::string& coding : codings) {
        const Poco::StringTokenizer parts(coding, ";", Poco::StringTokenizer::TOK_TRIM);
        if (parts.count() == 0) continue;
        const std::string name = Poco::toLower(parts[0]);
        if (name != "gzip" && name != "*") continue;
        bool refused = false;
        for (std::size_t i = 1; i < parts.count(); ++i) {
            const std::string q = Poco::replace(Poco::toLower(parts[i]), " ", "");
            if (q == "q=0" || q == "q=0." || q == "q=0.0" || q == "q=0.00" || q == "q=0.000") refused = true;
        }
        if (!refused) return true;
    }
    return false;
}

StaticAssets::StaticAssets(const std::string& directory) {
    Poco::Path root(directory);
    root.makeDirectory();
    if (!Poco::File(root).exists()) throw ConfigError("web static files: no directory " + directory);
    std::vector<std::string> names;
    listFiles(root, "", names);
    // Stylesheets last, so the files they name have their addresses already.
    std::stable_partition(names.begin(), names.end(), [](const std::string& n) {
        return n.size() < 4 || n.substr(n.size() - 4) != ".css";
    });
    for (const std::string& name : names) {
        const std::size_t dot = name.rfind('.');
        const auto type =
            dot == std::string::npos ? contentTypes().end() : contentTypes().find(name.substr(dot + 1));
        if (type == contentTypes().end())
            throw ConfigError("web static file " + name + " is of a type the service does not serve");
        StaticAsset asset{type->second, readFile(Poco::Path(root, name).toString()), ""};
        if (type->first == "css")
            for (const auto& [other, url] : _urls) {
                // A stylesheet names files relative to itself.
                const std::string folder =
                    name.find('/') == std::string::npos ? "" : name.substr(0, name.rfind('/') + 1);
                if (other.compare(0, folder.size(), folder) != 0) continue;
                Poco::replaceInPlace(asset.body, "url(" + other.substr(folder.size()) + ")",
                                     "url(" + url + ")");
            }
        if (isText(asset.contentType)) {
            std::string packed = gzipText(asset.body, 9);  // once, at start: the smallest
            if (packed.size() < asset.body.size()) asset.gzipped = std::move(packed);
        }
        const std::string file = hashedName(name, asset.body);
        _urls[name] = "/static/" + file;
        _byFile.emplace(file, std::move(asset));
    }
}

const std::string& StaticAssets::urlOf(const std::string& name) const {
    const auto it = _urls.find(name);
    if (it == _urls.end()) throw ConfigError("web static file " + name + " is not in web/static");
    return it->second;
}

const StaticAsset* StaticAssets::find(const std::string& file) const {
    const auto it = _byFile.find(file);
    return it == _byFile.end() ? nullptr : &it->second;
}

}  // namespace lacuna
