#pragma once

#include "MailRepository.h"
#include "Sql.h"

namespace lacuna {

/// Puts `mail` in the outbox of `userId` under `key` (unique per person), pending and due at its
/// nextAttemptAt, within the caller's transaction.
void insertOutgoingMail(SqlSession& s, std::int64_t userId, const std::string& key, const OutgoingMail& mail);
/// Withdraws what still waits in the outbox of `userId` (its account was disabled), within the caller's
/// transaction; a message taken for an attempt already may still go.
void withdrawPendingMail(SqlSession& s, std::int64_t userId);

/// E-mail preferences and the mail outbox.
class SqlMailRepository : public MailRepository {
public:
    explicit SqlMailRepository(SqlDatabase& db) : _db(db) {}
    std::optional<MailPreference> preference(std::int64_t userId) override;
    MailPreference savePreference(const MailPreference& preference, std::int64_t expectedVersion,
                                  bool startFromNow, const RecordEvent& event) override;
    std::vector<MailPreference> subscribers() override;
    bool compose(std::int64_t userId, std::int64_t seenThrough, const std::string& seenDigest,
                 std::int64_t through, const std::string& digestKey,
                 const std::optional<OutgoingMail>& mail) override;
    std::vector<OutgoingMail> due(std::int64_t now, std::size_t limit) override;
    bool claim(std::int64_t id, std::int64_t seenNextAttempt, std::int64_t leaseUntil) override;
    void sent(std::int64_t id, std::int64_t at) override;
    void failed(std::int64_t id, const std::string& error, std::optional<std::int64_t> retryAt) override;
    std::vector<OutgoingMail> messages(std::int64_t userId, std::size_t limit) override;
    MailBacklog backlog() override;
    std::vector<OutboxEntry> outbox(const OutboxQuery& query) override;
    std::optional<OutgoingMail> message(std::int64_t id) override;
    std::optional<OutgoingMail> retry(std::int64_t id, const std::string& recipient,
                                      const RecordEvent& event) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
