#pragma once

#include "BillRepository.h"
#include "DraftRepository.h"
#include "GapRepository.h"
#include "HeldReads.h"
#include "InboxRepository.h"
#include "MailRepository.h"
#include "MeetingRepository.h"
#include "MergeRepository.h"
#include "OpinionRepository.h"
#include "PrecedentRepository.h"
#include "RecordEventRepository.h"
#include "RulingRepository.h"
#include "SearchRepository.h"
#include "StorePoolStats.h"
#include "UserRepository.h"
#include "WebhookRepository.h"

namespace lacuna {

/// One storage backend: the repositories of every port, over one database.
class Store {
public:
    virtual ~Store() = default;
    virtual GapRepository& gaps() = 0;
    virtual UserRepository& users() = 0;
    virtual SessionRepository& sessions() = 0;
    virtual DraftRepository& drafts() = 0;
    virtual MeetingRepository& meetings() = 0;
    virtual BillRepository& bills() = 0;
    virtual RecordEventRepository& recordEvents() = 0;
    virtual InboxRepository& inbox() = 0;
    virtual WebhookRepository& webhooks() = 0;
    virtual RulingRepository& rulings() = 0;
    virtual SearchRepository& search() = 0;
    virtual MergeRepository& merges() = 0;
    virtual OpinionRepository& opinions() = 0;
    virtual PrecedentRepository& precedents() = 0;
    virtual MailRepository& mail() = 0;
    /// Whether the database answers a trivial query now.
    virtual bool reachable() = 0;
    /// Whether a write transaction commits now (readiness: a store that has become read-only, or full,
    /// answers reads but loses every change).
    virtual bool writable(std::int64_t now) = 0;
    /// A short name of the backend for logs and health output (`sqlite`, `mysql`).
    virtual std::string backendName() const = 0;
    virtual StorePoolStats poolStats() = 0;
    /// This thread's reads held in one snapshot until the result is destroyed (see HeldReads); null
    /// where the backend has nothing to gain, or when this thread holds its reads already.
    virtual std::unique_ptr<HeldReads> holdReads() { return nullptr; }
};

}  // namespace lacuna
