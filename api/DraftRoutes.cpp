#include "ApiServices.h"
#include "DraftCodec.h"
#include "Html.h"

// A gap's amendment drafts: immutable versions and the word diff between two.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void save(const ApiServices& api, Exchange& ex) {
    // A draft's version is the latest one read: 0 before the first.
    const Draft draft = changeRecord(
        ex, decodeDraft,
        [&](const Principal& a, std::int64_t id, const DraftInput& in, std::int64_t v) {
            return api.drafts.save(a, id, in, v);
        },
        0);
    ex.replyRecord(
        HTTPResponse::HTTP_CREATED, draft.version, [&](JsonWriter& out) { writeDraft(out, draft, true); },
        "/api/v1/gaps/" + std::to_string(draft.gapId) + "/drafts/" + std::to_string(draft.version));
}

void list(const ApiServices& api, Exchange& ex) {
    ex.replyItems(api.drafts.list(ex.principal(), ex.idParam("id")),
                  [](JsonWriter& out, const Draft& d) { writeDraft(out, d, false); });
}

void get(const ApiServices& api, Exchange& ex) {
    const Draft d = api.drafts.get(ex.principal(), ex.idParam("id"), ex.idParam("version"));
    ex.replyRecord(HTTPResponse::HTTP_OK, d.version, [&](JsonWriter& out) { writeDraft(out, d, true); });
}

void diff(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const QueryParams query = ex.query({"from", "to", "format"});
    FieldErrors errors;
    if (!query.text("from")) errors.add("from", "required", "the older draft version");
    if (!query.text("to")) errors.add("to", "required", "the newer draft version");
    errors.throwIfAny("the diff request is not valid");
    const std::int64_t id = ex.idParam("id");
    const DraftDiff diff = api.drafts.diff(actor, id, *query.count("from"), *query.count("to"));
    if (ex.wantsHtml(query)) {
        ex.sendHtml(renderDiffHtml(diff, api.gaps.get(actor, id).reference));
        return;
    }
    ex.reply(HTTPResponse::HTTP_OK, [&](JsonWriter& out) { writeDiff(out, diff); });
}

}  // namespace

void addDraftRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "POST", "/api/v1/gaps/{id}/drafts", save);
    addRoute(router, api, "GET", "/api/v1/gaps/{id}/drafts", list);
    addRoute(router, api, "GET", "/api/v1/gaps/{id}/drafts/{version}", get);
    addRoute(router, api, "GET", "/api/v1/gaps/{id}/diff", diff);
}

}  // namespace lacuna
