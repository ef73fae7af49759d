#include "ApiServices.h"
#include "WebhookCodec.h"

// Webhook subscriptions (admin) and their recent deliveries.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void subscribe(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const WebhookInput in = decodeWebhook(ex.jsonObject());
    const WebhookSubscription s = api.webhooks.subscribe(actor, in.url, in.events);
    ex.response().set("Location", "/api/v1/webhooks/" + std::to_string(s.id));
    ex.reply(HTTPResponse::HTTP_CREATED, [&](JsonWriter& out) { writeSubscription(out, s, true); });
}

void list(const ApiServices& api, Exchange& ex) {
    ex.replyItems(api.webhooks.list(ex.principal()),
                  [](JsonWriter& out, const WebhookSubscription& s) { writeSubscription(out, s, false); });
}

void unsubscribe(const ApiServices& api, Exchange& ex) {
    api.webhooks.unsubscribe(ex.principal(), ex.idParam("id"));
    ex.sendNoContent();
}

void deliveries(const ApiServices& api, Exchange& ex) {
    ex.replyItems(api.webhooks.deliveries(ex.principal(), ex.idParam("id")), writeDelivery);
}

/// A delivery given up on, sent again once its receiver is fixed.
void retryDelivery(const ApiServices& api, Exchange& ex) {
    const WebhookDelivery d =
        api.webhooks.retryDelivery(ex.principal(), ex.idParam("id"), ex.idParam("delivery"));
    ex.reply(HTTPResponse::HTTP_OK, [&](JsonWriter& out) { writeDelivery(out, d); });
}

}  // namespace

void addWebhookRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "POST", "/api/v1/webhooks", subscribe);
    addRoute(router, api, "GET", "/api/v1/webhooks", list);
    addRoute(router, api, "DELETE", "/api/v1/webhooks/{id}", unsubscribe);
    addRoute(router, api, "GET", "/api/v1/webhooks/{id}/deliveries", deliveries);
    addRoute(router, api, "POST", "/api/v1/webhooks/{id}/deliveries/{delivery}/retry", retryDelivery);
}

}  // namespace lacuna
