#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "QueueBacklog.h"

namespace lacuna {

/// A webhook subscription (admin): where to deliver which events, signed with `secret`.
struct WebhookSubscription {
    std::int64_t id = 0;
    std::string url;
    std::vector<std::string> events;  ///< event types, or `*`
    std::string secret;
    bool active = true;
    std::int64_t createdBy = 0;
    std::int64_t createdAt = 0;
};

/// One event to deliver to one subscription.
struct WebhookDelivery {
    std::int64_t id = 0;
    std::int64_t subscriptionId = 0;
    std::int64_t outboxId = 0;
    std::string eventType;
    std::string payload;
    std::string url;
    std::string secret;
    std::string state;  ///< pending, delivered, failed
    int attempts = 0;
    std::int64_t nextAttemptAt = 0;
    std::optional<std::int64_t> deliveredAt;
    int lastStatus = 0;
    std::string lastError;
    /// How many times an admin put it back for another attempt after it was given up on.
    std::int64_t retries = 0;
};

/// The webhook queue's state: deliveries waiting to be sent to active subscriptions, and given up.
using WebhookBacklog = QueueBacklog;

}  // namespace lacuna
