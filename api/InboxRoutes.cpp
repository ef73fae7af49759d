#include "ApiServices.h"
#include "InboxCodec.h"

// Clocks and the inbox: what falls due, what the caller must do, what happened to what they follow.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

constexpr std::int64_t WEEK_MS = 7LL * 24 * 60 * 60 * 1000;

void deadlines(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const QueryParams query = ex.query({"within", "municipality", "role", "mine", "limit"});
    DeadlineQuery q;
    if (const auto within = query.window("within")) q.withinMs = *within;
    q.municipality = query.text("municipality");
    if (q.municipality && !api.catalog.findMunicipality(*q.municipality))
        throw ValidationError("unknown municipality", {{"municipality", "unknown", "not a municipality"}});
    q.role = query.text("role");
    q.mineOnly = query.flag("mine");
    q.limit = query.limit(100);
    const std::int64_t now = api.clock.nowMs();
    ex.replyItems(api.inbox.deadlines(actor, q),
                  [now](JsonWriter& out, const Deadline& d) { writeDeadline(out, d, now); });
}

void inbox(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const QueryParams query = ex.query({"within", "unread"});
    const std::int64_t within = query.window("within").value_or(WEEK_MS);
    const Inbox box = api.inbox.inbox(actor, within, query.flag("unread"));
    ex.reply(HTTPResponse::HTTP_OK, [&](JsonWriter& out) { writeInbox(out, box, api.clock.nowMs()); });
}

void markRead(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const int changed = api.inbox.markRead(actor, decodeMarkRead(ex.jsonObject()));
    ex.reply(HTTPResponse::HTTP_OK,
             [&](JsonWriter& out) { out.beginObject().field("marked", changed).endObject(); });
}

}  // namespace

void addInboxRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "GET", "/api/v1/deadlines", deadlines);
    addRoute(router, api, "GET", "/api/v1/inbox", inbox);
    addRoute(router, api, "POST", "/api/v1/inbox/read", markRead);
}

}  // namespace lacuna
