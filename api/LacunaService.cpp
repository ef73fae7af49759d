#include "LacunaService.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>

#include "DemoData.h"
#include "Errors.h"
#include "JsonCodec.h"
#include "LegislationCodec.h"
#include "Problem.h"

namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

/// Runs the route table for one request; every failure goes through sendProblem.
class ApiRequestHandler : public Poco::Net::HTTPRequestHandler {
public:
    ApiRequestHandler(const Router& router, AuthService& auth, const ServerConfig& server)
        : _router(router), _auth(auth), _server(server) {}

    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
        Exchange exchange(request, response, _auth, _server.maxBodyBytes,
                          JsonLimits{_server.maxJsonDepth, 200000}, _server.trustedProxies);
        std::string path;
        try {
            path = exchange.path();
            std::map<std::string, std::string> params;
            const Handler& handler = _router.match(request.getMethod(), path, params);
            exchange.setParams(std::move(params));
            handler(exchange);
        } catch (...) {
            if (!response.sent()) sendProblem(response, path, std::current_exception());
        }
    }

private:
    const Router& _router;
    AuthService& _auth;
    const ServerConfig& _server;
};

class ApiRequestHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    ApiRequestHandlerFactory(const Router& router, AuthService& auth, const ServerConfig& server)
        : _router(router), _auth(auth), _server(server) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
        return new ApiRequestHandler(_router, _auth, _server);
    }

private:
    const Router& _router;
    AuthService& _auth;
    const ServerConfig& _server;
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

LacunaService::LacunaService(AppConfig config, const Clock& clock)
    : _config(std::move(config)),
      _clock(clock),
      _store(openConfiguredStore(_config)),
      _hasher(_config.auth.pbkdf2Iterations),
      _gapLifecycle(_config.gapWorkflow),
      _billLifecycle(_config.billWorkflow),
      _opinionLifecycle(_config.opinionWorkflow),
      _calendar(_config.calendar),
      _users(_store->users(), _config.catalog, _hasher, _clock),
      _auth(_store->users(), _store->sessions(), _hasher, _clock, authSettings(_config.auth)),
      _gaps(_store->gaps(), _store->drafts(), _store->merges(), _store->search(), _gapLifecycle,
            _config.catalog, _calendar, _clock, _config.gapLimits),
      _drafts(_gaps, _store->drafts(), _clock, _config.gapLimits),
      _meetings(_store->meetings(), _store->recordEvents(), _gaps, _config.committee, _config.catalog,
                _clock),
      _bills(_store->bills(), _store->recordEvents(), _gaps, _billLifecycle, _config.billWorkflow.bundledGaps,
             _config.bills, _config.catalog, _calendar, _clock),
      _inbox(_store->inbox(), _gaps, _bills, _meetings, _clock),
      _webhooks(_store->webhooks(), _clock),
      _uniformity(_store->rulings(), _store->search(), _gaps, _config.catalog, _clock, _config.gapLimits),
      _opinions(_store->opinions(), _store->recordEvents(), _store->rulings(), _store->users(), _gaps,
                _opinionLifecycle, _calendar, _clock, _config.gapLimits),
      _dispatcher(_store->webhooks(), _config.webhooks, _clock),
      _legislationApi{_gaps,
                      _uniformity,
                      _opinions,
                      _config.opinionWorkflow,
                      _drafts,
                      _meetings,
                      _bills,
                      _inbox,
                      _webhooks,
                      _store->recordEvents(),
                      _config.billWorkflow,
                      _config.catalog,
                      _clock},
      _pool(4, _config.server.threads, 60) {
    addRoutes();
}

LacunaService::~LacunaService() { stop(); }

void LacunaService::start() {
    _listener = Poco::Net::ServerSocket(
        Poco::Net::SocketAddress(_config.server.host, static_cast<Poco::UInt16>(_config.server.port)), 128);
    _server =
        std::make_unique<Poco::Net::HTTPServer>(new ApiRequestHandlerFactory(_router, _auth, _config.server),
                                                _pool, _listener, serverParams(_config.server));
    _server->start();
    _dispatcher.start();
}

void LacunaService::stop() {
    _dispatcher.stop();
    if (!_server) return;
    // Stop accepting and close the listening socket first, so that new connections are refused
    // at once (a load balancer moves on) instead of waiting in the backlog; then let the requests
    // in flight finish.
    _server->stop();
    _listener.close();
    _server->stopAll(false);
    _pool.joinAll();
    _server.reset();
}

int LacunaService::port() const { return _server ? _server->port() : 0; }

bool LacunaService::ensureAdmin(const std::string& password) { return _users.ensureAdmin(password); }

bool LacunaService::seedDemo(const std::string& password) {
    DemoData demo(_users, _store->users(), _gaps, _uniformity, _opinions, _config.catalog, _hasher);
    return demo.seed(password);
}

void LacunaService::addRoutes() {
    const auto writeGapFor = [this](JsonWriter& out, Exchange& ex, const Gap& gap) {
        const Principal& p = ex.principal();
        writeGap(out, gap, _gapLifecycle, _config.catalog, _gaps.availableTransitions(p, gap),
                 _gaps.mayEdit(p, gap), _clock.nowMs());
    };
    const auto sendGap = [writeGapFor](Exchange& ex, HTTPResponse::HTTPStatus status, const Gap& gap) {
        JsonWriter out;
        writeGapFor(out, ex, gap);
        ex.response().set("ETag", etagFor(gap.version));
        ex.sendJson(status, out.str());
    };
    /// {"items": [...]} of `values`, each written by `write`.
    const auto sendItems = [](Exchange& ex, const auto& values, const auto& write) {
        JsonWriter out;
        out.beginObject().key("items").beginArray();
        for (const auto& v : values) write(out, v);
        out.endArray().endObject();
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    };

    _router.add("GET", "/healthz", [this](Exchange& ex) {
        const bool up = _store->reachable();
        JsonWriter out;
        out.beginObject()
            .field("status", up ? "ok" : "store unreachable")
            .field("store", _store->backendName())
            .endObject();
        ex.sendJson(up ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_SERVICE_UNAVAILABLE, out.str());
    });

    _router.add("POST", "/api/v1/session", [this](Exchange& ex) {
        const auto [username, password] = decodeLogin(ex.jsonObject());
        const IssuedSession session = _auth.login(username, password, ex.clientAddress());
        JsonWriter out;
        out.beginObject().field("token", session.token).field("token_type", "Bearer");
        writeTime(out, "expires_at", session.expiresAt);
        out.key("user");
        writeUser(out, session.user);
        out.endObject();
        ex.sendJson(HTTPResponse::HTTP_CREATED, out.str());
    });
    _router.add("DELETE", "/api/v1/session", [this](Exchange& ex) {
        ex.principal();
        _auth.logout(ex.bearerToken());
        ex.sendNoContent();
    });
    _router.add("GET", "/api/v1/me", [](Exchange& ex) {
        const Principal& p = ex.principal();
        JsonWriter out;
        writeUser(out, User{p.userId, p.username, "", p.municipality, p.roles, 0}, false);
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });

    _router.add("GET", "/api/v1/municipalities", [this, sendItems](Exchange& ex) {
        ex.principal();
        sendItems(ex, _config.catalog.municipalities, writeMunicipality);
    });
    _router.add("GET", "/api/v1/categories", [this, sendItems](Exchange& ex) {
        ex.principal();
        sendItems(ex, _config.catalog.categories, writeCategory);
    });

    _router.add("POST", "/api/v1/users", [this](Exchange& ex) {
        const Principal& actor = ex.principal();
        const User user = _users.addUser(actor, decodeNewUser(ex.jsonObject()));
        JsonWriter out;
        writeUser(out, user);
        ex.response().set("Location", "/api/v1/users/" + std::to_string(user.id));
        ex.sendJson(HTTPResponse::HTTP_CREATED, out.str());
    });
    _router.add("GET", "/api/v1/users", [this, sendItems](Exchange& ex) {
        sendItems(ex, _users.listUsers(ex.principal()),
                  [](JsonWriter& out, const User& u) { writeUser(out, u); });
    });

    _router.add("GET", "/api/v1/workflows/gap", [this](Exchange& ex) {
        ex.principal();
        JsonWriter out;
        writeWorkflow(out, _gapLifecycle.workflow());
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });

    _router.add("POST", "/api/v1/gaps", [this](Exchange& ex) {
        const Principal& actor = ex.principal();
        const Gap gap = _gaps.report(actor, decodeNewGap(ex.jsonObject()));
        // The reporter sees at once the open gaps this one may duplicate, to join one instead.
        const auto similar = _uniformity.similar(actor, gap.fields, gap.id);
        JsonWriter out;
        writeGap(out, gap, _gapLifecycle, _config.catalog, _gaps.availableTransitions(actor, gap),
                 _gaps.mayEdit(actor, gap), _clock.nowMs(), [&](JsonWriter& w) {
                     w.key("similar");
                     writeSimilar(w, similar);
                 });
        ex.response().set("Location", "/api/v1/gaps/" + std::to_string(gap.id));
        ex.response().set("ETag", etagFor(gap.version));
        ex.sendJson(HTTPResponse::HTTP_CREATED, out.str());
    });
    _router.add("GET", "/api/v1/gaps", [this, writeGapFor](Exchange& ex) {
        const Principal& actor = ex.principal();
        const auto query = ex.query(
            {"state", "municipality", "kind", "category", "priority", "q", "sort", "limit", "cursor"});
        const GapPage page = _gaps.list(actor, decodeGapList(query));
        JsonWriter out;
        out.beginObject().key("items").beginArray();
        for (const Gap& gap : page.items) writeGapFor(out, ex, gap);
        out.endArray().key("next_cursor");
        if (page.next)
            out.value(encodeCursor(query.count("sort") ? query.at("sort") : std::string("-created_at"),
                                   *page.next));
        else
            out.null();
        out.endObject();
        ex.sendJson(HTTPResponse::HTTP_OK, out.str());
    });
    _router.add("GET", "/api/v1/gaps/{id}", [this, sendGap](Exchange& ex) {
        const Principal& actor = ex.principal();
        sendGap(ex, HTTPResponse::HTTP_OK, _gaps.get(actor, ex.idParam("id")));
    });
    _router.add("PATCH", "/api/v1/gaps/{id}", [this, sendGap](Exchange& ex) {
        const Principal& actor = ex.principal();
        const std::int64_t id = ex.idParam("id");
        const Poco::JSON::Object::Ptr body = ex.jsonObject();
        const GapPatch patch = decodeGapPatch(body);
        sendGap(ex, HTTPResponse::HTTP_OK, _gaps.edit(actor, id, patch, ex.expectedVersion(body)));
    });
    _router.add("POST", "/api/v1/gaps/{id}/transitions", [this, sendGap](Exchange& ex) {
        const Principal& actor = ex.principal();
        const std::int64_t id = ex.idParam("id");
        const Poco::JSON::Object::Ptr body = ex.jsonObject();
        const TransitionInput input = decodeTransition(body);
        sendGap(ex, HTTPResponse::HTTP_OK, _gaps.fireTransition(actor, id, input, ex.expectedVersion(body)));
    });
    _router.add("GET", "/api/v1/gaps/{id}/history", [this, sendItems](Exchange& ex) {
        const Principal& actor = ex.principal();
        sendItems(ex, _gaps.history(actor, ex.idParam("id")),
                  [this](JsonWriter& out, const GapEvent& e) { writeEvent(out, e, _gapLifecycle); });
    });

    addLegislationRoutes(_router, _legislationApi);
}

}  // namespace lacuna
