#pragma once

#include "Sql.h"
#include "WebhookRepository.h"

namespace lacuna {

/// Webhook subscriptions and the delivery queue the outbox feeds.
class SqlWebhookRepository : public WebhookRepository {
public:
    explicit SqlWebhookRepository(SqlDatabase& db) : _db(db) {}
    WebhookSubscription create(const WebhookSubscription& subscription, const RecordEvent& event) override;
    std::vector<WebhookSubscription> list() override;
    std::optional<WebhookSubscription> find(std::int64_t id) override;
    void deactivate(std::int64_t id, const RecordEvent& event) override;
    std::vector<WebhookDelivery> due(std::int64_t now, std::size_t limit) override;
    bool claim(std::int64_t deliveryId, std::int64_t seenNextAttempt, std::int64_t leaseUntil) override;
    void delivered(std::int64_t deliveryId, int status, std::int64_t at) override;
    void failed(std::int64_t deliveryId, int status, const std::string& error,
                std::optional<std::int64_t> retryAt) override;
    std::vector<WebhookDelivery> deliveries(std::int64_t subscriptionId, std::size_t limit) override;
    WebhookBacklog backlog() override;
    std::optional<WebhookDelivery> delivery(std::int64_t deliveryId) override;
    std::optional<WebhookDelivery> retry(std::int64_t deliveryId, const RecordEvent& event) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
