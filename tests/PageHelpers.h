#pragma once

// A person using the pages in the HTTP suites: their cookie, their forms with the CSRF token, and what
// every page must carry.
#include <Poco/URI.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "TestService.h"

namespace lacuna::test {

inline std::string formEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string out;
    for (const auto& [name, value] : fields) {
        std::string encoded;
        Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]% ", encoded);
        out += (out.empty() ? "" : "&") + name + "=" + encoded;
    }
    return out;
}

/// A person using the pages: their session cookie, and the CSRF token their pages carry.
struct Browser {
    TestService& t;
    std::string token;

    Browser(TestService& service, const std::string& username) : t(service), token(service.token(username)) {}

    std::map<std::string, std::string> cookie(std::map<std::string, std::string> headers = {}) const {
        headers["Cookie"] = "lacuna_session=" + token;
        return headers;
    }
    Reply get(const std::string& path, std::map<std::string, std::string> headers = {}) const {
        return t.client->send("GET", path, "", "", cookie(std::move(headers)));
    }
    /// The CSRF token, as the desk's logout form carries it.
    std::string csrf() const {
        const Reply desk = get("/");
        std::smatch m;
        REQUIRE(std::regex_search(desk.body, m, std::regex("name=\"csrf\" value=\"([0-9a-f]{64})\"")));
        return m[1];
    }
    Reply post(const std::string& path, std::vector<std::pair<std::string, std::string>> fields,
               bool withCsrf = true, std::map<std::string, std::string> headers = {}) const {
        if (withCsrf) fields.emplace_back("csrf", csrf());
        return t.client->send("POST", path, "", formEncode(fields), cookie(std::move(headers)),
                              "application/x-www-form-urlencoded");
    }
};

inline void requireSecureHtml(const Reply& r) {
    INFO(r.status << " " << r.body.substr(0, 400));
    CHECK(r.contentType == "text/html; charset=utf-8");
    const std::string csp = r.header("Content-Security-Policy");
    CHECK(csp.find("default-src 'self'") != std::string::npos);
    CHECK(csp.find("script-src 'self'") != std::string::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
    CHECK(csp.find("unsafe-inline") == std::string::npos);
    CHECK(r.header("X-Content-Type-Options") == "nosniff");
    CHECK(r.header("Referrer-Policy") == "same-origin");
    CHECK(r.header("Cache-Control") == "no-store");
    CHECK(std::regex_match(r.header("Server-Timing"), std::regex("app;dur=[0-9]+(\\.[0-9]+)?")));
    CHECK(r.body.find("<html lang=\"fa\" dir=\"rtl\">") != std::string::npos);
    // No inline script, no script or style from another origin.
    CHECK(r.body.find("<script>") == std::string::npos);
    CHECK(r.body.find("src=\"http") == std::string::npos);
    CHECK(r.body.find("href=\"http") == std::string::npos);
}

/// The entry `name` of a ZIP archive (an XLSX workbook), read as a spreadsheet program would.
inline std::string unzipEntry(const std::string& bytes, const std::string& name) {
    std::istringstream in(bytes);
    const Poco::Zip::ZipArchive archive(in);
    const auto header = archive.findHeader(name);
    REQUIRE(header != archive.headerEnd());
    std::istringstream again(bytes);
    Poco::Zip::ZipInputStream entry(again, header->second);
    std::ostringstream out;
    out << entry.rdbuf();
    return out.str();
}

}  // namespace lacuna::test
