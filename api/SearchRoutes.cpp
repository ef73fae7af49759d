#include "ApiServices.h"
#include "GapCodec.h"
#include "SearchCodec.h"

// Full-text search over gaps, drafts, rulings and opinions, and the duplicate suggestions.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void search(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const QueryParams query =
        ex.query({"q", "type", "municipality", "state", "category", "court", "outcome", "limit", "offset"});
    const SearchPage page = api.uniformity.search(actor, decodeSearch(query));
    ex.reply(HTTPResponse::HTTP_OK, [&](JsonWriter& out) { writeSearchPage(out, page); });
}

void replySimilar(Exchange& ex, const std::vector<SimilarGap>& similar) {
    ex.reply(HTTPResponse::HTTP_OK, [&](JsonWriter& out) {
        out.beginObject().key("items");
        writeSimilar(out, similar);
        out.endObject();
    });
}

void similarToDraft(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    replySimilar(ex, api.uniformity.similar(actor, decodeSimilar(ex.jsonObject()), 0));
}

void similarToGap(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const Gap gap = api.gaps.get(actor, ex.idParam("id"));
    replySimilar(ex, api.uniformity.similar(actor, gap.fields, gap.id));
}

}  // namespace

void addSearchRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "GET", "/api/v1/search", search);
    addRoute(router, api, "POST", "/api/v1/gaps/similar", similarToDraft);
    addRoute(router, api, "GET", "/api/v1/gaps/{id}/similar", similarToGap);
}

}  // namespace lacuna
