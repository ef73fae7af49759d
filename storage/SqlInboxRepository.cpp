#include "SqlInboxRepository.h"

#include <algorithm>

#include "GapRows.h"

namespace lacuna {
namespace {

/// Whether a listed gap has a saved draft: what `has_draft` asks, read with the row (drafts are
/// keyed by gap first).
const std::string HAS_DRAFT = "EXISTS (SELECT 1 FROM drafts d WHERE d.gap_id = g.id)";
const std::string SELECT_DUE_GAPS =
    "SELECT 'gap', g.id, g.reference, g.title, g.state, g.due_at, " + gaprows::AUDIENCE_COLUMNS + ", " +
    HAS_DRAFT + " FROM gaps g WHERE g.due_at IS NOT NULL AND g.due_at <= ? ORDER BY g.due_at LIMIT ?";
const std::string SELECT_DUE_BILLS = R"(SELECT 'bill', id, reference, title, state, due_at, 0, '', '', 0
 FROM bills WHERE due_at IS NOT NULL AND due_at <= ? ORDER BY due_at LIMIT ?)";
const std::string SELECT_NOTIFICATIONS =
    R"(SELECT id, user_id, at, entity_type, entity_id, reference, event_type,
 summary, read_at FROM notifications WHERE user_id = ? )";
const std::string MARK_ALL_READ =
    "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL";
const std::string MARK_ONE_READ =
    "UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL";
const std::string SELECT_WATCH = "SELECT COUNT(*) FROM gap_watchers WHERE gap_id = ? AND user_id = ?";
const std::string INSERT_WATCH = "INSERT INTO gap_watchers (gap_id, user_id) VALUES (?, ?)";
const std::string DELETE_WATCH = "DELETE FROM gap_watchers WHERE gap_id = ? AND user_id = ?";

/// A row of SELECT_DUE_GAPS or SELECT_DUE_BILLS.
DueItem readDue(const SqlStatement& r) {
    return DueItem{.entityType = r.text(0),
                   .id = r.integer(1),
                   .reference = r.text(2),
                   .title = r.text(3),
                   .audience = gaprows::readAudience(r, 6),
                   .state = r.text(4),
                   .dueAt = r.integer(5),
                   .hasDraft = r.integer(9) != 0};
}

Notification readNotification(const SqlStatement& r) {
    return Notification{.id = r.integer(0),
                        .userId = r.integer(1),
                        .at = r.integer(2),
                        .entityType = r.text(3),
                        .entityId = r.integer(4),
                        .reference = r.text(5),
                        .eventType = r.text(6),
                        .summary = r.text(7),
                        .readAt = r.optionalInteger(8)};
}

}  // namespace

std::vector<DueItem> SqlInboxRepository::dueBefore(std::int64_t until, std::size_t limit) {
    std::vector<DueItem> items;
    const auto size = static_cast<std::int64_t>(limit);
    _db.read([&](SqlSession& s) {
        items = selectRows(s, SELECT_DUE_GAPS, {until, size}, readDue);
        for (DueItem& bill : selectRows(s, SELECT_DUE_BILLS, {until, size}, readDue))
            items.push_back(std::move(bill));
    });
    std::stable_sort(items.begin(), items.end(),
                     [](const DueItem& a, const DueItem& b) { return a.dueAt < b.dueAt; });
    if (items.size() > limit) items.resize(limit);
    return items;
}

std::vector<Notification> SqlInboxRepository::notifications(std::int64_t userId, bool unreadOnly,
                                                            std::size_t limit) {
    return queryRows(
        _db, SELECT_NOTIFICATIONS + (unreadOnly ? "AND read_at IS NULL " : "") + "ORDER BY id DESC LIMIT ?",
        {userId, static_cast<std::int64_t>(limit)}, readNotification);
}

std::vector<Notification> SqlInboxRepository::notificationsAfter(std::int64_t userId, std::int64_t afterId,
                                                                 std::size_t limit) {
    return queryRows(_db, SELECT_NOTIFICATIONS + "AND id > ? ORDER BY id LIMIT ?",
                     {userId, afterId, static_cast<std::int64_t>(limit)}, readNotification);
}

int SqlInboxRepository::markRead(std::int64_t userId, const std::vector<std::int64_t>& ids, std::int64_t at) {
    int changed = 0;
    _db.write([&](SqlSession& s) {
        changed = 0;
        if (ids.empty()) {
            changed = s.prepare(MARK_ALL_READ)->bind(at).bind(userId).run();
            return;
        }
        for (std::int64_t id : ids) changed += s.prepare(MARK_ONE_READ)->bind(at).bind(userId).bind(id).run();
    });
    return changed;
}

void SqlInboxRepository::watch(std::int64_t gapId, std::int64_t userId, bool on) {
    _db.write([&](SqlSession& s) {
        const bool already = selectInteger(s, SELECT_WATCH, {gapId, userId}) > 0;
        if (on && !already) s.prepare(INSERT_WATCH)->bind(gapId).bind(userId).run();
        if (!on && already) s.prepare(DELETE_WATCH)->bind(gapId).bind(userId).run();
    });
}

bool SqlInboxRepository::watches(std::int64_t gapId, std::int64_t userId) {
    std::int64_t count = 0;
    _db.query([&](SqlSession& s) { count = selectInteger(s, SELECT_WATCH, {gapId, userId}); });
    return count > 0;
}

std::vector<DueItem> SqlInboxRepository::gapsInStates(const std::vector<std::string>& states,
                                                      const std::optional<std::string>& municipality,
                                                      std::size_t limit) {
    if (states.empty()) return {};
    std::vector<SqlParameter> params(states.begin(), states.end());
    std::string sql = "SELECT 'gap', g.id, g.reference, g.title, g.state, COALESCE(g.due_at, 0), " +
                      gaprows::AUDIENCE_COLUMNS + ", " + HAS_DRAFT + " FROM gaps g WHERE g.state IN (" +
                      placeholders(states.size()) + ")";
    if (municipality) sql += " AND g.municipality = ?", params.emplace_back(*municipality);
    sql += " ORDER BY g.updated_at, g.id LIMIT ?";
    params.emplace_back(static_cast<std::int64_t>(limit));
    return queryRows(_db, sql, params, readDue);
}

}  // namespace lacuna
