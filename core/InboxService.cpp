#include "InboxService.h"

#include <set>

#include "GapVisibility.h"
#include "Reference.h"
#include "Roles.h"
#include "TextChecks.h"

namespace lacuna {
namespace {

constexpr std::int64_t MAX_WINDOW_MS = 366LL * 24 * 60 * 60 * 1000;
constexpr std::size_t INBOX_LIMIT = 100;

/// A transition someone can fire by hand: not one that only a meeting or a bill fires.
bool firedByHand(const LifecycleTransition& t) {
    return !contains(t.requirements, "quorum") && !contains(t.requirements, "by_bill") &&
           !contains(t.requirements, "below_signatures");
}

/// A vote the caller's city owes on agenda item `index` of `m` (already as the caller may read it: an
/// item on a gap it may not know of names only the meeting and the item's place).
InboxAction voteAction(const Meeting& m, std::size_t index) {
    const MeetingItem& item = m.items[index];
    InboxAction a;
    a.kind = "vote";
    a.meetingId = m.id;
    a.item = static_cast<std::int64_t>(index) + 1;
    a.title = item.gapTitle;
    if (item.gapId == 0) {
        a.entityType = "meeting";
        a.entityId = m.id;
        a.reference = reference::meeting(m.id);
    } else {
        a.entityType = "gap";
        a.entityId = item.gapId;
        a.reference = item.gapReference;
    }
    return a;
}

/// The consultation on the agenda of `m`, open until its deadline, that waits for the caller's city.
InboxAction consultationAction(const Meeting& m) {
    InboxAction a;
    a.kind = "consultation";
    a.entityType = "meeting";
    a.entityId = m.id;
    a.reference = reference::meeting(m.id);
    a.title = m.place;
    a.meetingAt = m.scheduledAt;
    a.dueAt = m.consultation->lastMoment();
    return a;
}

/// An action on a gap or bill: the transitions `available` offers that are fired by hand.
std::optional<InboxAction> transitionAction(const std::vector<const LifecycleTransition*>& available,
                                            const std::string& type, std::int64_t id,
                                            const std::string& reference, const std::string& title,
                                            const std::string& state,
                                            const std::optional<std::int64_t>& dueAt) {
    InboxAction a;
    for (const LifecycleTransition* t : available)
        if (firedByHand(*t)) a.transitions.push_back(t->name);
    if (a.transitions.empty()) return std::nullopt;
    a.kind = "transition";
    a.entityType = type;
    a.entityId = id;
    a.reference = reference;
    a.title = title;
    a.state = state;
    a.dueAt = dueAt;
    return a;
}

}  // namespace

InboxService::InboxService(InboxRepository& inbox, GapService& gaps, BillService& bills,
                           MeetingService& meetings, const Clock& clock)
    : _inbox(inbox), _gaps(gaps), _bills(bills), _meetings(meetings), _clock(clock) {}

std::vector<std::string> InboxService::rolesThatAct(const Lifecycle& lifecycle,
                                                    const std::string& state) const {
    std::set<std::string> out;
    for (const LifecycleTransition* t : lifecycle.available(state, allRoles()))
        if (firedByHand(*t)) out.insert(t->roles.begin(), t->roles.end());
    return {out.begin(), out.end()};
}

std::vector<const LifecycleTransition*> InboxService::handTransitions(const Principal& actor,
                                                                      const DueItem& item) {
    std::vector<const LifecycleTransition*> out;
    if (item.entityType == "gap") {
        // What the gap itself would offer (GapService: roles in the gap's own city only, and the
        // facts its transitions ask), decided from the listed row: no gap is read again.
        std::vector<std::string> held = actor.roles;
        if (actor.municipality && *actor.municipality != item.audience.municipality) held.clear();
        std::set<std::string> facts;
        if (item.hasDraft) facts.insert("has_draft");
        out = Lifecycle::whoseFactsHold(_gaps.lifecycle().available(item.state, held), facts);
    } else {
        // Roles first, from the listed row: most callers may fire nothing on a bill, and for them the
        // bill is not read. The others get what the bill offers (its signatures and objections).
        out = _bills.lifecycle().available(item.state, actor.roles);
        std::erase_if(out, [](const LifecycleTransition* t) { return !firedByHand(*t); });
        if (!out.empty()) out = _bills.availableTransitions(actor, _bills.get(actor, item.id));
    }
    std::erase_if(out, [](const LifecycleTransition* t) { return !firedByHand(*t); });
    return out;
}

bool InboxService::canAct(const Principal& actor, const DueItem& item) {
    return !handTransitions(actor, item).empty();
}

std::vector<Deadline> InboxService::deadlines(const Principal& actor, const DeadlineQuery& q) {
    FieldErrors errors;
    if (q.withinMs < 0 || q.withinMs > MAX_WINDOW_MS)
        errors.add("within", "out_of_range", "between 0d and 366d");
    if (q.role && !isKnownRole(*q.role)) errors.add("role", "unknown", "not a role");
    if (q.limit < 1 || q.limit > 500) errors.add("limit", "out_of_range", "between 1 and 500");
    errors.throwIfAny("the deadline query is not valid");
    const std::int64_t now = _clock.nowMs();

    std::vector<Deadline> out;
    for (const DueItem& item : _inbox.dueBefore(now + q.withinMs, 1000)) {
        if (!visibility::mayKnowGap(actor, item.audience)) continue;
        if (q.municipality && item.audience.municipality != *q.municipality) continue;
        Deadline d;
        d.item = item;
        d.overdue = item.dueAt < now;
        d.roles = rolesThatAct(item.entityType == "gap" ? _gaps.lifecycle() : _bills.lifecycle(), item.state);
        if (q.role && !contains(d.roles, *q.role)) continue;
        d.actionable = canAct(actor, item);
        if (q.mineOnly && !d.actionable) continue;
        out.push_back(std::move(d));
        if (out.size() >= q.limit) break;
    }
    return out;
}

Inbox InboxService::inbox(const Principal& actor, std::int64_t withinMs, bool unreadOnly) {
    if (withinMs < 0 || withinMs > MAX_WINDOW_MS)
        throw ValidationError("bad window", {{"within", "out_of_range", "between 0d and 366d"}});
    Inbox box;
    // Votes the caller's city still owes, and consultations on agendas waiting for its proposals.
    for (const Meeting& m : _meetings.list(actor, std::string("scheduled"), 50)) {
        for (std::size_t i = 0; i < m.items.size(); ++i)
            if (_meetings.awaitsVoteFrom(actor, m, m.items[i])) box.actions.push_back(voteAction(m, i));
        if (_meetings.awaitsConsultationFrom(actor, m)) box.actions.push_back(consultationAction(m));
    }
    // Gaps the caller can move on now, in its scope.
    std::vector<std::string> states;
    for (const LifecycleState& s : _gaps.lifecycle().states())
        for (const LifecycleTransition* t : _gaps.lifecycle().available(s.name, actor.roles))
            if (firedByHand(*t)) {
                states.push_back(s.name);
                break;
            }
    // Decided from the listed rows themselves: no gap is read again.
    for (const DueItem& item : _inbox.gapsInStates(states, actor.municipality, INBOX_LIMIT))
        if (visibility::mayKnowGap(actor, item.audience))
            if (auto a = transitionAction(
                    handTransitions(actor, item), "gap", item.id, item.reference, item.title, item.state,
                    item.dueAt ? std::optional<std::int64_t>(item.dueAt) : std::nullopt))
                box.actions.push_back(std::move(*a));
    for (const Bill& bill : _bills.list(actor, std::nullopt, 100))
        if (auto a = transitionAction(_bills.availableTransitions(actor, bill), "bill", bill.id,
                                      bill.reference, bill.title, bill.state, bill.dueAt))
            box.actions.push_back(std::move(*a));
    // What falls due within the window among what the caller can act on.
    DeadlineQuery q;
    q.withinMs = withinMs;
    q.mineOnly = true;
    for (const Deadline& d : deadlines(actor, q)) {
        InboxAction a;
        a.kind = "deadline";
        a.entityType = d.item.entityType;
        a.entityId = d.item.id;
        a.reference = d.item.reference;
        a.title = d.item.title;
        a.state = d.item.state;
        a.dueAt = d.item.dueAt;
        box.actions.push_back(std::move(a));
    }
    box.notifications =
        knownNotifications(actor, _inbox.notifications(actor.userId, unreadOnly, INBOX_LIMIT));
    for (const Notification& n : box.notifications)
        if (!n.readAt) ++box.unread;
    return box;
}

std::vector<Notification> InboxService::knownNotifications(const Principal& actor,
                                                           std::vector<Notification> notifications) {
    // A watcher who may no longer know of a gap (it became confidential, or the watcher moved city)
    // hears nothing more of it.
    std::vector<std::int64_t> gapIds;
    for (const Notification& n : notifications)
        if (n.entityType == "gap") gapIds.push_back(n.entityId);
    if (gapIds.empty() || visibility::seesEveryGap(actor)) return notifications;
    const visibility::KnownGaps known = _gaps.known(actor, gapIds);
    std::erase_if(notifications,
                  [&](const Notification& n) { return n.entityType == "gap" && !known.id(n.entityId); });
    return notifications;
}

int InboxService::markRead(const Principal& actor, const std::vector<std::int64_t>& ids) {
    if (ids.size() > 500) throw ValidationError("too many", {{"ids", "too_many", "at most 500 at once"}});
    return _inbox.markRead(actor.userId, ids, _clock.nowMs());
}

void InboxService::watch(const Principal& actor, std::int64_t gapId, bool on) {
    _gaps.load(actor, gapId);
    _inbox.watch(gapId, actor.userId, on);
}

bool InboxService::watches(const Principal& actor, std::int64_t gapId) {
    return watches(actor, _gaps.load(actor, gapId));
}

bool InboxService::watches(const Principal& actor, const Gap& gap) {
    return _inbox.watches(_gaps.requireVisible(actor, gap).id, actor.userId);
}

}  // namespace lacuna
