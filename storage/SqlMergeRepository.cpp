#include "SqlMergeRepository.h"

#include "EventLog.h"
#include "SearchIndex.h"
#include "UserRows.h"

namespace lacuna {
namespace {

const std::string UPDATE_SURVIVOR =
    R"(UPDATE gaps SET provisions = ?, co_reporters = ?, version = version + 1,
 updated_at = ? WHERE id = ? AND version = ?)";
/// The survivor takes the merged gap's rulings (those it does not have yet).
const std::string MOVE_RULINGS = R"(INSERT INTO ruling_gaps (ruling_id, gap_id, note, linked_by, linked_at)
 SELECT ruling_id, ?, note, linked_by, linked_at FROM ruling_gaps
 WHERE gap_id = ? AND ruling_id NOT IN (SELECT ruling_id FROM ruling_gaps WHERE gap_id = ?))";

}  // namespace

void SqlMergeRepository::merge(const GapStateChange& merged, const Gap& survivor, std::int64_t expected,
                               const GapEvent& survivorEvent) {
    _db.write([&](SqlSession& s) {
        eventlog::updateVersioned(s, UPDATE_SURVIVOR,
                                  {provisionsJson(survivor.fields.provisions),
                                   joinRoles(survivor.coReporters), survivorEvent.at, survivor.id, expected},
                                  {"gaps", "gap", survivor.id, expected});
        searchindex::writeGapProvisions(s, survivor.id, survivor.fields.provisions, true);
        s.prepare(MOVE_RULINGS)->bindAll({survivor.id, merged.gapId, survivor.id}).run();
        eventlog::appendGapEvent(s, survivor.id, expected + 1, survivorEvent);
        eventlog::applyGapChange(s, merged);
    });
}

}  // namespace lacuna
