#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "BillService.h"
#include "Clock.h"
#include "GapService.h"
#include "Inbox.h"
#include "InboxRepository.h"
#include "MeetingService.h"

namespace lacuna {

/// A gap or bill that falls due, with who can move it on.
struct Deadline {
    DueItem item;
    bool overdue = false;
    std::vector<std::string> roles;  ///< roles that can fire a transition from its state
    bool actionable = false;         ///< the caller can
};

struct DeadlineQuery {
    std::int64_t withinMs = 7LL * 24 * 60 * 60 * 1000;
    std::optional<std::string> municipality;
    std::optional<std::string> role;
    bool mineOnly = false;
    std::size_t limit = 100;
};

/// Something waiting for the user.
struct InboxAction {
    std::string kind;  ///< vote, transition, deadline, consultation (on a meeting's agenda)
    std::string entityType;
    std::int64_t entityId = 0;
    std::string reference;
    std::string title;
    std::string state;
    std::optional<std::int64_t> dueAt;
    std::int64_t meetingId = 0;            ///< for a vote
    std::int64_t item = 0;                 ///< for a vote: the agenda item's place, from 1
    std::int64_t meetingAt = 0;            ///< for a consultation: when the meeting takes place
    std::vector<std::string> transitions;  ///< for a transition
};

struct Inbox {
    std::vector<InboxAction> actions;
    std::vector<Notification> notifications;
    std::size_t unread = 0;
};

/// Clocks and inboxes: what falls due, what waits for a user, what happened to what they watch.
class InboxService {
public:
    InboxService(InboxRepository& inbox, GapService& gaps, BillService& bills, MeetingService& meetings,
                 const Clock& clock);

    std::vector<Deadline> deadlines(const Principal& actor, const DeadlineQuery& query);
    Inbox inbox(const Principal& actor, std::int64_t withinMs, bool unreadOnly);
    int markRead(const Principal& actor, const std::vector<std::int64_t>& ids);
    void watch(const Principal& actor, std::int64_t gapId, bool on);
    bool watches(const Principal& actor, std::int64_t gapId);
    /// Whether the actor watches a gap it holds already (from GapService::get()), without reading it again.
    bool watches(const Principal& actor, const Gap& gap);
    /// The notifications the actor may still read (see the visibility rule).
    std::vector<Notification> knownNotifications(const Principal& actor,
                                                 std::vector<Notification> notifications);

private:
    std::vector<std::string> rolesThatAct(const Lifecycle& lifecycle, const std::string& state) const;
    /// The transitions fired by hand that the gap or bill itself offers the actor now: roles and the
    /// facts they ask (a draft; a bill's signatures and objections), as the record's own page shows.
    std::vector<const LifecycleTransition*> handTransitions(const Principal& actor, const DueItem& item);
    bool canAct(const Principal& actor, const DueItem& item);

    InboxRepository& _inbox;
    GapService& _gaps;
    BillService& _bills;
    MeetingService& _meetings;
    const Clock& _clock;
};

}  // namespace lacuna
