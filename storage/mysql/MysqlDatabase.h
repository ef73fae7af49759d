#pragma once

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/statement.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "PoolMeter.h"

namespace lacuna {

/// One server's address.
struct MysqlHost {
    std::string host = "127.0.0.1";
    int port = 3306;
};

struct MysqlSettings {
    /// The servers, in order of preference (the nodes of a cluster): a connection is made to the one in use
    /// and, when it does not answer, to the next that does, which is then used from there on.
    std::vector<MysqlHost> hosts{MysqlHost{}};
    std::string socket;  ///< when set, the server is reached on this Unix socket instead of hosts
    std::string database = "lacuna";
    std::string user = "lacuna";
    std::string password;  ///< from LACUNA_DB_PASSWORD only
    std::size_t poolSize = 16;
    int connectTimeoutSeconds = 5;
    int readTimeoutSeconds = 30;
    /// READ COMMITTED (default) or REPEATABLE READ; see MysqlDatabase::connect.
    std::string isolation = "READ COMMITTED";
};

/// Whether the server whose `SELECT VERSION()` is `version` takes INSERT … RETURNING: MariaDB from 10.5
/// ("10.11.6-MariaDB-0+deb12u1"), not MySQL ("8.0.36").
bool mariadbWithReturning(const std::string& version);

/// One use of a prepared statement: lent by its connection's cache (the cache's mark is cleared when the
/// use ends) or, while the cached one is in use, prepared for this use alone and closed at its end.
class MysqlStatementUse {
public:
    MysqlStatementUse(sql::PreparedStatement& cached, bool& inUse) : _statement(&cached), _inUse(&inUse) {}
    explicit MysqlStatementUse(std::unique_ptr<sql::PreparedStatement> own)
        : _statement(own.get()), _own(std::move(own)) {}
    MysqlStatementUse(const MysqlStatementUse&) = delete;
    MysqlStatementUse& operator=(const MysqlStatementUse&) = delete;
    ~MysqlStatementUse() {
        if (_inUse) *_inUse = false;
    }
    sql::PreparedStatement* operator->() const { return _statement; }

private:
    sql::PreparedStatement* _statement;
    bool* _inUse = nullptr;
    std::unique_ptr<sql::PreparedStatement> _own;
};

/// One pooled connection with its prepared statements, prepared once and reused.
class MysqlConnection {
public:
    MysqlConnection(std::unique_ptr<sql::Connection> connection, std::size_t host, bool insertReturning);
    sql::Connection& raw() { return *_connection; }
    /// Whether the server is MariaDB 10.5 or later, whose INSERT takes a RETURNING clause.
    bool insertReturning() const { return _insertReturning; }
    /// The index, among the settings' hosts, of the server this connection reached.
    std::size_t host() const { return _host; }
    /// The prepared statement for `sql`, with its parameters cleared: the cached one, or, while that one
    /// is still in use (the same text open twice), one prepared for this use alone. The cache is bounded:
    /// when it is full, the statements not in use are dropped, never one still being read.
    MysqlStatementUse prepare(const std::string& sql);
    /// Runs a statement without parameters (transaction control).
    void execute(const std::string& sql);

private:
    std::unique_ptr<sql::Connection> _connection;
    std::size_t _host;
    bool _insertReturning;
    struct Cached {
        std::unique_ptr<sql::PreparedStatement> statement;
        bool inUse = false;
    };
    std::map<std::string, Cached> _statements;
    std::unique_ptr<sql::Statement> _plain;
};

/// A pool of connections to one MySQL or MariaDB database, with the schema migrated at open.
/// Transactions run in READ COMMITTED and are retried on deadlock; a connection that failed is
/// dropped and replaced, so the service recovers by itself when the server comes back. Every
/// sql::SQLException becomes a domain error here (StoreUnavailable, AlreadyExists).
class MysqlDatabase {
public:
    explicit MysqlDatabase(MysqlSettings settings);
    ~MysqlDatabase();

    /// A bare Connector/C++ connection with the settings' account and timeouts, in the settings' database
    /// when `inDatabase`: to the first of the hosts, from `*host` on (in turn), that answers, whose index
    /// is left in `*host` (throws the last host's sql::SQLException when none does).
    static std::unique_ptr<sql::Connection> openConnection(const MysqlSettings& settings, bool inDatabase,
                                                           std::size_t* host = nullptr);
    /// The settings' servers as `host:port,host:port` (or the socket's path).
    static std::string describe(const MysqlSettings& settings);
    /// Connects once and runs SELECT 1; throws StoreUnavailable saying why it failed.
    static void probe(const MysqlSettings& settings);

    void write(const std::function<void(MysqlConnection&)>& work);
    void read(const std::function<void(MysqlConnection&)>& work);
    StorePoolStats poolStats();

private:
    static std::unique_ptr<MysqlConnection> connect(const MysqlSettings& settings, std::size_t* host);
    /// A new pooled connection, to the host in use or the next that answers.
    std::unique_ptr<MysqlConnection> connect();
    std::unique_ptr<MysqlConnection> acquire();
    void release(std::unique_ptr<MysqlConnection> connection);
    void discard();
    void discardIdle();
    /// After the server of host `failed` failed: the next connections go to the host after it.
    void moveOn(std::size_t failed);
    void run(bool write, const std::function<void(MysqlConnection&)>& work);
    /// Runs the migrations not yet applied, under the migration lock, starting over after a transient
    /// failure.
    void migrate();
    void migrateOnce(const std::string& holder);

    MysqlSettings _settings;
    std::mutex _mutex;
    std::condition_variable _available;
    std::vector<std::unique_ptr<MysqlConnection>> _idle;
    std::size_t _open = 0;
    std::atomic<std::size_t> _host{0};  ///< the index of the host connections are made to
    PoolMeter _meter;
};

}  // namespace lacuna
