#include "ApiServices.h"
#include "Codec.h"
#include "UserCodec.h"

// The health check and the vocabularies every client reads: cities, categories and the workflows.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

/// Readiness, for a load balancer: the store answers a read and commits a write.
void ready(const ApiServices& api, Exchange& ex) {
    const bool reads = api.store.reachable();
    const bool writes = reads && api.store.writable(api.clock.nowMs());
    const char* status = writes ? "ok" : reads ? "store refuses writes" : "store unreachable";
    ex.reply(writes ? HTTPResponse::HTTP_OK : HTTPResponse::HTTP_SERVICE_UNAVAILABLE, [&](JsonWriter& out) {
        out.beginObject()
            .field("status", status)
            .field("store", api.store.backendName())
            .field("reads", reads)
            .field("writes", writes)
            .endObject();
    });
}

/// Liveness: the process answers, whatever the store does (restarting it would not help the store).
void live(const ApiServices&, Exchange& ex) {
    ex.reply(HTTPResponse::HTTP_OK,
             [](JsonWriter& out) { out.beginObject().field("status", "ok").endObject(); });
}

/// The API's contract, for integrators and their code generators: public, like the API's documentation.
void openApi(const ApiServices&, Exchange& ex) {
    ex.send(HTTPResponse::HTTP_OK, "application/json; charset=utf-8", openApiDocument(),
            "public, max-age=300");
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
void precedentWorkflow(const ApiServices& api, Exchange& ex) { replyWorkflow(ex, api.precedentWorkflow); }

}  // namespace

void addSystemRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "GET", "/healthz", ready);
    addRoute(router, api, "GET", "/healthz/live", live);
    addRoute(router, api, "GET", "/api/v1/openapi.json", openApi);
    addRoute(router, api, "GET", "/api/v1/municipalities", listMunicipalities);
    addRoute(router, api, "GET", "/api/v1/categories", listCategories);
    addRoute(router, api, "GET", "/api/v1/workflows/gap", gapWorkflow);
    addRoute(router, api, "GET", "/api/v1/workflows/bill", billWorkflow);
    addRoute(router, api, "GET", "/api/v1/workflows/opinion", opinionWorkflow);
    addRoute(router, api, "GET", "/api/v1/workflows/precedent", precedentWorkflow);
}

}  // namespace lacuna
