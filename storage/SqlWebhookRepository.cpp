#include "SqlWebhookRepository.h"

#include <Poco/StringTokenizer.h>

#include "Errors.h"
#include "EventLog.h"
#include "Reference.h"

namespace lacuna {
namespace {

const std::string SELECT_SUBSCRIPTION =
    R"(SELECT id, url, events, secret, active, created_by, created_at FROM webhook_subscriptions )";
const std::string INSERT_SUBSCRIPTION =
    R"(INSERT INTO webhook_subscriptions (url, events, secret, active, created_by, created_at) VALUES (?,
 ?, ?, 1, ?, ?))";
const std::string DEACTIVATE_SUBSCRIPTION =
    "UPDATE webhook_subscriptions SET active = 0 WHERE id = ? AND active = 1";
const std::string SELECT_DELIVERY =
    R"(SELECT d.id, d.subscription_id, d.outbox_id, o.event_type, o.payload, s.url, s.secret, d.state,
 d.attempts, d.next_attempt_at, d.delivered_at, d.last_status, d.last_error, d.retries FROM webhook_deliveries d
 JOIN outbox o ON o.id = d.outbox_id JOIN webhook_subscriptions s ON s.id = d.subscription_id )";
const std::string SELECT_DUE_DELIVERIES =
    SELECT_DELIVERY + R"(WHERE d.state = 'pending' AND d.next_attempt_at <= ?
 AND s.active = 1 ORDER BY d.next_attempt_at, d.id LIMIT ?)";
const std::string CLAIM_DELIVERY =
    R"(UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ? AND state = 'pending' AND
 next_attempt_at = ?)";
const std::string MARK_DELIVERED =
    R"(UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1, delivered_at = ?,
 last_status = ?, last_error = '' WHERE id = ?)";
const std::string MARK_FAILED =
    R"(UPDATE webhook_deliveries SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_status =
 ?, last_error = ? WHERE id = ?)";
const std::string SELECT_BACKLOG =
    R"(SELECT d.state, COUNT(*), MIN(o.created_at) FROM webhook_deliveries d JOIN outbox o ON o.id =
 d.outbox_id JOIN webhook_subscriptions s ON s.id = d.subscription_id WHERE (d.state = 'pending' AND s.active
 = 1) OR d.state = 'failed' GROUP BY d.state)";

/// Event types as stored: space-separated with a space at each end, so LIKE '% type %' finds one.
std::string joinEvents(const std::vector<std::string>& events) {
    if (events.size() == 1 && events[0] == "*") return "*";
    std::string out = " ";
    for (const auto& e : events) out += e + " ";
    return out;
}

std::vector<std::string> splitEvents(const std::string& stored) {
    if (stored == "*") return {"*"};
    const Poco::StringTokenizer words(stored, " ", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    return {words.begin(), words.end()};
}

WebhookSubscription readSubscription(const SqlStatement& r) {
    return WebhookSubscription{.id = r.integer(0),
                               .url = r.text(1),
                               .events = splitEvents(r.text(2)),
                               .secret = r.text(3),
                               .active = r.integer(4) != 0,
                               .createdBy = r.integer(5),
                               .createdAt = r.integer(6)};
}

WebhookDelivery readDelivery(const SqlStatement& r) {
    return WebhookDelivery{.id = r.integer(0),
                           .subscriptionId = r.integer(1),
                           .outboxId = r.integer(2),
                           .eventType = r.text(3),
                           .payload = r.text(4),
                           .url = r.text(5),
                           .secret = r.text(6),
                           .state = r.text(7),
                           .attempts = static_cast<int>(r.integer(8)),
                           .nextAttemptAt = r.integer(9),
                           .deliveredAt = r.optionalInteger(10),
                           .lastStatus = static_cast<int>(r.integer(11)),
                           .lastError = r.text(12),
                           .retries = r.integer(13)};
}

}  // namespace

WebhookSubscription SqlWebhookRepository::create(const WebhookSubscription& subscription,
                                                 const RecordEvent& event) {
    WebhookSubscription stored = subscription;
    _db.write([&](SqlSession& s) {
        stored.id = insertForId(
            s, INSERT_SUBSCRIPTION,
            {stored.url, joinEvents(stored.events), stored.secret, stored.createdBy, stored.createdAt});
        eventlog::appendRecordEvent(s, event, stored.id, 1, reference::webhook(stored.id));
    });
    return stored;
}

std::vector<WebhookSubscription> SqlWebhookRepository::list() {
    return queryRows(_db, SELECT_SUBSCRIPTION + "ORDER BY id", {}, readSubscription);
}

std::optional<WebhookSubscription> SqlWebhookRepository::find(std::int64_t id) {
    return queryOne(_db, SELECT_SUBSCRIPTION + "WHERE id = ?", {id}, readSubscription);
}

void SqlWebhookRepository::deactivate(std::int64_t id, const RecordEvent& event) {
    _db.write([&](SqlSession& s) {
        if (s.prepare(DEACTIVATE_SUBSCRIPTION)->bind(id).run() != 1)
            throw StateConflict("webhook subscription " + std::to_string(id) + " is not active");
        eventlog::appendRecordEvent(s, event, id, 2, reference::webhook(id));
    });
}

std::vector<WebhookDelivery> SqlWebhookRepository::due(std::int64_t now, std::size_t limit) {
    return queryRows(_db, SELECT_DUE_DELIVERIES, {now, static_cast<std::int64_t>(limit)}, readDelivery);
}

bool SqlWebhookRepository::claim(std::int64_t deliveryId, std::int64_t seenNextAttempt,
                                 std::int64_t leaseUntil) {
    return writeOne(_db, CLAIM_DELIVERY, {leaseUntil, deliveryId, seenNextAttempt}) == 1;
}

void SqlWebhookRepository::delivered(std::int64_t deliveryId, int status, std::int64_t at) {
    writeOne(_db, MARK_DELIVERED, {at, std::int64_t{status}, deliveryId});
}

void SqlWebhookRepository::failed(std::int64_t deliveryId, int status, const std::string& error,
                                  std::optional<std::int64_t> retryAt) {
    writeOne(_db, MARK_FAILED,
             {std::string(retryAt ? "pending" : "failed"), retryAt.value_or(0), std::int64_t{status}, error,
              deliveryId});
}

std::vector<WebhookDelivery> SqlWebhookRepository::deliveries(std::int64_t subscriptionId,
                                                              std::size_t limit) {
    return queryRows(_db, SELECT_DELIVERY + "WHERE d.subscription_id = ? ORDER BY d.id DESC LIMIT ?",
                     {subscriptionId, static_cast<std::int64_t>(limit)}, readDelivery);
}

WebhookBacklog SqlWebhookRepository::backlog() { return queryBacklog(_db, SELECT_BACKLOG); }

std::optional<WebhookDelivery> SqlWebhookRepository::delivery(std::int64_t deliveryId) {
    return queryOne(_db, SELECT_DELIVERY + "WHERE d.id = ?", {deliveryId}, readDelivery);
}

std::optional<WebhookDelivery> SqlWebhookRepository::retry(std::int64_t deliveryId,
                                                           const RecordEvent& event) {
    std::optional<WebhookDelivery> retried;
    _db.write([&](SqlSession& s) {
        if (eventlog::retryFailed(s, "webhook_deliveries", deliveryId, event))
            retried = selectOne(s, SELECT_DELIVERY + "WHERE d.id = ?", {deliveryId}, readDelivery);
    });
    return retried;
}

}  // namespace lacuna
