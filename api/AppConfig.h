#pragma once

#include <Poco/Net/IPAddress.h>

#include <string>
#include <vector>

#include "AddressRange.h"
#include "BillService.h"
#include "Catalog.h"
#include "CommitteeRules.h"
#include "GapService.h"
#include "StoreFactory.h"
#include "WorkCalendar.h"
#include "Workflow.h"

namespace lacuna {

struct ServerConfig {
    int port = 8080;
    std::string host = "0.0.0.0";
    /// Worker threads: each runs one request whose header has arrived whole; a connection waiting
    /// for its header, or idle between requests, holds none.
    int threads = 64;
    /// Requests whose header arrived while every worker is busy; beyond them, a fast 503.
    int maxQueued = 256;
    int timeoutSeconds = 10;        ///< per socket read or write
    int keepAliveSeconds = 5;       ///< an idle connection is closed after this
    int headerTimeoutSeconds = 10;  ///< the whole request header must arrive within this
    int bodyTimeoutSeconds = 60;    ///< the whole body must arrive within this
    std::size_t maxHeaderBytes = 65536;
    int maxConnections = 10000;          ///< open at once, in all; beyond it, a fast 503
    int maxConnectionsPerAddress = 256;  ///< from one client address (trusted proxies are exempt)
    std::size_t maxBodyBytes = 1 << 20;
    std::size_t maxJsonDepth = 8;
    std::size_t maxJsonMembers = 1000;  ///< per object of a request body
    std::size_t maxJsonItems = 10000;   ///< per array of a request body
    /// Load balancers in front of the service; only their X-Forwarded-For is believed.
    std::vector<Poco::Net::IPAddress> trustedProxies;
    /// One JSON line per answered request on standard output (see Logs.h).
    bool logRequests = true;
};

struct AuthConfig {
    std::int64_t tokenLifetimeMinutes = 720;
    int pbkdf2Iterations = 600000;
    int maxFailedLogins = 5;
    std::int64_t failureWindowMinutes = 15;
};

/// The background delivery of webhook events.
struct WebhookConfig {
    /// Whether this instance delivers (any number may: each delivery is claimed before it is sent).
    bool dispatch = true;
    int pollMs = 500;
    int timeoutSeconds = 10;
    int maxAttempts = 10;
    std::int64_t backoffBaseMs = 2000;
    std::int64_t backoffMaxMs = 3600000;
};

/// E-mail: the SMTP server the messages go through, and when digests are composed.
struct SmtpConfig {
    std::string host = "127.0.0.1";
    int port = 25;
    /// Upgrade the connection with STARTTLS before anything is sent (and refuse to send without it). The
    /// server's certificate must be valid for `host` and signed by a CA the system trusts, or one in
    /// `caFile`.
    bool starttls = false;
    /// A PEM file of certificate authorities trusted for the server's certificate besides the system's (a
    /// city's own CA); empty: the system's alone.
    std::string caFile;
    std::string username;  ///< empty: no AUTH; the password comes only from LACUNA_SMTP_PASSWORD
    std::string password;
    int timeoutSeconds = 30;
};

struct MailConfig {
    /// Whether this instance composes and sends (any number may: a digest is composed once, and each
    /// message is claimed before it is sent).
    bool dispatch = true;
    std::string fromAddress = "lacuna@localhost";
    std::string fromName = "لاکونا";
    /// Where the links in a message lead: the address people reach the pages at.
    std::string baseUrl = "http://localhost:8080";
    int digestHour = 7;  ///< daily digests from this hour in Iran; weekly ones on Saturday at this hour
    int pollMs = 30000;
    int maxAttempts = 8;
    std::int64_t backoffBaseMs = 60000;
    std::int64_t backoffMaxMs = 3600000;
    SmtpConfig smtp;
};

/// The pages for people (web/): where their templates and static files are, their labels, cookies.
struct WebConfig {
    bool enabled = true;
    /// Holds templates/ and static/: `web.directory` (relative to the config file), LACUNA_WEB_DIR, or the
    /// source tree's web/.
    std::string directory;
    std::string labelsPath;  ///< `web.labels`, relative to the config file
    /// Mark the session cookie Secure (named __Host-…): whenever people reach the pages over TLS.
    bool secureCookies = false;
};

/// GET /metrics, the Prometheus text format, for the addresses allowed.
struct MetricsConfig {
    bool enabled = true;
    /// Who may read it (the client's address as for logs: behind a trusted proxy, the forwarded one).
    std::vector<AddressRange> allow = {*AddressRange::parse("127.0.0.0/8"), *AddressRange::parse("::1")};
};

/// Everything configurable, parsed once at start-up. Paths are absolute after loading.
struct AppConfig {
    std::string file;
    std::string dataDir;
    ServerConfig server;
    StoreSettings storage;
    AuthConfig auth;
    GapLimits gapLimits;
    Catalog catalog;
    Workflow gapWorkflow;
    Workflow billWorkflow;
    Workflow opinionWorkflow;
    Workflow precedentWorkflow;
    CommitteeRules committee;
    WorkCalendarSettings calendar;
    BillRules bills;
    WebhookConfig webhooks;
    MailConfig mail;
    WebConfig web;
    MetricsConfig metrics;
};

/// Reads `path` and the files it names (municipalities, workflows); throws ConfigError naming the
/// file, line and key of the first problem. Relative paths in the file are relative to its folder;
/// the data directory is relative to the working directory.
AppConfig loadConfig(const std::string& path);

/// Applies LACUNA_PORT, LACUNA_DATA_DIR, LACUNA_WEB_DIR, LACUNA_DB (a database URL), LACUNA_DB_PASSWORD and
/// LACUNA_SMTP_PASSWORD;
/// throws ConfigError for a malformed value.
void applyEnvironment(AppConfig& config);

/// Resolves storage.path against the data directory (call after every override).
void resolveStoragePath(AppConfig& config);

/// Where the Debian package puts the configuration (config/debian/package.cmake).
inline constexpr const char* INSTALLED_CONFIG = "/etc/lacuna/lacuna.yaml";

/// The config file to use when none is named: $LACUNA_CONFIG, ./config/lacuna.yaml, the installed
/// /etc/lacuna/lacuna.yaml, or the copy in the source tree the executable was built from.
std::string defaultConfigPath();

}  // namespace lacuna
