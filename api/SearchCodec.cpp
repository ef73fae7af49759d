#include "SearchCodec.h"

#include <cmath>

#include "Codec.h"

namespace lacuna {

SearchRequest decodeSearch(const QueryParams& query) {
    SearchRequest r;
    r.q = query.text("q").value_or("");
    if (const auto type = query.text("type")) r.types = {*type};
    r.municipality = query.text("municipality");
    r.state = query.text("state");
    r.category = query.text("category");
    r.court = query.text("court");
    r.outcome = query.text("outcome");
    r.limit = query.limit(20);
    r.offset = static_cast<std::size_t>(query.count("offset", true).value_or(0));
    return r;
}

void writeSearchPage(JsonWriter& out, const SearchPage& page) {
    out.beginObject().key("terms");
    writeStrings(out, page.terms);
    out.field("total", static_cast<std::int64_t>(page.total))
        .field("total_is_lower_bound", page.totalIsLowerBound)
        .key("items")
        .beginArray();
    for (const SearchResult& r : page.items) {
        out.beginObject()
            .field("type", r.doc.type)
            .field("id", r.doc.id)
            .field("reference", r.doc.reference)
            .field("title", r.doc.title)
            .field("municipality", r.doc.municipality);
        if (r.doc.type != "ruling") out.field("state", r.doc.state);
        if (r.doc.type == "gap" || r.doc.type == "draft") out.field("gap_id", r.doc.gapId);
        if (r.doc.type == "ruling") out.field("court", r.doc.court).field("outcome", r.doc.outcome);
        out.field("score", static_cast<std::int64_t>(std::llround(r.score * 1000)))
            .field("snippet", r.snippet)
            .endObject();
    }
    out.endArray().endObject();
}

}  // namespace lacuna
