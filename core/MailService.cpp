#include "MailService.h"

#include <Poco/Logger.h>
#include <Poco/String.h>

#include <map>

#include "Errors.h"
#include "EventData.h"
#include "JalaliDate.h"
#include "JsonText.h"
#include "Roles.h"

namespace lacuna {
namespace {

constexpr std::int64_t HOUR_MS = 60LL * 60 * 1000;
constexpr std::int64_t DAY_MS = 24 * HOUR_MS;
constexpr std::int64_t WEEK_MS = 7 * DAY_MS;
constexpr std::size_t NOTIFICATIONS_PER_MESSAGE = 500;  // what is beyond goes in the next message
constexpr std::int64_t ACTIONS_WITHIN_MS = 7 * DAY_MS;  // a digest's «waiting for you»: due within a week
constexpr std::size_t MAX_ADDRESS = 254;                // RFC 5321's path limit, less the brackets

/// The start (UTC ms) of the Iranian day holding `at`.
std::int64_t startOfDayInIran(std::int64_t at) {
    const std::int64_t local = at + IRAN_OFFSET_MS;
    const std::int64_t day = local >= 0 ? local / DAY_MS : (local - DAY_MS + 1) / DAY_MS;
    return day * DAY_MS - IRAN_OFFSET_MS;
}

/// A notification's summary without the reference the entry already shows («G-…: …» → «…»).
std::string summaryText(const Notification& n) {
    const std::string prefix = n.reference + ": ";
    if (!n.reference.empty() && n.summary.starts_with(prefix)) return n.summary.substr(prefix.size());
    return n.summary;
}

/// What a person reads for one notification: a gap's move as its states' labels, a gap's other events as
/// their labels, anything else (a ruling's alert) in its own words.
std::string describe(const Notification& n, const Lifecycle& gapLifecycle) {
    const std::string text = summaryText(n);
    if (!n.eventType.starts_with("gap.")) return text;
    const std::string type = n.eventType.substr(4);
    if (type != "transition") return gapEventLabel(type);
    // «from → to (transition)», as the event log writes it
    const std::string arrow = " → ";
    const std::size_t at = text.find(arrow);
    const std::size_t paren = text.rfind(" (");
    if (at == std::string::npos || paren == std::string::npos || paren < at) return text;
    const auto label = [&](const std::string& state) {
        const LifecycleState* s = gapLifecycle.findState(state);
        return s ? s->labelFa : state;
    };
    return "از «" + label(text.substr(0, at)) + "» به «" +
           label(text.substr(at + arrow.size(), paren - at - arrow.size())) + "»";
}

}  // namespace

bool plausibleMailAddress(const std::string& address) {
    if (address.empty() || address.size() > MAX_ADDRESS) return false;
    const std::size_t at = address.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == address.size() || address.rfind('@') != at)
        return false;
    for (const char c : address)
        if (c <= ' ' || c >= 127 || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';' ||
            c == ':' || c == '\\' || c == '"' || c == '[' || c == ']')
            return false;
    const std::string domain = address.substr(at + 1);
    if (domain.front() == '.' || domain.back() == '.' || domain.find("..") != std::string::npos) return false;
    const std::string local = address.substr(0, at);
    return local.front() != '.' && local.back() != '.' && local.find("..") == std::string::npos;
}

MailService::MailService(MailRepository& mail, UserRepository& users, InboxRepository& notifications,
                         InboxService& inbox, GapService& gaps, MailSchedule schedule, const Clock& clock)
    : _mail(mail),
      _users(users),
      _notifications(notifications),
      _inbox(inbox),
      _gaps(gaps),
      _schedule(schedule),
      _clock(clock) {}

MailPreference MailService::preference(const Principal& actor) {
    if (auto stored = _mail.preference(actor.userId)) return *stored;
    MailPreference none;
    none.userId = actor.userId;
    return none;
}

MailPreference MailService::choose(const Principal& actor, const MailChoice& choice,
                                   std::int64_t expectedVersion) {
    FieldErrors errors;
    const std::string address = Poco::trim(choice.address);
    if (!mail::knownFrequency(choice.frequency))
        errors.add("frequency", "unknown", "one of none, immediate, daily, weekly");
    if (address.empty() && choice.frequency != "none")
        errors.add("address", "required", "an e-mail address is needed to hear by e-mail");
    else if (!address.empty() && !plausibleMailAddress(address))
        errors.add("address", "invalid", "one address such as name@example.ir, at most 254 characters");
    errors.throwIfAny("the e-mail preference is not valid", ValidationError::Kind::RuleViolation);

    const std::optional<MailPreference> before = _mail.preference(actor.userId);
    MailPreference next = before.value_or(MailPreference{});
    next.userId = actor.userId;
    next.address = address;
    next.frequency = choice.frequency;
    next.updatedAt = _clock.nowMs();
    RecordEvent event = recordEvent(actor, "mail_preference", actor.userId, "changed", "", next.updatedAt);
    // The address stays out of the audit data (which webhooks may carry); that it changed is kept.
    event.dataJson = "{\"frequency\":" + jsonString(next.frequency) +
                     ",\"address_changed\":" + (before && before->address == address ? "false" : "true") +
                     "}";
    const bool startFromNow = !before || before->frequency == "none";
    // A new rhythm starts at its next slot: the one under way counts as composed.
    if (!before || before->frequency != next.frequency) next.lastDigest = slotKey(next.frequency);
    return _mail.savePreference(next, expectedVersion, startFromNow, event);
}

std::vector<OutgoingMail> MailService::messages(const Principal& actor, std::size_t limit) {
    return _mail.messages(actor.userId, limit);
}

OutboxPage MailService::outbox(const Principal& actor, const OutboxQuery& query) {
    requireAdmin(actor, "reads the mail outbox");
    FieldErrors errors;
    if (query.state && !mail::knownMessageState(*query.state))
        errors.add("state", "unknown", "one of pending, sent, failed, withdrawn");
    if (query.limit < 1 || query.limit > OUTBOX_PAGE_MAX)
        errors.add("limit", "out_of_range", "from 1 to " + std::to_string(OUTBOX_PAGE_MAX));
    errors.throwIfAny("the outbox query is not valid");
    OutboxQuery oneMore = query;  // a page is followed by another only when one more message is there
    ++oneMore.limit;
    OutboxPage page{_mail.outbox(oneMore), std::nullopt};
    if (page.items.size() > query.limit) {
        page.items.resize(query.limit);
        page.next = page.items.back().mail.id;
    }
    return page;
}

MailBacklog MailService::backlog(const Principal& actor) {
    requireAdmin(actor, "reads the mail outbox");
    return _mail.backlog();
}

OutgoingMail MailService::message(const Principal& actor, std::int64_t id) {
    requireAdmin(actor, "reads the mail outbox");
    std::optional<OutgoingMail> message = _mail.message(id);
    if (!message) throw NotFound("no message " + std::to_string(id) + " in the outbox");
    return std::move(*message);
}

std::optional<std::string> MailService::retryRefusal(const OutgoingMail& message) {
    std::optional<MailPreference> preference;
    return retryRefusal(message, preference);
}

std::optional<std::string> MailService::retryRefusal(const OutgoingMail& message,
                                                     std::optional<MailPreference>& preference) {
    if (message.state != "failed") return std::string("not_failed");
    const std::optional<User> person = _users.findById(message.userId);
    if (!person || person->disabledAt) return std::string("account_disabled");  // mailed nothing
    preference = _mail.preference(message.userId);
    if (!preference || preference->address.empty()) return std::string("no_address");
    // A notice of a change to the account goes to whoever has an address; a digest only to one who still
    // asks for mail.
    if (!message.digestKey.starts_with("account:") && preference->frequency == "none")
        return std::string("no_mail");
    return std::nullopt;
}

OutgoingMail MailService::retry(const Principal& actor, std::int64_t id) {
    const OutgoingMail message = this->message(actor, id);
    const auto refused = [&](const std::string& why) {
        return StateConflict("message " + std::to_string(id) + " cannot be sent again: " + why);
    };
    std::optional<MailPreference> preference;
    if (const auto why = retryRefusal(message, preference)) {
        if (*why == "not_failed") throw refused("it is " + message.state + ", not failed");
        if (*why == "account_disabled") throw refused("its account is disabled");
        if (*why == "no_address") throw refused("its person has no e-mail address now");
        throw refused("its person no longer hears by e-mail");
    }
    const std::string address = preference->address;
    RecordEvent event = recordEvent(actor, "mail_message", id, "retried", "failed", _clock.nowMs());
    event.toState = "pending";
    // The address (and the server's answer, which may quote it) stays out of the audit data, which webhooks
    // may carry; that it changed is kept.
    event.dataJson = EventData()
                         .number("user", message.userId)
                         .number("attempts", message.attempts)
                         .flag("address_changed", address != message.recipient)
                         .str();
    const std::optional<OutgoingMail> retried = _mail.retry(id, address, event);
    if (!retried) throw refused("another change came first");  // another admin put it back meanwhile
    return *retried;
}

std::string MailService::slotKey(const std::string& frequency) const {
    const std::int64_t now = _clock.nowMs();
    const std::int64_t today = startOfDayInIran(now);
    std::int64_t slot = today + _schedule.digestHour * HOUR_MS;
    if (frequency == "daily") {
        if (now < slot) slot -= DAY_MS;
        return "daily:" + formatJalali(jalaliDateInIran(slot));
    }
    if (frequency == "weekly") {
        // Days since 1970-01-01 (a Thursday) in Iran; the Iranian week starts on Saturday.
        const std::int64_t day = (today + IRAN_OFFSET_MS) / DAY_MS;
        slot -= (day + 5) % 7 * DAY_MS;
        if (now < slot) slot -= WEEK_MS;
        return "weekly:" + formatJalali(jalaliDateInIran(slot));
    }
    return "";
}

std::string MailService::dueKey(const MailPreference& p, std::int64_t newest) const {
    if (p.frequency == "immediate")
        return newest > p.mailedThrough ? "immediate:" + std::to_string(newest) : "";
    const std::string key = slotKey(p.frequency);
    return key == p.lastDigest ? "" : key;
}

std::optional<Digest> MailService::digestDue(const MailPreference& p) {
    if (p.frequency == "none" || p.address.empty()) return std::nullopt;
    // A digest whose slot is composed already reads nothing (every poll asks, for every subscriber).
    if (p.frequency != "immediate" && slotKey(p.frequency) == p.lastDigest) return std::nullopt;
    const std::vector<Notification> news =
        _notifications.notificationsAfter(p.userId, p.mailedThrough, NOTIFICATIONS_PER_MESSAGE);
    const std::int64_t newest = news.empty() ? p.mailedThrough : news.back().id;
    const std::string key = dueKey(p, newest);
    if (key.empty()) return std::nullopt;
    const std::optional<User> user = _users.findById(p.userId);
    if (!user || user->disabledAt) return std::nullopt;  // a disabled account is mailed nothing
    const Principal person = principalOf(*user, "mail");

    Digest digest{.userId = p.userId,
                  .username = user->username,
                  .frequency = p.frequency,
                  .key = key,
                  .at = _clock.nowMs(),
                  .through = newest};
    // Under the visibility rule as it holds now: what the person may no longer know of is left out.
    digest.entries = entries(person, _inbox.knownNotifications(person, news));
    if (p.frequency != "immediate") digest.actions = _inbox.inbox(person, ACTIONS_WITHIN_MS, true).actions;
    return digest;
}

std::vector<DigestEntry> MailService::entries(const Principal& person,
                                              const std::vector<Notification>& notifications) {
    std::vector<DigestEntry> out;
    std::map<std::pair<std::string, std::int64_t>, std::size_t> at;
    for (const Notification& n : notifications) {
        auto [it, added] = at.try_emplace({n.entityType, n.entityId}, out.size());
        if (added)
            out.push_back({.entityType = n.entityType, .entityId = n.entityId, .reference = n.reference});
        DigestEntry& e = out[it->second];
        const std::string what = describe(n, _gaps.lifecycle());
        if (std::find(e.changes.begin(), e.changes.end(), what) == e.changes.end()) e.changes.push_back(what);
        ++e.count;
        e.lastAt = std::max(e.lastAt, n.at);
    }
    for (DigestEntry& e : out) {
        if (e.entityType != "gap") continue;
        try {
            const Gap gap = _gaps.load(person, e.entityId);
            e.title = gap.fields.title;
            const LifecycleState* state = _gaps.lifecycle().findState(gap.state);
            e.state = state ? state->labelFa : gap.state;
            e.reference = gap.reference;
        } catch (const DomainError&) {
            // gone (merged away, say): the notification's own words stand
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const DigestEntry& a, const DigestEntry& b) { return a.lastAt > b.lastAt; });
    return out;
}

int MailService::composeDue(const DigestRenderer& render) {
    int composed = 0;
    for (const MailPreference& p : _mail.subscribers()) {
        try {
            const std::optional<Digest> digest = digestDue(p);
            if (!digest) continue;
            std::optional<OutgoingMail> message;
            if (!digest->empty()) {
                message = render(*digest);
                message->userId = p.userId;
                message->digestKey = digest->key;
                message->recipient = p.address;
                message->entries = static_cast<std::int64_t>(digest->entries.size() + digest->actions.size());
                message->state = "pending";
                message->nextAttemptAt = digest->at;
                message->createdAt = digest->at;
            }
            if (_mail.compose(p.userId, p.mailedThrough, p.lastDigest, digest->through, digest->key,
                              message) &&
                message)
                ++composed;
        } catch (const std::exception& e) {
            // One person's failure (a store hiccup) must not hold back everyone else's mail.
            Poco::Logger::get("lacuna").warning("composing the mail of user " + std::to_string(p.userId) +
                                                " failed: " + e.what());
        }
    }
    return composed;
}

}  // namespace lacuna
