#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Legislation.h"

namespace lacuna {

/// Amendment drafts: immutable versions per gap.
class DraftRepository {
public:
    virtual ~DraftRepository() = default;
    /// Stores `draft` as version expectedLatest + 1, bumps the gap's version and appends `event`
    /// to the gap's history, in one transaction. Throws VersionConflict when the latest stored
    /// draft is not `expectedLatest` (0: none yet), NotFound when the gap is gone.
    virtual Draft save(const Draft& draft, std::int64_t expectedLatest, const GapEvent& event) = 0;
    /// Every version, oldest first.
    virtual std::vector<Draft> list(std::int64_t gapId) = 0;
    virtual std::optional<Draft> find(std::int64_t gapId, std::int64_t version) = 0;
    /// 0 when the gap has no draft.
    virtual std::int64_t latestVersion(std::int64_t gapId) = 0;
};

/// Audit records of meetings, bills and webhook subscriptions.
class RecordEventRepository {
public:
    virtual ~RecordEventRepository() = default;
    virtual std::vector<RecordEvent> history(const std::string& entityType, std::int64_t id) = 0;
};

/// Committee meetings with their agenda, attendance, votes and decisions.
class MeetingRepository {
public:
    virtual ~MeetingRepository() = default;
    virtual Meeting create(const Meeting& meeting, const RecordEvent& event) = 0;
    virtual std::optional<Meeting> find(std::int64_t id) = 0;
    /// Newest first; `state` filters when set.
    virtual std::vector<Meeting> list(const std::optional<std::string>& state, std::size_t limit) = 0;
    /// Replaces the meeting (place, time, state, attendance, agenda, votes, decisions) at version
    /// expectedVersion + 1, appends `event` and applies `gapChanges`, in one transaction.
    virtual void save(const Meeting& meeting, std::int64_t expectedVersion, const RecordEvent& event,
                      const std::vector<GapStateChange>& gapChanges) = 0;
};

/// Bills in the Majlis with their sponsors, objections and city positions.
class BillRepository {
public:
    virtual ~BillRepository() = default;
    /// Assigns id and reference B-<jalaliYear>-<sequence>; applies `gapChanges` in the same
    /// transaction, with `{{bill}}` in their events' fields replaced by the new reference.
    virtual Bill create(const Bill& bill, int jalaliYear, const RecordEvent& event,
                        const std::vector<GapStateChange>& gapChanges) = 0;
    virtual std::optional<Bill> find(std::int64_t id) = 0;
    virtual std::vector<Bill> list(const std::optional<std::string>& state, std::size_t limit) = 0;
    /// The bills a gap is bundled in.
    virtual std::vector<std::int64_t> billsOfGap(std::int64_t gapId) = 0;
    /// Replaces the bill at version expectedVersion + events.size(), appending the events in order.
    virtual void save(const Bill& bill, std::int64_t expectedVersion, const std::vector<RecordEvent>& events,
                      const std::vector<GapStateChange>& gapChanges) = 0;
};

/// Clocks, inboxes and watches.
class InboxRepository {
public:
    virtual ~InboxRepository() = default;
    /// Gaps and bills whose clock ends at or before `until`, soonest first.
    virtual std::vector<DueItem> dueBefore(std::int64_t until, std::size_t limit) = 0;
    virtual std::vector<Notification> notifications(std::int64_t userId, bool unreadOnly,
                                                    std::size_t limit) = 0;
    /// Marks the user's notifications read (all of them when `ids` is empty); returns how many changed.
    virtual int markRead(std::int64_t userId, const std::vector<std::int64_t>& ids, std::int64_t at) = 0;
    virtual void watch(std::int64_t gapId, std::int64_t userId, bool on) = 0;
    virtual bool watches(std::int64_t gapId, std::int64_t userId) = 0;
    /// Gaps in one of `states`, in `municipality` when set, oldest change first (what someone may act on).
    virtual std::vector<DueItem> gapsInStates(const std::vector<std::string>& states,
                                              const std::optional<std::string>& municipality,
                                              std::size_t limit) = 0;
};

/// Webhook subscriptions and the delivery queue the outbox feeds.
class WebhookRepository {
public:
    virtual ~WebhookRepository() = default;
    virtual WebhookSubscription create(const WebhookSubscription& subscription, const RecordEvent& event) = 0;
    virtual std::vector<WebhookSubscription> list() = 0;
    virtual std::optional<WebhookSubscription> find(std::int64_t id) = 0;
    virtual void deactivate(std::int64_t id, const RecordEvent& event) = 0;
    /// Pending deliveries due at `now`, oldest first.
    virtual std::vector<WebhookDelivery> due(std::int64_t now, std::size_t limit) = 0;
    /// Takes a delivery for one attempt: moves its next attempt to `leaseUntil` only if it is still
    /// at `seenNextAttempt` (another instance did not take it first). True when this caller has it.
    virtual bool claim(std::int64_t deliveryId, std::int64_t seenNextAttempt, std::int64_t leaseUntil) = 0;
    virtual void delivered(std::int64_t deliveryId, int status, std::int64_t at) = 0;
    /// Records a failed attempt; `retryAt` empty: give up (state failed).
    virtual void failed(std::int64_t deliveryId, int status, const std::string& error,
                        std::optional<std::int64_t> retryAt) = 0;
    virtual std::vector<WebhookDelivery> deliveries(std::int64_t subscriptionId, std::size_t limit) = 0;
};

}  // namespace lacuna
