#pragma once

#include <cstdint>
#include <optional>
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

/// What a city may propose for a meeting's agenda.
namespace proposals {
inline const std::vector<std::string>& kinds() {
    static const std::vector<std::string> K = {"gap", "ruling", "bill", "topic"};
    return K;
}
}  // namespace proposals

/// A city's place for a proposal in its ranking of the other cities' proposals (1 is first).
struct ProposalRank {
    std::string municipality;
    std::int64_t position = 0;
    std::int64_t at = 0;
};

/// A member city's proposal for the agenda: a gap, a ruling, a bill, or a free topic with a note.
struct AgendaProposal {
    std::int64_t number = 0;      ///< from 1 within its meeting, never reused
    std::string kind;             ///< gap, ruling, bill, topic
    std::int64_t targetId = 0;    ///< the gap, ruling or bill; 0 for a topic
    std::string targetReference;  ///< G-…, R-…, B-…; empty for a topic
    std::string title;            ///< the record's title as proposed, or the topic
    std::string note;
    GapAudience gapAudience;  ///< who may know the gap (a gap proposal), read with it
    std::string municipality;
    std::int64_t proposedBy = 0;
    std::string proposedByName;
    std::int64_t proposedAt = 0;
    std::vector<ProposalRank> ranks;   ///< the other cities' places for it, by city
    std::int64_t adoptedPosition = 0;  ///< its place on the agenda built from the consultation; 0: not taken
};

/// The consultation of the member cities on a meeting's agenda, open until `closesAt`.
struct AgendaConsultation {
    std::int64_t closesAt = 0;  ///< the instant the deadline (the end of a Jalali day in Iran) passes
    std::int64_t openedAt = 0;
    std::string openedBy;
    std::int64_t builtAt = 0;  ///< when the secretary built the agenda from it; 0: not yet
    std::string builtBy;
    std::int64_t lastNumber = 0;  ///< the number of the last proposal made
    std::vector<AgendaProposal> proposals;

    /// The last instant proposals are taken: the end of the deadline's day, in that day.
    std::int64_t lastMoment() const { return closesAt - 1; }
};

/// A proposal's standing in the consultation: Borda points (a city's first place is worth as many points
/// as there are proposals, its second one fewer, …) and how many cities ranked it.
struct ProposalStanding {
    const AgendaProposal* proposal = nullptr;
    std::int64_t points = 0;
    std::int64_t rankedBy = 0;
    std::int64_t place = 0;  ///< from 1, by points, then by cities ranking it, then the earlier proposal
};

/// The proposals of `c` ranked as the secretary sees them.
std::vector<ProposalStanding> standings(const AgendaConsultation& c);

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
    std::optional<AgendaConsultation> consultation;
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
    s.meeting.consultation.reset();
    s.agendaSize = static_cast<std::int64_t>(m.items.size());
    for (const MeetingItem& i : m.items) s.decided += i.decision.empty() ? 0 : 1;
    s.presentCount = static_cast<std::int64_t>(m.present.size());
    return s;
}

}  // namespace lacuna
