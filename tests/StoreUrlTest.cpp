// The database URL (`--db`, LACUNA_DB): one host or a cluster's several, a socket, and every malformed form
// refused with what is wrong.
#include <Poco/Exception.h>

#include <catch2/catch.hpp>

#include "StoreFactory.h"

using namespace lacuna;

namespace {

StoreSettings parsed(const std::string& url) {
    StoreSettings settings;
    applyStoreUrl(url, settings);
    return settings;
}

std::string hosts(const StoreSettings& s) { return MysqlDatabase::describe(s.mysql); }

void requireRefused(const std::string& url, const std::string& says) {
    INFO(url);
    StoreSettings settings;
    try {
        applyStoreUrl(url, settings);
        FAIL("accepted");
    } catch (const Poco::InvalidArgumentException& e) {
        INFO(e.message());
        CHECK(e.message().find(says) != std::string::npos);
    }
}

}  // namespace

TEST_CASE("a database URL names one MySQL host, several, or a socket", "[unit][store-url]") {
    const StoreSettings one = parsed("mysql://lacuna@db.example:3307/gaps");
    CHECK(one.backend == "mysql");
    CHECK(one.mysql.user == "lacuna");
    CHECK(one.mysql.database == "gaps");
    CHECK(hosts(one) == "db.example:3307");
    CHECK(hosts(parsed("mysql://lacuna@db.example/gaps")) == "db.example:3306");
    CHECK(hosts(parsed("mysql://lacuna@localhost/gaps")) == "127.0.0.1:3306");  // TCP, as a port says
    CHECK(hosts(parsed("mysql://lacuna@/gaps")) == "127.0.0.1:3306");

    const StoreSettings cluster = parsed("mysql://lacuna@10.0.0.1:3306,10.0.0.2,[::1]:3308/lacuna");
    REQUIRE(cluster.mysql.hosts.size() == 3);
    CHECK(hosts(cluster) == "10.0.0.1:3306,10.0.0.2:3306,::1:3308");
    CHECK(cluster.mysql.database == "lacuna");
    CHECK(cluster.mysql.user == "lacuna");

    const StoreSettings socket = parsed("mysql://root@localhost/lacuna?socket=/run/mysqld/mysqld.sock");
    CHECK(socket.mysql.socket == "/run/mysqld/mysqld.sock");
    CHECK(hosts(socket) == "/run/mysqld/mysqld.sock");

    const StoreSettings sqlite = parsed("sqlite:data/lacuna.db");
    CHECK(sqlite.backend == "sqlite");
    CHECK(sqlite.sqlitePath == "data/lacuna.db");
}

TEST_CASE("a malformed database URL is refused, saying what is wrong", "[unit][store-url]") {
    requireRefused("postgres://x@y/z", "must start with sqlite: or mysql://");
    requireRefused("sqlite:", "needs a file path");
    requireRefused("mysql://db.example/gaps", "needs a user");
    requireRefused("mysql://lacuna:secret@db.example/gaps", "LACUNA_DB_PASSWORD");
    requireRefused("mysql://lacuna@db.example/", "needs a database name");
    requireRefused("mysql://lacuna@db.example/ga ps", "needs a database name");
    requireRefused("mysql://lacuna@db.example:70000/gaps", "between 1 and 65535");
    requireRefused("mysql://lacuna@db.example:0/gaps", "between 1 and 65535");
    requireRefused("mysql://lacuna@db.example:x/gaps", "'db.example:x' is not a MySQL host");
    requireRefused("mysql://lacuna@h1,,h2/gaps", "'' is not a MySQL host");
    requireRefused("mysql://lacuna@h1;h2/gaps", "is not a MySQL host");
    requireRefused("mysql://lacuna@h1,h2/gaps?socket=/tmp/s", "either one socket or several hosts");
    requireRefused("mysql://lacuna@h1/gaps?ssl=1", "unknown MySQL URL parameter 'ssl'");
}

TEST_CASE("INSERT … RETURNING is used on MariaDB from 10.5 and on nothing else", "[unit][store-url]") {
    CHECK(mariadbWithReturning("10.11.6-MariaDB-0+deb12u1"));
    CHECK(mariadbWithReturning("10.5.0-MariaDB"));
    CHECK(mariadbWithReturning("11.4.2-MariaDB-log"));
    CHECK_FALSE(mariadbWithReturning("10.4.32-MariaDB"));
    CHECK_FALSE(mariadbWithReturning("8.0.36"));
    CHECK_FALSE(mariadbWithReturning("8.4.0-commercial"));
    CHECK_FALSE(mariadbWithReturning("MariaDB"));
}
