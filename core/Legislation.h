#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Gap.h"
#include "User.h"

namespace lacuna {

/// One immutable version of a gap's amendment draft.
struct Draft {
    std::int64_t gapId = 0;
    std::int64_t version = 0;  ///< 1, 2, … per gap
    std::string text;          ///< the amendment text
    std::string rationale;     ///< دلایل توجیهی
    std::vector<Provision> provisions;
    std::int64_t authorId = 0;
    std::string authorName;
    std::int64_t createdAt = 0;
};

/// One append-only audit record of a change to a meeting, bill or webhook subscription.
struct RecordEvent {
    std::int64_t id = 0;
    std::string entityType;  ///< meeting, bill, webhook
    std::int64_t entityId = 0;
    std::int64_t sequence = 0;  ///< the record's version after the change
    std::int64_t at = 0;
    std::int64_t actorId = 0;
    std::string actorName;
    std::string clientAddress;
    std::string type;  ///< created, transition, vote, decision, …
    std::string fromState;
    std::string toState;
    std::string transition;
    std::string comment;
    std::string dataJson = "{}";  ///< what changed, as JSON
};

/// A new event on a record by `actor` at `at`, in `state` (from and to alike until a transition sets them).
RecordEvent recordEvent(const Principal& actor, const std::string& entityType, std::int64_t entityId,
                        const std::string& type, const std::string& state, std::int64_t at);

/// A gap transition to apply in the same transaction as a meeting's or a bill's change.
struct GapStateChange {
    std::int64_t gapId = 0;
    std::int64_t expectedVersion = 0;
    std::string toState;
    std::optional<std::int64_t> dueAt;
    GapEvent event;
};

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
    std::string gapMunicipality;
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

/// An MP who signed an MPs' plan (طرح).
struct Sponsor {
    std::string name;
    std::string constituency;
    std::int64_t signedAt = 0;
    std::optional<std::int64_t> withdrawnAt;
};

/// A Guardian Council objection to one article of a bill.
struct Objection {
    std::int64_t number = 0;  ///< 1, 2, … per bill
    std::string article;
    std::string type;  ///< sharia, constitution, ambiguity
    std::string text;
    std::string response;  ///< the Majlis's response
    bool resolved = false;
    std::int64_t raisedAt = 0;
    std::optional<std::int64_t> resolvedAt;
};

/// A city's position on a bill.
struct BillPosition {
    std::string municipality;
    std::string position;  ///< support, oppose, watch
    std::string note;
    std::int64_t byId = 0;
    std::string byName;
    std::int64_t at = 0;
};

struct BillGap {
    std::int64_t gapId = 0;
    std::string reference;
    std::string title;
    std::string municipality;
};

/// What goes to the Majlis: one or more endorsed gaps.
struct Bill {
    std::int64_t id = 0;
    std::string reference;  ///< B-<Jalali year>-<4-digit sequence>
    std::string title;
    std::string channel;  ///< mps_plan, government_bill, provinces_council
    std::string registrationNo;
    std::string leadCommission;
    std::vector<std::string> advisoryCommissions;
    std::string urgency = "ordinary";  ///< ordinary, single, double
    std::string state;
    std::int64_t version = 0;
    std::optional<std::int64_t> dueAt;
    int extensions = 0;  ///< clock extensions granted in the current state
    std::int64_t createdBy = 0;
    std::string createdByName;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::vector<BillGap> gaps;
    std::vector<Sponsor> sponsors;
    std::vector<Objection> objections;
    std::vector<BillPosition> positions;

    std::size_t activeSponsors() const;
};

namespace billvalues {
const std::vector<std::string>& channels();
const std::vector<std::string>& urgencies();
const std::vector<std::string>& objectionTypes();
const std::vector<std::string>& positions();
}  // namespace billvalues

/// Something that falls due: a gap or a bill whose state's clock ends at `dueAt`.
struct DueItem {
    std::string entityType;  ///< gap, bill
    std::int64_t id = 0;
    std::string reference;
    std::string title;
    std::string municipality;  ///< the gap's city; empty for a bill
    bool confidential = false;
    std::string state;
    std::int64_t dueAt = 0;
};

/// Something that happened to a record a user reports or watches.
struct Notification {
    std::int64_t id = 0;
    std::int64_t userId = 0;
    std::int64_t at = 0;
    std::string entityType;
    std::int64_t entityId = 0;
    std::string reference;
    std::string eventType;
    std::string summary;
    std::optional<std::int64_t> readAt;
};

/// A webhook subscription (admin): where to deliver which events, signed with `secret`.
struct WebhookSubscription {
    std::int64_t id = 0;
    std::string url;
    std::vector<std::string> events;  ///< event types, or `*`
    std::string secret;
    bool active = true;
    std::int64_t createdBy = 0;
    std::int64_t createdAt = 0;
};

/// One event to deliver to one subscription.
struct WebhookDelivery {
    std::int64_t id = 0;
    std::int64_t subscriptionId = 0;
    std::int64_t outboxId = 0;
    std::string eventType;
    std::string payload;
    std::string url;
    std::string secret;
    std::string state;  ///< pending, delivered, failed
    int attempts = 0;
    std::int64_t nextAttemptAt = 0;
    std::optional<std::int64_t> deliveredAt;
    int lastStatus = 0;
    std::string lastError;
};

}  // namespace lacuna
