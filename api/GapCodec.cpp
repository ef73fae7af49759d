#include "GapCodec.h"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>

#include <cmath>
#include <sstream>

#include "Codec.h"

namespace lacuna {
namespace {

using Poco::JSON::Object;

std::optional<Impact> readImpact(Members& m) {
    const Object::Ptr object = m.object("impact", false);
    if (!object) return std::nullopt;
    Members i(object, m.errors(), "impact");
    i.allowOnly({"pending_lawsuits", "exposure_rials"});
    return Impact{i.integer("pending_lawsuits", false).value_or(0),
                  i.integer("exposure_rials", false).value_or(0)};
}

/// The members a reporter writes, as one patch; a new gap must have its title, description, kind and
/// category.
GapPatch readReported(Members& m, bool isNew) {
    GapPatch p;
    p.title = m.text("title", isNew);
    p.description = m.text("description", isNew);
    p.kind = m.text("kind", isNew);
    p.category = m.text("category", isNew);
    p.provisions = readProvisions(m, false);
    p.priority = m.text("priority", false);
    p.confidential = m.boolean("confidential", false);
    p.impact = readImpact(m);
    return p;
}

std::string base64Url(const std::string& text) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder << text;
    encoder.close();
    return out.str();
}

std::optional<std::string> unbase64Url(const std::string& text) {
    // Read through the stream, which turns the decoder's exception on a bad character into badbit: a
    // string built from stream iterators leaked what it had allocated when the exception went through
    // it (found by tests/fuzz/fuzz_cursor; the input is in tests/fuzz/regressions/fuzz_cursor/).
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    std::string out;
    char buffer[256];
    while (decoder.read(buffer, sizeof buffer) || decoder.gcount() > 0)
        out.append(buffer, static_cast<std::size_t>(decoder.gcount()));
    if (decoder.bad()) return std::nullopt;
    return out;
}

/// `sort` as the request gave it (`-created_at`, `priority` …) → the query's key and direction.
void readSort(GapQuery& q, const std::string& sort, FieldErrors& errors) {
    const bool descending = sort.rfind('-', 0) == 0;
    const std::string key = descending ? sort.substr(1) : sort;
    q.descending = descending;
    if (key == "created_at")
        q.sortKey = GapQuery::SortKey::CreatedAt;
    else if (key == "updated_at")
        q.sortKey = GapQuery::SortKey::UpdatedAt;
    else if (key == "priority")
        q.sortKey = GapQuery::SortKey::Priority;
    else
        errors.add("sort", "unknown", "one of created_at, updated_at, priority, optionally prefixed by '-'");
}

std::optional<GapCursor> readCursor(const std::string& cursor, const std::string& sort) {
    const auto decoded = unbase64Url(cursor);
    const Poco::StringTokenizer parts(decoded.value_or(""), ":");
    Poco::Int64 k = 0, id = 0;
    if (!decoded || parts.count() != 4 || parts[0] != "c1" || parts[1] != sort ||
        !Poco::NumberParser::tryParse64(parts[2], k) || !Poco::NumberParser::tryParse64(parts[3], id))
        return std::nullopt;
    return GapCursor{k, id};
}

}  // namespace

GapFields decodeNewGap(const Object::Ptr& body) {
    return decodeBody(body,
                      {"title", "description", "kind", "category", "provisions", "municipality", "priority",
                       "confidential", "impact"},
                      "the gap is not valid", [](Members& m) {
                          GapFields f;
                          applyPatch(f, readReported(m, true));
                          f.municipality = m.text("municipality", false).value_or("");
                          return f;
                      });
}

GapPatch decodeGapPatch(const Object::Ptr& body) {
    return decodeBody(body,
                      {"title", "description", "kind", "category", "provisions", "priority", "confidential",
                       "impact", "expected_version"},
                      "the edit is not valid", [](Members& m) { return readReported(m, false); });
}

GapFields decodeSimilar(const Object::Ptr& body) {
    // The whole report form may be sent as it is; only the text and provisions are compared.
    return decodeBody(body,
                      {"title", "description", "provisions", "kind", "category", "priority", "confidential",
                       "impact", "municipality"},
                      "the request is not valid", [](Members& m) {
                          GapFields f;
                          f.title = m.text("title", false).value_or("");
                          f.description = m.text("description", false).value_or("");
                          f.provisions = readProvisions(m, false).value_or(std::vector<Provision>{});
                          return f;
                      });
}

GapListRequest decodeGapList(const QueryParams& query) {
    GapListRequest request;
    GapQuery& q = request.query;
    FieldErrors errors;
    q.state = query.text("state");
    q.municipality = query.text("municipality");
    q.kind = query.text("kind");
    q.category = query.text("category");
    q.priority = query.text("priority");
    request.text = query.text("q").value_or("");
    const std::string sort = query.text("sort").value_or("-created_at");
    readSort(q, sort, errors);
    if (auto limit = query.text("limit")) {
        int n = 0;
        if (!Poco::NumberParser::tryParse(*limit, n) || n < 1)
            errors.add("limit", "type", "must be a positive whole number");
        else
            q.limit = static_cast<std::size_t>(n);
    }
    if (auto cursor = query.text("cursor")) {
        q.after = readCursor(*cursor, sort);
        if (!q.after)
            errors.add("cursor", "invalid", "not a cursor of this listing and sort; start again without it");
    }
    errors.throwIfAny("the list request is not valid");
    return request;
}

std::string encodeCursor(const std::string& sort, const GapCursor& cursor) {
    return base64Url("c1:" + sort + ":" + std::to_string(cursor.key) + ":" + std::to_string(cursor.id));
}

void writeGap(JsonWriter& out, const Gap& gap, const GapView& view,
              const std::function<void(JsonWriter&)>& extra) {
    const GapFields& f = gap.fields;
    out.beginObject()
        .field("id", gap.id)
        .field("reference", gap.reference)
        .field("title", f.title)
        .field("description", f.description)
        .field("kind", f.kind)
        .field("category", f.category);
    if (const LabelledSlug* c = view.catalog.findCategory(f.category))
        out.field("category_fa", c->labelFa).field("category_en", c->labelEn);
    out.key("provisions");
    writeProvisions(out, f.provisions, false);
    out.field("municipality", f.municipality);
    writeCityNames(out, view.catalog, f.municipality, "municipality_");
    out.key("co_reporting_municipalities");
    writeStrings(out, gap.coReporters);
    out.field("priority", f.priority)
        .field("confidential", f.confidential)
        .key("impact")
        .beginObject()
        .field("pending_lawsuits", f.impact.pendingLawsuits)
        .field("exposure_rials", f.impact.exposureRials)
        .endObject()
        .key("state");
    writeState(out, view.lifecycle, gap.state);
    out.field("version", gap.version);
    writeUserRef(out, "created_by", gap.createdBy, gap.createdByName);
    writeTime(out, "created_at", gap.createdAt);
    writeTime(out, "updated_at", gap.updatedAt);
    writeDue(out, gap.dueAt, view.now);
    out.field("editable", view.editable).key("available_transitions");
    writeTransitions(out, view.available);
    if (extra) extra(out);
    out.endObject();
}

void writeEvent(JsonWriter& out, const GapEvent& e, const Lifecycle& lifecycle) {
    out.beginObject();
    writeEventHead(out, e.sequence, e.at, e.actorId, e.actorName, e.clientAddress, e.requestId, e.type);
    out.key("changes")
        .raw(e.changesJson)  // stored as JSON by the service, written as it is
        .key("from_state");
    writeState(out, lifecycle, e.fromState);
    out.key("to_state");
    writeState(out, lifecycle, e.toState);
    if (!e.transition.empty()) out.field("transition", e.transition);
    if (!e.comment.empty()) out.field("comment", e.comment);
    out.key("fields").raw(e.fieldsJson).endObject();
}

void writeGapSummary(JsonWriter& out, const GapSummary& g) {
    out.beginObject()
        .field("id", g.id)
        .field("reference", g.reference)
        .field("title", g.title)
        .field("municipality", g.audience.municipality)
        .field("state", g.state)
        .endObject();
}

void writeSimilar(JsonWriter& out, const std::vector<SimilarGap>& similar) {
    out.beginArray();
    for (const SimilarGap& s : similar) {
        out.beginObject()
            .field("id", s.gap.id)
            .field("reference", s.gap.reference)
            .field("title", s.gap.title)
            .field("municipality", s.gap.audience.municipality)
            .field("state", s.gap.state)
            .field("score", static_cast<std::int64_t>(std::llround(s.score * 100)))
            .key("shared_provisions");
        writeStrings(out, s.sharedProvisions);
        out.endObject();
    }
    out.endArray();
}

}  // namespace lacuna
