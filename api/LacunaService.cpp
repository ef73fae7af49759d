#include "LacunaService.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>
#include <malloc.h>

#include <chrono>
#include <optional>

#include "DemoData.h"
#include "Errors.h"
#include "Logs.h"

namespace lacuna {

POCO_IMPLEMENT_EXCEPTION(PortInUse, Poco::IOException, "Port in use")

namespace {

using Poco::Net::HTTPResponse;

/// Runs the route table for one request; every failure goes through sendProblem.
class ApiRequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    ApiRequestHandler(const Router& router, AuthService& auth, Store& store, const ServerConfig& server,
                      ServiceMetrics* metrics)
        : _router(router), _auth(auth), _store(store), _server(server), _metrics(metrics) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        const auto started = std::chrono::steady_clock::now();
        const std::int64_t startedAt = std::chrono::duration_cast<std::chrono::milliseconds>(
                                           std::chrono::system_clock::now().time_since_epoch())
                                           .count();
        std::optional<ServiceMetrics::InFlight> inFlight;
        if (_metrics) inFlight.emplace(*_metrics);
        // One id follows the request: its answer's header, any problem body, its audit events, its log lines.
        const std::string requestId = logs::requestIdFrom(request.get("X-Request-Id", ""));
        const logs::RequestScope scope(requestId);
        response.set("X-Request-Id", requestId);
        Exchange exchange(
            request, response, _auth, _server.maxBodyBytes,
            JsonLimits{_server.maxJsonDepth, 200000, _server.maxJsonMembers, _server.maxJsonItems},
            _server.trustedProxies);
        exchange.setRequestId(requestId);
        // A page's reads see one moment of the store, and on SQLite share one read transaction instead
        // of beginning and ending one per statement; they are let go before the answer is sent. Only
        // for reading methods: a login's password check, between its read and its write, must not hold
        // a connection.
        if (request.getMethod() == "GET" || request.getMethod() == "HEAD")
            exchange.holdReads(_store.holdReads());
        std::string path;
        const Router::Route* route = nullptr;
        try {
            exchange.checkFraming();
            path = exchange.path();
            std::map<std::string, std::string> params;
            route = &_router.match(request.getMethod(), path, params);
            exchange.setParams(std::move(params));
            route->handler(exchange);
        } catch (...) {
            exchange.sendProblem(path, std::current_exception());
        }
        const int status = static_cast<int>(response.getStatus());
        const double durationMs =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        if (_metrics) _metrics->observe(request.getMethod(), route, status, durationMs / 1000);
        if (!_server.logRequests) return;
        logs::RequestRecord record;
        record.at = startedAt;
        record.requestId = requestId;
        record.method = request.getMethod();
        // The template, so that lines group by what was asked and no record id or name is logged twice;
        // a path no route knows is logged as it came.
        record.route = route ? route->pattern : path;
        record.status = status;
        record.durationMs = durationMs;
        record.userId = exchange.userId();
        record.client = exchange.clientAddress();
        logs::write(logs::requestLine(record));
    }

private:
    const Router& _router;
    AuthService& _auth;
    Store& _store;
    const ServerConfig& _server;
    ServiceMetrics* _metrics;
};

class ApiRequestHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    ApiRequestHandlerFactory(const Router& router, AuthService& auth, Store& store,
                             const ServerConfig& server, ServiceMetrics* metrics)
        : _router(router), _auth(auth), _store(store), _server(server), _metrics(metrics) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new ApiRequestHandler(_router, _auth, _store, _server, _metrics);
    }

private:
    const Router& _router;
    AuthService& _auth;
    Store& _store;
    const ServerConfig& _server;
    ServiceMetrics* _metrics;
};

AuthSettings authSettings(const AuthConfig& a) {
    AuthSettings s;
    s.tokenLifetimeMs = a.tokenLifetimeMinutes * 60 * 1000;
    s.maxFailedLogins = a.maxFailedLogins;
    s.failureWindowMs = a.failureWindowMinutes * 60 * 1000;
    return s;
}

std::unique_ptr<Store> openConfiguredStore(AppConfig& config) {
    resolveStoragePath(config);
    return openStore(config.storage);
}

}  // namespace

Poco::Net::HTTPServerParams::Ptr serverParams(const ServerConfig& server) {
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(server.threads);
    params->setMaxQueued(server.maxQueued);
    params->setTimeout(Poco::Timespan(server.timeoutSeconds, 0));
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(server.keepAliveSeconds, 0));
    params->setMaxKeepAliveRequests(1000);
    params->setServerName("lacuna");
    return params;
}

LacunaService::LacunaService(AppConfig config, const Clock& clock, const PageInstaller& pages)
    : _config(std::move(config)),
      _clock(clock),
      _store(openConfiguredStore(_config)),
      _hasher(_config.auth.pbkdf2Iterations),
      _gapLifecycle(_config.gapWorkflow),
      _billLifecycle(_config.billWorkflow),
      _opinionLifecycle(_config.opinionWorkflow),
      _precedentLifecycle(_config.precedentWorkflow),
      _calendar(_config.calendar),
      _notices(_store->mail(),
               [this](const AccountNotice& n) { return renderAccountNotice(n, _config.mail.baseUrl); }),
      _users(_store->users(), _config.catalog, _hasher, _notices, _clock),
      _auth(_store->users(), _store->sessions(), _hasher, _notices, _clock, authSettings(_config.auth)),
      _gaps(_store->gaps(), _store->drafts(), _store->merges(), _store->search(), _gapLifecycle,
            _config.catalog, _calendar, _clock, _config.gapLimits),
      _drafts(_gaps, _store->drafts(), _clock, _config.gapLimits),
      _meetings(_store->meetings(), _store->recordEvents(), _gaps, _store->bills(), _store->rulings(),
                _config.committee, _clock),
      _bills(_store->bills(), _store->recordEvents(), _gaps, _billLifecycle, _config.billWorkflow.bundledGaps,
             _config.bills, _calendar, _clock),
      _inbox(_store->inbox(), _gaps, _bills, _meetings, _clock),
      _mail(_store->mail(), _store->users(), _store->inbox(), _inbox, _gaps,
            MailSchedule{_config.mail.digestHour}, _clock),
      _webhooks(_store->webhooks(), _clock),
      _uniformity(_store->rulings(), _store->search(), _store->users(), _store->recordEvents(), _gaps,
                  _config.catalog, _clock, _config.gapLimits),
      _opinions(_store->opinions(), _store->recordEvents(), _store->rulings(), _store->users(), _gaps,
                _opinionLifecycle, _calendar, _clock, _config.gapLimits),
      _precedents(_store->precedents(), _store->recordEvents(), _store->rulings(), _gaps, _precedentLifecycle,
                  _calendar, _clock, _config.gapLimits),
      _dispatcher(_store->webhooks(), _config.webhooks, _clock),
      _mailer(_mail, _store->mail(), _config.mail, _clock),
      _api{*_store,
           _auth,
           _users,
           _gaps,
           _drafts,
           _meetings,
           _bills,
           _inbox,
           _mail,
           _webhooks,
           _uniformity,
           _opinions,
           _precedents,
           _store->recordEvents(),
           _config.gapWorkflow,
           _config.billWorkflow,
           _config.opinionWorkflow,
           _config.precedentWorkflow,
           _config.catalog,
           _clock},
      _front(new ApiRequestHandlerFactory(_router, _auth, *_store, _config.server,
                                          _config.metrics.enabled ? &_metrics : nullptr),
             _config.server) {
    addApiRoutes(_router, _api);
    if (_config.metrics.enabled) _router.add("GET", "/metrics", [this](Exchange& ex) { serveMetrics(ex); });
    if (pages && _config.web.enabled) _pages = pages(_router, _api, _config);
}

LacunaService::~LacunaService() { stop(); }

void LacunaService::serveMetrics(Exchange& ex) {
    // Whoever reaches the port may ask; only the configured addresses are answered. The address is the
    // client's as the logs have it: the peer, or behind a trusted proxy the one it forwards.
    if (!inAnyRange(_config.metrics.allow, ex.clientAddress()))
        throw Forbidden("metrics are served only to the addresses in metrics.allow");
    ex.send(HTTPResponse::HTTP_OK, ServiceMetrics::CONTENT_TYPE,
            _metrics.render(MetricsSources{*_store, _auth, _dispatcher, _mailer, _front, _clock}),
            "no-store");
}

void LacunaService::start() {
    // Workers allocate and free the same few hundred KB per request (pages, JSON, statements). With
    // glibc's defaults each worker's arena hands its top back to the kernel once it frees more than
    // 128 KB (madvise, a TLB shootdown across cores): measured, 8% of the CPU of a page under load.
    // Keeping up to 2 MB per arena, and taking allocations below 1 MB from it, stops that churn for
    // a few MB of memory.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    mallopt(M_TRIM_THRESHOLD, 2 << 20);
    // SO_REUSEADDR lets a restarted service bind while old connections linger in TIME_WAIT; never
    // SO_REUSEPORT, which would let a second service on the same port take half the connections.
    const Poco::Net::SocketAddress address(_config.server.host,
                                           static_cast<Poco::UInt16>(_config.server.port));
    Poco::Net::ServerSocket listener;
    try {
        listener.bind(address, true, false);
    } catch (const Poco::Net::NetException& e) {
        throw PortInUse("cannot listen on " + address.toString() + ": " + e.message() +
                        " (is another service on this port?)");
    }
    listener.listen(1024);
    _front.start(listener);
    _dispatcher.start();
    _mailer.start();
}

void LacunaService::stop() {
    // The listening socket closes first, so that new connections are refused at once (a load
    // balancer moves on) instead of waiting in the backlog; then the requests in flight finish. Only
    // then the webhook deliveries stop (a delivery under way may take its whole timeout): what the
    // last requests queued is in the outbox, for the next start to deliver.
    _front.stop();
    _dispatcher.stop();
    _mailer.stop();
}

int LacunaService::port() const { return _front.port(); }

bool LacunaService::ensureAdmin(const std::string& password) { return _users.ensureAdmin(password); }

bool LacunaService::seedDemo(const std::string& password) {
    DemoData demo(_users, _store->users(), _gaps, _uniformity, _opinions, _config.catalog, _hasher);
    return demo.seed(password);
}

}  // namespace lacuna
