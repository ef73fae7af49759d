#pragma once

#include "LegislationRepository.h"
#include "Sql.h"
#include "SqlUniformity.h"

namespace lacuna {

/// Drafts, meetings, bills, inboxes and webhooks, written once in SQL that SQLite and MySQL/MariaDB
/// both accept, over either backend's SqlDatabase.
class SqlDraftRepository : public DraftRepository {
public:
    explicit SqlDraftRepository(SqlDatabase& db) : _db(db) {}
    Draft save(const Draft& draft, std::int64_t expectedLatest, const GapEvent& event) override;
    std::vector<Draft> list(std::int64_t gapId) override;
    std::optional<Draft> find(std::int64_t gapId, std::int64_t version) override;
    std::int64_t latestVersion(std::int64_t gapId) override;

private:
    SqlDatabase& _db;
};

class SqlRecordEventRepository : public RecordEventRepository {
public:
    explicit SqlRecordEventRepository(SqlDatabase& db) : _db(db) {}
    std::vector<RecordEvent> history(const std::string& entityType, std::int64_t id) override;

private:
    SqlDatabase& _db;
};

class SqlMeetingRepository : public MeetingRepository {
public:
    explicit SqlMeetingRepository(SqlDatabase& db) : _db(db) {}
    Meeting create(const Meeting& meeting, const RecordEvent& event) override;
    std::optional<Meeting> find(std::int64_t id) override;
    std::vector<Meeting> list(const std::optional<std::string>& state, std::size_t limit) override;
    void save(const Meeting& meeting, std::int64_t expectedVersion, const RecordEvent& event,
              const std::vector<GapStateChange>& gapChanges) override;

private:
    SqlDatabase& _db;
};

class SqlBillRepository : public BillRepository {
public:
    explicit SqlBillRepository(SqlDatabase& db) : _db(db) {}
    Bill create(const Bill& bill, int jalaliYear, const RecordEvent& event,
                const std::vector<GapStateChange>& gapChanges) override;
    std::optional<Bill> find(std::int64_t id) override;
    std::vector<Bill> list(const std::optional<std::string>& state, std::size_t limit) override;
    std::vector<std::int64_t> billsOfGap(std::int64_t gapId) override;
    void save(const Bill& bill, std::int64_t expectedVersion, const std::vector<RecordEvent>& events,
              const std::vector<GapStateChange>& gapChanges) override;

private:
    SqlDatabase& _db;
};

class SqlInboxRepository : public InboxRepository {
public:
    explicit SqlInboxRepository(SqlDatabase& db) : _db(db) {}
    std::vector<DueItem> dueBefore(std::int64_t until, std::size_t limit) override;
    std::vector<Notification> notifications(std::int64_t userId, bool unreadOnly, std::size_t limit) override;
    int markRead(std::int64_t userId, const std::vector<std::int64_t>& ids, std::int64_t at) override;
    void watch(std::int64_t gapId, std::int64_t userId, bool on) override;
    bool watches(std::int64_t gapId, std::int64_t userId) override;
    std::vector<DueItem> gapsInStates(const std::vector<std::string>& states,
                                      const std::optional<std::string>& municipality,
                                      std::size_t limit) override;

private:
    SqlDatabase& _db;
};

class SqlWebhookRepository : public WebhookRepository {
public:
    explicit SqlWebhookRepository(SqlDatabase& db) : _db(db) {}
    WebhookSubscription create(const WebhookSubscription& subscription, const RecordEvent& event) override;
    std::vector<WebhookSubscription> list() override;
    std::optional<WebhookSubscription> find(std::int64_t id) override;
    void deactivate(std::int64_t id, const RecordEvent& event) override;
    std::vector<WebhookDelivery> due(std::int64_t now, std::size_t limit) override;
    bool claim(std::int64_t deliveryId, std::int64_t seenNextAttempt, std::int64_t leaseUntil) override;
    void delivered(std::int64_t deliveryId, int status, std::int64_t at) override;
    void failed(std::int64_t deliveryId, int status, const std::string& error,
                std::optional<std::int64_t> retryAt) override;
    std::vector<WebhookDelivery> deliveries(std::int64_t subscriptionId, std::size_t limit) override;

private:
    SqlDatabase& _db;
};

/// Every repository of this file over one database.
struct SqlLegislation {
    explicit SqlLegislation(SqlDatabase& db)
        : drafts(db),
          events(db),
          meetings(db),
          bills(db),
          inbox(db),
          webhooks(db),
          rulings(db),
          search(db),
          merges(db),
          opinions(db) {}
    SqlDraftRepository drafts;
    SqlRecordEventRepository events;
    SqlMeetingRepository meetings;
    SqlBillRepository bills;
    SqlInboxRepository inbox;
    SqlWebhookRepository webhooks;
    SqlRulingRepository rulings;
    SqlSearchRepository search;
    SqlMergeRepository merges;
    SqlOpinionRepository opinions;
};

}  // namespace lacuna
