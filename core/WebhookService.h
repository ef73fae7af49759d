#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "Clock.h"
#include "RecordEvent.h"
#include "User.h"
#include "Webhook.h"
#include "WebhookRepository.h"

namespace lacuna {

/// Webhook subscriptions, managed by an admin. Deliveries are made by the service's dispatcher.
class WebhookService {
public:
    WebhookService(WebhookRepository& webhooks, const Clock& clock);

    /// `events`: event types such as `gap.transition`, `bill.transition`, or `*`. The returned
    /// subscription holds its secret: the only time it is shown.
    WebhookSubscription subscribe(const Principal& actor, const std::string& url,
                                  const std::vector<std::string>& events);
    std::vector<WebhookSubscription> list(const Principal& actor);
    void unsubscribe(const Principal& actor, std::int64_t id);
    std::vector<WebhookDelivery> deliveries(const Principal& actor, std::int64_t id);
    /// An admin puts delivery `deliveryId` of subscription `id`, given up on, back for one more attempt now
    /// (its receiver is fixed), with the audit event `webhook_delivery.retried`. NotFound (no such
    /// subscription, or no such delivery of it); StateConflict when the delivery is not in state failed or
    /// the subscription is no longer active.
    WebhookDelivery retryDelivery(const Principal& actor, std::int64_t id, std::int64_t deliveryId);

    /// Every event type the service emits.
    static const std::vector<std::string>& eventTypes();

private:
    void requireAdmin(const Principal& actor) const;
    RecordEvent newEvent(const Principal& actor, const std::string& type) const;

    WebhookRepository& _webhooks;
    const Clock& _clock;
};

}  // namespace lacuna
