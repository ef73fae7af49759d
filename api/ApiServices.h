#pragma once

#include "AuthService.h"
#include "BillService.h"
#include "Catalog.h"
#include "Clock.h"
#include "DraftService.h"
#include "Exchange.h"
#include "GapService.h"
#include "InboxService.h"
#include "MailService.h"
#include "MeetingService.h"
#include "OpinionService.h"
#include "PrecedentService.h"
#include "RecordEventRepository.h"
#include "Store.h"
#include "UniformityService.h"
#include "UserService.h"
#include "WebhookService.h"
#include "Workflow.h"

namespace lacuna {

/// What the route handlers call: the domain services (one rule each, shared with every other way in),
/// the vocabularies and the clock. LacunaService builds it once.
struct ApiServices {
    Store& store;
    AuthService& auth;
    UserService& users;
    GapService& gaps;
    DraftService& drafts;
    MeetingService& meetings;
    BillService& bills;
    InboxService& inbox;
    MailService& mail;
    WebhookService& webhooks;
    UniformityService& uniformity;
    OpinionService& opinions;
    PrecedentService& precedents;
    RecordEventRepository& recordEvents;
    const Workflow& gapWorkflow;
    const Workflow& billWorkflow;
    const Workflow& opinionWorkflow;
    const Workflow& precedentWorkflow;
    const Catalog& catalog;
    const Clock& clock;
};

/// A route handler: decodes the request, calls one service, encodes the answer.
using ApiHandler = void (*)(const ApiServices& api, Exchange& ex);

/// A change to the record named by the path's `{id}` that needs the version the client read: the body is
/// decoded first (400 names every bad field), then the version is required (428, or 409 when stale, from
/// the service); returns what `change(actor, id, input, version)` returns.
template <typename Decode, typename Change>
auto changeRecord(Exchange& ex, Decode decode, Change change, std::int64_t minimumVersion = 1) {
    const Principal& actor = ex.principal();
    const std::int64_t id = ex.idParam("id");
    const auto body = ex.jsonObject();
    const auto input = decode(body);
    const std::int64_t version = ex.expectedVersion(body, minimumVersion);
    return change(actor, id, input, version);
}

/// Adds `handler` for (method, pattern) with `api` bound.
void addRoute(Router& router, const ApiServices& api, const char* method, const char* pattern,
              ApiHandler handler);

/// The OpenAPI 3.1 document of this API (api/openapi.json, built into the binary).
const std::string& openApiDocument();

// One function per resource adds its routes.
void addSystemRoutes(Router& router, const ApiServices& api);
void addSessionRoutes(Router& router, const ApiServices& api);
void addGapRoutes(Router& router, const ApiServices& api);
void addDraftRoutes(Router& router, const ApiServices& api);
void addMeetingRoutes(Router& router, const ApiServices& api);
void addBillRoutes(Router& router, const ApiServices& api);
void addInboxRoutes(Router& router, const ApiServices& api);
void addRulingRoutes(Router& router, const ApiServices& api);
void addSearchRoutes(Router& router, const ApiServices& api);
void addOpinionRoutes(Router& router, const ApiServices& api);
void addPrecedentRoutes(Router& router, const ApiServices& api);
void addWebhookRoutes(Router& router, const ApiServices& api);
void addMailRoutes(Router& router, const ApiServices& api);

/// Where a person's calendar feed is served for `secret` (a calendar program asks it without a session).
inline std::string calendarFeedPath(const std::string& secret) { return "/feeds/" + secret + "/lacuna.ics"; }

/// Every route of the JSON API and the health check.
void addApiRoutes(Router& router, const ApiServices& api);

}  // namespace lacuna
