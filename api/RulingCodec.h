#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "Catalog.h"
#include "JsonWriter.h"
#include "Ruling.h"
#include "UniformityService.h"

namespace lacuna {

/// A gap a ruling bears on, named by id or reference, with why.
struct RulingLinkInput {
    std::string gap;
    std::string note;
};

RulingInput decodeRuling(const Poco::JSON::Object::Ptr& body);
RulingLinkInput decodeRulingLink(const Poco::JSON::Object::Ptr& body);
void writeRuling(JsonWriter& out, const Ruling& ruling, const Catalog& catalog);
/// {provision: {law, article, key}, same_court, adverse_count, favourable_count, adverse, favourable, gaps};
/// `gaps` only when asked for.
void writeConflict(JsonWriter& out, const RulingConflict& conflict, const Catalog& catalog, bool withGaps);
void writeProvisionPage(JsonWriter& out, const ProvisionPage& page, const Catalog& catalog);

}  // namespace lacuna
