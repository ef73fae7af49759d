#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "Clock.h"
#include "GapService.h"
#include "InboxService.h"
#include "Mail.h"
#include "MailRepository.h"
#include "UserRepository.h"

namespace lacuna {

/// When digests are composed: each day (and for a weekly one, each Saturday) from this hour in Iran.
struct MailSchedule {
    int digestHour = 7;
};

/// What a person asks for.
struct MailChoice {
    std::string address;
    std::string frequency;
};

/// A page of the outbox, and where the next one starts (its `before`) when there is one.
struct OutboxPage {
    std::vector<OutboxEntry> items;
    std::optional<std::int64_t> next;
};

/// Turns a digest into the message's words: its subject and both parts.
using DigestRenderer = std::function<OutgoingMail(const Digest& digest)>;

/// How each person hears of things by e-mail, and the composition of their messages: what happened to the
/// records they watch (notifications, under the visibility rule as they read it now, duplicates merged per
/// record) and, in a digest, what waits for them. Composition moves the person's cursor and fills the
/// outbox in one transaction, so a message is composed once whichever instance does it.
class MailService {
public:
    MailService(MailRepository& mail, UserRepository& users, InboxRepository& notifications,
                InboxService& inbox, GapService& gaps, MailSchedule schedule, const Clock& clock);

    /// The caller's choice (frequency none, version 0, when never made).
    MailPreference preference(const Principal& actor);
    /// Stores the caller's choice at `expectedVersion` (0 for a first choice); ValidationError naming the
    /// field.
    MailPreference choose(const Principal& actor, const MailChoice& choice, std::int64_t expectedVersion);
    /// The caller's newest messages.
    std::vector<OutgoingMail> messages(const Principal& actor, std::size_t limit = 20);

    /// At most this many messages on one page of the outbox.
    static constexpr std::size_t OUTBOX_PAGE_MAX = 100;
    /// The whole outbox, newest first, for an admin (Forbidden otherwise); ValidationError naming `state`
    /// or `limit` (1 to OUTBOX_PAGE_MAX).
    OutboxPage outbox(const Principal& actor, const OutboxQuery& query);
    /// One message of the outbox, its texts too, for an admin (Forbidden otherwise); NotFound.
    OutgoingMail message(const Principal& actor, std::int64_t id);
    /// How many messages wait and how many were given up on (admins).
    MailBacklog backlog(const Principal& actor);
    /// An admin puts a message given up on back for one more attempt, now, to its person's address as it
    /// is now (they may have corrected it), with the audit event `mail_message.retried`. NotFound;
    /// StateConflict when the message is not in state failed, its account is disabled, or its person has no
    /// address now (or, for a digest, no longer hears by e-mail).
    OutgoingMail retry(const Principal& actor, std::int64_t id);
    /// Why `message` cannot be put back now, none when it can: not_failed, account_disabled, no_address
    /// (its person has none now), no_mail (a digest for one who no longer hears by e-mail).
    std::optional<std::string> retryRefusal(const OutgoingMail& message);

    /// Composes every message that is due now; the number put in the outbox.
    int composeDue(const DigestRenderer& render);
    /// The digest `preference` would get now; none when nothing is due.
    std::optional<Digest> digestDue(const MailPreference& preference);

private:
    /// The key of the digest slot under way now for `frequency` ("" for none or immediate): `daily:<Jalali
    /// day>` from the digest hour, `weekly:<Jalali Saturday>` from Saturday's digest hour.
    std::string slotKey(const std::string& frequency) const;
    /// retryRefusal, also giving the person's preference as read (when the check came that far).
    std::optional<std::string> retryRefusal(const OutgoingMail& message,
                                            std::optional<MailPreference>& preference);
    /// The key of the message due now, "" when none is: a digest's slot not yet composed, or for immediate
    /// mail `immediate:<newest notification>` when there is anything new.
    std::string dueKey(const MailPreference& preference, std::int64_t newest) const;
    std::vector<DigestEntry> entries(const Principal& person, const std::vector<Notification>& notifications);

    MailRepository& _mail;
    UserRepository& _users;
    InboxRepository& _notifications;
    InboxService& _inbox;
    GapService& _gaps;
    MailSchedule _schedule;
    const Clock& _clock;
};

/// Whether `address` is one mailbox a server accepts: local@domain, printable ASCII, no spaces, no dots at
/// either end of a part or twice in a row.
bool plausibleMailAddress(const std::string& address);

}  // namespace lacuna
