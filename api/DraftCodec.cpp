#include "DraftCodec.h"

#include "Codec.h"

namespace lacuna {

DraftInput decodeDraft(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body, {"text", "rationale", "provisions", "expected_version"}, "the draft is not valid",
                      [](Members& m) {
                          DraftInput in;
                          in.text = m.text("text", true).value_or("");
                          in.rationale = m.text("rationale", true).value_or("");
                          in.provisions = readProvisions(m, false).value_or(std::vector<Provision>{});
                          return in;
                      });
}

void writeDraft(JsonWriter& out, const Draft& d, bool withText) {
    out.beginObject().field("gap_id", d.gapId).field("version", d.version);
    if (withText) out.field("text", d.text).field("rationale", d.rationale);
    out.key("provisions");
    writeProvisions(out, d.provisions, false);
    writeUserRef(out, "author", d.authorId, d.authorName);
    writeTime(out, "created_at", d.createdAt);
    out.endObject();
}

void writeDiff(JsonWriter& out, const DraftDiff& diff) {
    const auto ops = [&](const std::vector<DiffOp>& list) {
        out.beginArray();
        for (const DiffOp& op : list)
            out.beginObject().field("op", diffKindName(op.kind)).field("text", op.text).endObject();
        out.endArray();
    };
    out.beginObject().field("from", diff.from.version).field("to", diff.to.version).key("text");
    ops(diff.text);
    out.key("rationale");
    ops(diff.rationale);
    out.endObject();
}

}  // namespace lacuna
