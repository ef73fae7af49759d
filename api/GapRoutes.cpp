#include "ApiServices.h"
#include "Codec.h"
#include "GapCodec.h"

// Gaps: report, list, read, edit, fire transitions, history, watch.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

GapView viewOf(const ApiServices& api, const Principal& caller, const Gap& gap) {
    return GapView{api.gaps.lifecycle(), api.catalog, api.gaps.availableTransitions(caller, gap),
                   api.gaps.mayEdit(caller, gap), api.clock.nowMs()};
}

void replyGap(const ApiServices& api, Exchange& ex, const Gap& gap) {
    const GapView view = viewOf(api, ex.principal(), gap);
    ex.replyRecord(HTTPResponse::HTTP_OK, gap.version, [&](JsonWriter& out) { writeGap(out, gap, view); });
}

void report(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const Gap gap = api.gaps.report(actor, decodeNewGap(ex.jsonObject()));
    // The reporter sees at once the open gaps this one may duplicate, to join one instead. A client that
    // prefers a minimal answer (an import, a city's own system filing its gaps) gets the gap without
    // them: looking them up is most of a report's cost.
    std::function<void(JsonWriter&)> similar;
    if (ex.prefersMinimal())
        ex.preferenceApplied("return=minimal");
    else
        similar = [found = api.uniformity.similar(actor, gap.fields, gap.id)](JsonWriter& w) {
            w.key("similar");
            writeSimilar(w, found);
        };
    const GapView view = viewOf(api, actor, gap);
    ex.replyRecord(
        HTTPResponse::HTTP_CREATED, gap.version, [&](JsonWriter& out) { writeGap(out, gap, view, similar); },
        "/api/v1/gaps/" + std::to_string(gap.id));
}

void list(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const QueryParams query =
        ex.query({"state", "municipality", "kind", "category", "priority", "q", "sort", "limit", "cursor"});
    const GapPage page = api.gaps.list(actor, decodeGapList(query));
    ex.reply(HTTPResponse::HTTP_OK, [&](JsonWriter& out) {
        out.beginObject().key("items").beginArray();
        for (const Gap& gap : page.items) writeGap(out, gap, viewOf(api, actor, gap));
        out.endArray().key("next_cursor");
        if (page.next)
            out.value(encodeCursor(query.text("sort").value_or("-created_at"), *page.next));
        else
            out.null();
        out.endObject();
    });
}

void get(const ApiServices& api, Exchange& ex) {
    replyGap(api, ex, api.gaps.get(ex.principal(), ex.idParam("id")));
}

void edit(const ApiServices& api, Exchange& ex) {
    replyGap(api, ex,
             changeRecord(ex, decodeGapPatch,
                          [&](const Principal& a, std::int64_t id, const GapPatch& in, std::int64_t v) {
                              return api.gaps.edit(a, id, in, v);
                          }));
}

void fire(const ApiServices& api, Exchange& ex) {
    replyGap(api, ex,
             changeRecord(ex, decodeTransition,
                          [&](const Principal& a, std::int64_t id, const TransitionInput& in,
                              std::int64_t v) { return api.gaps.fireTransition(a, id, in, v); }));
}

void history(const ApiServices& api, Exchange& ex) {
    ex.replyItems(api.gaps.history(ex.principal(), ex.idParam("id")),
                  [&](JsonWriter& out, const GapEvent& e) { writeEvent(out, e, api.gaps.lifecycle()); });
}

void watch(const ApiServices& api, Exchange& ex) {
    api.inbox.watch(ex.principal(), ex.idParam("id"), true);
    ex.sendNoContent();
}

void unwatch(const ApiServices& api, Exchange& ex) {
    api.inbox.watch(ex.principal(), ex.idParam("id"), false);
    ex.sendNoContent();
}

}  // namespace

void addGapRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "POST", "/api/v1/gaps", report);
    addRoute(router, api, "GET", "/api/v1/gaps", list);
    addRoute(router, api, "GET", "/api/v1/gaps/{id}", get);
    addRoute(router, api, "PATCH", "/api/v1/gaps/{id}", edit);
    addRoute(router, api, "POST", "/api/v1/gaps/{id}/transitions", fire);
    addRoute(router, api, "GET", "/api/v1/gaps/{id}/history", history);
    addRoute(router, api, "PUT", "/api/v1/gaps/{id}/watch", watch);
    addRoute(router, api, "DELETE", "/api/v1/gaps/{id}/watch", unwatch);
}

}  // namespace lacuna
