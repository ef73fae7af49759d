#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Mail.h"
#include "RecordEvent.h"

namespace lacuna {

/// E-mail preferences and the mail outbox.
class MailRepository {
public:
    virtual ~MailRepository() = default;
    virtual std::optional<MailPreference> preference(std::int64_t userId) = 0;
    /// Stores the choice (address, frequency, the digest slot it starts after) at version `expectedVersion +
    /// 1` (0: none stored yet; VersionConflict when another change came first), with `event`. A person who
    /// starts hearing by e-mail is mailed only what comes next: `mailedThrough` moves to their newest
    /// notification.
    virtual MailPreference savePreference(const MailPreference& preference, std::int64_t expectedVersion,
                                          bool startFromNow, const RecordEvent& event) = 0;
    /// Everyone who hears by e-mail, by user id.
    virtual std::vector<MailPreference> subscribers() = 0;
    /// Moves the person's cursor from (`seenThrough`, `seenDigest`) to the digest's and, when `mail` is
    /// set, puts it in the outbox — both or neither. False when another instance moved it first.
    virtual bool compose(std::int64_t userId, std::int64_t seenThrough, const std::string& seenDigest,
                         std::int64_t through, const std::string& digestKey,
                         const std::optional<OutgoingMail>& mail) = 0;
    /// Pending messages due at `now`, oldest first.
    virtual std::vector<OutgoingMail> due(std::int64_t now, std::size_t limit) = 0;
    /// Takes a message for one attempt if it is still due at `seenNextAttempt`; true when this caller has it.
    virtual bool claim(std::int64_t id, std::int64_t seenNextAttempt, std::int64_t leaseUntil) = 0;
    virtual void sent(std::int64_t id, std::int64_t at) = 0;
    /// Records a failed attempt; `retryAt` empty: give up (state failed).
    virtual void failed(std::int64_t id, const std::string& error, std::optional<std::int64_t> retryAt) = 0;
    /// The person's newest messages.
    virtual std::vector<OutgoingMail> messages(std::int64_t userId, std::size_t limit) = 0;
    virtual MailBacklog backlog() = 0;
    /// The outbox as `query` asks, newest first, each message with its person's username.
    virtual std::vector<OutboxEntry> outbox(const OutboxQuery& query) = 0;
    virtual std::optional<OutgoingMail> message(std::int64_t id) = 0;
    /// Puts message `id`, given up on (state failed), back for one more attempt at `event.at`, to
    /// `recipient`, with `event` (its sequence: the message's retries after it) in the same transaction.
    /// None, and nothing changed, when the message is not in state failed.
    virtual std::optional<OutgoingMail> retry(std::int64_t id, const std::string& recipient,
                                              const RecordEvent& event) = 0;
};

}  // namespace lacuna
