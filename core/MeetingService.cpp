#include "MeetingService.h"

#include <algorithm>
#include <set>

#include "ConflictRetry.h"
#include "EventData.h"
#include "GapVisibility.h"
#include "JsonText.h"
#include "Reference.h"
#include "Roles.h"
#include "TextChecks.h"

namespace lacuna {
namespace {

constexpr std::size_t PLACE_MAX = 300;
constexpr std::size_t AGENDA_MAX = 100;

/// The agenda's gap references, in order (what a meeting's events record).
std::vector<std::string> agendaReferences(const Meeting& m) {
    std::vector<std::string> out;
    for (const auto& item : m.items) out.push_back(item.gapReference);
    return out;
}

/// An item's place on the agenda, from 1.
std::int64_t position(const Meeting& m, const MeetingItem& item) {
    return static_cast<std::int64_t>(&item - m.items.data()) + 1;
}

}  // namespace

MeetingService::MeetingService(MeetingRepository& meetings, RecordEventRepository& events, GapService& gaps,
                               BillRepository& bills, RulingRepository& rulings, const CommitteeRules& rules,
                               const Clock& clock)
    : _meetings(meetings),
      _events(events),
      _gaps(gaps),
      _bills(bills),
      _rulings(rulings),
      _rules(rules),
      _clock(clock) {}

MeetingItem* MeetingService::findItem(Meeting& m, std::int64_t gapId) {
    const auto it =
        std::find_if(m.items.begin(), m.items.end(), [&](const MeetingItem& i) { return i.gapId == gapId; });
    return it == m.items.end() ? nullptr : &*it;
}

MeetingItem MeetingService::itemFor(const Gap& gap) {
    MeetingItem item;
    item.gapId = gap.id;
    item.gapReference = gap.reference;
    item.gapTitle = gap.fields.title;
    item.gapAudience = visibility::audienceOf(gap);
    return item;
}

void MeetingService::requireOpen(const Meeting& m) {
    if (m.state != "scheduled") throw StateConflict("meeting " + reference::meeting(m.id) + " is closed");
}

void MeetingService::requireSecretary(const Principal& actor) const {
    if (!actor.hasRole(roles::COMMITTEE_SECRETARY))
        throw Forbidden("only the committee secretary sets agendas, attendance and decisions");
}

RecordEvent MeetingService::newEvent(const Principal& actor, const Meeting& meeting,
                                     const std::string& type) const {
    return recordEvent(actor, "meeting", meeting.id, type, meeting.state, _clock.nowMs());
}

std::set<std::string> MeetingService::reviewStates() const {
    // Gaps come onto the agenda from the states the committee's decisions start from.
    std::set<std::string> states;
    for (const auto& [decision, transition] : _rules.decisionTransitions)
        if (const LifecycleTransition* t = _gaps.lifecycle().findTransition(transition))
            states.insert(t->from.begin(), t->from.end());
    return states;
}

std::vector<MeetingItem> MeetingService::resolveAgenda(const Principal& actor,
                                                       const std::vector<std::string>& agenda,
                                                       const std::vector<MeetingItem>& existing) {
    const std::set<std::string> review = reviewStates();
    FieldErrors errors;
    if (agenda.size() > AGENDA_MAX)
        errors.add("agenda", "too_many", "at most " + std::to_string(AGENDA_MAX) + " items");
    std::vector<MeetingItem> items;
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < agenda.size() && i < AGENDA_MAX; ++i) {
        const std::string field = "agenda[" + std::to_string(i) + "]";
        std::optional<Gap> gap;
        try {
            gap = _gaps.loadByKey(actor, agenda[i]);
        } catch (const NotFound&) {
            errors.add(field, "unknown", "no gap «" + agenda[i] + "»");
            continue;
        }
        if (!seen.insert(gap->id).second) {
            errors.add(field, "duplicate", "gap " + gap->reference + " is on the agenda twice");
            continue;
        }
        const auto kept = std::find_if(existing.begin(), existing.end(),
                                       [&](const MeetingItem& it) { return it.gapId == gap->id; });
        if (kept != existing.end()) {
            items.push_back(*kept);
            continue;
        }
        if (!review.count(gap->state)) {
            errors.add(
                field, "not_in_review",
                "gap " + gap->reference + " is in state " + gap->state + ", not awaiting the committee");
            continue;
        }
        items.push_back(itemFor(*gap));
    }
    for (const MeetingItem& old : existing)
        if (!seen.count(old.gapId) && (!old.decision.empty() || !old.votes.empty()))
            errors.add("agenda", "has_votes",
                       "gap " + old.gapReference + " has votes or a decision and stays on the agenda");
    errors.throwIfAny("the agenda is not valid", ValidationError::Kind::RuleViolation);
    return items;
}

Meeting MeetingService::create(const Principal& actor, const MeetingInput& input) {
    requireSecretary(actor);
    FieldErrors errors;
    checkText(errors, "place", input.place, PLACE_MAX, true);
    if (input.scheduledAt <= 0) errors.add("scheduled_at", "required", "when the meeting takes place");
    errors.throwIfAny("the meeting is not valid");
    Meeting m;
    m.scheduledAt = input.scheduledAt;
    m.place = input.place;
    m.items = resolveAgenda(actor, input.agenda, {});
    m.createdBy = actor.userId;
    m.createdByName = actor.username;
    m.createdAt = m.updatedAt = _clock.nowMs();
    RecordEvent e = newEvent(actor, m, "created");
    e.fromState.clear();
    e.dataJson = EventData()
                     .text("place", m.place)
                     .number("scheduled_at", m.scheduledAt)
                     .texts("agenda", agendaReferences(m))
                     .str();
    return _meetings.create(m, e);
}

Meeting MeetingService::load(std::int64_t id) {
    const auto m = _meetings.find(id);
    if (!m) throw NotFound("no meeting " + std::to_string(id));
    return *m;
}

Meeting MeetingService::viewFor(const Principal& viewer, Meeting m) const {
    // Every signed-in user reads meetings. An item on a gap the viewer may not know of shows that it is
    // there, its place on the agenda, its city, the votes and the decision; not the gap's id,
    // reference or title, nor the decision's note, which may describe it. A proposal of such a gap shows
    // its city and ranking, not the gap nor the note.
    for (MeetingItem& item : m.items)
        if (!visibility::mayKnowGap(viewer, item.gapAudience)) {
            item.gapId = 0;
            item.gapReference = item.gapTitle = visibility::HIDDEN_GAP;
            item.note.clear();
        }
    if (m.consultation)
        for (AgendaProposal& p : m.consultation->proposals)
            if (p.kind == "gap" && !visibility::mayKnowGap(viewer, p.gapAudience)) {
                p.targetId = 0;
                p.targetReference = p.title = visibility::HIDDEN_GAP;
                p.note.clear();
            }
    return m;
}

Meeting MeetingService::get(const Principal& actor, std::int64_t id) { return viewFor(actor, load(id)); }

std::vector<Meeting> MeetingService::list(const Principal& actor, const std::optional<std::string>& state,
                                          std::size_t limit) {
    MeetingQuery query;
    query.state = state;
    query.limit = limit;
    return list(actor, query);
}

namespace {

void checkQuery(const MeetingQuery& query) {
    if (query.state && *query.state != "scheduled" && *query.state != "closed")
        throw ValidationError("unknown state", {{"state", "unknown", "scheduled or closed"}});
    if (query.limit < 1 || query.limit > 100)
        throw ValidationError("bad limit", {{"limit", "out_of_range", "between 1 and 100"}});
}

}  // namespace

std::vector<Meeting> MeetingService::list(const Principal& actor, const MeetingQuery& query) {
    checkQuery(query);
    std::vector<Meeting> meetings = _meetings.list(query);
    for (Meeting& m : meetings) m = viewFor(actor, std::move(m));
    return meetings;
}

std::vector<MeetingSummary> MeetingService::summaries(const Principal& /*actor: a summary names no gap*/,
                                                      const MeetingQuery& query) {
    checkQuery(query);
    return _meetings.summaries(query);
}

Meeting MeetingService::update(const Principal& actor, std::int64_t id, const MeetingPatch& patch,
                               std::int64_t expectedVersion) {
    requireSecretary(actor);
    Meeting m = load(id);
    requireOpen(m);
    FieldErrors errors;
    if (patch.place) checkText(errors, "place", *patch.place, PLACE_MAX, true);
    if (patch.scheduledAt && *patch.scheduledAt <= 0)
        errors.add("scheduled_at", "invalid", "a time is needed");
    if (patch.state && *patch.state != "closed") errors.add("state", "unknown", "only `closed` may be set");
    if (patch.present) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < patch.present->size(); ++i) {
            const std::string& city = (*patch.present)[i];
            const std::string field = "present[" + std::to_string(i) + "]";
            if (!contains(_rules.members, city))
                errors.add(field, "not_a_member", "«" + city + "» is not a member city of the committee");
            else if (!seen.insert(city).second)
                errors.add(field, "duplicate", "«" + city + "» is listed twice");
        }
    }
    errors.throwIfAny("the meeting change is not valid");
    if (patch.scheduledAt && m.consultation && !m.consultation->builtAt &&
        *patch.scheduledAt < m.consultation->closesAt)
        throw ValidationError(
            "the meeting change is not valid",
            {{"scheduled_at", "consultation",
              "the consultation on the agenda takes proposals until then: move its deadline "
              "first"}},
            ValidationError::Kind::RuleViolation);
    requireVersion("meeting", m.version, expectedVersion);

    EventData data;
    if (patch.scheduledAt) {
        m.scheduledAt = *patch.scheduledAt;
        data.number("scheduled_at", m.scheduledAt);
    }
    if (patch.place) {
        m.place = *patch.place;
        data.text("place", m.place);
    }
    if (patch.agenda) {
        m.items = resolveAgenda(actor, *patch.agenda, m.items);
        data.texts("agenda", agendaReferences(m));
    }
    if (patch.present) {
        // A city that leaves takes back its votes on undecided items.
        m.present = *patch.present;
        std::sort(m.present.begin(), m.present.end());
        for (MeetingItem& item : m.items)
            if (item.decision.empty())
                std::erase_if(item.votes,
                              [&](const MeetingVote& v) { return !contains(m.present, v.municipality); });
        data.texts("present", m.present);
    }
    RecordEvent e = newEvent(actor, m, patch.state ? "closed" : "updated");
    if (patch.state) m.state = e.toState = *patch.state;
    e.dataJson = data.str();
    m.updatedAt = e.at;
    _meetings.save(m, expectedVersion, e, {});
    m.version = expectedVersion + 1;
    return viewFor(actor, m);
}

bool MeetingService::awaitsVoteFrom(const Principal& actor, const Meeting& m, const MeetingItem& item) const {
    if (m.state != "scheduled" || !item.decision.empty()) return false;
    if (!actor.hasRole(roles::COMMITTEE_MEMBER) || !actor.municipality) return false;
    if (!contains(m.present, *actor.municipality)) return false;
    return std::none_of(item.votes.begin(), item.votes.end(),
                        [&](const MeetingVote& v) { return v.municipality == *actor.municipality; });
}

Meeting MeetingService::vote(const Principal& actor, std::int64_t id, std::int64_t gapId,
                             const std::string& vote) {
    if (!contains(votes::values(), vote))
        throw ValidationError("unknown vote",
                              {{"vote", "unknown", "one of approve, reject, revise, abstain"}});
    if (!actor.hasRole(roles::COMMITTEE_MEMBER) || !actor.municipality)
        throw Forbidden("only a city's committee member votes");
    const std::string city = *actor.municipality;
    // Votes of different cities do not depend on each other, so a lost race is simply retried.
    return changeIndependently(actor, id, [&](Meeting& m) {
        requireOpen(m);
        MeetingItem* item = findItem(m, gapId);
        if (!item)
            throw NotFound("gap " + std::to_string(gapId) + " is not on the agenda of " +
                           reference::meeting(id));
        if (!item->decision.empty())
            throw StateConflict("agenda item " + std::to_string(position(m, *item)) + " is decided already");
        if (!contains(m.present, city))
            throw ValidationError(
                "not present",
                {{"municipality", "absent", "«" + city + "» is not recorded present at this meeting"}},
                ValidationError::Kind::RuleViolation);
        RecordEvent e = newEvent(actor, m, "vote");
        std::erase_if(item->votes, [&](const MeetingVote& v) { return v.municipality == city; });
        item->votes.push_back(MeetingVote{city, vote, actor.userId, actor.username, e.at});
        std::sort(item->votes.begin(), item->votes.end(),
                  [](const MeetingVote& a, const MeetingVote& b) { return a.municipality < b.municipality; });
        e.dataJson =
            EventData().text("gap", item->gapReference).text("municipality", city).text("vote", vote).str();
        return e;
    });
}

Meeting MeetingService::changeIndependently(const Principal& actor, std::int64_t id,
                                            const std::function<RecordEvent(Meeting&)>& change) {
    return retryIndependent([&] {
        Meeting m = load(id);
        const RecordEvent e = change(m);
        m.updatedAt = e.at;
        _meetings.save(m, m.version, e, {});
        ++m.version;
        return viewFor(actor, m);
    });
}

QuorumCheck MeetingService::check(const Meeting& m, const MeetingItem& item,
                                  const std::string& decision) const {
    QuorumCheck c;
    c.members = static_cast<int>(_rules.members.size());
    for (const auto& city : m.present)
        if (contains(_rules.members, city)) ++c.present;
    c.quorumNeeded = _rules.quorumNeeded();
    for (const MeetingVote& v : item.votes) {
        if (!contains(m.present, v.municipality)) continue;
        if (v.vote != "abstain") ++c.votesCast;
        if (v.vote == decision) ++c.votesFor;
    }
    c.votesNeeded = _rules.votesNeeded(c.present, c.votesCast);
    return c;
}

Meeting MeetingService::decide(const Principal& actor, std::int64_t id, std::int64_t gapId,
                               const std::string& decision, const std::string& comment,
                               std::int64_t expectedVersion) {
    requireSecretary(actor);
    const auto transitionName = _rules.decisionTransitions.find(decision);
    if (transitionName == _rules.decisionTransitions.end())
        throw ValidationError("unknown decision",
                              {{"decision", "unknown", "one of approve, reject, revise"}});
    Meeting m = load(id);
    requireOpen(m);
    MeetingItem* item = findItem(m, gapId);
    if (!item)
        throw NotFound("gap " + std::to_string(gapId) + " is not on the agenda of " + reference::meeting(id));
    if (!item->decision.empty())
        throw StateConflict("agenda item " + std::to_string(position(m, *item)) + " is decided already");
    requireVersion("meeting", m.version, expectedVersion);

    const QuorumCheck c = check(m, *item, decision);
    const LifecycleTransition* t = _gaps.lifecycle().findTransition(transitionName->second);
    if (!t) throw StateConflict("the gap workflow has no transition " + transitionName->second);
    // Whatever the decision — endorse, reject or send back — it is the one the votes carry.
    if (!c.carried()) {
        std::string detail = std::to_string(c.present) + " of " + std::to_string(c.members) +
                             " member cities present (" + std::to_string(c.quorumNeeded) + " needed); " +
                             std::to_string(c.votesFor) + " votes for «" + decision + "» (" +
                             std::to_string(c.votesNeeded) + " needed)";
        throw ValidationError("the decision lacks quorum or majority",
                              {{"decision", c.hasQuorum() ? "majority" : "quorum", detail}},
                              ValidationError::Kind::RuleViolation);
    }

    TransitionInput input;
    input.transition = t->name;
    input.comment = comment;
    if (contains(t->fields, "meeting")) input.fields["meeting"] = reference::meeting(m.id);
    input.facts.insert("quorum");
    const Gap gap = _gaps.load(actor, gapId);
    GapStateChange change = _gaps.planTransition(actor, gap, input);

    RecordEvent e = newEvent(actor, m, "decision");
    item->decision = decision;
    item->decidedAt = e.at;
    item->decidedBy = actor.username;
    item->note = comment;
    e.comment = comment;
    e.dataJson = EventData()
                     .text("gap", item->gapReference)
                     .text("decision", decision)
                     .text("transition", t->name)
                     .number("present", c.present)
                     .number("members", c.members)
                     .number("votes_for", c.votesFor)
                     .number("votes_needed", c.votesNeeded)
                     .str();
    m.updatedAt = e.at;
    _meetings.save(m, expectedVersion, e, {change});
    m.version = expectedVersion + 1;
    return viewFor(actor, m);
}

std::vector<RecordEvent> MeetingService::history(const Principal& actor, std::int64_t id) {
    load(id);
    return _gaps.redactForViewer(actor, _events.history("meeting", id));
}

Meeting MeetingService::voteOnItem(const Principal& actor, std::int64_t id, std::int64_t position,
                                   const std::string& vote) {
    const Meeting m = load(id);
    if (position < 1 || position > static_cast<std::int64_t>(m.items.size()))
        throw NotFound(reference::meeting(id) + " has no agenda item " + std::to_string(position));
    return this->vote(actor, id, m.items[static_cast<std::size_t>(position - 1)].gapId, vote);
}

}  // namespace lacuna
