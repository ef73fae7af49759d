#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "Gap.h"
#include "GapVisibility.h"
#include "RecordEvent.h"

/// Audit events name gaps in their data (`gap`, `merged`, `duplicate_of`, `agenda`, `gaps`); these read
/// them for the visibility rule and take out what a viewer may not know.
namespace lacuna::redaction {

/// The gap ids and references an event's data JSON names.
struct NamedInEvents {
    std::vector<std::int64_t> ids;
    std::vector<std::string> references;
};
void collectNamedGaps(const std::string& dataJson, NamedInEvents& into);

/// `dataJson` with every gap `known` does not admit replaced by visibility::HIDDEN_GAP (a reference) or
/// left out (an id in a list); `changed` tells whether anything was.
std::string redactGaps(const std::string& dataJson, const visibility::KnownGaps& known, bool& changed);

/// The events as the viewer of `known` may read them: gaps it may not know redacted, and the comment of
/// an event that named one left out (it may describe the gap).
std::vector<RecordEvent> redactEvents(std::vector<RecordEvent> events, const visibility::KnownGaps& known);
std::vector<GapEvent> redactEvents(std::vector<GapEvent> events, const visibility::KnownGaps& known);

}  // namespace lacuna::redaction
