#include "WebhookCodec.h"

#include "Codec.h"

namespace lacuna {

WebhookInput decodeWebhook(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body, {"url", "events"}, "the subscription is not valid", [](Members& m) {
        return WebhookInput{m.text("url", true).value_or(""),
                            m.strings("events", true).value_or(std::vector<std::string>{})};
    });
}

void writeSubscription(JsonWriter& out, const WebhookSubscription& s, bool withSecret) {
    out.beginObject().field("id", s.id).field("url", s.url).key("events");
    writeStrings(out, s.events);
    out.field("active", s.active);
    if (withSecret) out.field("secret", s.secret);
    writeTime(out, "created_at", s.createdAt);
    out.endObject();
}

void writeDelivery(JsonWriter& out, const WebhookDelivery& d) {
    out.beginObject()
        .field("id", d.id)
        .field("event", d.eventType)
        .field("state", d.state)
        .field("attempts", d.attempts)
        .field("last_status", d.lastStatus)
        .field("last_error", d.lastError)
        .field("retries", d.retries);
    if (d.state == "pending") writeTime(out, "next_attempt_at", d.nextAttemptAt);
    if (d.deliveredAt) writeTime(out, "delivered_at", *d.deliveredAt);
    out.endObject();
}

}  // namespace lacuna
