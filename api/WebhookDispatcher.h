#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

#include "AppConfig.h"
#include "Clock.h"
#include "Poller.h"
#include "Webhook.h"
#include "WebhookRepository.h"

namespace lacuna {

/// `sha256=<hex HMAC-SHA256 of body under secret>`: the X-Lacuna-Signature header a receiver checks.
std::string webhookSignature(const std::string& secret, const std::string& body);

/// Delivers the webhook outbox in the background: every poll it takes the deliveries that are due
/// (claiming each, so two instances never send the same one at once), POSTs the signed event, and
/// on failure schedules a retry with exponential backoff until max_attempts. Deliveries live in the
/// store, so a restart loses none: at least once.
class WebhookDispatcher {
public:
    WebhookDispatcher(WebhookRepository& webhooks, const WebhookConfig& config, const Clock& clock);
    ~WebhookDispatcher();

    void start();
    void stop();
    /// One pass over what is due now; the number of attempts made.
    int runOnce();
    /// Attempts made since the service started that the receiver accepted, and that failed.
    std::uint64_t deliveredAttempts() const { return _delivered.load(std::memory_order_relaxed); }
    std::uint64_t failedAttempts() const { return _failed.load(std::memory_order_relaxed); }

private:
    void attempt(const WebhookDelivery& delivery);

    WebhookRepository& _webhooks;
    WebhookConfig _config;
    const Clock& _clock;
    Poller _poller;
    std::atomic<std::uint64_t> _delivered{0};
    std::atomic<std::uint64_t> _failed{0};
};

}  // namespace lacuna
