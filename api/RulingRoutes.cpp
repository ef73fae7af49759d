#include "ApiServices.h"
#include "Codec.h"
#include "GapCodec.h"
#include "RulingCodec.h"

// Court rulings, their links to gaps, and everything recorded on one provision.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void replyRuling(const ApiServices& api, Exchange& ex, const Ruling& r) {
    ex.replyRecord(HTTPResponse::HTTP_OK, r.version,
                   [&](JsonWriter& out) { writeRuling(out, r, api.catalog); });
}

void registerRuling(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const RegisteredRuling r = api.uniformity.registerRuling(actor, decodeRuling(ex.jsonObject()));
    ex.replyRecord(
        HTTPResponse::HTTP_CREATED, r.ruling.version,
        [&](JsonWriter& out) {
            out.beginObject().key("ruling");
            writeRuling(out, r.ruling, api.catalog);
            out.key("related_gaps").beginArray();
            for (const auto& g : r.relatedGaps) writeGapSummary(out, g);
            out.endArray().endObject();
        },
        "/api/v1/rulings/" + std::to_string(r.ruling.id));
}

void list(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const QueryParams query =
        ex.query({"provision", "court", "outcome", "municipality", "from", "to", "limit"});
    RulingQuery q;
    q.provisionKey = query.text("provision");
    q.court = query.text("court");
    q.outcome = query.text("outcome");
    q.municipality = query.text("municipality");
    if (const auto from = query.text("from")) q.from = requireJalaliDate("from", *from);
    if (const auto to = query.text("to")) q.to = requireJalaliDate("to", *to);
    q.limit = query.limit(50);
    ex.replyItems(api.uniformity.rulings(actor, q),
                  [&](JsonWriter& out, const Ruling& r) { writeRuling(out, r, api.catalog); });
}

void get(const ApiServices& api, Exchange& ex) {
    replyRuling(api, ex, api.uniformity.ruling(ex.principal(), ex.idParam("id")));
}

void link(const ApiServices& api, Exchange& ex) {
    replyRuling(
        api, ex,
        changeRecord(ex, decodeRulingLink,
                     [&](const Principal& a, std::int64_t id, const RulingLinkInput& in, std::int64_t v) {
                         return api.uniformity.linkRuling(a, id, in.gap, in.note, v);
                     }));
}

void history(const ApiServices& api, Exchange& ex) {
    ex.replyItems(api.uniformity.rulingHistory(ex.principal(), ex.idParam("id")),
                  [](JsonWriter& out, const RecordEvent& e) { writeRecordEvent(out, e, nullptr); });
}

/// The provisions on which rulings went both ways, each by its newest pair, with the gaps on it.
void conflicts(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const QueryParams query = ex.query({"provision", "ruling", "limit", "unsettled"});
    constexpr std::size_t GAPS_EACH = 10;
    ex.replyItems(
        api.uniformity.conflicts(actor,
                                 ConflictQuery{query.text("provision"), query.count("ruling"),
                                               query.limit(20), query.flag("unsettled")},
                                 GAPS_EACH),
        [&](JsonWriter& out, const RulingConflict& c) { writeConflict(out, c, api.catalog, true); });
}

void provision(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const ProvisionPage page = api.uniformity.provision(actor, ex.textParam("key"));
    ex.reply(HTTPResponse::HTTP_OK, [&](JsonWriter& out) { writeProvisionPage(out, page, api.catalog); });
}

}  // namespace

void addRulingRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "POST", "/api/v1/rulings", registerRuling);
    addRoute(router, api, "GET", "/api/v1/rulings", list);
    addRoute(router, api, "GET", "/api/v1/rulings/{id}", get);
    addRoute(router, api, "POST", "/api/v1/rulings/{id}/gaps", link);
    addRoute(router, api, "GET", "/api/v1/rulings/{id}/history", history);
    addRoute(router, api, "GET", "/api/v1/provisions/{key}", provision);
    addRoute(router, api, "GET", "/api/v1/conflicts", conflicts);
}

}  // namespace lacuna
