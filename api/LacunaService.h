#pragma once

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>

#include <functional>
#include <memory>

#include "ApiServices.h"
#include "AppConfig.h"
#include "AuthService.h"
#include "BillService.h"
#include "Clock.h"
#include "DraftService.h"
#include "Exchange.h"
#include "GapService.h"
#include "HttpFront.h"
#include "InboxService.h"
#include "MailDispatcher.h"
#include "MailService.h"
#include "MeetingService.h"
#include "Metrics.h"
#include "OpinionService.h"
#include "PasswordHasher.h"
#include "Store.h"
#include "UniformityService.h"
#include "UserService.h"
#include "WebhookDispatcher.h"
#include "WebhookService.h"
#include "WorkCalendar.h"
#include "WorkflowEngine.h"

namespace lacuna {

/// The service could not take its port (another process listens on it).
POCO_DECLARE_EXCEPTION(, PortInUse, Poco::IOException)

/// The HTTP server parameters of `server` (also used by the benchmark's bare baseline server).
Poco::Net::HTTPServerParams::Ptr serverParams(const ServerConfig& server);

/// Adds the pages for people to the route table and returns what they need kept alive as long as the
/// service (templates, static files); the web library provides it, main() and the tests pass it in, so
/// that api/ never depends on web/.
using PageInstaller = std::function<std::shared_ptr<void>(Router&, const ApiServices&, const AppConfig&)>;

/// The whole service, wired once from a configuration: store, domain services, route table and
/// HTTP server. main() and the HTTP tests both run exactly this.
class LacunaService {
public:
    /// Opens and migrates the store; `clock` must outlive the service.
    LacunaService(AppConfig config, const Clock& clock, const PageInstaller& pages = nullptr);
    ~LacunaService();

    /// Binds server.host:server.port (0 picks a free port) and starts answering.
    void start();
    /// Stops accepting, lets requests in flight finish, then returns.
    void stop();
    /// The port actually bound.
    int port() const;

    /// On an empty store, creates `admin`; returns false when users exist already.
    bool ensureAdmin(const std::string& password);
    /// Seeds the demo data; returns false when it was seeded before.
    bool seedDemo(const std::string& password);

    const AppConfig& config() const { return _config; }
    /// The routes the service answers (the API's and the pages').
    const Router& router() const { return _router; }
    UserService& users() { return _users; }
    /// The domain services the routes call (tests call them directly where no route reaches).
    const ApiServices& services() const { return _api; }
    /// Delivers the webhooks that are due now (tests drive delivery with it).
    int deliverWebhooks() { return _dispatcher.runOnce(); }
    /// Composes the e-mail that is due and sends what is due (tests drive the mail with it).
    int runMail() { return _mailer.runOnce(); }

private:
    void serveMetrics(Exchange& ex);

    AppConfig _config;
    const Clock& _clock;
    std::unique_ptr<Store> _store;
    PasswordHasher _hasher;
    WorkflowEngine _gapLifecycle;
    WorkflowEngine _billLifecycle;
    WorkflowEngine _opinionLifecycle;
    WorkflowEngine _precedentLifecycle;
    WorkCalendar _calendar;
    AccountNotices _notices;
    UserService _users;
    AuthService _auth;
    GapService _gaps;
    DraftService _drafts;
    MeetingService _meetings;
    BillService _bills;
    InboxService _inbox;
    MailService _mail;
    WebhookService _webhooks;
    UniformityService _uniformity;
    OpinionService _opinions;
    PrecedentService _precedents;
    WebhookDispatcher _dispatcher;
    MailDispatcher _mailer;
    ApiServices _api;
    Router _router;
    std::shared_ptr<void> _pages;  ///< what the page routes use (PageInstaller)
    ServiceMetrics _metrics;
    HttpFront _front;
};

}  // namespace lacuna
