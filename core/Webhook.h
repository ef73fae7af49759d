#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
};

/// The webhook queue's state, for the metrics.
struct WebhookBacklog {
    std::int64_t pending = 0;                   ///< deliveries waiting to be sent to active subscriptions
    std::optional<std::int64_t> oldestPending;  ///< when the oldest of them was written (ms)
    std::int64_t failed = 0;                    ///< deliveries given up after the last attempt
};

}  // namespace lacuna
