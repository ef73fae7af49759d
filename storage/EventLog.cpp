#include "EventLog.h"

#include <functional>

#include "Errors.h"
#include "JalaliDate.h"
#include "JsonText.h"

namespace lacuna::eventlog {
namespace {

const std::string INSERT_GAP_EVENT = R"(INSERT INTO gap_events (gap_id, sequence, at, actor_id, actor_name,
 client_address, type, changes, from_state, to_state, transition, comment, fields, request_id)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))";
const std::string COUNT_SUBSCRIBERS =
    R"(SELECT COUNT(*) FROM webhook_subscriptions WHERE active = 1 AND (events = '*' OR events LIKE ?))";
const std::string INSERT_OUTBOX = "INSERT INTO outbox (event_type, payload, created_at) VALUES (?, ?, ?)";
const std::string FAN_OUT_DELIVERIES =
    R"(INSERT INTO webhook_deliveries (subscription_id, outbox_id, state, attempts, next_attempt_at,
 delivered_at, last_status, last_error) SELECT id, ?, 'pending', 0, ?, NULL, 0, '' FROM
 webhook_subscriptions WHERE active = 1 AND (events = '*' OR events LIKE ?))";
const std::string NOTIFY_WATCHERS =
    R"(INSERT INTO notifications (user_id, at, entity_type, entity_id, reference, event_type, summary,
 read_at) SELECT w.user_id, ?, 'gap', ?, ?, ?, ?, NULL FROM gap_watchers w WHERE w.gap_id = ? AND
 w.user_id <> ?)";
const std::string INSERT_WATCHER = "INSERT INTO gap_watchers (gap_id, user_id) VALUES (?, ?)";
const std::string SELECT_GAP_REFERENCE = "SELECT reference FROM gaps WHERE id = ?";
const std::string INSERT_RECORD_EVENT =
    R"(INSERT INTO record_events (entity_type, entity_id, sequence, at, actor_id, actor_name,
 client_address, type, from_state, to_state, transition, comment, data, request_id) VALUES (?, ?, ?,
 ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))";
const std::string UPDATE_GAP_STATE =
    R"(UPDATE gaps SET state = ?, due_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND
 version = ?)";

/// Subscriptions store their event types space-separated with a space at each end.
std::string eventPattern(const std::string& eventType) { return "% " + eventType + " %"; }

/// Writes the event to the outbox with one pending delivery per subscription that wants it; nothing
/// at all when no subscription does (the common case costs one count, and no payload is built).
void enqueue(SqlSession& s, const std::string& eventType, const std::function<std::string()>& payload,
             std::int64_t at) {
    const std::string pattern = eventPattern(eventType);
    auto count = s.prepare(COUNT_SUBSCRIBERS);
    count->bind(pattern);
    const bool wanted = count->step() && count->integer(0) > 0;
    count.reset();
    if (!wanted) return;
    const std::int64_t outboxId = insertForId(s, INSERT_OUTBOX, {eventType, payload(), at});
    s.prepare(FAN_OUT_DELIVERIES)->bind(outboxId).bind(at).bind(pattern).run();
}

/// The JSON every webhook receives: {id, type, at, at_jalali, entity, actor, …}.
std::string payload(const std::string& eventType, const std::string& entityType, std::int64_t entityId,
                    const std::string& reference, std::int64_t sequence, std::int64_t at,
                    const std::string& actor, const std::string& fromState, const std::string& toState,
                    const std::string& transition, const std::string& comment, const std::string& dataJson) {
    std::string out = "{\"type\":" + jsonString(eventType);
    out += ",\"at\":" + jsonString(formatIsoUtc(at));
    out += ",\"at_jalali\":" + jsonString(formatJalali(jalaliDateInIran(at)));
    out += ",\"entity\":{\"type\":" + jsonString(entityType) + ",\"id\":" + std::to_string(entityId) +
           ",\"reference\":" + jsonString(reference) + ",\"sequence\":" + std::to_string(sequence) + "}";
    out += ",\"actor\":" + jsonString(actor);
    out += ",\"from_state\":" + jsonString(fromState) + ",\"to_state\":" + jsonString(toState);
    out += ",\"transition\":" + jsonString(transition) + ",\"comment\":" + jsonString(comment);
    out += ",\"data\":" + (dataJson.empty() ? std::string("{}") : dataJson) + "}";
    return out;
}

std::string summary(const std::string& reference, const GapEvent& e) {
    if (e.type == "transition")
        return reference + ": " + e.fromState + " → " + e.toState + " (" + e.transition + ")";
    return reference + ": " + e.type;
}

}  // namespace

void appendGapEvent(SqlSession& s, std::int64_t gapId, std::int64_t sequence, const GapEvent& e) {
    s.prepare(INSERT_GAP_EVENT)
        ->bind(gapId)
        .bind(sequence)
        .bind(e.at)
        .bind(e.actorId)
        .bind(e.actorName)
        .bind(e.clientAddress)
        .bind(e.type)
        .bind(e.changesJson)
        .bind(e.fromState)
        .bind(e.toState)
        .bind(e.transition)
        .bind(e.comment)
        .bind(e.fieldsJson)
        .bind(e.requestId)
        .run();

    std::string reference = e.gapReference;
    if (reference.empty()) {  // a new gap's reference is made in the same transaction
        auto select = s.prepare(SELECT_GAP_REFERENCE);
        select->bind(gapId);
        if (select->step()) reference = select->text(0);
    }
    const std::string eventType = "gap." + e.type;
    if (e.type == "created") {
        // The reporter becomes the new gap's first and only watcher, and is not told of his own report.
        s.prepare(INSERT_WATCHER)->bind(gapId).bind(e.actorId).run();
    } else {
        s.prepare(NOTIFY_WATCHERS)
            ->bind(e.at)
            .bind(gapId)
            .bind(reference)
            .bind(eventType)
            .bind(summary(reference, e))
            .bind(gapId)
            .bind(e.actorId)
            .run();
    }
    enqueue(
        s, eventType,
        [&] {
            const std::string data = "{\"changes\":" + e.changesJson + ",\"fields\":" + e.fieldsJson + "}";
            return payload(eventType, "gap", gapId, reference, sequence, e.at, e.actorName, e.fromState,
                           e.toState, e.transition, e.comment, data);
        },
        e.at);
}

void appendRecordEvent(SqlSession& s, RecordEvent e, std::int64_t entityId, std::int64_t sequence,
                       const std::string& reference) {
    e.entityId = entityId;
    e.sequence = sequence;
    s.prepare(INSERT_RECORD_EVENT)
        ->bind(e.entityType)
        .bind(e.entityId)
        .bind(e.sequence)
        .bind(e.at)
        .bind(e.actorId)
        .bind(e.actorName)
        .bind(e.clientAddress)
        .bind(e.type)
        .bind(e.fromState)
        .bind(e.toState)
        .bind(e.transition)
        .bind(e.comment)
        .bind(e.dataJson)
        .bind(e.requestId)
        .run();
    const std::string eventType = e.entityType + "." + e.type;
    enqueue(
        s, eventType,
        [&] {
            return payload(eventType, e.entityType, e.entityId, reference, e.sequence, e.at, e.actorName,
                           e.fromState, e.toState, e.transition, e.comment, e.dataJson);
        },
        e.at);
}

bool retryFailed(SqlSession& s, const std::string& table, std::int64_t id, const RecordEvent& event,
                 const std::string& alsoSet, const std::vector<SqlParameter>& alsoParams) {
    std::vector<SqlParameter> params{event.at};
    params.insert(params.end(), alsoParams.begin(), alsoParams.end());
    params.emplace_back(id);
    if (s.prepare("UPDATE " + table + " SET state = 'pending', next_attempt_at = ?, retries = retries + 1" +
                  alsoSet + " WHERE id = ? AND state = 'failed'")
            ->bindAll(params)
            .run() != 1)
        return false;
    appendRecordEvent(s, event, id, selectInteger(s, "SELECT retries FROM " + table + " WHERE id = ?", {id}),
                      "");
    return true;
}

void applyGapChange(SqlSession& s, const GapStateChange& change) {
    const int changed = s.prepare(UPDATE_GAP_STATE)
                            ->bind(change.toState)
                            .bind(change.dueAt)
                            .bind(change.event.at)
                            .bind(change.gapId)
                            .bind(change.expectedVersion)
                            .run();
    if (changed != 1) failStaleUpdate(s, "gaps", "gap", change.gapId, change.expectedVersion);
    appendGapEvent(s, change.gapId, change.expectedVersion + 1, change.event);
}

void failStaleUpdate(SqlSession& s, const std::string& table, const std::string& what, std::int64_t id,
                     std::int64_t expected) {
    auto select = s.prepare("SELECT version FROM " + table + " WHERE id = ?");
    select->bind(id);
    if (!select->step()) throw NotFound("no " + what + " " + std::to_string(id));
    throw staleVersion(what, select->integer(0), expected);
}

void updateVersioned(SqlSession& s, const std::string& sql, const std::vector<SqlParameter>& params,
                     const VersionedRow& row) {
    if (s.prepare(sql)->bindAll(params).run() != 1)
        failStaleUpdate(s, row.table, row.what, row.id, row.expected);
}

}  // namespace lacuna::eventlog
