#include "ApiServices.h"
#include "Codec.h"
#include "UserCodec.h"

// The health check and the vocabularies every client reads: cities, categories and the workflows.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void health(const ApiServices& api, Exchange& ex) {
    const bool up = api.store.reachable();
    ex.reply(up ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_SERVICE_UNAVAILABLE, [&](JsonWriter& out) {
        out.beginObject()
            .field("status", up ? "ok" : "store unreachable")
            .field("store", api.store.backendName())
            .endObject();
    });
}

void listMunicipalities(const ApiServices& api, Exchange& ex) {
    ex.principal();
    ex.replyItems(api.catalog.municipalities, writeMunicipality);
}

void listCategories(const ApiServices& api, Exchange& ex) {
    ex.principal();
    ex.replyItems(api.catalog.categories, writeCategory);
}

void replyWorkflow(Exchange& ex, const Workflow& workflow) {
    ex.principal();
    ex.reply(HTTPResponse::HTTP_OK, [&](JsonWriter& out) { writeWorkflow(out, workflow); });
}

void gapWorkflow(const ApiServices& api, Exchange& ex) { replyWorkflow(ex, api.gapWorkflow); }
void billWorkflow(const ApiServices& api, Exchange& ex) { replyWorkflow(ex, api.billWorkflow); }
void opinionWorkflow(const ApiServices& api, Exchange& ex) { replyWorkflow(ex, api.opinionWorkflow); }

}  // namespace

void addSystemRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "GET", "/healthz", health);
    addRoute(router, api, "GET", "/api/v1/municipalities", listMunicipalities);
    addRoute(router, api, "GET", "/api/v1/categories", listCategories);
    addRoute(router, api, "GET", "/api/v1/workflows/gap", gapWorkflow);
    addRoute(router, api, "GET", "/api/v1/workflows/bill", billWorkflow);
    addRoute(router, api, "GET", "/api/v1/workflows/opinion", opinionWorkflow);
}

}  // namespace lacuna
