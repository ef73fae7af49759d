#include "RulingCodec.h"

#include <cstdio>

#include "Codec.h"
#include "GapCodec.h"
#include "JalaliDate.h"
#include "Reference.h"

namespace lacuna {
namespace {

std::string isoDate(const GregorianDate& g) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", g.year, g.month, g.day);
    return text;
}

void writeLinks(JsonWriter& out, const std::vector<RulingLink>& links) {
    out.key("gaps").beginArray();
    for (const RulingLink& l : links) {
        out.beginObject()
            .field("id", l.gapId)
            .field("reference", l.gapReference)
            .field("title", l.gapTitle)
            .field("note", l.note)
            .field("linked_by", l.linkedBy);
        writeTime(out, "linked_at", l.linkedAt);
        out.endObject();
    }
    out.endArray();
}

}  // namespace

RulingInput decodeRuling(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body,
                      {"court", "branch", "number", "decided_on", "municipality", "outcome", "summary",
                       "full_text", "provisions"},
                      "the ruling is not valid", [](Members& m) {
                          RulingInput in;
                          in.court = m.text("court", true).value_or("");
                          in.branch = m.text("branch", false).value_or("");
                          in.number = m.text("number", true).value_or("");
                          in.decidedOn = m.text("decided_on", true).value_or("");
                          in.municipality = m.text("municipality", true).value_or("");
                          in.outcome = m.text("outcome", true).value_or("");
                          in.summary = m.text("summary", true).value_or("");
                          in.fullText = m.text("full_text", false).value_or("");
                          in.provisions = readProvisions(m, false).value_or(std::vector<Provision>{});
                          return in;
                      });
}

RulingLinkInput decodeRulingLink(const Poco::JSON::Object::Ptr& body) {
    return decodeBody(body, {"gap", "note", "expected_version"}, "the link is not valid", [](Members& m) {
        return RulingLinkInput{m.text("gap", true).value_or(""), m.text("note", false).value_or("")};
    });
}

namespace {

/// A request for a uniform precedent as a ruling or a conflict names it.
void writePrecedentMention(JsonWriter& out, const char* key, const std::optional<PrecedentMention>& m) {
    if (!m) return;
    out.key(key)
        .beginObject()
        .field("id", m->id)
        .field("reference", m->reference)
        .field("state", m->state)
        .field("open", m->open);
    if (m->decidedAt) writeTime(out, "decided_at", *m->decidedAt);
    out.endObject();
}

}  // namespace

void writeRuling(JsonWriter& out, const Ruling& r, const Catalog& catalog) {
    out.beginObject()
        .field("id", r.id)
        .field("reference", reference::ruling(r.id))
        .field("court", r.court)
        .field("branch", r.branch)
        .field("number", r.number)
        .field("decided_on_jalali", formatJalali(r.decidedOn))
        .field("decided_on", isoDate(toGregorian(r.decidedOn)))
        .field("municipality", r.municipality);
    writeCityNames(out, catalog, r.municipality, "municipality_");
    out.field("outcome", r.outcome)
        .field("summary", r.summary)
        .field("full_text", r.fullText)
        .key("provisions");
    writeProvisions(out, r.provisions, true);
    out.field("version", r.version);
    writeTime(out, "created_at", r.createdAt);
    writeLinks(out, r.gaps);
    writePrecedentMention(out, "precedent_of", r.decides);
    out.endObject();
}

void writeConflict(JsonWriter& out, const RulingConflict& c, const Catalog& catalog, bool withGaps) {
    out.beginObject().key("provision");
    writeProvision(out, c.provision, c.provisionKey);
    out.field("same_court", c.sameCourt)
        .field("adverse_count", c.adverseCount)
        .field("favourable_count", c.favourableCount)
        .field("settled", c.settled);
    writePrecedentMention(out, "request", c.request);
    out.key("adverse");
    writeRuling(out, c.adverse, catalog);
    out.key("favourable");
    writeRuling(out, c.favourable, catalog);
    if (withGaps) {
        out.key("gaps").beginArray();
        for (const auto& g : c.gaps) writeGapSummary(out, g);
        out.endArray();
    }
    out.endObject();
}

void writeProvisionPage(JsonWriter& out, const ProvisionPage& page, const Catalog& catalog) {
    out.beginObject().field("key", page.key).key("gaps").beginArray();
    for (const auto& g : page.gaps) writeGapSummary(out, g);
    out.endArray().key("drafts").beginArray();
    for (const auto& [gap, version] : page.drafts) {
        out.beginObject().key("gap");
        writeGapSummary(out, gap);
        out.field("latest_version", version).endObject();
    }
    out.endArray().key("rulings").beginArray();
    for (const auto& r : page.rulings) writeRuling(out, r, catalog);
    out.endArray().key("conflicts").beginArray();
    for (const auto& c : page.conflicts) writeConflict(out, c, catalog, false);
    out.endArray().key("opinions").beginArray();
    for (const auto& o : page.opinions) writeGapSummary(out, o);
    out.endArray().endObject();
}

}  // namespace lacuna
