#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace lacuna {

/// One message in the outbox, from its composition to its delivery.
struct OutgoingMail {
    std::int64_t id = 0;
    std::int64_t userId = 0;
    /// Unique per person: a digest is composed once, whoever composes it; a notice of a change to the account
    /// is `account:<the account's version after it>`.
    std::string digestKey;
    std::string recipient;
    std::string subject;
    std::string text;
    std::string html;
    std::int64_t entries = 0;
    /// pending, sent, failed (given up), withdrawn (its account was disabled before it went)
    std::string state = "pending";
    int attempts = 0;
    std::int64_t nextAttemptAt = 0;
    std::optional<std::int64_t> sentAt;
    std::string lastError;
    std::int64_t createdAt = 0;
    /// How many times an admin put it back for another attempt after it was given up on.
    std::int64_t retries = 0;
};

/// A message of the outbox as an admin sees it: with the username of the person it is for.
struct OutboxEntry {
    OutgoingMail mail;
    std::string username;
};

/// Which messages of the outbox an admin reads: of one state (every state when none), older than the
/// message `before` (an id: the next page), newest first, at most `limit`.
struct OutboxQuery {
    std::optional<std::string> state;
    std::optional<std::int64_t> before;
    std::size_t limit = 50;
};

}  // namespace lacuna
