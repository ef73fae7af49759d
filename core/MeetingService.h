#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "Clock.h"
#include "CommitteeRules.h"
#include "GapService.h"
#include "Meeting.h"
#include "MeetingRepository.h"
#include "RecordEvent.h"
#include "RecordEventRepository.h"

namespace lacuna {

/// A new meeting: when, where, and the gaps on its agenda (ids or references).
struct MeetingInput {
    std::int64_t scheduledAt = 0;
    std::string place;
    std::vector<std::string> agenda;
};

/// A change to a meeting; only the present members change.
struct MeetingPatch {
    std::optional<std::int64_t> scheduledAt;
    std::optional<std::string> place;
    std::optional<std::vector<std::string>> agenda;
    std::optional<std::vector<std::string>> present;
    std::optional<std::string> state;  ///< `closed` closes the meeting
};

/// Sessions of the joint legal committee: agenda, attendance, votes, decisions and minutes.
class MeetingService {
public:
    MeetingService(MeetingRepository& meetings, RecordEventRepository& events, GapService& gaps,
                   const CommitteeRules& rules, const Clock& clock);

    Meeting create(const Principal& actor, const MeetingInput& input);
    Meeting get(const Principal& actor, std::int64_t id);
    std::vector<Meeting> list(const Principal& actor, const std::optional<std::string>& state,
                              std::size_t limit);
    /// The meetings `query` selects (a calendar's month: its window, earliest first; at most 100).
    std::vector<Meeting> list(const Principal& actor, const MeetingQuery& query);
    /// The same meetings summarised (sizes of agenda, attendance and decisions; nothing anyone may not see).
    std::vector<MeetingSummary> summaries(const Principal& actor, const MeetingQuery& query);
    Meeting update(const Principal& actor, std::int64_t id, const MeetingPatch& patch,
                   std::int64_t expectedVersion);
    /// The committee member's city votes on one agenda item (again: the vote is replaced).
    Meeting vote(const Principal& actor, std::int64_t id, std::int64_t gapId, const std::string& vote);
    /// The same vote on the item at `position` (from 1) of the agenda: how a member votes on an item
    /// whose gap its city may not know of.
    Meeting voteOnItem(const Principal& actor, std::int64_t id, std::int64_t position,
                       const std::string& vote);
    /// The secretary records the meeting's decision on an item, which fires the gap's transition.
    Meeting decide(const Principal& actor, std::int64_t id, std::int64_t gapId, const std::string& decision,
                   const std::string& comment, std::int64_t expectedVersion);
    std::vector<RecordEvent> history(const Principal& actor, std::int64_t id);

    /// The gap states the committee decides from: a gap in one of them may go on an agenda.
    std::set<std::string> reviewStates() const;
    QuorumCheck check(const Meeting& meeting, const MeetingItem& item, const std::string& decision) const;
    const CommitteeRules& rules() const { return _rules; }
    /// Whether the actor's city may still vote on this item.
    bool awaitsVoteFrom(const Principal& actor, const Meeting& meeting, const MeetingItem& item) const;
    /// The meeting as `viewer` may read it (see the visibility rule).
    Meeting viewFor(const Principal& viewer, Meeting meeting) const;

private:
    /// The meeting as stored (NotFound when there is none).
    Meeting load(std::int64_t id);
    void requireSecretary(const Principal& actor) const;
    std::vector<MeetingItem> resolveAgenda(const Principal& actor, const std::vector<std::string>& agenda,
                                           const std::vector<MeetingItem>& existing);
    RecordEvent newEvent(const Principal& actor, const Meeting& meeting, const std::string& type) const;

    MeetingRepository& _meetings;
    RecordEventRepository& _events;
    GapService& _gaps;
    const CommitteeRules& _rules;
    const Clock& _clock;
};

}  // namespace lacuna
