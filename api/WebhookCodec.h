#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "JsonWriter.h"
#include "Webhook.h"

namespace lacuna {

/// Where to deliver which events.
struct WebhookInput {
    std::string url;
    std::vector<std::string> events;
};

WebhookInput decodeWebhook(const Poco::JSON::Object::Ptr& body);
void writeSubscription(JsonWriter& out, const WebhookSubscription& subscription, bool withSecret);
void writeDelivery(JsonWriter& out, const WebhookDelivery& delivery);

}  // namespace lacuna
