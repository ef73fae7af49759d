#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "RecordEvent.h"
#include "Webhook.h"

namespace lacuna {

/// Webhook subscriptions and the delivery queue the outbox feeds.
class WebhookRepository {
public:
    virtual ~WebhookRepository() = default;
    virtual WebhookSubscription create(const WebhookSubscription& subscription, const RecordEvent& event) = 0;
    virtual std::vector<WebhookSubscription> list() = 0;
    virtual std::optional<WebhookSubscription> find(std::int64_t id) = 0;
    virtual void deactivate(std::int64_t id, const RecordEvent& event) = 0;
    /// Pending deliveries due at `now`, oldest first.
    virtual std::vector<WebhookDelivery> due(std::int64_t now, std::size_t limit) = 0;
    /// Takes a delivery for one attempt: moves its next attempt to `leaseUntil` only if it is still
    /// at `seenNextAttempt` (another instance did not take it first). True when this caller has it.
    virtual bool claim(std::int64_t deliveryId, std::int64_t seenNextAttempt, std::int64_t leaseUntil) = 0;
    virtual void delivered(std::int64_t deliveryId, int status, std::int64_t at) = 0;
    /// Records a failed attempt; `retryAt` empty: give up (state failed).
    virtual void failed(std::int64_t deliveryId, int status, const std::string& error,
                        std::optional<std::int64_t> retryAt) = 0;
    virtual std::vector<WebhookDelivery> deliveries(std::int64_t subscriptionId, std::size_t limit) = 0;
    virtual std::optional<WebhookDelivery> delivery(std::int64_t deliveryId) = 0;
    /// Puts a delivery given up on (state failed) back for one more attempt at `event.at`, with `event` (its
    /// sequence: the delivery's retries after it) in the same transaction. None, and nothing changed, when
    /// it is not in state failed.
    virtual std::optional<WebhookDelivery> retry(std::int64_t deliveryId, const RecordEvent& event) = 0;
    virtual WebhookBacklog backlog() = 0;
};

}  // namespace lacuna
