#include "StoreFactory.h"

#include <Poco/Exception.h>
#include <Poco/RegularExpression.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

#include "MysqlSql.h"
#include "SqlStore.h"
#include "SqliteSql.h"

namespace lacuna {

void applyStoreUrl(const std::string& url, StoreSettings& settings) {
    if (url.rfind("sqlite:", 0) == 0) {
        const std::string path = url.substr(7);
        if (path.empty())
            throw Poco::InvalidArgumentException("sqlite: needs a file path, e.g. sqlite:data/lacuna.db");
        settings.backend = "sqlite";
        settings.sqlitePath = path;
        return;
    }
    if (url.rfind("mysql://", 0) != 0)
        throw Poco::InvalidArgumentException("the database URL must start with sqlite: or mysql://");
    // Poco::URI takes one host: the list (USER@h1:p1,h2:p2/…) is split off and the rest read with the first.
    const std::size_t slash = url.find('/', 8);
    const std::size_t at = url.rfind('@', slash);
    const std::size_t hostsFrom = at == std::string::npos || at < 8 ? 8 : at + 1;
    const std::string hostList =
        url.substr(hostsFrom, slash == std::string::npos ? std::string::npos : slash - hostsFrom);
    std::vector<MysqlHost> hosts;
    if (!hostList.empty()) {
        Poco::StringTokenizer tokens(hostList, ",", Poco::StringTokenizer::TOK_TRIM);
        for (const std::string& token : tokens) hosts.push_back(parseMysqlHost(token));
    } else {
        hosts.push_back(MysqlHost{});
    }
    Poco::URI uri;
    try {
        uri = Poco::URI(url.substr(0, hostsFrom) + (hostList.empty() ? "" : "localhost") +
                        (slash == std::string::npos ? "" : url.substr(slash)));
    } catch (const Poco::SyntaxException& e) {
        throw Poco::InvalidArgumentException("the database URL is malformed: " + e.message());
    }
    MysqlSettings& m = settings.mysql;
    const std::string userInfo = uri.getUserInfo();
    if (userInfo.empty())
        throw Poco::InvalidArgumentException("the MySQL URL needs a user: mysql://USER@HOST/DATABASE");
    if (userInfo.find(':') != std::string::npos)
        throw Poco::InvalidArgumentException("put the password in LACUNA_DB_PASSWORD, not in the URL");
    m.user = userInfo;
    m.hosts = hosts;
    std::string database = uri.getPath();
    if (!database.empty() && database.front() == '/') database.erase(0, 1);
    static const Poco::RegularExpression NAME("^[A-Za-z0-9_$]{1,64}$");
    if (!NAME.match(database))
        throw Poco::InvalidArgumentException(
            "the MySQL URL needs a database name: mysql://USER@HOST/DATABASE");
    m.database = database;
    m.socket.clear();
    for (const auto& [key, value] : uri.getQueryParameters()) {
        if (key == "socket")
            m.socket = value;
        else
            throw Poco::InvalidArgumentException("unknown MySQL URL parameter '" + key + "' (known: socket)");
    }
    if (!m.socket.empty() && m.hosts.size() > 1)
        throw Poco::InvalidArgumentException(
            "a MySQL URL names either one socket or several hosts, not both");
    settings.backend = "mysql";
}

MysqlHost parseMysqlHost(const std::string& text) {
    // host, host:port, [v6 address] or [v6 address]:port
    static const Poco::RegularExpression HOST_PORT(
        R"(^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::([0-9]{1,5}))?$)");
    std::vector<std::string> parts;
    if (HOST_PORT.split(text, parts) < 2)
        throw Poco::InvalidArgumentException("'" + text + "' is not a MySQL host, HOST or HOST:PORT");
    MysqlHost host;
    host.host = parts[1];
    if (host.host.front() == '[') host.host = host.host.substr(1, host.host.size() - 2);
    if (host.host == "localhost") host.host = "127.0.0.1";  // TCP, as the port says (not the local socket)
    if (parts.size() > 2 && !parts[2].empty()) {
        const int port = std::stoi(parts[2]);
        if (port < 1 || port > 65535)
            throw Poco::InvalidArgumentException("'" + text + "': the port must be between 1 and 65535");
        host.port = port;
    }
    return host;
}

std::string probeStore(const StoreSettings& settings) {
    if (settings.backend != "mysql") return "";
    try {
        MysqlDatabase::probe(settings.mysql);
        return "";
    } catch (const Poco::Exception& e) {
        return e.message();
    }
}

std::unique_ptr<SqlDatabase> openDatabase(const StoreSettings& settings) {
    if (settings.backend == "sqlite") {
        SqliteSettings sqlite;
        sqlite.path = settings.sqlitePath;
        sqlite.poolSize = settings.poolSize;
        sqlite.synchronous = settings.sqliteSynchronous;
        sqlite.mmapBytes = settings.sqliteMmapMib << 20;
        return std::make_unique<SqliteSqlDatabase>(sqlite);
    }
    if (settings.backend == "mysql") {
        MysqlSettings mysql = settings.mysql;
        mysql.poolSize = settings.poolSize;
        return std::make_unique<MysqlSqlDatabase>(mysql);
    }
    throw Poco::InvalidArgumentException("unknown storage backend '" + settings.backend + "'");
}

std::unique_ptr<Store> openStore(const StoreSettings& settings) {
    return std::make_unique<SqlStore>(openDatabase(settings), settings.backend);
}

}  // namespace lacuna
