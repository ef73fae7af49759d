#include "SqlLegislation.h"

#include <Poco/StringTokenizer.h>

#include <algorithm>

#include "Errors.h"
#include "EventLog.h"
#include "JalaliDate.h"
#include "ProvisionsJson.h"
#include "SearchIndex.h"
#include "SearchText.h"

namespace lacuna {
namespace {

using Statement = std::unique_ptr<SqlStatement>;

// ---------------------------------------------------------------- drafts

const std::string SELECT_DRAFT =
    "SELECT gap_id, version, body, rationale, provisions, author_id, author_name, created_at FROM drafts ";
const std::string SELECT_LATEST_DRAFT = "SELECT COALESCE(MAX(version), 0) FROM drafts WHERE gap_id = ?";
const std::string INSERT_DRAFT =
    "INSERT INTO drafts (gap_id, version, body, rationale, provisions, author_id, author_name, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
const std::string INSERT_DRAFT_PROVISION =
    "INSERT INTO draft_provisions (gap_id, version, position, provision_key) VALUES (?, ?, ?, ?)";
const std::string BUMP_GAP = "UPDATE gaps SET version = version + 1, updated_at = ? WHERE id = ?";
const std::string SELECT_GAP_VERSION = "SELECT version FROM gaps WHERE id = ?";

Draft readDraft(const SqlStatement& r) {
    Draft d;
    d.gapId = r.integer(0);
    d.version = r.integer(1);
    d.text = r.text(2);
    d.rationale = r.text(3);
    d.provisions = provisionsFromJson(r.text(4));
    d.authorId = r.integer(5);
    d.authorName = r.text(6);
    d.createdAt = r.integer(7);
    return d;
}

std::int64_t latestDraft(SqlSession& s, std::int64_t gapId) {
    auto select = s.prepare(SELECT_LATEST_DRAFT);
    select->bind(gapId);
    select->step();
    return select->integer(0);
}

// ---------------------------------------------------------------- record events

const std::string SELECT_RECORD_EVENTS =
    "SELECT id, entity_type, entity_id, sequence, at, actor_id, actor_name, client_address, type, "
    "from_state, "
    "to_state, transition, comment, data FROM record_events WHERE entity_type = ? AND entity_id = ? ORDER BY "
    "sequence";

// ---------------------------------------------------------------- meetings

const std::string SELECT_MEETING =
    "SELECT m.id, m.scheduled_at, m.place, m.state, m.version, m.created_by, u.username, m.created_at, "
    "m.updated_at FROM meetings m JOIN users u ON u.id = m.created_by ";
const std::string INSERT_MEETING =
    "INSERT INTO meetings (scheduled_at, place, state, version, created_by, created_at, updated_at) VALUES "
    "(?, "
    "?, ?, 1, ?, ?, ?)";
const std::string UPDATE_MEETING =
    "UPDATE meetings SET scheduled_at = ?, place = ?, state = ?, version = version + 1, updated_at = ? WHERE "
    "id "
    "= ? AND version = ?";
const std::string SELECT_ATTENDANCE =
    "SELECT municipality FROM meeting_attendance WHERE meeting_id = ? ORDER BY municipality";
const std::string SELECT_ITEMS =
    "SELECT i.gap_id, g.reference, g.title, g.municipality, i.decision, i.decided_at, i.decided_by, i.note "
    "FROM "
    "meeting_items i JOIN gaps g ON g.id = i.gap_id WHERE i.meeting_id = ? ORDER BY i.position";
const std::string SELECT_VOTES =
    "SELECT gap_id, municipality, vote, voter_id, voter_name, at FROM meeting_votes WHERE meeting_id = ? "
    "ORDER "
    "BY gap_id, municipality";
const std::string INSERT_ATTENDANCE =
    "INSERT INTO meeting_attendance (meeting_id, municipality) VALUES (?, ?)";
const std::string INSERT_ITEM =
    "INSERT INTO meeting_items (meeting_id, gap_id, position, decision, decided_at, decided_by, note) VALUES "
    "(?, "
    "?, ?, ?, ?, ?, ?)";
const std::string INSERT_VOTE =
    "INSERT INTO meeting_votes (meeting_id, gap_id, municipality, vote, voter_id, voter_name, at) VALUES (?, "
    "?, "
    "?, ?, ?, ?, ?)";

std::string meetingReference(std::int64_t id) { return "M-" + std::to_string(id); }

void loadMeetingParts(SqlSession& s, Meeting& m) {
    {
        auto select = s.prepare(SELECT_ATTENDANCE);
        select->bind(m.id);
        while (select->step()) m.present.push_back(select->text(0));
    }
    {
        auto select = s.prepare(SELECT_ITEMS);
        select->bind(m.id);
        while (select->step()) {
            MeetingItem item;
            item.gapId = select->integer(0);
            item.gapReference = select->text(1);
            item.gapTitle = select->text(2);
            item.gapMunicipality = select->text(3);
            item.decision = select->text(4);
            item.decidedAt = select->integer(5);
            item.decidedBy = select->text(6);
            item.note = select->text(7);
            m.items.push_back(std::move(item));
        }
    }
    auto select = s.prepare(SELECT_VOTES);
    select->bind(m.id);
    while (select->step()) {
        const std::int64_t gapId = select->integer(0);
        const auto item = std::find_if(m.items.begin(), m.items.end(),
                                       [&](const MeetingItem& i) { return i.gapId == gapId; });
        if (item == m.items.end()) continue;
        item->votes.push_back(MeetingVote{select->text(1), select->text(2), select->integer(3),
                                          select->text(4), select->integer(5)});
    }
}

Meeting readMeeting(const SqlStatement& r) {
    Meeting m;
    m.id = r.integer(0);
    m.scheduledAt = r.integer(1);
    m.place = r.text(2);
    m.state = r.text(3);
    m.version = r.integer(4);
    m.createdBy = r.integer(5);
    m.createdByName = r.text(6);
    m.createdAt = r.integer(7);
    m.updatedAt = r.integer(8);
    return m;
}

std::vector<Meeting> selectMeetings(SqlSession& s, const std::string& sql,
                                    const std::vector<SqlParameter>& params) {
    std::vector<Meeting> meetings = selectRows(s, sql, params, readMeeting);
    for (Meeting& m : meetings) loadMeetingParts(s, m);
    return meetings;
}

void writeMeetingParts(SqlSession& s, const Meeting& m) {
    for (const char* table : {"meeting_attendance", "meeting_items", "meeting_votes"})
        s.prepare(std::string("DELETE FROM ") + table + " WHERE meeting_id = ?")->bind(m.id).run();
    for (const std::string& city : m.present) s.prepare(INSERT_ATTENDANCE)->bind(m.id).bind(city).run();
    for (std::size_t i = 0; i < m.items.size(); ++i) {
        const MeetingItem& item = m.items[i];
        s.prepare(INSERT_ITEM)
            ->bind(m.id)
            .bind(item.gapId)
            .bind(static_cast<std::int64_t>(i))
            .bind(item.decision)
            .bind(item.decidedAt)
            .bind(item.decidedBy)
            .bind(item.note)
            .run();
        for (const MeetingVote& v : item.votes)
            s.prepare(INSERT_VOTE)
                ->bind(m.id)
                .bind(item.gapId)
                .bind(v.municipality)
                .bind(v.vote)
                .bind(v.voterId)
                .bind(v.voterName)
                .bind(v.at)
                .run();
    }
}

// ---------------------------------------------------------------- bills

const std::string SELECT_BILL =
    "SELECT b.id, b.reference, b.title, b.channel, b.registration_no, b.lead_commission, "
    "b.advisory_commissions, "
    "b.urgency, b.state, b.version, b.due_at, b.extensions, b.created_by, u.username, b.created_at, "
    "b.updated_at FROM bills b JOIN users u ON u.id = b.created_by ";
const std::string INSERT_BILL =
    "INSERT INTO bills (reference, title, channel, registration_no, lead_commission, advisory_commissions, "
    "urgency, state, version, due_at, extensions, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
    "?, "
    "?, ?, 1, ?, ?, ?, ?, ?)";
const std::string UPDATE_BILL =
    "UPDATE bills SET title = ?, registration_no = ?, lead_commission = ?, advisory_commissions = ?, urgency "
    "= "
    "?, state = ?, due_at = ?, extensions = ?, version = ?, updated_at = ? WHERE id = ? AND version = ?";
const std::string SELECT_BILL_GAPS =
    "SELECT g.id, g.reference, g.title, g.municipality FROM bill_gaps bg JOIN gaps g ON g.id = bg.gap_id "
    "WHERE "
    "bg.bill_id = ? ORDER BY bg.position";
const std::string SELECT_SPONSORS =
    "SELECT name, constituency, signed_at, withdrawn_at FROM bill_sponsors WHERE bill_id = ? ORDER BY "
    "position";
const std::string SELECT_OBJECTIONS =
    "SELECT number, article, type, body, response, resolved, raised_at, resolved_at FROM bill_objections "
    "WHERE "
    "bill_id = ? ORDER BY number";
const std::string SELECT_POSITIONS =
    "SELECT municipality, position, note, by_id, by_name, at FROM bill_positions WHERE bill_id = ? ORDER BY "
    "municipality";
const std::string INSERT_BILL_GAP = "INSERT INTO bill_gaps (bill_id, gap_id, position) VALUES (?, ?, ?)";
const std::string INSERT_SPONSOR =
    "INSERT INTO bill_sponsors (bill_id, position, name, constituency, signed_at, withdrawn_at) VALUES (?, "
    "?, ?, "
    "?, ?, ?)";
const std::string INSERT_OBJECTION =
    "INSERT INTO bill_objections (bill_id, number, article, type, body, response, resolved, raised_at, "
    "resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
const std::string INSERT_POSITION =
    "INSERT INTO bill_positions (bill_id, municipality, position, note, by_id, by_name, at) VALUES (?, ?, ?, "
    "?, "
    "?, ?, ?)";
const std::string SELECT_BILLS_OF_GAP = "SELECT bill_id FROM bill_gaps WHERE gap_id = ? ORDER BY bill_id";
const std::string SELECT_BILL_COUNTER = "SELECT last FROM bill_counters WHERE year = ?";

std::string nextBillCounterSql(SqlDialect dialect) {
    return dialect == SqlDialect::Mysql ? "INSERT INTO bill_counters (year, last) VALUES (?, 1) ON DUPLICATE "
                                          "KEY UPDATE last = last + 1"
                                        : "INSERT INTO bill_counters (year, last) VALUES (?, 1) ON CONFLICT "
                                          "(year) DO UPDATE SET last = "
                                          "last + 1";
}

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

/// Commission names, one per line (a name never holds a line break).
std::string joinLines(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : "\n") + v;
    return out;
}

std::vector<std::string> splitLines(const std::string& text) {
    const Poco::StringTokenizer lines(text, "\n", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    return {lines.begin(), lines.end()};
}

Bill readBill(const SqlStatement& r) {
    Bill b;
    b.id = r.integer(0);
    b.reference = r.text(1);
    b.title = r.text(2);
    b.channel = r.text(3);
    b.registrationNo = r.text(4);
    b.leadCommission = r.text(5);
    b.advisoryCommissions = splitLines(r.text(6));
    b.urgency = r.text(7);
    b.state = r.text(8);
    b.version = r.integer(9);
    b.dueAt = r.optionalInteger(10);
    b.extensions = static_cast<int>(r.integer(11));
    b.createdBy = r.integer(12);
    b.createdByName = r.text(13);
    b.createdAt = r.integer(14);
    b.updatedAt = r.integer(15);
    return b;
}

void loadBillParts(SqlSession& s, Bill& b) {
    {
        auto select = s.prepare(SELECT_BILL_GAPS);
        select->bind(b.id);
        while (select->step())
            b.gaps.push_back(BillGap{select->integer(0), select->text(1), select->text(2), select->text(3)});
    }
    {
        auto select = s.prepare(SELECT_SPONSORS);
        select->bind(b.id);
        while (select->step())
            b.sponsors.push_back(
                Sponsor{select->text(0), select->text(1), select->integer(2), select->optionalInteger(3)});
    }
    {
        auto select = s.prepare(SELECT_OBJECTIONS);
        select->bind(b.id);
        while (select->step())
            b.objections.push_back(Objection{select->integer(0), select->text(1), select->text(2),
                                             select->text(3), select->text(4), select->integer(5) != 0,
                                             select->integer(6), select->optionalInteger(7)});
    }
    auto select = s.prepare(SELECT_POSITIONS);
    select->bind(b.id);
    while (select->step())
        b.positions.push_back(BillPosition{select->text(0), select->text(1), select->text(2),
                                           select->integer(3), select->text(4), select->integer(5)});
}

void writeBillParts(SqlSession& s, const Bill& b, bool replace) {
    if (replace)
        for (const char* table : {"bill_sponsors", "bill_objections", "bill_positions"})
            s.prepare(std::string("DELETE FROM ") + table + " WHERE bill_id = ?")->bind(b.id).run();
    for (std::size_t i = 0; i < b.sponsors.size(); ++i) {
        const Sponsor& sp = b.sponsors[i];
        s.prepare(INSERT_SPONSOR)
            ->bind(b.id)
            .bind(static_cast<std::int64_t>(i))
            .bind(sp.name)
            .bind(sp.constituency)
            .bind(sp.signedAt)
            .bind(sp.withdrawnAt)
            .run();
    }
    for (const Objection& o : b.objections)
        s.prepare(INSERT_OBJECTION)
            ->bind(b.id)
            .bind(o.number)
            .bind(o.article)
            .bind(o.type)
            .bind(o.text)
            .bind(o.response)
            .bind(o.resolved)
            .bind(o.raisedAt)
            .bind(o.resolvedAt)
            .run();
    for (const BillPosition& p : b.positions)
        s.prepare(INSERT_POSITION)
            ->bind(b.id)
            .bind(p.municipality)
            .bind(p.position)
            .bind(p.note)
            .bind(p.byId)
            .bind(p.byName)
            .bind(p.at)
            .run();
}

std::vector<Bill> selectBills(SqlSession& s, const std::string& sql,
                              const std::vector<SqlParameter>& params) {
    std::vector<Bill> bills = selectRows(s, sql, params, readBill);
    for (Bill& b : bills) loadBillParts(s, b);
    return bills;
}

// ---------------------------------------------------------------- inbox

const std::string SELECT_DUE_GAPS =
    "SELECT id, reference, title, municipality, confidential, state, due_at FROM gaps WHERE due_at IS NOT "
    "NULL "
    "AND due_at <= ? ORDER BY due_at LIMIT ?";
const std::string SELECT_DUE_BILLS =
    "SELECT id, reference, title, '', 0, state, due_at FROM bills WHERE due_at IS NOT NULL AND due_at <= ? "
    "ORDER BY due_at LIMIT ?";
const std::string SELECT_NOTIFICATIONS =
    "SELECT id, user_id, at, entity_type, entity_id, reference, event_type, summary, read_at FROM "
    "notifications "
    "WHERE user_id = ? ";
const std::string MARK_ALL_READ =
    "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL";
const std::string MARK_ONE_READ =
    "UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL";
const std::string SELECT_WATCH = "SELECT 1 FROM gap_watchers WHERE gap_id = ? AND user_id = ?";
const std::string INSERT_WATCH = "INSERT INTO gap_watchers (gap_id, user_id) VALUES (?, ?)";
const std::string DELETE_WATCH = "DELETE FROM gap_watchers WHERE gap_id = ? AND user_id = ?";

void collectDue(SqlSession& s, const std::string& sql, const std::string& type, std::int64_t until,
                std::size_t limit, std::vector<DueItem>& out) {
    auto select = s.prepare(sql);
    select->bind(until).bind(static_cast<std::int64_t>(limit));
    while (select->step())
        out.push_back(DueItem{type, select->integer(0), select->text(1), select->text(2), select->text(3),
                              select->integer(4) != 0, select->text(5), select->integer(6)});
}

bool watching(SqlSession& s, std::int64_t gapId, std::int64_t userId) {
    auto select = s.prepare(SELECT_WATCH);
    select->bind(gapId).bind(userId);
    return select->step();
}

// ---------------------------------------------------------------- webhooks

const std::string SELECT_SUBSCRIPTION =
    "SELECT id, url, events, secret, active, created_by, created_at FROM webhook_subscriptions ";
const std::string INSERT_SUBSCRIPTION =
    "INSERT INTO webhook_subscriptions (url, events, secret, active, created_by, created_at) VALUES (?, ?, "
    "?, 1, "
    "?, ?)";
const std::string DEACTIVATE_SUBSCRIPTION =
    "UPDATE webhook_subscriptions SET active = 0 WHERE id = ? AND active = 1";
const std::string SELECT_DELIVERY =
    "SELECT d.id, d.subscription_id, d.outbox_id, o.event_type, o.payload, s.url, s.secret, d.state, "
    "d.attempts, d.next_attempt_at, d.delivered_at, d.last_status, d.last_error FROM webhook_deliveries d "
    "JOIN "
    "outbox o ON o.id = d.outbox_id JOIN webhook_subscriptions s ON s.id = d.subscription_id ";
const std::string CLAIM_DELIVERY =
    "UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id = ? AND state = 'pending' AND "
    "next_attempt_at = ?";
const std::string MARK_DELIVERED =
    "UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1, delivered_at = ?, "
    "last_status = "
    "?, last_error = '' WHERE id = ?";
const std::string MARK_FAILED =
    "UPDATE webhook_deliveries SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_status = ?, "
    "last_error = ? WHERE id = ?";

/// Event types as stored: space-separated with a space at each end, so LIKE '% type %' finds one.
std::string joinEvents(const std::vector<std::string>& events) {
    if (events.size() == 1 && events[0] == "*") return "*";
    std::string out = " ";
    for (const auto& e : events) out += e + " ";
    return out;
}

WebhookSubscription readSubscription(const SqlStatement& r) {
    WebhookSubscription w;
    w.id = r.integer(0);
    w.url = r.text(1);
    const std::string events = r.text(2);
    if (events == "*") {
        w.events = {"*"};
    } else {
        const Poco::StringTokenizer words(events, " ", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
        w.events.assign(words.begin(), words.end());
    }
    w.secret = r.text(3);
    w.active = r.integer(4) != 0;
    w.createdBy = r.integer(5);
    w.createdAt = r.integer(6);
    return w;
}

WebhookDelivery readDelivery(const SqlStatement& r) {
    WebhookDelivery d;
    d.id = r.integer(0);
    d.subscriptionId = r.integer(1);
    d.outboxId = r.integer(2);
    d.eventType = r.text(3);
    d.payload = r.text(4);
    d.url = r.text(5);
    d.secret = r.text(6);
    d.state = r.text(7);
    d.attempts = static_cast<int>(r.integer(8));
    d.nextAttemptAt = r.integer(9);
    d.deliveredAt = r.optionalInteger(10);
    d.lastStatus = static_cast<int>(r.integer(11));
    d.lastError = r.text(12);
    return d;
}

}  // namespace

// ---------------------------------------------------------------- drafts

Draft SqlDraftRepository::save(const Draft& draft, std::int64_t expectedLatest, const GapEvent& event) {
    Draft stored = draft;
    _db.write([&](SqlSession& s) {
        // Bump the gap first: its row lock serialises two authors saving at once on MySQL too.
        if (s.prepare(BUMP_GAP)->bind(draft.createdAt).bind(draft.gapId).run() != 1)
            throw NotFound("no gap " + std::to_string(draft.gapId));
        const std::int64_t latest = latestDraft(s, draft.gapId);
        if (latest != expectedLatest)
            throw VersionConflict("the latest draft is version " + std::to_string(latest) + ", not " +
                                  std::to_string(expectedLatest));
        stored.version = latest + 1;
        // The search index holds a gap's latest draft; the provision pages every version's provisions.
        std::string oldText, oldRationale;
        if (latest > 0) {
            auto previous = s.prepare(SELECT_DRAFT + "WHERE gap_id = ? AND version = ?");
            previous->bind(draft.gapId).bind(latest);
            if (previous->step()) oldText = previous->text(2), oldRationale = previous->text(3);
        }
        searchindex::reindex(s, "draft", draft.gapId, "", oldText + "\n" + oldRationale, "",
                             stored.text + "\n" + stored.rationale);
        for (std::size_t i = 0; i < stored.provisions.size(); ++i)
            s.prepare(INSERT_DRAFT_PROVISION)
                ->bind(stored.gapId)
                .bind(stored.version)
                .bind(static_cast<std::int64_t>(i))
                .bind(provisionKey(stored.provisions[i]))
                .run();
        s.prepare(INSERT_DRAFT)
            ->bind(stored.gapId)
            .bind(stored.version)
            .bind(stored.text)
            .bind(stored.rationale)
            .bind(provisionsJson(stored.provisions))
            .bind(stored.authorId)
            .bind(stored.authorName)
            .bind(stored.createdAt)
            .run();
        auto version = s.prepare(SELECT_GAP_VERSION);
        version->bind(draft.gapId);
        version->step();
        const std::int64_t sequence = version->integer(0);
        version.reset();
        GapEvent e = event;
        e.fieldsJson = "{\"draft_version\":" + std::to_string(stored.version) + "}";
        eventlog::appendGapEvent(s, draft.gapId, sequence, e);
    });
    return stored;
}

std::vector<Draft> SqlDraftRepository::list(std::int64_t gapId) {
    std::vector<Draft> drafts;
    _db.read([&](SqlSession& s) {
        auto select = s.prepare(SELECT_DRAFT + "WHERE gap_id = ? ORDER BY version");
        select->bind(gapId);
        while (select->step()) drafts.push_back(readDraft(*select));
    });
    return drafts;
}

std::optional<Draft> SqlDraftRepository::find(std::int64_t gapId, std::int64_t version) {
    std::optional<Draft> found;
    _db.read([&](SqlSession& s) {
        auto select = s.prepare(SELECT_DRAFT + "WHERE gap_id = ? AND version = ?");
        select->bind(gapId).bind(version);
        if (select->step()) found = readDraft(*select);
    });
    return found;
}

std::int64_t SqlDraftRepository::latestVersion(std::int64_t gapId) {
    std::int64_t latest = 0;
    _db.read([&](SqlSession& s) { latest = latestDraft(s, gapId); });
    return latest;
}

// ---------------------------------------------------------------- record events

std::vector<RecordEvent> SqlRecordEventRepository::history(const std::string& entityType, std::int64_t id) {
    std::vector<RecordEvent> events;
    _db.read([&](SqlSession& s) {
        auto select = s.prepare(SELECT_RECORD_EVENTS);
        select->bind(entityType).bind(id);
        while (select->step()) {
            RecordEvent e;
            e.id = select->integer(0);
            e.entityType = select->text(1);
            e.entityId = select->integer(2);
            e.sequence = select->integer(3);
            e.at = select->integer(4);
            e.actorId = select->integer(5);
            e.actorName = select->text(6);
            e.clientAddress = select->text(7);
            e.type = select->text(8);
            e.fromState = select->text(9);
            e.toState = select->text(10);
            e.transition = select->text(11);
            e.comment = select->text(12);
            e.dataJson = select->text(13);
            events.push_back(std::move(e));
        }
    });
    return events;
}

// ---------------------------------------------------------------- meetings

Meeting SqlMeetingRepository::create(const Meeting& meeting, const RecordEvent& event) {
    Meeting stored = meeting;
    _db.write([&](SqlSession& s) {
        s.prepare(INSERT_MEETING)
            ->bind(stored.scheduledAt)
            .bind(stored.place)
            .bind(stored.state)
            .bind(stored.createdBy)
            .bind(stored.createdAt)
            .bind(stored.updatedAt)
            .run();
        stored.id = s.lastInsertId();
        stored.version = 1;
        writeMeetingParts(s, stored);
        RecordEvent e = event;
        e.entityId = stored.id;
        e.sequence = 1;
        eventlog::appendRecordEvent(s, e, meetingReference(stored.id));
    });
    return stored;
}

std::optional<Meeting> SqlMeetingRepository::find(std::int64_t id) {
    std::optional<Meeting> found;
    _db.read([&](SqlSession& s) {
        auto meetings = selectMeetings(s, SELECT_MEETING + "WHERE m.id = ?", {id});
        if (!meetings.empty()) found = std::move(meetings.front());
    });
    return found;
}

std::vector<Meeting> SqlMeetingRepository::list(const std::optional<std::string>& state, std::size_t limit) {
    std::vector<Meeting> meetings;
    _db.read([&](SqlSession& s) {
        const auto size = static_cast<std::int64_t>(limit);
        if (state)
            meetings = selectMeetings(
                s, SELECT_MEETING + "WHERE m.state = ? ORDER BY m.scheduled_at DESC, m.id DESC LIMIT ?",
                {*state, size});
        else
            meetings =
                selectMeetings(s, SELECT_MEETING + "ORDER BY m.scheduled_at DESC, m.id DESC LIMIT ?", {size});
    });
    return meetings;
}

void SqlMeetingRepository::save(const Meeting& m, std::int64_t expectedVersion, const RecordEvent& event,
                                const std::vector<GapStateChange>& gapChanges) {
    _db.write([&](SqlSession& s) {
        const int changed = s.prepare(UPDATE_MEETING)
                                ->bind(m.scheduledAt)
                                .bind(m.place)
                                .bind(m.state)
                                .bind(m.updatedAt)
                                .bind(m.id)
                                .bind(expectedVersion)
                                .run();
        if (changed != 1) eventlog::failStaleUpdate(s, "meetings", "meeting", m.id, expectedVersion);
        writeMeetingParts(s, m);
        RecordEvent e = event;
        e.entityId = m.id;
        e.sequence = expectedVersion + 1;
        eventlog::appendRecordEvent(s, e, meetingReference(m.id));
        for (const GapStateChange& change : gapChanges) eventlog::applyGapChange(s, change);
    });
}

// ---------------------------------------------------------------- bills

Bill SqlBillRepository::create(const Bill& bill, int jalaliYear, const RecordEvent& event,
                               const std::vector<GapStateChange>& gapChanges) {
    Bill stored = bill;
    _db.write([&](SqlSession& s) {
        s.prepare(nextBillCounterSql(s.dialect()))->bind(std::int64_t{jalaliYear}).run();
        auto counter = s.prepare(SELECT_BILL_COUNTER);
        counter->bind(std::int64_t{jalaliYear});
        counter->step();
        const std::string sequence = std::to_string(counter->integer(0));
        counter.reset();
        stored.reference = "B-" + std::to_string(jalaliYear) + "-" +
                           std::string(sequence.size() < 4 ? 4 - sequence.size() : 0, '0') + sequence;
        stored.version = 1;
        s.prepare(INSERT_BILL)
            ->bind(stored.reference)
            .bind(stored.title)
            .bind(stored.channel)
            .bind(stored.registrationNo)
            .bind(stored.leadCommission)
            .bind(joinLines(stored.advisoryCommissions))
            .bind(stored.urgency)
            .bind(stored.state)
            .bind(stored.dueAt)
            .bind(stored.extensions)
            .bind(stored.createdBy)
            .bind(stored.createdAt)
            .bind(stored.updatedAt)
            .run();
        stored.id = s.lastInsertId();
        for (std::size_t i = 0; i < stored.gaps.size(); ++i)
            s.prepare(INSERT_BILL_GAP)
                ->bind(stored.id)
                .bind(stored.gaps[i].gapId)
                .bind(static_cast<std::int64_t>(i))
                .run();
        writeBillParts(s, stored, false);
        RecordEvent e = event;
        e.entityId = stored.id;
        e.sequence = 1;
        eventlog::appendRecordEvent(s, e, stored.reference);
        for (GapStateChange change : gapChanges) {
            replaceAll(change.event.fieldsJson, "{{bill}}", stored.reference);
            replaceAll(change.event.comment, "{{bill}}", stored.reference);
            eventlog::applyGapChange(s, change);
        }
    });
    return stored;
}

std::optional<Bill> SqlBillRepository::find(std::int64_t id) {
    std::optional<Bill> found;
    _db.read([&](SqlSession& s) {
        auto bills = selectBills(s, SELECT_BILL + "WHERE b.id = ?", {id});
        if (!bills.empty()) found = std::move(bills.front());
    });
    return found;
}

std::vector<Bill> SqlBillRepository::list(const std::optional<std::string>& state, std::size_t limit) {
    std::vector<Bill> bills;
    _db.read([&](SqlSession& s) {
        const auto size = static_cast<std::int64_t>(limit);
        if (state)
            bills = selectBills(
                s, SELECT_BILL + "WHERE b.state = ? ORDER BY b.created_at DESC, b.id DESC LIMIT ?",
                {*state, size});
        else
            bills = selectBills(s, SELECT_BILL + "ORDER BY b.created_at DESC, b.id DESC LIMIT ?", {size});
    });
    return bills;
}

std::vector<std::int64_t> SqlBillRepository::billsOfGap(std::int64_t gapId) {
    std::vector<std::int64_t> ids;
    _db.read([&](SqlSession& s) {
        auto select = s.prepare(SELECT_BILLS_OF_GAP);
        select->bind(gapId);
        while (select->step()) ids.push_back(select->integer(0));
    });
    return ids;
}

void SqlBillRepository::save(const Bill& b, std::int64_t expectedVersion,
                             const std::vector<RecordEvent>& events,
                             const std::vector<GapStateChange>& gapChanges) {
    _db.write([&](SqlSession& s) {
        const int changed = s.prepare(UPDATE_BILL)
                                ->bind(b.title)
                                .bind(b.registrationNo)
                                .bind(b.leadCommission)
                                .bind(joinLines(b.advisoryCommissions))
                                .bind(b.urgency)
                                .bind(b.state)
                                .bind(b.dueAt)
                                .bind(b.extensions)
                                .bind(expectedVersion + static_cast<std::int64_t>(events.size()))
                                .bind(b.updatedAt)
                                .bind(b.id)
                                .bind(expectedVersion)
                                .run();
        if (changed != 1) eventlog::failStaleUpdate(s, "bills", "bill", b.id, expectedVersion);
        writeBillParts(s, b, true);
        std::int64_t sequence = expectedVersion;
        for (RecordEvent e : events) {
            e.entityId = b.id;
            e.sequence = ++sequence;
            eventlog::appendRecordEvent(s, e, b.reference);
        }
        for (const GapStateChange& change : gapChanges) eventlog::applyGapChange(s, change);
    });
}

// ---------------------------------------------------------------- inbox

std::vector<DueItem> SqlInboxRepository::dueBefore(std::int64_t until, std::size_t limit) {
    std::vector<DueItem> items;
    _db.read([&](SqlSession& s) {
        collectDue(s, SELECT_DUE_GAPS, "gap", until, limit, items);
        collectDue(s, SELECT_DUE_BILLS, "bill", until, limit, items);
    });
    std::stable_sort(items.begin(), items.end(),
                     [](const DueItem& a, const DueItem& b) { return a.dueAt < b.dueAt; });
    if (items.size() > limit) items.resize(limit);
    return items;
}

std::vector<Notification> SqlInboxRepository::notifications(std::int64_t userId, bool unreadOnly,
                                                            std::size_t limit) {
    std::vector<Notification> out;
    _db.read([&](SqlSession& s) {
        auto select = s.prepare(SELECT_NOTIFICATIONS + (unreadOnly ? "AND read_at IS NULL " : "") +
                                "ORDER BY id DESC LIMIT ?");
        select->bind(userId).bind(static_cast<std::int64_t>(limit));
        while (select->step())
            out.push_back(Notification{select->integer(0), select->integer(1), select->integer(2),
                                       select->text(3), select->integer(4), select->text(5), select->text(6),
                                       select->text(7), select->optionalInteger(8)});
    });
    return out;
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
        const bool already = watching(s, gapId, userId);
        if (on && !already) s.prepare(INSERT_WATCH)->bind(gapId).bind(userId).run();
        if (!on && already) s.prepare(DELETE_WATCH)->bind(gapId).bind(userId).run();
    });
}

bool SqlInboxRepository::watches(std::int64_t gapId, std::int64_t userId) {
    bool found = false;
    _db.read([&](SqlSession& s) { found = watching(s, gapId, userId); });
    return found;
}

std::vector<DueItem> SqlInboxRepository::gapsInStates(const std::vector<std::string>& states,
                                                      const std::optional<std::string>& municipality,
                                                      std::size_t limit) {
    std::vector<DueItem> items;
    if (states.empty()) return items;
    std::string sql =
        "SELECT id, reference, title, municipality, confidential, state, COALESCE(due_at, 0) FROM gaps WHERE "
        "state "
        "IN (";
    for (std::size_t i = 0; i < states.size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
    if (municipality) sql += " AND municipality = ?";
    sql += " ORDER BY updated_at, id LIMIT ?";
    _db.read([&](SqlSession& s) {
        auto select = s.prepare(sql);
        for (const auto& state : states) select->bind(state);
        if (municipality) select->bind(*municipality);
        select->bind(static_cast<std::int64_t>(limit));
        while (select->step())
            items.push_back(DueItem{"gap", select->integer(0), select->text(1), select->text(2),
                                    select->text(3), select->integer(4) != 0, select->text(5),
                                    select->integer(6)});
    });
    return items;
}

// ---------------------------------------------------------------- webhooks

WebhookSubscription SqlWebhookRepository::create(const WebhookSubscription& subscription,
                                                 const RecordEvent& event) {
    WebhookSubscription stored = subscription;
    _db.write([&](SqlSession& s) {
        s.prepare(INSERT_SUBSCRIPTION)
            ->bind(stored.url)
            .bind(joinEvents(stored.events))
            .bind(stored.secret)
            .bind(stored.createdBy)
            .bind(stored.createdAt)
            .run();
        stored.id = s.lastInsertId();
        RecordEvent e = event;
        e.entityId = stored.id;
        e.sequence = 1;
        eventlog::appendRecordEvent(s, e, "W-" + std::to_string(stored.id));
    });
    return stored;
}

std::vector<WebhookSubscription> SqlWebhookRepository::list() {
    std::vector<WebhookSubscription> out;
    _db.read([&](SqlSession& s) {
        auto select = s.prepare(SELECT_SUBSCRIPTION + "ORDER BY id");
        while (select->step()) out.push_back(readSubscription(*select));
    });
    return out;
}

std::optional<WebhookSubscription> SqlWebhookRepository::find(std::int64_t id) {
    std::optional<WebhookSubscription> found;
    _db.read([&](SqlSession& s) {
        auto select = s.prepare(SELECT_SUBSCRIPTION + "WHERE id = ?");
        select->bind(id);
        if (select->step()) found = readSubscription(*select);
    });
    return found;
}

void SqlWebhookRepository::deactivate(std::int64_t id, const RecordEvent& event) {
    _db.write([&](SqlSession& s) {
        if (s.prepare(DEACTIVATE_SUBSCRIPTION)->bind(id).run() != 1)
            throw StateConflict("webhook subscription " + std::to_string(id) + " is not active");
        RecordEvent e = event;
        e.entityId = id;
        e.sequence = 2;
        eventlog::appendRecordEvent(s, e, "W-" + std::to_string(id));
    });
}

std::vector<WebhookDelivery> SqlWebhookRepository::due(std::int64_t now, std::size_t limit) {
    std::vector<WebhookDelivery> out;
    _db.read([&](SqlSession& s) {
        auto select =
            s.prepare(SELECT_DELIVERY +
                      "WHERE d.state = 'pending' AND d.next_attempt_at <= ? AND s.active = 1 ORDER BY "
                      "d.next_attempt_at, d.id LIMIT ?");
        select->bind(now).bind(static_cast<std::int64_t>(limit));
        while (select->step()) out.push_back(readDelivery(*select));
    });
    return out;
}

bool SqlWebhookRepository::claim(std::int64_t deliveryId, std::int64_t seenNextAttempt,
                                 std::int64_t leaseUntil) {
    int changed = 0;
    _db.write([&](SqlSession& s) {
        changed = s.prepare(CLAIM_DELIVERY)->bind(leaseUntil).bind(deliveryId).bind(seenNextAttempt).run();
    });
    return changed == 1;
}

void SqlWebhookRepository::delivered(std::int64_t deliveryId, int status, std::int64_t at) {
    _db.write(
        [&](SqlSession& s) { s.prepare(MARK_DELIVERED)->bind(at).bind(status).bind(deliveryId).run(); });
}

void SqlWebhookRepository::failed(std::int64_t deliveryId, int status, const std::string& error,
                                  std::optional<std::int64_t> retryAt) {
    _db.write([&](SqlSession& s) {
        s.prepare(MARK_FAILED)
            ->bind(retryAt ? "pending" : "failed")
            .bind(retryAt.value_or(0))
            .bind(status)
            .bind(error)
            .bind(deliveryId)
            .run();
    });
}

std::vector<WebhookDelivery> SqlWebhookRepository::deliveries(std::int64_t subscriptionId,
                                                              std::size_t limit) {
    std::vector<WebhookDelivery> out;
    _db.read([&](SqlSession& s) {
        auto select = s.prepare(SELECT_DELIVERY + "WHERE d.subscription_id = ? ORDER BY d.id DESC LIMIT ?");
        select->bind(subscriptionId).bind(static_cast<std::int64_t>(limit));
        while (select->step()) out.push_back(readDelivery(*select));
    });
    return out;
}

}  // namespace lacuna
