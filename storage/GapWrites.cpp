#include "GapWrites.h"

#include "EventLog.h"
#include "SearchIndex.h"

namespace lacuna::gapwrites {

void afterInsert(SqlSession& s, const Gap& stored, const GapEvent& created) {
    searchindex::writeGapProvisions(s, stored.id, stored.fields.provisions, false);
    searchindex::reindex(s, "gap", stored.id, "", "", stored.fields.title, stored.fields.description);
    GapEvent event = created;
    event.gapReference = stored.reference;
    eventlog::appendGapEvent(s, stored.id, 1, event);
}

void beforeUpdate(SqlSession& s, const Gap& gap) {
    searchindex::reindexGap(s, gap.id, gap.fields.title, gap.fields.description);
}

void afterUpdate(SqlSession& s, const Gap& gap, bool updated, std::int64_t expectedVersion,
                 const GapEvent& event) {
    if (!updated) eventlog::failStaleUpdate(s, "gaps", "gap", gap.id, expectedVersion);
    searchindex::writeGapProvisions(s, gap.id, gap.fields.provisions, true);
    eventlog::appendGapEvent(s, gap.id, expectedVersion + 1, event);
}

}  // namespace lacuna::gapwrites
