#pragma once

#include <Poco/JSON/Object.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "Catalog.h"
#include "Gap.h"
#include "GapRepository.h"
#include "GapService.h"
#include "JsonWriter.h"
#include "Lifecycle.h"
#include "QueryParams.h"
#include "UniformityService.h"

namespace lacuna {

GapFields decodeNewGap(const Poco::JSON::Object::Ptr& body);
GapPatch decodeGapPatch(const Poco::JSON::Object::Ptr& body);
/// {title, description, provisions} of a gap about to be reported (the rest of the form is ignored).
GapFields decodeSimilar(const Poco::JSON::Object::Ptr& body);

/// Query string of GET /gaps → the request (filters, sort, page size, cursor).
GapListRequest decodeGapList(const QueryParams& query);
/// An opaque cursor for the next page; it binds the sort it was made for.
std::string encodeCursor(const std::string& sort, const GapCursor& cursor);

/// What a gap's answer says besides the gap: the transitions the caller may fire and whether it may edit.
struct GapView {
    const Lifecycle& lifecycle;
    const Catalog& catalog;
    std::vector<const LifecycleTransition*> available;
    bool editable = false;
    std::int64_t now = 0;
};

/// `extra` may write more members before the object closes.
void writeGap(JsonWriter& out, const Gap& gap, const GapView& view,
              const std::function<void(JsonWriter&)>& extra = {});
void writeEvent(JsonWriter& out, const GapEvent& event, const Lifecycle& lifecycle);
void writeGapSummary(JsonWriter& out, const GapSummary& gap);
void writeSimilar(JsonWriter& out, const std::vector<SimilarGap>& similar);

}  // namespace lacuna
