#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "InboxService.h"
#include "OutgoingMail.h"
#include "QueueBacklog.h"

namespace lacuna {

namespace mail {
/// How a person hears of things: not by e-mail, at once, or in a daily or weekly digest.
inline constexpr std::array<std::string_view, 4> frequencies = {"none", "immediate", "daily", "weekly"};
/// A message's states in the outbox: waiting for an attempt, sent, given up after the last attempt, or
/// withdrawn (its account was disabled before it went).
inline constexpr std::array<std::string_view, 4> messageStates = {"pending", "sent", "failed", "withdrawn"};
template <std::size_t N>
bool oneOf(const std::array<std::string_view, N>& known, std::string_view value) {
    for (std::string_view k : known)
        if (value == k) return true;
    return false;
}
inline bool knownFrequency(std::string_view f) { return oneOf(frequencies, f); }
inline bool knownMessageState(std::string_view s) { return oneOf(messageStates, s); }
}  // namespace mail

/// A person's choice of e-mail, and how far the mail has gone: the last notification mailed (or passed
/// over) and the last digest composed.
struct MailPreference {
    std::int64_t userId = 0;
    std::string address;
    std::string frequency = "none";
    std::int64_t mailedThrough = 0;  ///< the last notification id a message has covered
    std::string lastDigest;          ///< the key of the last digest composed (see MailService)
    std::int64_t updatedAt = 0;
    std::int64_t version = 0;  ///< 0: never chosen
};

/// The outbox's state: messages waiting to be sent (the oldest by composition), and given up.
using MailBacklog = QueueBacklog;

/// One record in a digest: what happened to it since the last message, duplicates merged.
struct DigestEntry {
    std::string entityType;  ///< gap, ruling
    std::int64_t entityId = 0;
    std::string reference;
    std::string title;                 ///< the record's title now ("" when the notification alone names it)
    std::string state;                 ///< a gap's state now, as people read it
    std::vector<std::string> changes;  ///< distinct, oldest first
    std::int64_t count = 0;            ///< notifications merged into it
    std::int64_t lastAt = 0;
};

/// What one message tells one person: the records that changed, and (in a digest) what waits for them.
struct Digest {
    std::int64_t userId = 0;
    std::string username;
    std::string frequency;
    std::string key;
    std::int64_t at = 0;
    std::int64_t through = 0;  ///< the newest notification it covers
    std::vector<DigestEntry> entries;
    std::vector<InboxAction> actions;

    bool empty() const { return entries.empty() && actions.empty(); }
};

}  // namespace lacuna
