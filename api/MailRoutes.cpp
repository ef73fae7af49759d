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

void writeMessage(JsonWriter& out, const OutgoingMail& m) {
    out.beginObject()
        .field("id", m.id)
        .field("subject", m.subject)
        .field("recipient", m.recipient)
        .field("state", m.state)
        .field("entries", m.entries)
        .field("attempts", static_cast<std::int64_t>(m.attempts));
    writeTime(out, "created_at", m.createdAt);
    writeInstantOrNull(out, "sent_at", m.sentAt);
    writeInstantOrNull(out, "next_attempt_at",
                       m.state == "pending" ? std::optional(m.nextAttemptAt) : std::nullopt);
    out.field("last_error", m.lastError).endObject();
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

}  // namespace

void addMailRoutes(Router& router, const ApiServices& api) {
    addRoute(router, api, "GET", "/api/v1/me/mail", getPreference);
    addRoute(router, api, "PUT", "/api/v1/me/mail", choose);
    addRoute(router, api, "GET", "/api/v1/me/mail/messages", messages);
    addRoute(router, api, "GET", "/api/v1/me/mail/history", history);
}

}  // namespace lacuna
