#include "ApiServices.h"
#include "Codec.h"
#include "JsonMembers.h"

// How the caller hears of things by e-mail, and the messages sent to them.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

MailChoice decodeMailChoice(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(
        body, {"address", "frequency", "expected_version"}, "the e-mail preference is not valid",
        [](Members& m) {
            return MailChoice{m.text("address", false).value_or(""), m.text("frequency", true).value_or("")};
        });
}

/// `"<key>": "<ISO 8601 UTC>"`, or null when there is no such instant.
void writeInstantOrNull(JsonWriter& out, const char* key, std::optional<std::int64_t> at) {
    out.key(key);
    if (at)
        out.value(formatIsoUtc(*at));
    else
        out.null();
}

void writePreference(JsonWriter& out, const MailPreference& p) {
    out.beginObject().field("address", p.address).field("frequency", p.frequency).field("version", p.version);
    writeInstantOrNull(out, "updated_at", p.version == 0 ? std::nullopt : std::optional(p.updatedAt));
    out.endObject();
}

/// A message's members, without its texts (the caller's own list, the outbox).
void writeMessageMembers(JsonWriter& out, const OutgoingMail& m) {
    out.field("id", m.id)
        .field("subject", m.subject)
        .field("recipient", m.recipient)
        .field("state", m.state)
        .field("entries", m.entries)
        .field("attempts", static_cast<std::int64_t>(m.attempts));
    writeTime(out, "created_at", m.createdAt);
    writeInstantOrNull(out, "sent_at", m.sentAt);
    writeInstantOrNull(out, "next_attempt_at",
                       m.state == "pending" ? std::optional(m.nextAttemptAt) : std::nullopt);
    out.field("last_error", m.lastError);
}

void writeMessage(JsonWriter& out, const OutgoingMail& m) {
    out.beginObject();
    writeMessageMembers(out, m);
    out.endObject();
}

/// A message as an admin reads it in the outbox: whom it is for, how often it was put back, and (one
/// message alone) its plain text.
void writeOutboxMessage(JsonWriter& out, const OutgoingMail& m, const std::string& username, bool withText) {
    out.beginObject();
    writeMessageMembers(out, m);
    writeUserRef(out, "user", m.userId, username);
    out.field("kind", m.digestKey.starts_with("account:") ? "account_notice" : "digest")
        .field("retries", m.retries);
    if (withText) out.field("text", m.text);
    out.endObject();
}

void getPreference(const ApiServices& api, Exchange& ex) {
    const MailPreference p = api.mail.preference(ex.principal());
    ex.replyRecord(HTTPResponse::HTTP_OK, p.version, [&](JsonWriter& out) { writePreference(out, p); });
}

void choose(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const auto body = ex.jsonObject();
    const MailChoice choice = decodeMailChoice(body);
    const MailPreference p = api.mail.choose(actor, choice, ex.expectedVersion(body, 0));
    ex.replyRecord(HTTPResponse::HTTP_OK, p.version, [&](JsonWriter& out) { writePreference(out, p); });
}

void messages(const ApiServices& api, Exchange& ex) {
    ex.replyItems(api.mail.messages(ex.principal()), writeMessage);
}

/// The caller's changes of preference (the audit trail of the choice).
void history(const ApiServices& api, Exchange& ex) {
    ex.replyItems(api.recordEvents.history("mail_preference", ex.principal().userId),
                  [](JsonWriter& out, const RecordEvent& e) { writeRecordEvent(out, e, nullptr); });
}

/// The whole outbox (admins), newest first: `state`, `limit`, and `cursor` from the page before.
void outbox(const ApiServices& api, Exchange& ex) {
    const Principal& actor = ex.principal();
    const QueryParams query = ex.query({"state", "limit", "cursor"});
    OutboxQuery wanted{query.text("state"), std::nullopt, query.limit(50)};
    if (const auto cursor = query.text("cursor")) wanted.before = decodePositive("cursor", *cursor);
    const OutboxPage page = api.mail.outbox(actor, wanted);
    const MailBacklog backlog = api.mail.backlog(actor);
    ex.reply(HTTPResponse::HTTP_OK, [&](JsonWriter& out) {
        out.beginObject().key("items").beginArray();
        for (const OutboxEntry& e : page.items) writeOutboxMessage(out, e.mail, e.username, false);
        out.endArray().key("next_cursor");
        if (page.next)
            out.value(std::to_string(*page.next));
        else
            out.null();
        out.key("backlog").beginObject().field("pending", backlog.pending).field("failed", backlog.failed);
        writeInstantOrNull(out, "oldest_pending_at", backlog.oldestPending);
        out.endObject().endObject();
    });
}

/// One message with its plain text, as it was (or will be) sent.
void replyOutboxMessage(const ApiServices& api, Exchange& ex, const OutgoingMail& m) {
    const User person = api.users.getUser(ex.principal(), m.userId);
    ex.reply(HTTPResponse::HTTP_OK,
             [&](JsonWriter& out) { writeOutboxMessage(out, m, person.username, true); });
}

void outboxMessage(const ApiServices& api, Exchange& ex) {
    replyOutboxMessage(api, ex, api.mail.message(ex.principal(), ex.idParam("id")));
}

void retryMessage(const ApiServices& api, Exchange& ex) {
    replyOutboxMessage(api, ex, api.mail.retry(ex.principal(), ex.idParam("id")));
}

/// Who put the message back, and when.
void outboxHistory(const ApiServices& api, Exchange& ex) {
    const OutgoingMail m = api.mail.message(ex.principal(), ex.idParam("id"));
    ex.replyItems(api.recordEvents.history("mail_message", m.id),
                  [](JsonWriter& out, const RecordEvent& e) { writeRecordEvent(out, e, nullptr); });
}

}  // namespace

void addMailRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "GET", "/api/v1/me/mail", getPreference);
    addRoute(router, api, "PUT", "/api/v1/me/mail", choose);
    addRoute(router, api, "GET", "/api/v1/me/mail/messages", messages);
    addRoute(router, api, "GET", "/api/v1/me/mail/history", history);
    addRoute(router, api, "GET", "/api/v1/mail/outbox", outbox);
    addRoute(router, api, "GET", "/api/v1/mail/outbox/{id}", outboxMessage);
    addRoute(router, api, "POST", "/api/v1/mail/outbox/{id}/retry", retryMessage);
    addRoute(router, api, "GET", "/api/v1/mail/outbox/{id}/history", outboxHistory);
}

}  // namespace lacuna
