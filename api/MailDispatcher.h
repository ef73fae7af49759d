#pragma once

#include <Poco/Net/Context.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

#include "AccountNotices.h"
#include "AppConfig.h"
#include "Clock.h"
#include "MailRepository.h"
#include "MailService.h"
#include "Poller.h"

namespace lacuna {

/// The message a digest becomes: a Persian right-to-left HTML part and a plain-text part with the same
/// entries, each linking to its page under `baseUrl`.
OutgoingMail renderDigest(const Digest& digest, const std::string& baseUrl);
/// The message telling a person of a change to their password: when, by whom and from where, what became
/// of their sessions, and what to do if they did not make it.
OutgoingMail renderAccountNotice(const AccountNotice& notice, const std::string& baseUrl);

/// Composes the messages that are due and sends the mail outbox through SMTP in the background: every poll
/// it composes (MailService::composeDue), then takes the messages that are due (claiming each, so two
/// instances never send one at once), sends each, and on failure schedules a retry with exponential
/// backoff until max_attempts. The outbox lives in the store, so a restart loses nothing.
class MailDispatcher {
public:
    MailDispatcher(MailService& service, MailRepository& mail, const MailConfig& config, const Clock& clock);
    ~MailDispatcher();

    void start();
    void stop();
    /// One pass: composes what is due, then sends what is due; the number of send attempts made.
    int runOnce();
    std::uint64_t sentMessages() const { return _sent.load(std::memory_order_relaxed); }
    std::uint64_t failedAttempts() const { return _failed.load(std::memory_order_relaxed); }
    std::uint64_t composedMessages() const { return _composed.load(std::memory_order_relaxed); }

private:
    void attempt(const OutgoingMail& mail);
    void send(const OutgoingMail& mail);
    /// The TLS context of the STARTTLS sessions.
    const Poco::Net::Context::Ptr& tlsContext();

    MailService& _service;
    MailRepository& _mail;
    MailConfig _config;
    const Clock& _clock;
    Poller _poller;
    std::mutex _pass;  ///< one pass at a time within an instance (the loop, a test's runOnce)
    Poco::Net::Context::Ptr _tls;
    std::atomic<std::uint64_t> _sent{0};
    std::atomic<std::uint64_t> _failed{0};
    std::atomic<std::uint64_t> _composed{0};
};

}  // namespace lacuna
