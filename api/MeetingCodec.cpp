#include "MeetingCodec.h"

#include <map>

#include "Codec.h"
#include "JalaliDate.h"
#include "Reference.h"

namespace lacuna {
namespace {

using Poco::JSON::Object;

void writeVoteTally(JsonWriter& out, const MeetingItem& item) {
    std::map<std::string, int> counts;
    for (const auto& v : votes::values()) counts[v] = 0;
    for (const auto& v : item.votes) ++counts[v.vote];
    out.key("tally").beginObject();
    for (const auto& [vote, n] : counts) out.field(vote, n);
    out.endObject();
}

void writeDecision(JsonWriter& out, const MeetingItem& item) {
    out.key("decision");
    if (item.decision.empty()) {
        out.null();
        return;
    }
    out.beginObject().field("decision", item.decision).field("by", item.decidedBy).field("note", item.note);
    writeTime(out, "at", item.decidedAt);
    out.endObject();
}

/// What each decision would need now: votes for it, votes needed, quorum, and whether it is carried.
void writeStanding(JsonWriter& out, const Meeting& m, const MeetingItem& item,
                   const MeetingService& service) {
    out.key("standing").beginObject();
    for (const char* decision : {"approve", "reject", "revise"}) {
        const QuorumCheck c = service.check(m, item, decision);
        out.key(decision)
            .beginObject()
            .field("votes_for", c.votesFor)
            .field("votes_needed", c.votesNeeded)
            .field("quorum", c.hasQuorum())
            .field("carried", c.carried())
            .endObject();
    }
    out.endObject();
}

/// `position`: the item's place on the agenda, from 1 (how a member names an item whose gap its city may
/// not know of; such an item has no gap id, and its reference and title read visibility::HIDDEN_GAP).
void writeItem(JsonWriter& out, const Meeting& m, std::size_t position, const MeetingService& service) {
    const MeetingItem& item = m.items[position - 1];
    out.beginObject().field("item", static_cast<std::int64_t>(position)).key("gap_id");
    if (item.gapId)
        out.value(item.gapId);
    else
        out.null();
    out.field("gap_reference", item.gapReference)
        .field("gap_title", item.gapTitle)
        .field("gap_municipality", item.gapAudience.municipality)
        .field("confidential", item.gapAudience.confidential)
        .key("votes")
        .beginArray();
    for (const MeetingVote& v : item.votes) {
        out.beginObject()
            .field("municipality", v.municipality)
            .field("vote", v.vote)
            .field("voter", v.voterName);
        writeTime(out, "at", v.at);
        out.endObject();
    }
    out.endArray();
    writeVoteTally(out, item);
    writeDecision(out, item);
    writeStanding(out, m, item, service);
    out.endObject();
}

/// A list of proposal numbers (whole numbers from 1), each wrong one named.
std::optional<std::vector<std::int64_t>> readNumbers(Members& m, const std::string& key, bool required) {
    const auto list = m.array(key, required);
    if (!list) return std::nullopt;
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Poco::Dynamic::Var item = list->get(static_cast<unsigned>(i));
        if (item.type() == typeid(Poco::Int64) && item.extract<Poco::Int64>() > 0)
            out.push_back(item.extract<Poco::Int64>());
        else
            m.errors().add(m.path(key) + "[" + std::to_string(i) + "]", "type", "a proposal's number");
    }
    return out;
}

void writeProposal(JsonWriter& out, const ProposalStanding& s, const Catalog& catalog) {
    const AgendaProposal& p = *s.proposal;
    out.beginObject().field("number", p.number).field("kind", p.kind).key("target_id");
    if (p.targetId)
        out.value(p.targetId);
    else
        out.null();
    out.field("target_reference", p.targetReference)
        .field("title", p.title)
        .field("note", p.note)
        .field("municipality", p.municipality);
    writeCityNames(out, catalog, p.municipality, "municipality_name_");
    writeUserRef(out, "proposed_by", p.proposedBy, p.proposedByName);
    writeTime(out, "proposed_at", p.proposedAt);
    out.key("ranks").beginArray();
    for (const ProposalRank& r : p.ranks)
        out.beginObject().field("municipality", r.municipality).field("position", r.position).endObject();
    out.endArray()
        .field("points", s.points)
        .field("ranked_by", s.rankedBy)
        .field("place", s.place)
        .key("adopted_position");
    if (p.adoptedPosition)
        out.value(p.adoptedPosition);
    else
        out.null();
    out.endObject();
}

/// The consultation on the agenda: its deadline, whether it is open, and the proposals in ranking order.
void writeConsultation(JsonWriter& out, const Meeting& m, const MeetingService& service,
                       const Catalog& catalog) {
    out.key("consultation");
    if (!m.consultation) {
        out.null();
        return;
    }
    const AgendaConsultation& c = *m.consultation;
    out.beginObject();
    writeTime(out, "closes_at", c.closesAt);
    out.field("last_day_jalali", formatJalali(jalaliDateInIran(c.lastMoment())))
        .field("open", service.consultationOpen(m))
        .field("opened_by", c.openedBy);
    writeTime(out, "opened_at", c.openedAt);
    out.key("built_at");
    if (c.builtAt)
        out.value(formatIsoUtc(c.builtAt));
    else
        out.null();
    out.field("built_by", c.builtBy).key("proposals").beginArray();
    for (const ProposalStanding& s : standings(c)) writeProposal(out, s, catalog);
    out.endArray().endObject();
}

}  // namespace

MeetingInput decodeMeeting(const Object::Ptr& body) {
    return decodeBody(body, {"scheduled_at", "place", "agenda"}, "the meeting is not valid", [](Members& m) {
        MeetingInput in;
        in.scheduledAt = readInstant(m, "scheduled_at", true).value_or(0);
        in.place = m.text("place", true).value_or("");
        in.agenda = m.strings("agenda", false, true).value_or(std::vector<std::string>{});
        return in;
    });
}

MeetingPatch decodeMeetingPatch(const Object::Ptr& body) {
    return decodeBody(body, {"scheduled_at", "place", "agenda", "present", "state", "expected_version"},
                      "the meeting change is not valid", [](Members& m) {
                          MeetingPatch p;
                          p.scheduledAt = readInstant(m, "scheduled_at", false);
                          p.place = m.text("place", false);
                          p.agenda = m.strings("agenda", false, true);
                          p.present = m.strings("present", false);
                          p.state = m.text("state", false);
                          return p;
                      });
}

std::string decodeVote(const Object::Ptr& body) {
    return decodeBody(body, {"vote"}, "the vote is not valid",
                      [](Members& m) { return m.text("vote", true).value_or(""); });
}

DecisionInput decodeDecision(const Object::Ptr& body) {
    return decodeBody(body, {"decision", "comment", "expected_version"}, "the decision is not valid",
                      [](Members& m) {
                          return DecisionInput{m.text("decision", true).value_or(""),
                                               m.text("comment", false).value_or("")};
                      });
}

std::string decodeConsultation(const Object::Ptr& body) {
    return decodeBody(body, {"closes_on", "expected_version"}, "the consultation is not valid",
                      [](Members& m) { return m.text("closes_on", true).value_or(""); });
}

ProposalInput decodeProposal(const Object::Ptr& body) {
    return decodeBody(body, {"kind", "target", "title", "note"}, "the proposal is not valid", [](Members& m) {
        ProposalInput in;
        in.kind = m.text("kind", true).value_or("");
        in.target = m.text("target", false).value_or("");
        in.title = m.text("title", false).value_or("");
        in.note = m.text("note", false).value_or("");
        return in;
    });
}

ProposalOrder decodeProposalOrder(const Object::Ptr& body, bool required) {
    return decodeBody(body, {"proposals", "expected_version"}, "the list of proposals is not valid",
                      [&](Members& m) { return ProposalOrder{readNumbers(m, "proposals", required)}; });
}

void writeMeeting(JsonWriter& out, const Meeting& m, const MeetingService& service, const Catalog& catalog) {
    out.beginObject().field("id", m.id).field("reference", reference::meeting(m.id));
    writeTime(out, "scheduled_at", m.scheduledAt);
    out.field("place", m.place).field("state", m.state).field("version", m.version);
    writeUserRef(out, "created_by", m.createdBy, m.createdByName);
    writeTime(out, "created_at", m.createdAt);
    writeTime(out, "updated_at", m.updatedAt);
    const CommitteeRules& rules = service.rules();
    out.key("rules")
        .beginObject()
        .field("members", static_cast<std::int64_t>(rules.members.size()))
        .field("quorum_needed", rules.quorumNeeded())
        .endObject();
    out.key("present").beginArray();
    for (const auto& city : m.present) {
        out.beginObject().field("municipality", city);
        writeCityNames(out, catalog, city, "name_");
        out.endObject();
    }
    out.endArray().key("agenda").beginArray();
    for (std::size_t i = 1; i <= m.items.size(); ++i) writeItem(out, m, i, service);
    out.endArray();
    writeConsultation(out, m, service, catalog);
    out.endObject();
}

}  // namespace lacuna
