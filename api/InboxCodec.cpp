#include "InboxCodec.h"

#include "Codec.h"

namespace lacuna {
namespace {

void writeAction(JsonWriter& out, const InboxAction& a, std::int64_t now) {
    out.beginObject()
        .field("kind", a.kind)
        .field("type", a.entityType)
        .field("id", a.entityId)
        .field("reference", a.reference)
        .field("title", a.title);
    if (!a.state.empty()) out.field("state", a.state);
    if (a.meetingId) out.field("meeting_id", a.meetingId).field("item", a.item);
    if (!a.transitions.empty()) {
        out.key("transitions");
        writeStrings(out, a.transitions);
    }
    writeDue(out, a.dueAt, now);
    out.endObject();
}

void writeNotification(JsonWriter& out, const Notification& n) {
    out.beginObject()
        .field("id", n.id)
        .field("type", n.entityType)
        .field("entity_id", n.entityId)
        .field("reference", n.reference)
        .field("event", n.eventType)
        .field("summary", n.summary);
    writeTime(out, "at", n.at);
    out.field("read", n.readAt.has_value()).endObject();
}

}  // namespace

std::vector<std::int64_t> decodeMarkRead(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body, {"ids", "all"}, "the request is not valid", [](Members& m) {
        std::vector<std::int64_t> ids;
        const auto all = m.boolean("all", false);
        const auto list = m.array("ids", false);
        if (!list) {
            if (!all || !*all)
                m.errors().add("ids", "required", "the notifications to mark read, or all: true");
            return ids;
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Poco::Dynamic::Var v = list->get(static_cast<unsigned>(i));
            if (v.type() == typeid(Poco::Int64) && v.extract<Poco::Int64>() > 0)
                ids.push_back(v.extract<Poco::Int64>());
            else
                m.errors().add("ids[" + std::to_string(i) + "]", "type", "must be a notification id");
        }
        if (ids.empty() && m.errors().empty())
            m.errors().add("ids", "empty", "name at least one notification, or all: true");
        return ids;
    });
}

void writeDeadline(JsonWriter& out, const Deadline& d, std::int64_t now) {
    out.beginObject()
        .field("type", d.item.entityType)
        .field("id", d.item.id)
        .field("reference", d.item.reference)
        .field("title", d.item.title);
    if (!d.item.audience.municipality.empty()) out.field("municipality", d.item.audience.municipality);
    out.field("state", d.item.state);
    writeDue(out, d.item.dueAt, now);
    out.key("roles");
    writeStrings(out, d.roles);
    out.field("actionable", d.actionable).endObject();
}

void writeInbox(JsonWriter& out, const Inbox& box, std::int64_t now) {
    out.beginObject().key("actions").beginArray();
    for (const InboxAction& a : box.actions) writeAction(out, a, now);
    out.endArray().field("unread", static_cast<std::int64_t>(box.unread)).key("notifications").beginArray();
    for (const Notification& n : box.notifications) writeNotification(out, n);
    out.endArray().endObject();
}

}  // namespace lacuna
