#pragma once

#include <memory>
#include <string>

#include "Sql.h"
#include "SqlBillRepository.h"
#include "SqlDraftRepository.h"
#include "SqlGapRepository.h"
#include "SqlInboxRepository.h"
#include "SqlMailRepository.h"
#include "SqlMeetingRepository.h"
#include "SqlMergeRepository.h"
#include "SqlOpinionRepository.h"
#include "SqlPrecedentRepository.h"
#include "SqlRecordEventRepository.h"
#include "SqlRulingRepository.h"
#include "SqlSearchRepository.h"
#include "SqlSessionRepository.h"
#include "SqlUserRepository.h"
#include "SqlWebhookRepository.h"
#include "Store.h"

namespace lacuna {

/// Every port over one database, whichever backend's SqlDatabase it is: the repositories are written
/// once, in SQL both backends accept, and the backend supplies only its connection and dialect.
class SqlStore : public Store {
public:
    /// Takes the opened (and migrated) database; brings an older store's derived data up to date.
    SqlStore(std::unique_ptr<SqlDatabase> database, std::string backendName);

    GapRepository& gaps() override { return _gaps; }
    UserRepository& users() override { return _users; }
    SessionRepository& sessions() override { return _sessions; }
    DraftRepository& drafts() override { return _drafts; }
    MeetingRepository& meetings() override { return _meetings; }
    BillRepository& bills() override { return _bills; }
    RecordEventRepository& recordEvents() override { return _events; }
    InboxRepository& inbox() override { return _inbox; }
    WebhookRepository& webhooks() override { return _webhooks; }
    RulingRepository& rulings() override { return _rulings; }
    SearchRepository& search() override { return _search; }
    MergeRepository& merges() override { return _merges; }
    OpinionRepository& opinions() override { return _opinions; }
    PrecedentRepository& precedents() override { return _precedents; }
    MailRepository& mail() override { return _mail; }
    bool reachable() override;
    bool writable(std::int64_t now) override;
    std::string backendName() const override { return _backendName; }
    StorePoolStats poolStats() override { return _database->poolStats(); }
    std::unique_ptr<HeldReads> holdReads() override { return _database->holdReads(); }

private:
    std::unique_ptr<SqlDatabase> _database;
    std::string _backendName;
    SqlGapRepository _gaps;
    SqlUserRepository _users;
    SqlSessionRepository _sessions;
    SqlDraftRepository _drafts;
    SqlMeetingRepository _meetings;
    SqlBillRepository _bills;
    SqlRecordEventRepository _events;
    SqlInboxRepository _inbox;
    SqlWebhookRepository _webhooks;
    SqlRulingRepository _rulings;
    SqlSearchRepository _search;
    SqlMergeRepository _merges;
    SqlOpinionRepository _opinions;
    SqlPrecedentRepository _precedents;
    SqlMailRepository _mail;
};

}  // namespace lacuna
