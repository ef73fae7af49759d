#include "BillCodec.h"

#include "Codec.h"

namespace lacuna {
namespace {

using Poco::JSON::Object;

std::vector<SponsorInput> readSponsors(Members& m) {
    return readObjects(m, "sponsors", false, {"name", "constituency"}, "{name, constituency}",
                       [](Members& s) {
                           return SponsorInput{s.text("name", true).value_or(""),
                                               s.text("constituency", false).value_or("")};
                       })
        .value_or(std::vector<SponsorInput>{});
}

void writeSponsors(JsonWriter& out, const Bill& b) {
    out.field("active_sponsors", static_cast<std::int64_t>(b.activeSponsors())).key("sponsors").beginArray();
    for (std::size_t i = 0; i < b.sponsors.size(); ++i) {
        const Sponsor& s = b.sponsors[i];
        out.beginObject()
            .field("number", static_cast<std::int64_t>(i + 1))
            .field("name", s.name)
            .field("constituency", s.constituency);
        writeTime(out, "signed_at", s.signedAt);
        if (s.withdrawnAt) writeTime(out, "withdrawn_at", *s.withdrawnAt);
        out.field("active", !s.withdrawnAt).endObject();
    }
    out.endArray();
}

void writeObjections(JsonWriter& out, const Bill& b) {
    out.key("objections").beginArray();
    for (const Objection& o : b.objections) {
        out.beginObject()
            .field("number", o.number)
            .field("article", o.article)
            .field("type", o.type)
            .field("text", o.text)
            .field("response", o.response)
            .field("resolved", o.resolved);
        writeTime(out, "raised_at", o.raisedAt);
        if (o.resolvedAt) writeTime(out, "resolved_at", *o.resolvedAt);
        out.endObject();
    }
    out.endArray();
}

void writePositions(JsonWriter& out, const Bill& b, const Catalog& catalog) {
    out.key("positions").beginArray();
    for (const BillPosition& p : b.positions) {
        out.beginObject().field("municipality", p.municipality);
        writeCityNames(out, catalog, p.municipality, "name_");
        out.field("position", p.position).field("note", p.note).field("by", p.byName);
        writeTime(out, "at", p.at);
        out.endObject();
    }
    out.endArray();
}

}  // namespace

BillInput decodeBill(const Object::Ptr& body) {
    return decodeBody(body,
                      {"title", "channel", "registration_no", "lead_commission", "advisory_commissions",
                       "urgency", "gaps", "sponsors"},
                      "the bill is not valid", [](Members& m) {
                          BillInput in;
                          in.title = m.text("title", true).value_or("");
                          in.channel = m.text("channel", true).value_or("");
                          in.registrationNo = m.text("registration_no", false).value_or("");
                          in.leadCommission = m.text("lead_commission", true).value_or("");
                          in.advisoryCommissions =
                              m.strings("advisory_commissions", false).value_or(std::vector<std::string>{});
                          in.urgency = m.text("urgency", false).value_or("ordinary");
                          in.gaps = m.strings("gaps", true, true).value_or(std::vector<std::string>{});
                          in.sponsors = readSponsors(m);
                          return in;
                      });
}

BillPatch decodeBillPatch(const Object::Ptr& body) {
    return decodeBody(body,
                      {"title", "registration_no", "lead_commission", "advisory_commissions", "urgency",
                       "expected_version"},
                      "the bill change is not valid", [](Members& m) {
                          BillPatch p;
                          p.title = m.text("title", false);
                          p.registrationNo = m.text("registration_no", false);
                          p.leadCommission = m.text("lead_commission", false);
                          p.advisoryCommissions = m.strings("advisory_commissions", false);
                          p.urgency = m.text("urgency", false);
                          return p;
                      });
}

SponsorInput decodeSponsor(const Object::Ptr& body) {
    return decodeBody(body, {"name", "constituency", "expected_version"}, "the sponsor is not valid",
                      [](Members& m) {
                          return SponsorInput{m.text("name", true).value_or(""),
                                              m.text("constituency", false).value_or("")};
                      });
}

ObjectionInput decodeObjection(const Object::Ptr& body) {
    return decodeBody(
        body, {"article", "type", "text", "expected_version"}, "the objection is not valid", [](Members& m) {
            return ObjectionInput{m.text("article", true).value_or(""), m.text("type", true).value_or(""),
                                  m.text("text", true).value_or("")};
        });
}

ObjectionAnswer decodeObjectionAnswer(const Object::Ptr& body) {
    return decodeBody(body, {"response", "resolved", "expected_version"}, "the answer is not valid",
                      [](Members& m) {
                          return ObjectionAnswer{m.text("response", false), m.boolean("resolved", false)};
                      });
}

PositionInput decodePosition(const Object::Ptr& body) {
    return decodeBody(body, {"position", "note"}, "the position is not valid", [](Members& m) {
        return PositionInput{m.text("position", true).value_or(""), m.text("note", false).value_or("")};
    });
}

void writeBill(JsonWriter& out, const Bill& b, const Lifecycle& lifecycle, const Catalog& catalog,
               const std::vector<const LifecycleTransition*>& available, std::int64_t now) {
    out.beginObject()
        .field("id", b.id)
        .field("reference", b.reference)
        .field("title", b.title)
        .field("channel", b.channel)
        .field("registration_no", b.registrationNo)
        .field("lead_commission", b.leadCommission)
        .key("advisory_commissions");
    writeStrings(out, b.advisoryCommissions);
    out.field("urgency", b.urgency).key("state");
    writeState(out, lifecycle, b.state);
    out.field("version", b.version);
    writeDue(out, b.dueAt, now);
    out.field("extensions", b.extensions);
    writeUserRef(out, "created_by", b.createdBy, b.createdByName);
    writeTime(out, "created_at", b.createdAt);
    writeTime(out, "updated_at", b.updatedAt);
    out.key("gaps").beginArray();
    for (const BillGap& g : b.gaps)
        out.beginObject()
            .field("id", g.gapId)
            .field("reference", g.reference)
            .field("title", g.title)
            .field("municipality", g.audience.municipality)
            .endObject();
    out.endArray();
    writeSponsors(out, b);
    writeObjections(out, b);
    writePositions(out, b, catalog);
    out.key("available_transitions");
    writeTransitions(out, available);
    out.endObject();
}

}  // namespace lacuna
