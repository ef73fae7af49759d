#include "OpinionCodec.h"

#include "Codec.h"

namespace lacuna {
namespace {

/// The latest question or answer: {version, text, provisions, author, at}, or null.
void writeLatest(JsonWriter& out, const Opinion& o, const char* kind) {
    out.key(kind);
    const OpinionText* t = o.latest(kind);
    if (!t) {
        out.null();
        return;
    }
    out.beginObject().field("version", t->version).field("text", t->text).key("provisions");
    writeProvisions(out, t->provisions, true);
    out.field("author", t->authorName);
    writeTime(out, "at", t->createdAt);
    out.endObject();
}

void writeIds(JsonWriter& out, const char* key, const std::vector<std::int64_t>& ids) {
    out.key(key).beginArray();
    for (const auto id : ids) out.value(id);
    out.endArray();
}

}  // namespace

OpinionInput decodeOpinion(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body, {"title", "question", "provisions", "gaps", "rulings"},
                      "the question is not valid", [](Members& m) {
                          OpinionInput in;
                          in.title = m.text("title", true).value_or("");
                          in.question = m.text("question", true).value_or("");
                          in.provisions = readProvisions(m, false).value_or(std::vector<Provision>{});
                          in.gaps = m.strings("gaps", false, true).value_or(std::vector<std::string>{});
                          in.rulings = readIds(m, "rulings");
                          return in;
                      });
}

OpinionTextInput decodeOpinionText(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(
        body, {"text", "provisions", "expected_version"}, "the text is not valid", [](Members& m) {
            return OpinionTextInput{m.text("text", true).value_or(""),
                                    readProvisions(m, false).value_or(std::vector<Provision>{})};
        });
}

OpinionLinksInput decodeOpinionLinks(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(
        body, {"gaps", "rulings", "expected_version"}, "the links are not valid", [](Members& m) {
            return OpinionLinksInput{m.strings("gaps", false, true).value_or(std::vector<std::string>{}),
                                     readIds(m, "rulings")};
        });
}

void writeOpinion(JsonWriter& out, const Opinion& o, const Lifecycle& lifecycle,
                  const std::vector<const LifecycleTransition*>& available, std::int64_t now) {
    out.beginObject()
        .field("id", o.id)
        .field("reference", o.reference)
        .field("title", o.title)
        .field("municipality", o.municipality);
    writeUserRef(out, "asked_by", o.askedBy, o.askedByName);
    out.field("assignee", o.assignee).key("state");
    writeState(out, lifecycle, o.state);
    out.field("version", o.version);
    writeDue(out, o.dueAt, now);
    if (o.publishedAt) writeTime(out, "published_at", *o.publishedAt);
    writeTime(out, "created_at", o.createdAt);
    writeTime(out, "updated_at", o.updatedAt);
    writeLatest(out, o, "question");
    writeLatest(out, o, "answer");
    out.key("versions").beginArray();
    for (const OpinionText& t : o.texts) {
        out.beginObject().field("kind", t.kind).field("version", t.version).field("author", t.authorName);
        writeTime(out, "at", t.createdAt);
        out.endObject();
    }
    out.endArray();
    writeIds(out, "gaps", o.gapIds);
    writeIds(out, "rulings", o.rulingIds);
    out.key("available_transitions");
    writeTransitions(out, available);
    out.endObject();
}

}  // namespace lacuna
