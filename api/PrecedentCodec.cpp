#include "PrecedentCodec.h"

#include "Codec.h"
#include "Reference.h"

namespace lacuna {

PrecedentInput decodePrecedent(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body, {"board", "provision", "question", "rulings", "gaps"}, "the request is not valid",
                      [](Members& m) {
                          PrecedentInput in;
                          in.board = m.text("board", true).value_or("");
                          in.provision = m.text("provision", true).value_or("");
                          in.question = m.text("question", true).value_or("");
                          in.rulings = readIds(m, "rulings");
                          in.gaps = m.strings("gaps", false, true);
                          return in;
                      });
}

std::string decodeArgument(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body, {"text", "expected_version"}, "the argument is not valid",
                      [](Members& m) { return m.text("text", true).value_or(""); });
}

void writePrecedent(JsonWriter& out, const PrecedentRequest& p, const Lifecycle& lifecycle,
                    const Catalog& catalog, const std::vector<const LifecycleTransition*>& available,
                    std::int64_t now) {
    out.beginObject()
        .field("id", p.id)
        .field("reference", p.reference)
        .field("board", p.board)
        .key("provision");
    writeProvision(out, p.provision, p.provisionKey);
    out.field("question", p.question).key("state");
    writeState(out, lifecycle, p.state);
    out.field("version", p.version);
    writeDue(out, p.dueAt, now);
    out.field("filing_number", p.filingNumber);
    if (p.filedAt) writeTime(out, "filed_at", *p.filedAt);
    if (p.decisionRulingId) {
        out.field("decision_ruling", *p.decisionRulingId)
            .field("decision_ruling_reference", reference::ruling(*p.decisionRulingId));
    }
    if (p.decidedAt) writeTime(out, "decided_at", *p.decidedAt);
    writeUserRef(out, "opened_by", p.createdBy, p.createdByName);
    writeTime(out, "created_at", p.createdAt);
    writeTime(out, "updated_at", p.updatedAt);
    out.key("rulings").beginArray();
    for (const auto id : p.rulingIds) out.value(id);
    out.endArray().key("gaps").beginArray();
    for (const auto id : p.gapIds) out.value(id);
    out.endArray().key("arguments").beginArray();
    for (const PrecedentArgument& a : p.arguments) {
        out.beginObject().field("municipality", a.municipality);
        writeCityNames(out, catalog, a.municipality, "municipality_");
        out.field("text", a.text).field("author", a.authorName);
        writeTime(out, "at", a.at);
        out.endObject();
    }
    out.endArray().key("available_transitions");
    writeTransitions(out, available);
    out.endObject();
}

}  // namespace lacuna
