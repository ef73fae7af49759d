#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "Gap.h"

namespace lacuna {

/// Votes and decisions of the joint legal committee.
namespace votes {
inline const std::vector<std::string>& values() {
    static const std::vector<std::string> V = {"approve", "reject", "revise", "abstain"};
    return V;
}
}  // namespace votes

struct MeetingVote {
    std::string municipality;
    std::string vote;  ///< approve, reject, revise, abstain
    std::int64_t voterId = 0;
    std::string voterName;
    std::int64_t at = 0;
};

/// One gap on a meeting's agenda.
struct MeetingItem {
    std::int64_t gapId = 0;
    std::string gapReference;
    std::string gapTitle;
    GapAudience gapAudience;
    std::vector<MeetingVote> votes;
    std::string decision;  ///< empty until decided: approve, reject, revise
    std::int64_t decidedAt = 0;
    std::string decidedBy;
    std::string note;
};

/// A session of the joint legal committee.
struct Meeting {
    std::int64_t id = 0;
    std::int64_t scheduledAt = 0;
    std::string place;
    std::string state = "scheduled";  ///< scheduled, closed
    std::int64_t version = 0;
    std::int64_t createdBy = 0;
    std::string createdByName;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::vector<std::string> present;  ///< member cities present
    std::vector<MeetingItem> items;
};

/// A meeting as lists and calendars show it: the meeting without its parts, and their counts.
struct MeetingSummary {
    Meeting meeting;  ///< `present` and `items` left empty
    std::int64_t agendaSize = 0;
    std::int64_t decided = 0;
    std::int64_t presentCount = 0;
};

/// The summary of a meeting read whole.
inline MeetingSummary summaryOf(const Meeting& m) {
    MeetingSummary s{.meeting = m};
    s.meeting.present.clear();
    s.meeting.items.clear();
    s.agendaSize = static_cast<std::int64_t>(m.items.size());
    for (const MeetingItem& i : m.items) s.decided += i.decision.empty() ? 0 : 1;
    s.presentCount = static_cast<std::int64_t>(m.present.size());
    return s;
}

}  // namespace lacuna
