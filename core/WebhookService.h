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

    /// Every event type the service emits.
    static const std::vector<std::string>& eventTypes();

private:
    void requireAdmin(const Principal& actor) const;
    RecordEvent newEvent(const Principal& actor, const std::string& type) const;

    WebhookRepository& _webhooks;
    const Clock& _clock;
};

}  // namespace lacuna
