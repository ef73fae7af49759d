#include "SqlMeetingRepository.h"

#include <algorithm>

#include "EventLog.h"
#include "GapRows.h"
#include "Reference.h"

namespace lacuna {
namespace {

const std::string MEETING_COLUMNS = R"(SELECT m.id, m.scheduled_at, m.place, m.state, m.version, m.created_by,
 u.username, m.created_at, m.updated_at)";
// LEFT JOIN: the meetings stay the outer loop (see gaprows::JOIN_CREATOR).
const std::string FROM_MEETINGS = " FROM meetings m LEFT JOIN users u ON u.id = m.created_by ";
const std::string SELECT_MEETING = MEETING_COLUMNS + FROM_MEETINGS;
// A meeting with the sizes of its parts (agenda, decided items, cities present) after its own columns.
const std::string SELECT_SUMMARY = MEETING_COLUMNS + R"(,
 (SELECT COUNT(*) FROM meeting_items i WHERE i.meeting_id = m.id),
 (SELECT COUNT(*) FROM meeting_items i WHERE i.meeting_id = m.id AND i.decision <> ''),
 (SELECT COUNT(*) FROM meeting_attendance a WHERE a.meeting_id = m.id))" +
                                   FROM_MEETINGS;
const std::string INSERT_MEETING = R"(INSERT INTO meetings (scheduled_at, place, state, version, created_by,
 created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, ?))";
const std::string UPDATE_MEETING = R"(UPDATE meetings SET scheduled_at = ?, place = ?, state = ?,
 version = version + 1, updated_at = ? WHERE id = ? AND version = ?)";
// The parts of the meetings a list names, read for all of them at once (`IN (…)` follows), the meeting's
// id last.
const std::string SELECT_ATTENDANCE =
    "SELECT municipality, meeting_id FROM meeting_attendance WHERE meeting_id IN ";
const std::string SELECT_ITEMS =
    R"(SELECT i.gap_id, g.reference, g.title, i.decision, i.decided_at, i.decided_by,
 i.note, )" +
    gaprows::AUDIENCE_COLUMNS + R"(, i.meeting_id FROM meeting_items i JOIN gaps g ON g.id = i.gap_id
 WHERE i.meeting_id IN )";
constexpr int ITEM_MEETING_COLUMN = 10;
const std::string SELECT_VOTES = R"(SELECT gap_id, municipality, vote, voter_id, voter_name, at, meeting_id
 FROM meeting_votes WHERE meeting_id IN )";
constexpr int VOTE_MEETING_COLUMN = 6;
const std::string INSERT_ATTENDANCE =
    "INSERT INTO meeting_attendance (meeting_id, municipality) VALUES (?, ?)";
const std::string INSERT_ITEM =
    R"(INSERT INTO meeting_items (meeting_id, gap_id, position, decision, decided_at,
 decided_by, note) VALUES (?, ?, ?, ?, ?, ?, ?))";
const std::string INSERT_VOTE =
    R"(INSERT INTO meeting_votes (meeting_id, gap_id, municipality, vote, voter_id,
 voter_name, at) VALUES (?, ?, ?, ?, ?, ?, ?))";

const std::string SELECT_CONSULTATIONS = R"(SELECT closes_at, opened_at, opened_by, built_at, built_by,
 last_number, meeting_id FROM agenda_consultations WHERE meeting_id IN )";
constexpr int CONSULTATION_MEETING_COLUMN = 6;
// A gap proposed is read with who may know it (LEFT JOIN: other proposals name no gap).
const std::string SELECT_PROPOSALS = R"(SELECT p.number, p.kind, p.target_id, p.target_reference, p.title,
 p.note, p.municipality, p.proposed_by, p.proposed_by_name, p.proposed_at, p.adopted_position,
 COALESCE(g.confidential, 0), COALESCE(g.municipality, ''), COALESCE(g.co_reporters, ''), p.meeting_id
 FROM agenda_proposals p LEFT JOIN gaps g ON p.kind = 'gap' AND g.id = p.target_id WHERE p.meeting_id IN )";
constexpr int PROPOSAL_MEETING_COLUMN = 14;
const std::string SELECT_RANKS =
    "SELECT number, municipality, position, at, meeting_id FROM agenda_ranks WHERE meeting_id IN ";
constexpr int RANK_MEETING_COLUMN = 4;
const std::string INSERT_CONSULTATION = R"(INSERT INTO agenda_consultations (meeting_id, closes_at, opened_at,
 opened_by, built_at, built_by, last_number) VALUES (?, ?, ?, ?, ?, ?, ?))";
const std::string INSERT_PROPOSAL = R"(INSERT INTO agenda_proposals (meeting_id, number, kind, target_id,
 target_reference, title, note, municipality, proposed_by, proposed_by_name, proposed_at, adopted_position)
 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))";
const std::string INSERT_RANK =
    "INSERT INTO agenda_ranks (meeting_id, number, municipality, position, at) VALUES (?, ?, ?, ?, ?)";

Meeting readMeeting(const SqlStatement& r) {
    return Meeting{.id = r.integer(0),
                   .scheduledAt = r.integer(1),
                   .place = r.text(2),
                   .state = r.text(3),
                   .version = r.integer(4),
                   .createdBy = r.integer(5),
                   .createdByName = r.text(6),
                   .createdAt = r.integer(7),
                   .updatedAt = r.integer(8)};
}

MeetingItem readItem(const SqlStatement& r) {
    return MeetingItem{.gapId = r.integer(0),
                       .gapReference = r.text(1),
                       .gapTitle = r.text(2),
                       .gapAudience = gaprows::readAudience(r, 7),
                       .decision = r.text(3),
                       .decidedAt = r.integer(4),
                       .decidedBy = r.text(5),
                       .note = r.text(6)};
}

/// A vote with the agenda item (gap) it was cast on.
std::pair<std::int64_t, MeetingVote> readVote(const SqlStatement& r) {
    return {r.integer(0), MeetingVote{r.text(1), r.text(2), r.integer(3), r.text(4), r.integer(5)}};
}

AgendaConsultation readConsultation(const SqlStatement& r) {
    return AgendaConsultation{.closesAt = r.integer(0),
                              .openedAt = r.integer(1),
                              .openedBy = r.text(2),
                              .builtAt = r.integer(3),
                              .builtBy = r.text(4),
                              .lastNumber = r.integer(5)};
}

AgendaProposal readProposal(const SqlStatement& r) {
    return AgendaProposal{.number = r.integer(0),
                          .kind = r.text(1),
                          .targetId = r.integer(2),
                          .targetReference = r.text(3),
                          .title = r.text(4),
                          .note = r.text(5),
                          .gapAudience = gaprows::readAudience(r, 11),
                          .municipality = r.text(6),
                          .proposedBy = r.integer(7),
                          .proposedByName = r.text(8),
                          .proposedAt = r.integer(9),
                          .adoptedPosition = r.integer(10)};
}

/// A city's place with the proposal (its number) it was given for.
std::pair<std::int64_t, ProposalRank> readRank(const SqlStatement& r) {
    return {r.integer(0), ProposalRank{r.text(1), r.integer(2), r.integer(3)}};
}

/// Reads the consultations on the agendas of `meetings`, their proposals and rankings (three statements).
void loadConsultations(SqlSession& s, std::vector<Meeting>& meetings) {
    selectParts(s, meetings, SELECT_CONSULTATIONS, "ORDER BY meeting_id", CONSULTATION_MEETING_COLUMN,
                readConsultation, [](Meeting& m, AgendaConsultation c) { m.consultation = std::move(c); });
    selectParts(s, meetings, SELECT_PROPOSALS, "ORDER BY p.meeting_id, p.number", PROPOSAL_MEETING_COLUMN,
                readProposal, [](Meeting& m, AgendaProposal p) {
                    if (m.consultation) m.consultation->proposals.push_back(std::move(p));
                });
    selectParts(s, meetings, SELECT_RANKS, "ORDER BY meeting_id, number, municipality", RANK_MEETING_COLUMN,
                readRank, [](Meeting& m, std::pair<std::int64_t, ProposalRank> rank) {
                    if (!m.consultation) return;
                    auto& all = m.consultation->proposals;
                    const auto p = std::find_if(all.begin(), all.end(), [&](const AgendaProposal& q) {
                        return q.number == rank.first;
                    });
                    if (p != all.end()) p->ranks.push_back(std::move(rank.second));
                });
}

/// Reads the attendance, agenda and votes of `meetings` in three statements, whatever their number, then
/// the consultations on their agendas.
void loadMeetingParts(SqlSession& s, std::vector<Meeting>& meetings) {
    selectParts(
        s, meetings, SELECT_ATTENDANCE, "ORDER BY meeting_id, municipality", 1,
        [](const SqlStatement& r) { return r.text(0); },
        [](Meeting& m, std::string city) { m.present.push_back(std::move(city)); });
    selectParts(s, meetings, SELECT_ITEMS, "ORDER BY i.meeting_id, i.position", ITEM_MEETING_COLUMN, readItem,
                [](Meeting& m, MeetingItem item) { m.items.push_back(std::move(item)); });
    selectParts(s, meetings, SELECT_VOTES, "ORDER BY meeting_id, gap_id, municipality", VOTE_MEETING_COLUMN,
                readVote, [](Meeting& m, std::pair<std::int64_t, MeetingVote> gapVote) {
                    const auto item = std::find_if(m.items.begin(), m.items.end(), [&](const MeetingItem& i) {
                        return i.gapId == gapVote.first;
                    });
                    if (item != m.items.end()) item->votes.push_back(std::move(gapVote.second));
                });
    loadConsultations(s, meetings);
}

std::vector<Meeting> selectMeetings(SqlSession& s, const std::string& sql,
                                    const std::vector<SqlParameter>& params) {
    std::vector<Meeting> meetings = selectRows(s, sql, params, readMeeting);
    loadMeetingParts(s, meetings);
    return meetings;
}

void writeItem(SqlSession& s, const Meeting& m, const MeetingItem& item, std::size_t position) {
    s.prepare(INSERT_ITEM)
        ->bind(m.id)
        .bind(item.gapId)
        .bind(static_cast<std::int64_t>(position))
        .bind(item.decision)
        .bind(item.decidedAt)
        .bind(item.decidedBy)
        .bind(item.note)
        .run();
    for (const MeetingVote& v : item.votes)
        s.prepare(INSERT_VOTE)
            ->bindAll({m.id, item.gapId, v.municipality, v.vote, v.voterId, v.voterName, v.at})
            .run();
}

void writeConsultation(SqlSession& s, const Meeting& m, const AgendaConsultation& c) {
    s.prepare(INSERT_CONSULTATION)
        ->bindAll({m.id, c.closesAt, c.openedAt, c.openedBy, c.builtAt, c.builtBy, c.lastNumber})
        .run();
    for (const AgendaProposal& p : c.proposals) {
        s.prepare(INSERT_PROPOSAL)
            ->bindAll({m.id, p.number, p.kind, p.targetId, p.targetReference, p.title, p.note, p.municipality,
                       p.proposedBy, p.proposedByName, p.proposedAt, p.adoptedPosition})
            .run();
        for (const ProposalRank& r : p.ranks)
            s.prepare(INSERT_RANK)->bindAll({m.id, p.number, r.municipality, r.position, r.at}).run();
    }
}

void writeMeetingParts(SqlSession& s, const Meeting& m) {
    for (const char* table : {"meeting_attendance", "meeting_items", "meeting_votes", "agenda_consultations",
                              "agenda_proposals", "agenda_ranks"})
        s.prepare(std::string("DELETE FROM ") + table + " WHERE meeting_id = ?")->bind(m.id).run();
    for (const std::string& city : m.present) s.prepare(INSERT_ATTENDANCE)->bind(m.id).bind(city).run();
    for (std::size_t i = 0; i < m.items.size(); ++i) writeItem(s, m, m.items[i], i);
    if (m.consultation) writeConsultation(s, m, *m.consultation);
}

}  // namespace

Meeting SqlMeetingRepository::create(const Meeting& meeting, const RecordEvent& event) {
    Meeting stored = meeting;
    _db.write([&](SqlSession& s) {
        stored.id = insertForId(s, INSERT_MEETING,
                                {stored.scheduledAt, stored.place, stored.state, stored.createdBy,
                                 stored.createdAt, stored.updatedAt});
        stored.version = 1;
        writeMeetingParts(s, stored);
        eventlog::appendRecordEvent(s, event, stored.id, 1, reference::meeting(stored.id));
    });
    return stored;
}

std::optional<Meeting> SqlMeetingRepository::find(std::int64_t id) {
    return readFirst(
        _db, [&](SqlSession& s) { return selectMeetings(s, SELECT_MEETING + "WHERE m.id = ?", {id}); });
}

namespace {

/// The conditions and order of `query` after a SELECT of meetings, with their parameters.
std::string filterAndOrder(const MeetingQuery& query, std::vector<SqlParameter>& params) {
    std::string where;
    const auto add = [&](const char* condition, SqlParameter value) {
        where += (where.empty() ? "WHERE " : "AND ") + std::string(condition) + " ";
        params.push_back(std::move(value));
    };
    if (query.state) add("m.state = ?", *query.state);
    if (query.from) add("m.scheduled_at >= ?", *query.from);
    if (query.before) add("m.scheduled_at < ?", *query.before);
    params.emplace_back(static_cast<std::int64_t>(query.limit));
    return where + (query.earliestFirst ? "ORDER BY m.scheduled_at, m.id LIMIT ?"
                                        : "ORDER BY m.scheduled_at DESC, m.id DESC LIMIT ?");
}

}  // namespace

std::vector<Meeting> SqlMeetingRepository::list(const MeetingQuery& query) {
    std::vector<SqlParameter> params;
    const std::string sql = SELECT_MEETING + filterAndOrder(query, params);
    return readAll(_db, [&](SqlSession& s) { return selectMeetings(s, sql, params); });
}

std::string meetingSummariesSql(const MeetingQuery& query, std::vector<SqlParameter>& params) {
    return SELECT_SUMMARY + filterAndOrder(query, params);
}

std::vector<MeetingSummary> SqlMeetingRepository::summaries(const MeetingQuery& query) {
    std::vector<SqlParameter> params;
    const std::string sql = meetingSummariesSql(query, params);
    return queryRows(_db, sql, params, [](const SqlStatement& r) {
        return MeetingSummary{.meeting = readMeeting(r),
                              .agendaSize = r.integer(9),
                              .decided = r.integer(10),
                              .presentCount = r.integer(11)};
    });
}

void SqlMeetingRepository::save(const Meeting& m, std::int64_t expectedVersion, const RecordEvent& event,
                                const std::vector<GapStateChange>& gapChanges) {
    _db.write([&](SqlSession& s) {
        eventlog::updateVersioned(s, UPDATE_MEETING,
                                  {m.scheduledAt, m.place, m.state, m.updatedAt, m.id, expectedVersion},
                                  {"meetings", "meeting", m.id, expectedVersion});
        writeMeetingParts(s, m);
        eventlog::appendRecordEvent(s, event, m.id, expectedVersion + 1, reference::meeting(m.id));
        for (const GapStateChange& change : gapChanges) eventlog::applyGapChange(s, change);
    });
}

}  // namespace lacuna
