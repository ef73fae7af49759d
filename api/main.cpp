// The lacuna command: serve, check-config, user add. The only code the tests do not exercise.
#include <Poco/Environment.h>
#include <Poco/Logger.h>
#include <Poco/Util/ServerApplication.h>
#include <pthread.h>

#include <csignal>
#include <iostream>
#include <map>
#include <optional>
#include <vector>

#include "AppConfig.h"
#include "ConfigError.h"
#include "Errors.h"
#include "LacunaService.h"
#include "Logs.h"
#include "PasswordHasher.h"
#include "SqliteBackup.h"
#include "StoreFactory.h"
#include "StoreTransfer.h"
#include "WebSite.h"

namespace {

using namespace lacuna;

const char* const USAGE = R"(lacuna — legislative gap tracker of the metropolitan municipalities

Usage:
  lacuna serve [--config FILE] [--host ADDR] [--port N] [--data DIR] [--db URL] [--demo]
  lacuna check-config [FILE] [--db URL]
  lacuna user add --username U --role R [--role R …] [--municipality M] [--config FILE] [--data DIR] [--db URL]
  lacuna user passwd --username U [--config FILE] [--data DIR] [--db URL]
  lacuna backup --to FILE [--config FILE] [--data DIR] [--db sqlite:PATH]
  lacuna restore --from FILE [--replace] [--config FILE] [--data DIR] [--db sqlite:PATH]
  lacuna export [--config FILE] [--data DIR] [--db URL] > FILE
  lacuna import [--config FILE] [--data DIR] [--db URL] < FILE
  lacuna --help | --version

serve         runs the HTTP API and the pages (default port 8080) on the store of the configuration
              (embedded SQLite in DIR/lacuna.db). When no user is an admin, it creates the user
              'admin' with LACUNA_ADMIN_PASSWORD, or prints a generated one-time password.
  --demo      also seeds demo cities' users and sample gaps (password LACUNA_DEMO_PASSWORD,
              printed when generated); a store seeded before is left as it is.
  --db URL    the store, overriding the file: sqlite:PATH or
              mysql://USER@HOST[:PORT][,HOST[:PORT]…]/DATABASE[?socket=PATH] (password:
              LACUNA_DB_PASSWORD); of several hosts (a cluster's nodes) the first that answers is
              used, and the next when it goes away
check-config  validates the configuration and the workflows it names, and that a MySQL server
              is reachable; prints each problem with file:line and exits 1 on error.
user add      creates an account; the password comes from LACUNA_PASSWORD or the first line
              of standard input.
user passwd   gives an account a new password (from LACUNA_PASSWORD or standard input, as for
              add) and ends every session of it: the way back in for an admin who forgot theirs.
backup        copies the SQLite store, consistent while the service runs, to one checked file
              (MariaDB: mariadb-dump --single-transaction or mariadb-backup, see the README).
restore       makes the SQLite store a copy of a backup; the service must be stopped, and a store
              that holds data is replaced only with --replace.
export        writes every table of the store, either backend, as JSON lines to standard output, from
              one consistent snapshot while the service goes on serving.
import        loads an export from standard input into a new, empty store of either backend (how a
              city moves from SQLite to MariaDB), in one transaction: a bad file changes nothing.

The configuration, when --config is not given: $LACUNA_CONFIG, ./config/lacuna.yaml, then
/etc/lacuna/lacuna.yaml (the Debian package's).

Environment: LACUNA_CONFIG, LACUNA_PORT, LACUNA_DATA_DIR, LACUNA_DB, LACUNA_DB_PASSWORD,
LACUNA_ADMIN_PASSWORD, LACUNA_DEMO_PASSWORD, LACUNA_PASSWORD.
)";

struct Arguments {
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> options;
    bool has(const std::string& name) const { return options.count(name) > 0; }
    std::optional<std::string> one(const std::string& name) const {
        const auto it = options.find(name);
        if (it == options.end()) return std::nullopt;
        if (it->second.size() != 1)
            throw Poco::InvalidArgumentException("--" + name + " given more than once");
        return it->second.front();
    }
};

/// Parses `--name value`, `--name=value` and flags; refuses what the command does not know.
Arguments parse(int argc, char** argv, const std::map<std::string, bool>& known) {
    Arguments args;
    for (int i = 1; i < argc; ++i) {
        std::string word = argv[i];
        if (word.rfind("--", 0) != 0) {
            args.positional.push_back(word);
            continue;
        }
        std::string name = word.substr(2), value;
        const auto eq = name.find('=');
        const bool inlineValue = eq != std::string::npos;
        if (inlineValue) value = name.substr(eq + 1), name = name.substr(0, eq);
        const auto it = known.find(name);
        if (it == known.end()) throw Poco::InvalidArgumentException("unknown option --" + name);
        if (it->second && !inlineValue) {
            if (i + 1 >= argc) throw Poco::InvalidArgumentException("--" + name + " needs a value");
            value = argv[++i];
        }
        if (!it->second && inlineValue) throw Poco::InvalidArgumentException("--" + name + " takes no value");
        args.options[name].push_back(value);
    }
    return args;
}

AppConfig configure(const Arguments& args) {
    AppConfig config = loadConfig(args.one("config").value_or(defaultConfigPath()));
    applyEnvironment(config);
    if (auto port = args.one("port")) {
        int n = -1;
        if (!Poco::NumberParser::tryParse(*port, n) || n < 0 || n > 65535)
            throw Poco::InvalidArgumentException("--port: '" + *port + "' is not a port number");
        config.server.port = n;
    }
    if (auto host = args.one("host")) config.server.host = *host;
    if (auto data = args.one("data")) config.dataDir = *data;
    if (auto db = args.one("db")) applyStoreUrl(*db, config.storage);
    return config;
}

std::string describeStore(const StoreSettings& s) {
    if (s.backend == "sqlite") return "sqlite at " + s.sqlitePath;
    return "mysql " + s.mysql.user + "@" + MysqlDatabase::describe(s.mysql) + "/" + s.mysql.database;
}

std::string secretOrGenerated(const char* variable, bool& generated) {
    generated = !Poco::Environment::has(variable);
    return generated ? randomToken(12) : Poco::Environment::get(variable);
}

/// What the running service tells its operator: an event line on standard output, as its requests are.
void say(const std::string& event, const std::string& message) {
    logs::write(logs::eventLine("info", event, message));
}

/// `lacuna serve`: a ServerApplication so that SIGTERM and SIGINT end it gracefully.
class ServeCommand : public Poco::Util::ServerApplication {
public:
    ServeCommand(Arguments args, AppConfig config) : _args(std::move(args)), _config(std::move(config)) {}

protected:
    int main(const std::vector<std::string>&) override {
        // Termination signals must reach only the thread that waits for them below. Blocked here,
        // before the server's threads exist, the mask is inherited by all of them; otherwise a
        // SIGINT could land in a worker and interrupt the request it is reading.
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGINT);
        sigaddset(&signals, SIGTERM);
        sigaddset(&signals, SIGQUIT);
        pthread_sigmask(SIG_BLOCK, &signals, nullptr);
        const SystemClock clock;
        LacunaService service(_config, clock, installWebPages);
        bool generated = false;
        const std::string adminPassword = secretOrGenerated("LACUNA_ADMIN_PASSWORD", generated);
        if (service.ensureAdmin(adminPassword))
            say("admin_created", std::string("Created user 'admin'") +
                                     (generated ? " with the one-time password: " + adminPassword +
                                                      " (change it on /account after signing in)"
                                                : " with the password from LACUNA_ADMIN_PASSWORD"));
        if (_args.has("demo")) {
            const std::string demoPassword = secretOrGenerated("LACUNA_DEMO_PASSWORD", generated);
            if (service.seedDemo(demoPassword))
                say("demo_seeded",
                    "Seeded demo users (secretary, liaison, observer, tehran.director, tehran.expert, "
                    "mashhad.director, isfahan.director, …) and sample gaps; their password: " +
                        (generated ? demoPassword : std::string("LACUNA_DEMO_PASSWORD")));
            else
                say("demo_seeded", "Demo data was seeded before; nothing added.");
        }
        try {
            service.start();
        } catch (const PortInUse& e) {
            std::cerr << e.message() << std::endl;
            return 1;
        }
        say("listening", "Lacuna listening on http://" + service.config().server.host + ":" +
                             std::to_string(service.port()) +
                             " (store: " + describeStore(service.config().storage) + ")");
        waitForTerminationRequest();
        say("stopping", "Stopping: finishing requests in flight…");
        service.stop();
        say("stopped", "Stopped.");
        return EXIT_OK;
    }

private:
    Arguments _args;
    AppConfig _config;
};

int checkConfig(const Arguments& args) {
    const std::string path = args.positional.size() > 1 ? args.positional[1] : defaultConfigPath();
    try {
        AppConfig config = loadConfig(path);
        applyEnvironment(config);
        if (auto db = args.one("db")) applyStoreUrl(*db, config.storage);
        std::cout << path << ": OK (" << config.catalog.municipalities.size() << " municipalities, "
                  << config.gapWorkflow.states.size() << " gap states, "
                  << config.gapWorkflow.transitions.size() << " gap transitions)" << std::endl;
        if (config.storage.backend == "mysql") {
            const std::string problem = probeStore(config.storage);
            if (!problem.empty()) {
                std::cerr << "the database " << describeStore(config.storage)
                          << " cannot be used: " << problem << std::endl;
                return 1;
            }
            std::cout << "database " << describeStore(config.storage) << ": reachable" << std::endl;
        }
        return 0;
    } catch (const ConfigError& e) {
        std::cerr << e.message() << std::endl;
        return 1;
    }
}

/// `lacuna user add` and `lacuna user passwd`.
int userCommand(const Arguments& args) {
    const std::string action = args.positional.size() == 1 ? args.positional[0] : "";
    if (action != "add" && action != "passwd")
        throw Poco::InvalidArgumentException(
            "usage: lacuna user add --username U --role R [--municipality M] [--db URL]\n"
            "       lacuna user passwd --username U [--db URL]");
    if (action == "passwd" && (args.has("role") || args.has("municipality")))
        throw Poco::InvalidArgumentException("lacuna user passwd changes the password only");
    std::string password;
    if (Poco::Environment::has("LACUNA_PASSWORD")) {
        password = Poco::Environment::get("LACUNA_PASSWORD");
    } else {
        std::cerr << "Password (one line on standard input): " << std::flush;
        std::getline(std::cin, password);
    }
    const std::string username = args.one("username").value_or("");
    const SystemClock clock;
    LacunaService service(configure(args), clock);
    try {
        if (action == "passwd") {
            service.users().resetPasswordUnchecked(username, password);
            std::cout << "Changed the password of '" << username << "'; its sessions are ended" << std::endl;
            return 0;
        }
        const User created = service.users().addUserUnchecked(
            {username, password, args.has("role") ? args.options.at("role") : std::vector<std::string>{},
             args.one("municipality")});
        std::cout << "Created user '" << created.username << "' (id " << created.id << ")" << std::endl;
        return 0;
    } catch (const ValidationError& e) {
        for (const auto& f : e.fields()) std::cerr << f.field << ": " << f.detail << std::endl;
        return 1;
    }
}

/// `lacuna backup` and `lacuna restore`: the SQLite store of the configuration (or --db), through the
/// online backup API.
int copyStore(const std::string& command, const Arguments& args) {
    if (!args.positional.empty())
        throw Poco::InvalidArgumentException(command + " takes no argument " + args.positional[0]);
    const std::string fileOption = command == "backup" ? "to" : "from";
    const std::optional<std::string> file = args.one(fileOption);
    if (!file || file->empty())
        throw Poco::InvalidArgumentException(command + " needs --" + fileOption + " FILE");
    AppConfig config = configure(args);
    resolveStoragePath(config);
    if (config.storage.backend != "sqlite") {
        std::cerr << command << " copies the embedded SQLite store; for " << describeStore(config.storage)
                  << " use mariadb-dump --single-transaction or mariadb-backup (see the README)" << std::endl;
        return 2;
    }
    const std::string& store = config.storage.sqlitePath;
    try {
        const SqliteCopyReport report = command == "backup"
                                            ? backupSqlite(store, *file)
                                            : restoreSqlite(*file, store, args.has("replace"));
        std::cout << (command == "backup" ? "Backed up " + store + " to " + *file
                                          : "Restored " + store + " from " + *file)
                  << ": " << report.pages << " pages, " << report.bytes << " bytes, schema "
                  << report.schemaVersion << ", integrity ok" << std::endl;
        return 0;
    } catch (const BackupFailure& e) {
        std::cerr << command << ": " << e.message() << "; nothing was changed" << std::endl;
        return 1;
    }
}

/// `lacuna export` and `lacuna import`: a store of either backend as JSON lines (storage/StoreTransfer.h).
int transferStore(const std::string& command, const Arguments& args) {
    if (!args.positional.empty())
        throw Poco::InvalidArgumentException(
            command + " takes no argument " + args.positional[0] +
            (command == "export" ? " (it writes to standard output)" : " (it reads standard input)"));
    AppConfig config = configure(args);
    resolveStoragePath(config);
    const std::unique_ptr<SqlDatabase> db = openDatabase(config.storage);
    const std::string store = describeStore(config.storage);
    try {
        if (command == "export") {
            std::ios::sync_with_stdio(false);
            const TransferSummary s = exportStore(*db, config.storage.backend, std::cout);
            std::cerr << "Exported " << store << ": " << s.tables << " tables, " << s.rows << " rows"
                      << std::endl;
        } else {
            const TransferSummary s = importStore(*db, std::cin);
            std::cerr << "Imported into " << store << ": " << s.tables << " tables, " << s.rows << " rows"
                      << std::endl;
        }
        return 0;
    } catch (const ValidationError& e) {
        for (const auto& f : e.fields())
            std::cerr << command << ": " << f.field << ": " << f.detail << std::endl;
        if (command == "import") std::cerr << "import: nothing was loaded" << std::endl;
        return 1;
    }
}

}  // namespace

int main(int argc, char** argv) {
    // Everything logged goes out as JSON lines (time, level, event, message, request id), as requests do.
    Poco::Logger::root().setChannel(new logs::JsonLineChannel);
    const std::string command = argc > 1 ? argv[1] : "--help";
    try {
        if (command == "--help" || command == "-h" || command == "help") {
            std::cout << USAGE;
            return 0;
        }
        if (command == "--version") {
            std::cout << "lacuna " << LACUNA_VERSION << std::endl;
            return 0;
        }
        if (command == "serve") {
            Arguments args = parse(argc - 1, argv + 1,
                                   {{"config", true},
                                    {"host", true},
                                    {"port", true},
                                    {"data", true},
                                    {"db", true},
                                    {"demo", false}});
            if (!args.positional.empty())
                throw Poco::InvalidArgumentException("serve takes no argument " + args.positional[0]);
            AppConfig config = configure(args);  // bad config or arguments end here, before the server starts
            ServeCommand app(std::move(args), std::move(config));
            char* programOnly[] = {argv[0], nullptr};
            return app.run(1, programOnly);
        }
        if (command == "check-config") {
            return checkConfig(parse(argc, argv, {{"db", true}}));
        }
        if (command == "user") {
            return userCommand(parse(argc - 1, argv + 1,
                                     {{"username", true},
                                      {"role", true},
                                      {"municipality", true},
                                      {"config", true},
                                      {"data", true},
                                      {"db", true}}));
        }
        if (command == "backup" || command == "restore") {
            std::map<std::string, bool> known = {{"config", true}, {"data", true}, {"db", true}};
            if (command == "backup") {
                known["to"] = true;
            } else {
                known["from"] = true;
                known["replace"] = false;
            }
            return copyStore(command, parse(argc - 1, argv + 1, known));
        }
        if (command == "export" || command == "import") {
            if (command == "export") logs::useStandardError();  // standard output carries the export
            return transferStore(command,
                                 parse(argc - 1, argv + 1, {{"config", true}, {"data", true}, {"db", true}}));
        }
        std::cerr << "unknown command '" << command << "'\n\n" << USAGE;
        return 2;
    } catch (const ConfigError& e) {
        std::cerr << e.message() << std::endl;
        return 1;
    } catch (const Poco::InvalidArgumentException& e) {
        std::cerr << e.message() << "\n(see lacuna --help)" << std::endl;
        return 2;
    } catch (const Poco::Exception& e) {
        std::cerr << e.displayText() << std::endl;
        return 1;
    }
}
