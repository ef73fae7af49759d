#pragma once

#include "JsonWriter.h"
#include "QueryParams.h"
#include "UniformityService.h"

namespace lacuna {

/// GET /search's query string → the request.
SearchRequest decodeSearch(const QueryParams& query);
/// Ranked results with their snippets, the terms the query became and the total.
void writeSearchPage(JsonWriter& out, const SearchPage& page);

}  // namespace lacuna
