#include "MysqlDatabase.h"

#include <Poco/Environment.h>
#include <Poco/Logger.h>
#include <Poco/Process.h>
#include <cppconn/exception.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "Errors.h"
#include "Migration.h"

namespace lacuna {
namespace {

constexpr int MAX_ATTEMPTS = 5;
constexpr std::size_t MAX_CACHED_STATEMENTS = 128;
constexpr auto ACQUIRE_TIMEOUT = std::chrono::seconds(10);

// Server error codes (mysqld_error.h / errmsg.h) the adapter reacts to.
constexpr int ER_DUP_ENTRY = 1062;
constexpr int ER_LOCK_WAIT_TIMEOUT = 1205;
constexpr int ER_LOCK_DEADLOCK = 1213;
// ER_UNKNOWN_COM_ERROR: what a Galera node outside the cluster's majority answers to every statement.
constexpr int ER_NODE_NOT_READY = 1047;

bool isRetryable(const sql::SQLException& e) {
    return e.getErrorCode() == ER_LOCK_DEADLOCK || e.getErrorCode() == ER_LOCK_WAIT_TIMEOUT;
}

/// The connection itself is gone (server restarted, network cut, idle timeout), or its server cannot serve:
/// a Galera node cut off from the cluster's majority answers 1047 ("WSREP has not yet prepared node for
/// application use") to every statement.
bool isConnectionLost(const sql::SQLException& e) {
    const int code = e.getErrorCode();
    return code == 2006 || code == 2013 || code == 2055 || code == 4031 || code == ER_NODE_NOT_READY;
}

/// Connector/C++ needs its per-thread client state set up on every thread that uses it, and torn
/// down when the thread ends; the HTTP server's worker threads come and go.
class DriverThread {
public:
    DriverThread() { sql::mysql::get_mysql_driver_instance()->threadInit(); }
    ~DriverThread() { sql::mysql::get_mysql_driver_instance()->threadEnd(); }
};

void enterDriverThread() { thread_local DriverThread thread; }

/// Keeps other instances from migrating at the same time, on this server or on any node of its Galera cluster
/// (where GET_LOCK holds on one node only): the lock is a row taken by an UPDATE that the whole cluster
/// certifies — of two nodes taking it at once, one commit fails and that instance waits — with a lease, so an
/// instance killed while migrating does not block the others for longer than LEASE_SECONDS.
class MigrationLock {
public:
    static constexpr int LEASE_SECONDS = 300;

    /// `holder` names the one who migrates: the same through every attempt of one migration, so that an
    /// attempt that failed after taking the lock (its release lost with its connection) takes it again at
    /// once.
    MigrationLock(sql::Connection& c, std::string holder) : _c(c), _holder(std::move(holder)) {
        std::unique_ptr<sql::Statement> s(_c.createStatement());
        s->execute(
            "CREATE TABLE IF NOT EXISTS schema_lock (id INT NOT NULL PRIMARY KEY, holder VARCHAR(64) NOT NULL, "
            "expires_at BIGINT NOT NULL) ENGINE=InnoDB");
        std::unique_ptr<sql::PreparedStatement> take(
            _c.prepareStatement("UPDATE schema_lock SET holder = ?, expires_at = UNIX_TIMESTAMP() + " +
                                std::to_string(LEASE_SECONDS) +
                                " WHERE id = 1 AND (holder IN ('', ?) OR expires_at < UNIX_TIMESTAMP())"));
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(LEASE_SECONDS + 60);
        for (bool told = false;;) {
            take->setString(1, _holder);
            take->setString(2, _holder);
            try {
                // Instances starting at once on three Galera nodes all insert the row: the losers'
                // statements fail certification (a deadlock error) and are simply tried again.
                s->execute("INSERT IGNORE INTO schema_lock (id, holder, expires_at) VALUES (1, '', 0)");
                if (take->executeUpdate() == 1) return;
                std::unique_ptr<sql::ResultSet> held(s->executeQuery(
                    "SELECT holder, expires_at - UNIX_TIMESTAMP() FROM schema_lock WHERE id = 1"));
                // Taken again within the second an earlier attempt took it: the row did not change.
                const bool row = held->next();
                if (row && held->getString(1) == _holder) return;
                if (row && !told) {
                    told = true;
                    Poco::Logger::get("lacuna").information(
                        "store: waiting for the migration lock, which " + std::string(held->getString(1)) +
                        " holds (its lease ends in " + std::to_string(held->getInt64(2)) + " s)");
                }
            } catch (const sql::SQLException& e) {
                if (!isRetryable(e)) throw;  // another node's instance took it in the same instant
            }
            if (std::chrono::steady_clock::now() > deadline)
                throw StoreUnavailable("could not take the migration lock: another instance holds it");
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
    ~MigrationLock() {
        try {
            release();
        } catch (...) {
            // the connection failed; the lease ends by itself
        }
    }
    MigrationLock(const MigrationLock&) = delete;
    MigrationLock& operator=(const MigrationLock&) = delete;

    void release() {
        if (_released) return;
        std::unique_ptr<sql::PreparedStatement> free(_c.prepareStatement(
            "UPDATE schema_lock SET holder = '', expires_at = 0 WHERE id = 1 AND holder = ?"));
        free->setString(1, _holder);
        free->executeUpdate();
        _released = true;  // only now: a release that failed is tried again by the destructor
    }

    /// This process and this moment: unique to one migration among every instance of the cluster.
    static std::string holderName() {
        return Poco::Environment::nodeName().substr(0, 40) + ":" + std::to_string(Poco::Process::id()) + ":" +
               std::to_string(std::chrono::steady_clock::now().time_since_epoch().count() % 1000000007);
    }

private:
    sql::Connection& _c;
    std::string _holder;
    bool _released = false;
};

[[noreturn]] void unavailable(const sql::SQLException& e) {
    throw StoreUnavailable("MySQL error " + std::to_string(e.getErrorCode()) + " (" + e.getSQLState() +
                           "): " + e.what());
}

}  // namespace

bool mariadbWithReturning(const std::string& version) {
    if (version.find("MariaDB") == std::string::npos) return false;
    int major = 0, minor = 0;
    if (std::sscanf(version.c_str(), "%d.%d", &major, &minor) != 2) return false;
    return major > 10 || (major == 10 && minor >= 5);
}

MysqlConnection::MysqlConnection(std::unique_ptr<sql::Connection> connection, std::size_t host,
                                 bool insertReturning)
    : _connection(std::move(connection)), _host(host), _insertReturning(insertReturning) {}

void MysqlConnection::execute(const std::string& sql) {
    if (!_plain) _plain.reset(_connection->createStatement());
    _plain->execute(sql);
}

MysqlStatementUse MysqlConnection::prepare(const std::string& sql) {
    const auto fresh = [&] {
        return std::unique_ptr<sql::PreparedStatement>(_connection->prepareStatement(sql));
    };
    auto it = _statements.find(sql);
    if (it != _statements.end() && it->second.inUse) return MysqlStatementUse(fresh());
    if (it == _statements.end()) {
        if (_statements.size() >= MAX_CACHED_STATEMENTS)  // list queries vary with their filters
            std::erase_if(_statements, [](const auto& entry) { return !entry.second.inUse; });
        it = _statements.emplace(sql, Cached{fresh()}).first;
    }
    it->second.statement->clearParameters();
    it->second.inUse = true;
    return MysqlStatementUse(*it->second.statement, it->second.inUse);
}

MysqlDatabase::MysqlDatabase(MysqlSettings settings) : _settings(std::move(settings)) {
    enterDriverThread();
    migrate();
}

MysqlDatabase::~MysqlDatabase() = default;

void MysqlDatabase::probe(const MysqlSettings& settings) {
    enterDriverThread();
    try {
        auto connection = connect(settings, nullptr);
        connection->execute("SELECT 1");
    } catch (const sql::SQLException& e) {
        unavailable(e);
    }
}

std::unique_ptr<sql::Connection> MysqlDatabase::openConnection(const MysqlSettings& settings, bool inDatabase,
                                                               std::size_t* host) {
    enterDriverThread();
    sql::ConnectOptionsMap options;
    options["userName"] = sql::SQLString(settings.user);
    options["password"] = sql::SQLString(settings.password);
    if (inDatabase) options["schema"] = sql::SQLString(settings.database);
    options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
    options["OPT_CONNECT_TIMEOUT"] = settings.connectTimeoutSeconds;
    options["OPT_READ_TIMEOUT"] = settings.readTimeoutSeconds;
    options["OPT_WRITE_TIMEOUT"] = settings.readTimeoutSeconds;
    if (!settings.socket.empty()) {
        options["hostName"] = sql::SQLString("unix://" + settings.socket);
        return std::unique_ptr<sql::Connection>(sql::mysql::get_mysql_driver_instance()->connect(options));
    }
    const std::size_t count = settings.hosts.size();
    const std::size_t first = host ? *host % count : 0;
    for (std::size_t tried = 0;; ++tried) {
        const std::size_t at = (first + tried) % count;
        const MysqlHost& h = settings.hosts[at];
        options["hostName"] = sql::SQLString("tcp://" + h.host + ":" + std::to_string(h.port));
        try {
            std::unique_ptr<sql::Connection> connection(
                sql::mysql::get_mysql_driver_instance()->connect(options));
            if (host) *host = at;
            return connection;
        } catch (const sql::SQLException& e) {
            if (tried + 1 >= count) throw;
            Poco::Logger::get("lacuna").warning("store: " + h.host + ":" + std::to_string(h.port) +
                                                " does not answer (MySQL error " +
                                                std::to_string(e.getErrorCode()) + "); trying the next host");
        }
    }
}

std::string MysqlDatabase::describe(const MysqlSettings& settings) {
    if (!settings.socket.empty()) return settings.socket;
    std::string out;
    for (const MysqlHost& h : settings.hosts)
        out += (out.empty() ? "" : ",") + h.host + ":" + std::to_string(h.port);
    return out;
}

std::unique_ptr<MysqlConnection> MysqlDatabase::connect(const MysqlSettings& settings, std::size_t* host) {
    enterDriverThread();
    std::unique_ptr<sql::Connection> connection = openConnection(settings, true, host);
    std::unique_ptr<sql::Statement> setup(connection->createStatement());
    // READ COMMITTED by default: the version check is an UPDATE, which reads the latest committed row
    // under either level, so both give the same answers; this one takes no gap locks.
    const std::string isolation =
        settings.isolation == "REPEATABLE READ" ? "REPEATABLE READ" : "READ COMMITTED";
    setup->execute("SET SESSION TRANSACTION ISOLATION LEVEL " + isolation);
    setup->execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ENGINE_SUBSTITUTION'");
    setup->execute("SET NAMES utf8mb4 COLLATE utf8mb4_bin");
    // On a Galera node a read waits until the node has applied every write the cluster committed before
    // it: a person who saved through one instance reads the change through any other.
    std::unique_ptr<sql::ResultSet> wsrep(setup->executeQuery("SHOW VARIABLES LIKE 'wsrep_on'"));
    if (wsrep->next() && wsrep->getString(2) == "ON") setup->execute("SET SESSION wsrep_sync_wait = 1");
    std::unique_ptr<sql::ResultSet> version(setup->executeQuery("SELECT VERSION()"));
    const bool returning = version->next() && mariadbWithReturning(version->getString(1));
    return std::make_unique<MysqlConnection>(std::move(connection), host ? *host : 0, returning);
}

std::unique_ptr<MysqlConnection> MysqlDatabase::connect() {
    std::size_t host = _host.load();
    auto connection = connect(_settings, &host);
    if (_host.exchange(host) != host)
        Poco::Logger::get("lacuna").warning("store: connections now go to " + _settings.hosts[host].host +
                                            ":" + std::to_string(_settings.hosts[host].port));
    return connection;
}

std::unique_ptr<MysqlConnection> MysqlDatabase::acquire() {
    PoolMeter::Acquire timing(_meter);
    std::unique_lock lock(_mutex);
    for (;;) {
        if (!_idle.empty()) {
            auto connection = std::move(_idle.back());
            _idle.pop_back();
            return connection;
        }
        if (_open < _settings.poolSize) {
            ++_open;
            lock.unlock();
            try {
                return connect();
            } catch (...) {
                discard();
                throw;
            }
        }
        timing.waiting();
        if (_available.wait_for(lock, ACQUIRE_TIMEOUT) == std::cv_status::timeout && _idle.empty() &&
            _open >= _settings.poolSize)
            throw StoreUnavailable("no MySQL connection became free in time");
    }
}

StorePoolStats MysqlDatabase::poolStats() {
    std::lock_guard lock(_mutex);
    return _meter.stats(_settings.poolSize, _open, _idle.size());
}

void MysqlDatabase::release(std::unique_ptr<MysqlConnection> connection) {
    {
        std::lock_guard lock(_mutex);
        _idle.push_back(std::move(connection));
    }
    _available.notify_one();
}

void MysqlDatabase::discard() {
    {
        std::lock_guard lock(_mutex);
        --_open;
    }
    _available.notify_one();
}

void MysqlDatabase::moveOn(std::size_t failed) {
    if (_settings.hosts.size() > 1)
        _host.compare_exchange_strong(failed, (failed + 1) % _settings.hosts.size());
}

void MysqlDatabase::discardIdle() {
    std::vector<std::unique_ptr<MysqlConnection>> dropped;
    {
        std::lock_guard lock(_mutex);
        dropped.swap(_idle);
        _open -= dropped.size();
    }
    _available.notify_all();
}

void MysqlDatabase::run(bool write, const std::function<void(MysqlConnection&)>& work) {
    enterDriverThread();
    for (int attempt = 1;; ++attempt) {
        std::unique_ptr<MysqlConnection> connection;
        bool inTransaction = false;
        bool committing = false;
        try {
            connection = acquire();
            // Autocommit stays on: a write opens its transaction explicitly; a read runs each statement
            // on its own (under READ COMMITTED a read transaction would not give one snapshot anyway).
            if (write) {
                connection->execute("START TRANSACTION");
                inTransaction = true;
            }
            work(*connection);
            committing = write;
            if (write) {
                connection->execute("COMMIT");
                _meter.committed(1);
            }
            release(std::move(connection));
            return;
        } catch (const sql::SQLException& e) {
            // A pooled connection that died while idle fails on its first statement: a read, or a write
            // that never got past START TRANSACTION, is safely run again on a fresh connection. A write
            // that lost its connection later (above all during COMMIT) is not: it may have committed.
            const bool staleConnection =
                isConnectionLost(e) && attempt == 1 && (!write || !inTransaction) && !committing;
            const bool keep = isRetryable(e) || e.getErrorCode() == ER_DUP_ENTRY;
            if (connection && e.getErrorCode() == ER_NODE_NOT_READY) moveOn(connection->host());
            if (connection) {
                try {
                    if (inTransaction) connection->execute("ROLLBACK");
                } catch (const sql::SQLException&) {
                    // the connection is broken; it is dropped below
                }
                if (keep) {
                    release(std::move(connection));
                } else {
                    connection.reset();
                    discard();
                }
            }
            if (isConnectionLost(e)) discardIdle();  // the others likely died with it (server restart)
            if ((isRetryable(e) && attempt < MAX_ATTEMPTS) || staleConnection) {
                _meter.retried();
                std::this_thread::sleep_for(std::chrono::milliseconds(attempt * 5));
                continue;
            }
            if (e.getErrorCode() == ER_DUP_ENTRY) {
                // The server's words name keys and tables: they go to the log, never to a client.
                Poco::Logger::get("lacuna").warning(std::string("store: ") + e.what());
                throw AlreadyExists("the record conflicts with a stored one");
            }
            unavailable(e);
        } catch (...) {
            if (connection) {
                try {
                    if (inTransaction) connection->execute("ROLLBACK");
                    release(std::move(connection));
                } catch (const sql::SQLException&) {
                    connection.reset();
                    discard();
                }
            }
            throw;
        }
    }
}

void MysqlDatabase::write(const std::function<void(MysqlConnection&)>& work) { run(true, work); }

void MysqlDatabase::read(const std::function<void(MysqlConnection&)>& work) { run(false, work); }

void MysqlDatabase::migrate() {
    // At a cluster's start a node may still refuse (1047) or cut the connection, and instances starting
    // together conflict: such a failure moves on to the next host and starts over, a few times.
    const std::string holder = MigrationLock::holderName();
    for (int attempt = 1;; ++attempt) {
        try {
            migrateOnce(holder);
            return;
        } catch (const sql::SQLException& e) {
            const bool transient = isConnectionLost(e) || isRetryable(e);
            if (!transient || attempt >= MAX_ATTEMPTS) unavailable(e);
            Poco::Logger::get("lacuna").warning("store: migrating failed (MySQL error " +
                                                std::to_string(e.getErrorCode()) + "); trying again");
            if (isConnectionLost(e)) moveOn(_host.load());
            std::this_thread::sleep_for(std::chrono::milliseconds(attempt * 200));
        }
    }
}

void MysqlDatabase::migrateOnce(const std::string& holder) {
    const std::unique_ptr<MysqlConnection> connection = connect();
    sql::Connection& c = connection->raw();
    std::unique_ptr<sql::Statement> s(c.createStatement());
    MigrationLock lock(c, holder);
    s->execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (number BIGINT NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP) ENGINE=InnoDB");
    std::unique_ptr<sql::ResultSet> applied(
        s->executeQuery("SELECT COALESCE(MAX(number), 0) FROM schema_migrations"));
    applied->next();
    const std::int64_t done = applied->getInt64(1);
    for (const Migration& m : mysqlMigrations()) {
        if (m.number <= done) continue;
        for (const std::string& statement : splitStatements(m.sql)) s->execute(statement);
        std::unique_ptr<sql::PreparedStatement> record(
            c.prepareStatement("INSERT INTO schema_migrations (number, name) VALUES (?, ?)"));
        record->setInt64(1, m.number);
        record->setString(2, m.name);
        record->executeUpdate();
    }
    lock.release();
}

}  // namespace lacuna
