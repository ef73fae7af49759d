#include "SqlMailRepository.h"

#include "Errors.h"
#include "EventLog.h"

namespace lacuna {
namespace {

const std::string SELECT_PREFERENCE =
    R"(SELECT user_id, address, frequency, mailed_through, last_digest, updated_at, version FROM
 mail_preferences )";
const std::string NEWEST_NOTIFICATION = "SELECT COALESCE(MAX(id), 0) FROM notifications WHERE user_id = ?";
const std::string INSERT_PREFERENCE =
    R"(INSERT INTO mail_preferences (user_id, address, frequency, mailed_through, last_digest, updated_at,
 version) VALUES (?, ?, ?, ?, ?, ?, 1))";
const std::string UPDATE_PREFERENCE =
    R"(UPDATE mail_preferences SET address = ?, frequency = ?, mailed_through = CASE WHEN ? = 1 THEN ? ELSE
 mailed_through END, last_digest = CASE WHEN ? = 1 THEN ? ELSE last_digest END, updated_at = ?, version = version
 + 1 WHERE user_id = ? AND version = ?)";
const std::string MOVE_CURSOR =
    R"(UPDATE mail_preferences SET mailed_through = ?, last_digest = ? WHERE user_id = ? AND mailed_through
 = ? AND last_digest = ?)";
/// The outbox's columns as readMail reads them; without the bodies, empty texts in their place.
std::string mailColumns(bool bodies) {
    return std::string("SELECT id, user_id, digest_key, recipient, subject, ") +
           (bodies ? "body_text, body_html" : "'' AS body_text, '' AS body_html") +
           ", entries, state, attempts, next_attempt_at, sent_at, last_error, created_at, retries FROM mail_outbox ";
}
const std::string MAIL_COLUMNS = mailColumns(true);
const std::string INSERT_MAIL =
    R"(INSERT INTO mail_outbox (user_id, digest_key, recipient, subject, body_text, body_html, entries, state,
 attempts, next_attempt_at, sent_at, last_error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?,
 NULL, '', ?))";
const std::string WITHDRAW_MAIL =
    "UPDATE mail_outbox SET state = 'withdrawn' WHERE user_id = ? AND state = 'pending'";
const std::string CLAIM_MAIL =
    "UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ? AND state = 'pending' AND next_attempt_at = ?";
const std::string MARK_SENT =
    R"(UPDATE mail_outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = '' WHERE
 id = ?)";
const std::string MARK_FAILED =
    R"(UPDATE mail_outbox SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE
 id = ?)";
const std::string SELECT_BACKLOG =
    R"(SELECT state, COUNT(*), MIN(created_at) FROM mail_outbox WHERE state IN ('pending', 'failed') GROUP BY
 state)";

MailPreference readPreference(const SqlStatement& r) {
    return MailPreference{.userId = r.integer(0),
                          .address = r.text(1),
                          .frequency = r.text(2),
                          .mailedThrough = r.integer(3),
                          .lastDigest = r.text(4),
                          .updatedAt = r.integer(5),
                          .version = r.integer(6)};
}

OutgoingMail readMail(const SqlStatement& r) {
    return OutgoingMail{.id = r.integer(0),
                        .userId = r.integer(1),
                        .digestKey = r.text(2),
                        .recipient = r.text(3),
                        .subject = r.text(4),
                        .text = r.text(5),
                        .html = r.text(6),
                        .entries = r.integer(7),
                        .state = r.text(8),
                        .attempts = static_cast<int>(r.integer(9)),
                        .nextAttemptAt = r.integer(10),
                        .sentAt = r.optionalInteger(11),
                        .lastError = r.text(12),
                        .createdAt = r.integer(13),
                        .retries = r.integer(14)};
}

}  // namespace

void insertOutgoingMail(SqlSession& s, std::int64_t userId, const std::string& key,
                        const OutgoingMail& mail) {
    s.prepare(INSERT_MAIL)
        ->bindAll({userId, key, mail.recipient, mail.subject, mail.text, mail.html, mail.entries,
                   mail.nextAttemptAt, mail.createdAt})
        .run();
}

void withdrawPendingMail(SqlSession& s, std::int64_t userId) { s.prepare(WITHDRAW_MAIL)->bind(userId).run(); }

std::optional<MailPreference> SqlMailRepository::preference(std::int64_t userId) {
    return queryOne(_db, SELECT_PREFERENCE + "WHERE user_id = ?", {userId}, readPreference);
}

MailPreference SqlMailRepository::savePreference(const MailPreference& preference,
                                                 std::int64_t expectedVersion, bool startFromNow,
                                                 const RecordEvent& event) {
    MailPreference stored;
    _db.write([&](SqlSession& s) {
        const auto current =
            selectOne(s, SELECT_PREFERENCE + "WHERE user_id = ?", {preference.userId}, readPreference);
        const std::int64_t currentVersion = current ? current->version : 0;
        if (currentVersion != expectedVersion)
            throw staleVersion("mail preference", currentVersion, expectedVersion);
        stored = current.value_or(MailPreference{});
        const bool rhythmChanged = !current || current->frequency != preference.frequency;
        stored.userId = preference.userId;
        stored.address = preference.address;
        stored.frequency = preference.frequency;
        if (rhythmChanged) stored.lastDigest = preference.lastDigest;
        stored.updatedAt = preference.updatedAt;
        stored.version = currentVersion + 1;
        // From now on: what came before the choice was never asked for by e-mail.
        if (startFromNow) stored.mailedThrough = selectInteger(s, NEWEST_NOTIFICATION, {preference.userId});
        try {
            if (current)
                eventlog::updateVersioned(
                    s, UPDATE_PREFERENCE,
                    // the cursor only where this change moves it: a message composed meanwhile keeps its
                    // place
                    {stored.address, stored.frequency, std::int64_t{startFromNow}, stored.mailedThrough,
                     std::int64_t{rhythmChanged}, stored.lastDigest, stored.updatedAt, stored.userId,
                     expectedVersion},
                    {"mail_preferences", "mail preference", stored.userId, expectedVersion});
            else
                s.prepare(INSERT_PREFERENCE)
                    ->bindAll({stored.userId, stored.address, stored.frequency, stored.mailedThrough,
                               stored.lastDigest, stored.updatedAt})
                    .run();
        } catch (const AlreadyExists&) {  // another first choice came in between
            throw staleVersion("mail preference", 1, expectedVersion);
        }
        eventlog::appendRecordEvent(s, event, stored.userId, stored.version, "");
    });
    return stored;
}

std::vector<MailPreference> SqlMailRepository::subscribers() {
    return queryRows(_db, SELECT_PREFERENCE + "WHERE frequency <> 'none' ORDER BY user_id", {},
                     readPreference);
}

bool SqlMailRepository::compose(std::int64_t userId, std::int64_t seenThrough, const std::string& seenDigest,
                                std::int64_t through, const std::string& digestKey,
                                const std::optional<OutgoingMail>& mail) {
    bool moved = false;
    _db.write([&](SqlSession& s) {
        moved =
            s.prepare(MOVE_CURSOR)->bindAll({through, digestKey, userId, seenThrough, seenDigest}).run() == 1;
        if (moved && mail) insertOutgoingMail(s, userId, digestKey, *mail);
    });
    return moved;
}

std::vector<OutgoingMail> SqlMailRepository::due(std::int64_t now, std::size_t limit) {
    return queryRows(
        _db,
        MAIL_COLUMNS +
            "WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
        {now, static_cast<std::int64_t>(limit)}, readMail);
}

bool SqlMailRepository::claim(std::int64_t id, std::int64_t seenNextAttempt, std::int64_t leaseUntil) {
    return writeOne(_db, CLAIM_MAIL, {leaseUntil, id, seenNextAttempt}) == 1;
}

void SqlMailRepository::sent(std::int64_t id, std::int64_t at) { writeOne(_db, MARK_SENT, {at, id}); }

void SqlMailRepository::failed(std::int64_t id, const std::string& error,
                               std::optional<std::int64_t> retryAt) {
    writeOne(_db, MARK_FAILED, {std::string(retryAt ? "pending" : "failed"), retryAt.value_or(0), error, id});
}

std::vector<OutgoingMail> SqlMailRepository::messages(std::int64_t userId, std::size_t limit) {
    return queryRows(_db, MAIL_COLUMNS + "WHERE user_id = ? ORDER BY id DESC LIMIT ?",
                     {userId, static_cast<std::int64_t>(limit)}, readMail);
}

MailBacklog SqlMailRepository::backlog() { return queryBacklog(_db, SELECT_BACKLOG); }

std::vector<OutboxEntry> SqlMailRepository::outbox(const OutboxQuery& query) {
    std::vector<SqlParameter> params;
    std::string where;
    const auto also = [&](const std::string& condition, SqlParameter value) {
        where += (where.empty() ? "WHERE " : " AND ") + condition;
        params.push_back(std::move(value));
    };
    if (query.state) also("state = ?", *query.state);
    if (query.before) also("id < ?", *query.before);
    params.emplace_back(static_cast<std::int64_t>(query.limit));
    // The page is chosen on the outbox alone (its primary key, or (state, id)), then named.
    const std::string sql =
        "SELECT o.*, COALESCE(u.username, '') FROM (" + mailColumns(false) + where +
        " ORDER BY id DESC LIMIT ?) o LEFT JOIN users u ON u.id = o.user_id ORDER BY o.id DESC";
    return queryRows(_db, sql, params, [](const SqlStatement& r) {
        return OutboxEntry{readMail(r), r.text(15)};
    });
}

std::optional<OutgoingMail> SqlMailRepository::message(std::int64_t id) {
    return queryOne(_db, MAIL_COLUMNS + "WHERE id = ?", {id}, readMail);
}

std::optional<OutgoingMail> SqlMailRepository::retry(std::int64_t id, const std::string& recipient,
                                                     const RecordEvent& event) {
    std::optional<OutgoingMail> retried;
    _db.write([&](SqlSession& s) {
        if (eventlog::retryFailed(s, "mail_outbox", id, event, ", recipient = ?", {recipient}))
            retried = selectOne(s, MAIL_COLUMNS + "WHERE id = ?", {id}, readMail);
    });
    return retried;
}

}  // namespace lacuna
