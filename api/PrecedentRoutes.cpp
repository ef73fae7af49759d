#include "ApiServices.h"
#include "Codec.h"
#include "PrecedentCodec.h"

// Requests for a uniform precedent: opened from a conflict of rulings, argued by the cities, filed with a
// General Board, decided by a ruling that binds.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void replyPrecedent(const ApiServices& api, Exchange& ex, HTTPResponse::HTTPStatus status,
                    const PrecedentRequest& p, const std::string& location = "") {
    const auto available = api.precedents.availableTransitions(ex.principal(), p);
    ex.replyRecord(
        status, p.version,
        [&](JsonWriter& out) {
            writePrecedent(out, p, api.precedents.lifecycle(), api.catalog, available, api.clock.nowMs());
        },
        location);
}

void open(const ApiServices& api, Exchange& ex) {
    const PrecedentRequest p = api.precedents.open(ex.principal(), decodePrecedent(ex.jsonObject()));
    replyPrecedent(api, ex, HTTPResponse::HTTP_CREATED, p, "/api/v1/precedents/" + std::to_string(p.id));
}

void list(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const QueryParams query = ex.query({"state", "limit"});
    const std::int64_t now = api.clock.nowMs();
    ex.replyItems(api.precedents.list(actor, query.text("state"), query.limit(20)),
                  [&](JsonWriter& out, const PrecedentRequest& p) {
                      writePrecedent(out, p, api.precedents.lifecycle(), api.catalog,
                                     api.precedents.availableTransitions(actor, p), now);
                  });
}

void get(const ApiServices& api, Exchange& ex) {
    replyPrecedent(api, ex, HTTPResponse::HTTP_OK, api.precedents.get(ex.principal(), ex.idParam("id")));
}

void argue(const ApiServices& api, Exchange& ex) {
    replyPrecedent(api, ex, HTTPResponse::HTTP_OK,
                   changeRecord(ex, decodeArgument,
                                [&](const Principal& a, std::int64_t id, const std::string& text,
                                    std::int64_t v) { return api.precedents.argue(a, id, text, v); }));
}

void fire(const ApiServices& api, Exchange& ex) {
    replyPrecedent(api, ex, HTTPResponse::HTTP_OK,
                   changeRecord(ex, decodeTransition,
                                [&](const Principal& a, std::int64_t id, const TransitionInput& in,
                                    std::int64_t v) { return api.precedents.fireTransition(a, id, in, v); }));
}

void history(const ApiServices& api, Exchange& ex) {
    ex.replyItems(api.precedents.history(ex.principal(), ex.idParam("id")),
                  [&](JsonWriter& out, const RecordEvent& e) {
                      writeRecordEvent(out, e, &api.precedents.lifecycle());
                  });
}

}  // namespace

void addPrecedentRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "POST", "/api/v1/precedents", open);
    addRoute(router, api, "GET", "/api/v1/precedents", list);
    addRoute(router, api, "GET", "/api/v1/precedents/{id}", get);
    addRoute(router, api, "PUT", "/api/v1/precedents/{id}/argument", argue);
    addRoute(router, api, "POST", "/api/v1/precedents/{id}/transitions", fire);
    addRoute(router, api, "GET", "/api/v1/precedents/{id}/history", history);
}

}  // namespace lacuna
