#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "BillRepository.h"
#include "Clock.h"
#include "CommitteeRules.h"
#include "GapService.h"
#include "Meeting.h"
#include "MeetingRepository.h"
#include "RecordEvent.h"
#include "RecordEventRepository.h"
#include "RulingRepository.h"

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

/// A city's proposal for a meeting's agenda: a record (`target`: a gap's, ruling's or bill's id or reference)
/// or a free topic (`title`), with a note.
struct ProposalInput {
    std::string kind;
    std::string target;
    std::string title;
    std::string note;
};

/// Sessions of the joint legal committee: agenda, attendance, votes, decisions and minutes.
class MeetingService {
public:
    MeetingService(MeetingRepository& meetings, RecordEventRepository& events, GapService& gaps,
                   BillRepository& bills, RulingRepository& rulings, const CommitteeRules& rules,
                   const Clock& clock);

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

    // ---- the consultation of the member cities on the agenda (MeetingConsultation.cpp) ----

    /// The secretary opens the consultation, or moves its deadline: proposals and rankings are taken until
    /// the end of the Jalali day `closesOn` in Iran, which must be to come and end before the meeting.
    Meeting openConsultation(const Principal& actor, std::int64_t id, const std::string& closesOn,
                             std::int64_t expectedVersion);
    /// A member city's legal director proposes an item for the agenda.
    Meeting propose(const Principal& actor, std::int64_t id, const ProposalInput& input);
    /// The proposing city takes its proposal back (with the other cities' places for it).
    Meeting withdrawProposal(const Principal& actor, std::int64_t id, std::int64_t number);
    /// A member city's legal director ranks the other cities' proposals, first first (again: replaced).
    Meeting rank(const Principal& actor, std::int64_t id, const std::vector<std::int64_t>& order);
    /// Once the consultation has closed, the secretary builds the agenda from it in one step: the proposals
    /// `chosen` (all of them by default) in that order, or in the ranking's; each gap among them that awaits
    /// the committee joins the agenda to be voted on.
    Meeting buildAgenda(const Principal& actor, std::int64_t id,
                        const std::optional<std::vector<std::int64_t>>& chosen, std::int64_t expectedVersion);
    /// Whether the meeting's consultation takes proposals and rankings now.
    bool consultationOpen(const Meeting& meeting) const;
    /// Whether the consultation waits for the actor's city: open, and the city has neither proposed nor
    /// ranked.
    bool awaitsConsultationFrom(const Principal& actor, const Meeting& meeting) const;
    /// The member city for which `actor` proposes and ranks, if the actor is its legal director.
    std::optional<std::string> consultingCity(const Principal& actor) const;

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
    /// Refuses a change to a closed meeting.
    static void requireOpen(const Meeting& meeting);
    std::vector<MeetingItem> resolveAgenda(const Principal& actor, const std::vector<std::string>& agenda,
                                           const std::vector<MeetingItem>& existing);
    RecordEvent newEvent(const Principal& actor, const Meeting& meeting, const std::string& type) const;
    /// A change that does not depend on other cities' changes (a vote, a proposal, a ranking): `change`
    /// applies it to the meeting as stored and returns its event, saved at the next version; a lost race is
    /// read again and retried.
    Meeting changeIndependently(const Principal& actor, std::int64_t id,
                                const std::function<RecordEvent(Meeting&)>& change);
    /// The member city `actor` speaks for in an open consultation of `meeting` (else refused).
    std::string requireConsulting(const Principal& actor, const Meeting& meeting) const;
    /// The member city whose legal director `actor` is (else Forbidden).
    std::string requireMemberDirector(const Principal& actor) const;
    /// The record a proposal names, with its title and audience filled in.
    AgendaProposal resolveTarget(const Principal& actor, const ProposalInput& input);
    static MeetingItem* findItem(Meeting& meeting, std::int64_t gapId);
    /// A new agenda item on `gap`.
    static MeetingItem itemFor(const Gap& gap);

    MeetingRepository& _meetings;
    RecordEventRepository& _events;
    GapService& _gaps;
    BillRepository& _bills;
    RulingRepository& _rulings;
    const CommitteeRules& _rules;
    const Clock& _clock;
};

}  // namespace lacuna
