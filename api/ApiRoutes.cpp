#include "ApiServices.h"

namespace lacuna {

void addRoute(Router& router, const ApiServices& api, const char* method, const char* pattern,
              ApiHandler handler) {
    router.add(method, pattern, [&api, handler](Exchange& ex) { handler(api, ex); });
}

void addApiRoutes(Router& router, const ApiServices& api) {
    addSystemRoutes(router, api);
    addSessionRoutes(router, api);
    addGapRoutes(router, api);
    addDraftRoutes(router, api);
    addMeetingRoutes(router, api);
    addBillRoutes(router, api);
    addInboxRoutes(router, api);
    addRulingRoutes(router, api);
    addSearchRoutes(router, api);
    addOpinionRoutes(router, api);
    addPrecedentRoutes(router, api);
    addWebhookRoutes(router, api);
    addMailRoutes(router, api);
}

}  // namespace lacuna
