#include "WebhookService.h"

#include <Poco/URI.h>

#include "Errors.h"
#include "EventData.h"
#include "JsonText.h"
#include "PasswordHasher.h"
#include "Roles.h"
#include "TextChecks.h"

namespace lacuna {

WebhookService::WebhookService(WebhookRepository& webhooks, const Clock& clock)
    : _webhooks(webhooks), _clock(clock) {}

const std::vector<std::string>& WebhookService::eventTypes() {
    static const std::vector<std::string> TYPES = {"gap.created",
                                                   "gap.edited",
                                                   "gap.transition",
                                                   "gap.draft_saved",
                                                   "meeting.created",
                                                   "meeting.updated",
                                                   "meeting.closed",
                                                   "meeting.vote",
                                                   "meeting.decision",
                                                   "bill.created",
                                                   "bill.edited",
                                                   "bill.transition",
                                                   "bill.sponsor_added",
                                                   "bill.sponsor_withdrawn",
                                                   "bill.objection_added",
                                                   "bill.objection_answered",
                                                   "bill.position",
                                                   "bill.clock_extended",
                                                   "webhook.created",
                                                   "webhook.deactivated",
                                                   "gap.merged_in",
                                                   "ruling.created",
                                                   "ruling.linked",
                                                   "ruling.precedent",
                                                   "opinion.created",
                                                   "opinion.question_saved",
                                                   "opinion.answer_saved",
                                                   "opinion.transition",
                                                   "opinion.linked",
                                                   "precedent.created",
                                                   "precedent.argued",
                                                   "precedent.transition",
                                                   "gap.precedent_decided",
                                                   "meeting.consultation_opened",
                                                   "meeting.consultation_moved",
                                                   "meeting.proposed",
                                                   "meeting.proposal_withdrawn",
                                                   "meeting.ranked",
                                                   "meeting.agenda_built",
                                                   "user.created",
                                                   "user.changed",
                                                   "user.feed_reset",
                                                   "user.disabled",
                                                   "user.enabled",
                                                   "user.password_changed",
                                                   "user.password_reset",
                                                   "user.session_ended",
                                                   "user.sessions_ended",
                                                   "mail_preference.changed",
                                                   "mail_message.retried",
                                                   "webhook_delivery.retried"};
    return TYPES;
}

void WebhookService::requireAdmin(const Principal& actor) const {
    lacuna::requireAdmin(actor, "manages webhook subscriptions");
}

RecordEvent WebhookService::newEvent(const Principal& actor, const std::string& type) const {
    return recordEvent(actor, "webhook", 0, type, "", _clock.nowMs());
}

WebhookSubscription WebhookService::subscribe(const Principal& actor, const std::string& url,
                                              const std::vector<std::string>& events) {
    requireAdmin(actor);
    FieldErrors errors;
    checkText(errors, "url", url, 2000, true);
    try {
        const Poco::URI uri(url);
        if ((uri.getScheme() != "http" && uri.getScheme() != "https") || uri.getHost().empty())
            errors.add("url", "invalid", "an absolute http or https URL");
        if (!uri.getUserInfo().empty()) errors.add("url", "credentials", "no user:password in the URL");
    } catch (const Poco::SyntaxException&) {
        errors.add("url", "invalid", "not a URL");
    }
    if (events.empty()) errors.add("events", "required", "at least one event type, or \"*\"");
    for (std::size_t i = 0; i < events.size(); ++i)
        if (!(events[i] == "*" && events.size() == 1) && !contains(eventTypes(), events[i]))
            errors.add("events[" + std::to_string(i) + "]", "unknown", "not an event type");
    errors.throwIfAny("the subscription is not valid");
    WebhookSubscription s;
    s.url = url;
    s.events = events;
    s.secret = randomToken(32);
    s.createdBy = actor.userId;
    s.createdAt = _clock.nowMs();
    RecordEvent e = newEvent(actor, "created");
    e.dataJson = EventData().text("url", url).texts("events", events).str();
    return _webhooks.create(s, e);
}

std::vector<WebhookSubscription> WebhookService::list(const Principal& actor) {
    requireAdmin(actor);
    return _webhooks.list();
}

void WebhookService::unsubscribe(const Principal& actor, std::int64_t id) {
    requireAdmin(actor);
    if (!_webhooks.find(id)) throw NotFound("no webhook subscription " + std::to_string(id));
    _webhooks.deactivate(id, newEvent(actor, "deactivated"));
}

std::vector<WebhookDelivery> WebhookService::deliveries(const Principal& actor, std::int64_t id) {
    requireAdmin(actor);
    if (!_webhooks.find(id)) throw NotFound("no webhook subscription " + std::to_string(id));
    return _webhooks.deliveries(id, 100);
}

WebhookDelivery WebhookService::retryDelivery(const Principal& actor, std::int64_t id,
                                              std::int64_t deliveryId) {
    requireAdmin(actor);
    const std::optional<WebhookSubscription> subscription = _webhooks.find(id);
    if (!subscription) throw NotFound("no webhook subscription " + std::to_string(id));
    const std::optional<WebhookDelivery> delivery = _webhooks.delivery(deliveryId);
    if (!delivery || delivery->subscriptionId != id)
        throw NotFound("no delivery " + std::to_string(deliveryId) + " of webhook subscription " +
                       std::to_string(id));
    const std::string refused = "delivery " + std::to_string(deliveryId) + " cannot be sent again: ";
    if (!subscription->active) throw StateConflict(refused + "its subscription is no longer active");
    if (delivery->state != "failed")
        throw StateConflict(refused + "it is " + delivery->state + ", not failed");
    RecordEvent e = recordEvent(actor, "webhook_delivery", deliveryId, "retried", "failed", _clock.nowMs());
    e.toState = "pending";
    e.dataJson = EventData()
                     .number("subscription", id)
                     .text("event_type", delivery->eventType)
                     .number("attempts", delivery->attempts)
                     .str();
    const std::optional<WebhookDelivery> retried = _webhooks.retry(deliveryId, e);
    if (!retried) throw StateConflict(refused + "another change came first");  // another admin, meanwhile
    return *retried;
}

}  // namespace lacuna
