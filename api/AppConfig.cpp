#include "AppConfig.h"

#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/NumberParser.h>
#include <Poco/Path.h>
#include <Poco/StringTokenizer.h>

#include <set>

#include "ConfigError.h"
#include "JalaliDate.h"
#include "MailService.h"
#include "PasswordHasher.h"
#include "TextChecks.h"
#include "YamlDocument.h"

namespace lacuna {
namespace {

std::string relativeTo(const std::string& base, const std::string& path) {
    Poco::Path p(path);
    if (p.isAbsolute()) return p.toString();
    return Poco::Path(Poco::Path(base).makeAbsolute().parent(), p).toString();
}

/// A list of {slug, fa, en} with unique slugs (categories, municipalities).
std::vector<LabelledSlug> readLabelledList(const YamlDocument& doc, const YAML::Node& list,
                                           const std::string& what) {
    doc.requireSequence(list, "the list of each " + what);
    std::vector<LabelledSlug> out;
    std::set<std::string> seen;
    for (const auto& item : list) {
        doc.allowKeys(item, {"slug", "fa", "en"}, "a " + what);
        LabelledSlug entry{doc.requiredString(item, "slug"), doc.requiredString(item, "fa"),
                           doc.requiredString(item, "en")};
        if (!seen.insert(entry.slug).second)
            doc.fail(item["slug"], "duplicate " + what + " '" + entry.slug + "'");
        out.push_back(std::move(entry));
    }
    return out;
}

void readServer(const YamlDocument& doc, const YAML::Node& node, ServerConfig& s) {
    doc.allowKeys(node,
                  {"host", "port", "threads", "max_queued", "timeout_seconds", "keep_alive_seconds",
                   "header_timeout_seconds", "body_timeout_seconds", "max_header_bytes", "max_connections",
                   "max_connections_per_address", "max_body_bytes", "max_json_depth", "max_json_members",
                   "max_json_items", "trusted_proxies", "log_requests"},
                  "server");
    if (auto v = doc.optionalString(node, "host")) s.host = *v;
    if (auto v = doc.optionalInt(node, "port", 0, 65535)) s.port = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "threads", 4, 1024)) s.threads = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "max_queued", 1, 100000)) s.maxQueued = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "timeout_seconds", 1, 600)) s.timeoutSeconds = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "keep_alive_seconds", 1, 600))
        s.keepAliveSeconds = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "header_timeout_seconds", 1, 600))
        s.headerTimeoutSeconds = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "body_timeout_seconds", 1, 3600))
        s.bodyTimeoutSeconds = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "max_header_bytes", 4096, 1 << 20))
        s.maxHeaderBytes = static_cast<std::size_t>(*v);
    if (auto v = doc.optionalInt(node, "max_connections", 16, 1000000))
        s.maxConnections = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "max_connections_per_address", 1, 1000000))
        s.maxConnectionsPerAddress = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "max_body_bytes", 1024, 64 << 20))
        s.maxBodyBytes = static_cast<std::size_t>(*v);
    if (auto v = doc.optionalInt(node, "max_json_depth", 2, 64))
        s.maxJsonDepth = static_cast<std::size_t>(*v);
    if (auto v = doc.optionalInt(node, "max_json_members", 10, 1000000))
        s.maxJsonMembers = static_cast<std::size_t>(*v);
    if (auto v = doc.optionalInt(node, "max_json_items", 10, 10000000))
        s.maxJsonItems = static_cast<std::size_t>(*v);
    if (auto v = doc.optionalBool(node, "log_requests")) s.logRequests = *v;
    for (const std::string& text : doc.stringList(node, "trusted_proxies", false)) {
        Poco::Net::IPAddress address;
        if (!Poco::Net::IPAddress::tryParse(text, address))
            doc.fail(node["trusted_proxies"], "'" + text + "' in trusted_proxies is not an IP address");
        s.trustedProxies.push_back(address);
    }
}

void readStorage(const YamlDocument& doc, const YAML::Node& node, StoreSettings& s) {
    doc.allowKeys(node, {"backend", "pool_size", "sqlite", "mysql"}, "storage");
    if (auto v = doc.optionalString(node, "backend")) {
        if (*v != "sqlite" && *v != "mysql")
            doc.fail(node["backend"], "unknown storage backend '" + *v + "' (known: sqlite, mysql)");
        s.backend = *v;
    }
    if (auto v = doc.optionalInt(node, "pool_size", 1, 256)) s.poolSize = static_cast<std::size_t>(*v);
    if (const YAML::Node sqlite = node["sqlite"]) {
        doc.allowKeys(sqlite, {"path", "synchronous", "mmap_mib"}, "storage.sqlite");
        if (auto v = doc.optionalString(sqlite, "path")) s.sqlitePath = *v;
        if (auto v = doc.optionalString(sqlite, "synchronous")) {
            if (*v != "FULL" && *v != "NORMAL" && *v != "EXTRA")
                doc.fail(sqlite["synchronous"], "'synchronous' must be FULL, EXTRA or NORMAL");
            s.sqliteSynchronous = *v;
        }
        if (auto v = doc.optionalInt(sqlite, "mmap_mib", 0, 1 << 20)) s.sqliteMmapMib = *v;
    }
    if (const YAML::Node mysql = node["mysql"]) {
        doc.allowKeys(mysql, {"host", "port", "hosts", "socket", "database", "user", "isolation"},
                      "storage.mysql");
        MysqlSettings& m = s.mysql;
        if (auto v = doc.optionalString(mysql, "host")) m.hosts.front().host = *v;
        if (auto v = doc.optionalInt(mysql, "port", 1, 65535)) m.hosts.front().port = static_cast<int>(*v);
        if (mysql["hosts"]) {
            if (mysql["host"] || mysql["port"])
                doc.fail(mysql["hosts"], "storage.mysql takes either 'hosts' or 'host' and 'port'");
            m.hosts.clear();
            for (const std::string& text : doc.stringList(mysql, "hosts", false)) {
                try {
                    m.hosts.push_back(parseMysqlHost(text));
                } catch (const Poco::InvalidArgumentException& e) {
                    doc.fail(mysql["hosts"], "storage.mysql.hosts: " + e.message());
                }
            }
            if (m.hosts.empty()) doc.fail(mysql["hosts"], "storage.mysql.hosts names no host");
        }
        if (auto v = doc.optionalString(mysql, "socket")) m.socket = *v;
        if (auto v = doc.optionalString(mysql, "database")) m.database = *v;
        if (auto v = doc.optionalString(mysql, "user")) m.user = *v;
        if (auto v = doc.optionalString(mysql, "isolation")) {
            if (*v != "READ COMMITTED" && *v != "REPEATABLE READ")
                doc.fail(mysql["isolation"], "'isolation' must be READ COMMITTED or REPEATABLE READ");
            m.isolation = *v;
        }
    }
}

void readAuth(const YamlDocument& doc, const YAML::Node& node, AuthConfig& a) {
    doc.allowKeys(
        node, {"token_lifetime_minutes", "pbkdf2_iterations", "max_failed_logins", "failure_window_minutes"},
        "auth");
    if (auto v = doc.optionalInt(node, "token_lifetime_minutes", 1, 60 * 24 * 30))
        a.tokenLifetimeMinutes = *v;
    if (auto v = doc.optionalInt(node, "pbkdf2_iterations", PasswordHasher::MIN_ITERATIONS, 10000000))
        a.pbkdf2Iterations = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "max_failed_logins", 1, 100)) a.maxFailedLogins = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "failure_window_minutes", 1, 24 * 60)) a.failureWindowMinutes = *v;
}

void readGaps(const YamlDocument& doc, const YAML::Node& node, AppConfig& c) {
    doc.allowKeys(node, {"categories", "limits"}, "gaps");
    if (!node["categories"]) doc.fail(node, "missing required key 'categories'");
    c.catalog.categories = readLabelledList(doc, node["categories"], "category");
    if (const YAML::Node limits = node["limits"]) {
        doc.allowKeys(limits, {"title", "description", "provisions", "comment", "page_size"}, "gaps.limits");
        GapLimits& l = c.gapLimits;
        if (auto v = doc.optionalInt(limits, "title", 10, 10000)) l.titleMax = static_cast<std::size_t>(*v);
        if (auto v = doc.optionalInt(limits, "description", 100, 1000000))
            l.descriptionMax = static_cast<std::size_t>(*v);
        if (auto v = doc.optionalInt(limits, "provisions", 1, 1000))
            l.provisionsMax = static_cast<std::size_t>(*v);
        if (auto v = doc.optionalInt(limits, "comment", 10, 100000))
            l.commentMax = static_cast<std::size_t>(*v);
        if (auto v = doc.optionalInt(limits, "page_size", 1, 1000))
            l.pageSizeMax = static_cast<std::size_t>(*v);
    }
}

void readMunicipalities(const std::string& path, Catalog& catalog) {
    const YamlDocument doc(path);
    doc.allowKeys(doc.root(), {"municipalities"}, "the municipalities file");
    const YAML::Node list = doc.root()["municipalities"];
    for (const LabelledSlug& m : readLabelledList(doc, list, "municipality"))
        catalog.municipalities.push_back({m.slug, m.labelFa, m.labelEn});
    if (catalog.municipalities.empty()) doc.fail(list, "at least one municipality is needed");
}

Fraction readFraction(const YamlDocument& doc, const YAML::Node& node, const std::string& what,
                      std::initializer_list<const char*> keys) {
    doc.requireMap(node, what);
    doc.allowKeys(node, keys, what);
    const auto numerator = doc.optionalInt(node, "numerator", 1, 100);
    const auto denominator = doc.optionalInt(node, "denominator", 1, 100);
    if (!numerator || !denominator) doc.fail(node, what + " needs numerator and denominator");
    Fraction f{static_cast<int>(*numerator), static_cast<int>(*denominator)};
    if (f.numerator > f.denominator) doc.fail(node, what + " must not exceed one");
    return f;
}

void readCommittee(const std::string& path, AppConfig& c) {
    const YamlDocument doc(path);
    const YAML::Node& root = doc.root();
    doc.allowKeys(root, {"members", "quorum", "majority", "decisions"}, "the committee file");
    CommitteeRules& r = c.committee;
    const YAML::Node members = root["members"];
    if (!members) doc.fail(root, "missing required key 'members' (all, or a list of municipality slugs)");
    if (members.IsScalar() && members.as<std::string>() == "all") {
        for (const auto& m : c.catalog.municipalities) r.members.push_back(m.slug);
    } else {
        for (const auto& slug : doc.stringList(root, "members", true)) {
            if (!c.catalog.findMunicipality(slug))
                doc.fail(members, "unknown municipality '" + slug + "' in members");
            if (contains(r.members, slug)) doc.fail(members, "municipality '" + slug + "' is listed twice");
            r.members.push_back(slug);
        }
    }
    if (r.members.empty()) doc.fail(members, "the committee needs members");
    if (!root["quorum"]) doc.fail(root, "missing required key 'quorum'");
    r.quorum = readFraction(doc, root["quorum"], "quorum", {"numerator", "denominator"});
    if (!root["majority"]) doc.fail(root, "missing required key 'majority'");
    const YAML::Node majority = root["majority"];
    r.majority = readFraction(doc, majority, "majority", {"numerator", "denominator", "strict", "of"});
    r.strictMajority = doc.optionalBool(majority, "strict").value_or(true);
    r.majorityOf = doc.optionalString(majority, "of").value_or("present");
    if (r.majorityOf != "present" && r.majorityOf != "votes_cast")
        doc.fail(majority["of"], "'of' must be present or votes_cast");
    const YAML::Node decisions = root["decisions"];
    if (!decisions) doc.fail(root, "missing required key 'decisions'");
    doc.allowKeys(decisions, {"approve", "reject", "revise"}, "decisions");
    for (const char* decision : {"approve", "reject", "revise"}) {
        const std::string transition = doc.requiredString(decisions, decision);
        if (!c.gapWorkflow.findTransition(transition))
            doc.fail(decisions[decision], "decisions." + std::string(decision) +
                                              " names no transition of the gap workflow: '" + transition +
                                              "'");
        r.decisionTransitions[decision] = transition;
    }
}

JalaliDate parseJalali(const YamlDocument& doc, const YAML::Node& at, const std::string& text,
                       bool withYear) {
    const auto date = withYear ? parseJalaliDate(text) : parseJalaliMonthDay(text);
    if (!date)
        doc.fail(at, "'" + text + "' is not a Jalali date (" + (withYear ? "YYYY-MM-DD" : "MM-DD") + ")");
    return *date;
}

void readCalendar(const std::string& path, WorkCalendarSettings& cal) {
    const YamlDocument doc(path);
    const YAML::Node& root = doc.root();
    doc.allowKeys(root, {"thursday_off", "every_year", "dates"}, "the calendar file");
    cal.thursdayOff = doc.optionalBool(root, "thursday_off").value_or(false);
    for (const char* key : {"every_year", "dates"}) {
        const YAML::Node list = root[key];
        if (!list) continue;
        doc.requireSequence(list, std::string("'") + key + "'");
        for (const auto& item : list) {
            doc.allowKeys(item, {"date", "name"}, std::string("a holiday in ") + key);
            doc.requiredString(item, "name");
            const bool full = std::string(key) == "dates";
            const JalaliDate date = parseJalali(doc, item["date"], doc.requiredString(item, "date"), full);
            if (full)
                cal.dates.push_back(date);
            else
                cal.everyYear.emplace_back(date.month, date.day);
        }
    }
}

void readBills(const YamlDocument& doc, const YAML::Node& node, AppConfig& c) {
    doc.allowKeys(node, {"min_signatures", "lapse_transition", "objection_states", "max_extensions"},
                  "bills");
    BillRules& b = c.bills;
    if (auto v = doc.optionalInt(node, "min_signatures", 1, 290))
        b.minSignatures = static_cast<std::size_t>(*v);
    if (auto v = doc.optionalString(node, "lapse_transition")) {
        if (!c.billWorkflow.findTransition(*v))
            doc.fail(node["lapse_transition"], "no bill transition '" + *v + "'");
        b.lapseTransition = *v;
    }
    if (node["objection_states"]) {
        b.objectionStates = doc.stringList(node, "objection_states", true);
        for (const auto& s : b.objectionStates)
            if (!c.billWorkflow.findState(s)) doc.fail(node["objection_states"], "no bill state '" + s + "'");
    }
    if (auto v = doc.optionalInt(node, "max_extensions", 0, 10)) b.maxExtensions = static_cast<int>(*v);
}

void readWebhooks(const YamlDocument& doc, const YAML::Node& node, WebhookConfig& w) {
    doc.allowKeys(
        node, {"dispatch", "poll_ms", "timeout_seconds", "max_attempts", "backoff_base_ms", "backoff_max_ms"},
        "webhooks");
    if (auto v = doc.optionalBool(node, "dispatch")) w.dispatch = *v;
    if (auto v = doc.optionalInt(node, "poll_ms", 10, 60000)) w.pollMs = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "timeout_seconds", 1, 120)) w.timeoutSeconds = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "max_attempts", 1, 100)) w.maxAttempts = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "backoff_base_ms", 10, 3600000)) w.backoffBaseMs = *v;
    if (auto v = doc.optionalInt(node, "backoff_max_ms", 10, 86400000)) w.backoffMaxMs = *v;
}

void readMail(const YamlDocument& doc, const YAML::Node& node, MailConfig& m, const std::string& file) {
    doc.requireMap(node, "mail");
    doc.allowKeys(node,
                  {"dispatch", "from_address", "from_name", "base_url", "digest_hour", "poll_ms",
                   "max_attempts", "backoff_base_ms", "backoff_max_ms", "smtp"},
                  "mail");
    if (auto v = doc.optionalBool(node, "dispatch")) m.dispatch = *v;
    if (auto v = doc.optionalString(node, "from_address")) {
        if (!plausibleMailAddress(*v)) doc.fail(node["from_address"], "not an e-mail address: '" + *v + "'");
        m.fromAddress = *v;
    }
    if (auto v = doc.optionalString(node, "from_name")) m.fromName = *v;
    if (auto v = doc.optionalString(node, "base_url")) {
        if (!v->starts_with("http://") && !v->starts_with("https://"))
            doc.fail(node["base_url"], "an http:// or https:// address people reach the pages at");
        m.baseUrl = v->ends_with("/") ? v->substr(0, v->size() - 1) : *v;
    }
    if (auto v = doc.optionalInt(node, "digest_hour", 0, 23)) m.digestHour = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "poll_ms", 10, 3600000)) m.pollMs = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "max_attempts", 1, 100)) m.maxAttempts = static_cast<int>(*v);
    if (auto v = doc.optionalInt(node, "backoff_base_ms", 10, 3600000)) m.backoffBaseMs = *v;
    if (auto v = doc.optionalInt(node, "backoff_max_ms", 10, 86400000)) m.backoffMaxMs = *v;
    if (const YAML::Node smtp = node["smtp"]) {
        doc.requireMap(smtp, "mail.smtp");
        doc.allowKeys(smtp, {"host", "port", "starttls", "ca_file", "username", "timeout_seconds"},
                      "mail.smtp");
        if (auto v = doc.optionalString(smtp, "host")) m.smtp.host = *v;
        if (auto v = doc.optionalInt(smtp, "port", 1, 65535)) m.smtp.port = static_cast<int>(*v);
        if (auto v = doc.optionalBool(smtp, "starttls")) m.smtp.starttls = *v;
        if (auto v = doc.optionalString(smtp, "ca_file"); v && !v->empty()) {
            m.smtp.caFile = relativeTo(file, *v);
            if (!Poco::File(m.smtp.caFile).exists() || !Poco::File(m.smtp.caFile).canRead())
                doc.fail(smtp["ca_file"], "mail.smtp.ca_file: no readable file at " + m.smtp.caFile);
        }
        if (auto v = doc.optionalString(smtp, "username")) m.smtp.username = *v;
        if (auto v = doc.optionalInt(smtp, "timeout_seconds", 1, 300))
            m.smtp.timeoutSeconds = static_cast<int>(*v);
    }
}

void readWeb(const YamlDocument& doc, const YAML::Node& n, AppConfig& c) {
    c.web.directory = LACUNA_SOURCE_DIR "/web";
    c.web.labelsPath = relativeTo(c.file, "labels.yaml");
    if (!n) return;
    doc.requireMap(n, "web");
    doc.allowKeys(n, {"enabled", "directory", "labels", "secure_cookies"}, "web");
    c.web.enabled = doc.optionalBool(n, "enabled").value_or(true);
    if (const auto d = doc.optionalString(n, "directory")) c.web.directory = relativeTo(c.file, *d);
    if (const auto l = doc.optionalString(n, "labels")) c.web.labelsPath = relativeTo(c.file, *l);
    c.web.secureCookies = doc.optionalBool(n, "secure_cookies").value_or(false);
}

void readMetrics(const YamlDocument& doc, const YAML::Node& n, MetricsConfig& m) {
    doc.requireMap(n, "metrics");
    doc.allowKeys(n, {"enabled", "allow"}, "metrics");
    if (auto v = doc.optionalBool(n, "enabled")) m.enabled = *v;
    if (!n["allow"]) return;
    m.allow.clear();
    for (const std::string& text : doc.stringList(n, "allow", false)) {
        const auto range = AddressRange::parse(text);
        if (!range)
            doc.fail(n["allow"], "'" + text + "' in metrics.allow is neither an IP address nor a CIDR block");
        m.allow.push_back(*range);
    }
}

}  // namespace

AppConfig loadConfig(const std::string& path) {
    const YamlDocument doc(path);
    const YAML::Node& root = doc.root();
    doc.allowKeys(root,
                  {"server", "storage", "auth", "data_dir", "municipalities", "committee", "calendar",
                   "workflows", "gaps", "bills", "webhooks", "mail", "web", "metrics"},
                  "the configuration");
    AppConfig c;
    c.file = Poco::Path(path).makeAbsolute().toString();
    c.storage.sqlitePath = "lacuna.db";
    if (const YAML::Node n = root["server"]) readServer(doc, n, c.server);
    if (const YAML::Node n = root["storage"]) readStorage(doc, n, c.storage);
    if (const YAML::Node n = root["auth"]) readAuth(doc, n, c.auth);
    c.dataDir = doc.optionalString(root, "data_dir").value_or("data");
    if (!root["gaps"]) doc.fail(root, "missing required key 'gaps'");
    readGaps(doc, root["gaps"], c);
    readMunicipalities(relativeTo(c.file, doc.requiredString(root, "municipalities")), c.catalog);
    const YAML::Node workflows = root["workflows"];
    if (!workflows) doc.fail(root, "missing required key 'workflows'");
    doc.allowKeys(workflows, {"gap", "bill", "opinion", "precedent"}, "workflows");
    c.gapWorkflow = loadWorkflow(YamlDocument(relativeTo(c.file, doc.requiredString(workflows, "gap"))));
    if (c.gapWorkflow.name != "gap")
        doc.fail(workflows["gap"], "workflows.gap must define the workflow 'gap'");
    c.billWorkflow = loadWorkflow(YamlDocument(relativeTo(c.file, doc.requiredString(workflows, "bill"))));
    if (c.billWorkflow.name != "bill")
        doc.fail(workflows["bill"], "workflows.bill must define the workflow 'bill'");
    c.opinionWorkflow =
        loadWorkflow(YamlDocument(relativeTo(c.file, doc.requiredString(workflows, "opinion"))));
    if (c.opinionWorkflow.name != "opinion")
        doc.fail(workflows["opinion"], "workflows.opinion must define the workflow 'opinion'");
    c.precedentWorkflow =
        loadWorkflow(YamlDocument(relativeTo(c.file, doc.requiredString(workflows, "precedent"))));
    if (c.precedentWorkflow.name != "precedent")
        doc.fail(workflows["precedent"], "workflows.precedent must define the workflow 'precedent'");
    for (const auto& [state, transition] : c.billWorkflow.bundledGaps)
        if (!c.gapWorkflow.findTransition(transition))
            throw ConfigError(c.billWorkflow.bundledGapNodes.at(state) + ": bundled_gaps." + state +
                              " names no transition of the gap workflow: '" + transition + "'");
    readCommittee(relativeTo(c.file, doc.requiredString(root, "committee")), c);
    readCalendar(relativeTo(c.file, doc.requiredString(root, "calendar")), c.calendar);
    if (const YAML::Node n = root["bills"]) readBills(doc, n, c);
    if (const YAML::Node n = root["webhooks"]) readWebhooks(doc, n, c.webhooks);
    if (const YAML::Node n = root["mail"]) readMail(doc, n, c.mail, c.file);
    readWeb(doc, root["web"], c);
    if (const YAML::Node n = root["metrics"]) readMetrics(doc, n, c.metrics);
    return c;
}

void applyEnvironment(AppConfig& c) {
    if (Poco::Environment::has("LACUNA_DB")) {
        try {
            applyStoreUrl(Poco::Environment::get("LACUNA_DB"), c.storage);
        } catch (const Poco::InvalidArgumentException& e) {
            throw ConfigError("LACUNA_DB: " + e.message());
        }
    }
    c.storage.mysql.password = Poco::Environment::get("LACUNA_DB_PASSWORD", "");
    c.mail.smtp.password = Poco::Environment::get("LACUNA_SMTP_PASSWORD", "");
    if (Poco::Environment::has("LACUNA_PORT")) {
        int port = 0;
        const std::string v = Poco::Environment::get("LACUNA_PORT");
        if (!Poco::NumberParser::tryParse(v, port) || port < 0 || port > 65535)
            throw ConfigError("LACUNA_PORT: '" + v + "' is not a port number");
        c.server.port = port;
    }
    if (Poco::Environment::has("LACUNA_DATA_DIR")) c.dataDir = Poco::Environment::get("LACUNA_DATA_DIR");
    if (Poco::Environment::has("LACUNA_WEB_DIR")) c.web.directory = Poco::Environment::get("LACUNA_WEB_DIR");
}

void resolveStoragePath(AppConfig& c) {
    Poco::Path data(c.dataDir);
    data.makeAbsolute();
    data.makeDirectory();
    c.dataDir = data.toString();
    Poco::Path db(c.storage.sqlitePath);
    if (!db.isAbsolute()) c.storage.sqlitePath = Poco::Path(data, db).toString();
}

std::string defaultConfigPath() {
    if (Poco::Environment::has("LACUNA_CONFIG")) return Poco::Environment::get("LACUNA_CONFIG");
    if (Poco::File("config/lacuna.yaml").exists()) return "config/lacuna.yaml";
    if (Poco::File(INSTALLED_CONFIG).exists()) return INSTALLED_CONFIG;
    return LACUNA_SOURCE_DIR "/config/lacuna.yaml";
}

}  // namespace lacuna
