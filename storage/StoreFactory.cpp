#include "StoreFactory.h"

#include <Poco/Exception.h>
#include <Poco/RegularExpression.h>
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
    Poco::URI uri;
    try {
        uri = Poco::URI(url);
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
    m.host = uri.getHost().empty() ? "127.0.0.1" : uri.getHost();
    if (m.host == "localhost") m.host = "127.0.0.1";
    m.port = uri.getPort() == 0 ? 3306 : uri.getPort();
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
    settings.backend = "mysql";
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
