#pragma once

#include <Poco/JSON/Object.h>

#include "Draft.h"
#include "DraftService.h"
#include "JsonWriter.h"

namespace lacuna {

DraftInput decodeDraft(const Poco::JSON::Object::Ptr& body);
void writeDraft(JsonWriter& out, const Draft& draft, bool withText);
void writeDiff(JsonWriter& out, const DraftDiff& diff);

}  // namespace lacuna
