// The consultation of the member cities on a meeting's agenda: the secretary opens it with a Jalali deadline,
// each member city's legal director proposes items (a gap, a ruling, a bill or a free topic) and ranks the
// other cities' proposals, and once the deadline has passed the secretary builds the agenda from the ranking
// in one step. It is part of the meeting: saved with it, in its history, shown in its minutes.
#include <Poco/NumberParser.h>

#include <algorithm>
#include <map>
#include <set>

#include "EventData.h"
#include "GapVisibility.h"
#include "JalaliDate.h"
#include "MeetingService.h"
#include "PersianText.h"
#include "Reference.h"
#include "Roles.h"
#include "TextChecks.h"

namespace lacuna {
namespace {

constexpr std::int64_t DAY_MS = 24LL * 3600 * 1000;
constexpr std::size_t TITLE_MAX = 300;
constexpr std::size_t NOTE_MAX = 2000;
constexpr std::size_t PROPOSALS_PER_CITY = 10;
constexpr std::size_t AGENDA_MAX = 100;

/// The last day `c` takes proposals, as a Jalali date.
std::string lastDay(const AgendaConsultation& c) { return formatJalali(jalaliDateInIran(c.lastMoment())); }

AgendaProposal* findProposal(Meeting& m, std::int64_t number) {
    auto& all = m.consultation->proposals;
    const auto it =
        std::find_if(all.begin(), all.end(), [&](const AgendaProposal& p) { return p.number == number; });
    return it == all.end() ? nullptr : &*it;
}

/// The id in `key` when it is a number or `<prefix>-<number>` (a ruling's `R-12`).
std::optional<std::int64_t> idIn(const std::string& key, const std::string& prefix) {
    std::int64_t id = 0;
    const std::string digits = key.rfind(prefix + "-", 0) == 0 ? key.substr(prefix.size() + 1) : key;
    if (Poco::NumberParser::tryParse64(digits, id) && id > 0) return id;
    return std::nullopt;
}

/// Numbers each city's places 1, 2, … again after a proposal it ranked went away.
void closeRankGaps(AgendaConsultation& c) {
    std::map<std::string, std::vector<ProposalRank*>> byCity;
    for (AgendaProposal& p : c.proposals)
        for (ProposalRank& r : p.ranks) byCity[r.municipality].push_back(&r);
    for (auto& [city, ranks] : byCity) {
        std::sort(ranks.begin(), ranks.end(),
                  [](const ProposalRank* a, const ProposalRank* b) { return a->position < b->position; });
        for (std::size_t i = 0; i < ranks.size(); ++i) ranks[i]->position = static_cast<std::int64_t>(i) + 1;
    }
}

/// Proposal numbers as an event records them.
std::vector<std::int64_t> numbersOf(const std::vector<const AgendaProposal*>& proposals) {
    std::vector<std::int64_t> out;
    for (const AgendaProposal* p : proposals) out.push_back(p->number);
    return out;
}

}  // namespace

std::vector<ProposalStanding> standings(const AgendaConsultation& c) {
    const auto n = static_cast<std::int64_t>(c.proposals.size());
    std::vector<ProposalStanding> out;
    for (const AgendaProposal& p : c.proposals) {
        ProposalStanding s{.proposal = &p};
        for (const ProposalRank& r : p.ranks) {
            s.points += std::max<std::int64_t>(n - r.position + 1, 1);
            ++s.rankedBy;
        }
        out.push_back(s);
    }
    std::stable_sort(out.begin(), out.end(), [](const ProposalStanding& a, const ProposalStanding& b) {
        if (a.points != b.points) return a.points > b.points;
        if (a.rankedBy != b.rankedBy) return a.rankedBy > b.rankedBy;
        return a.proposal->number < b.proposal->number;
    });
    for (std::size_t i = 0; i < out.size(); ++i) out[i].place = static_cast<std::int64_t>(i) + 1;
    return out;
}

bool MeetingService::consultationOpen(const Meeting& m) const {
    return m.consultation && m.state == "scheduled" && _clock.nowMs() < m.consultation->closesAt;
}

bool MeetingService::awaitsConsultationFrom(const Principal& actor, const Meeting& m) const {
    const auto city = consultingCity(actor);
    if (!city || !consultationOpen(m)) return false;
    return std::none_of(
        m.consultation->proposals.begin(), m.consultation->proposals.end(), [&](const AgendaProposal& p) {
            return p.municipality == *city ||
                   std::any_of(p.ranks.begin(), p.ranks.end(),
                               [&](const ProposalRank& r) { return r.municipality == *city; });
        });
}

std::optional<std::string> MeetingService::consultingCity(const Principal& actor) const {
    if (!actor.hasRole(roles::LEGAL_DIRECTOR) || !actor.municipality ||
        !contains(_rules.members, *actor.municipality))
        return std::nullopt;
    return *actor.municipality;
}

std::string MeetingService::requireConsulting(const Principal& actor, const Meeting& m) const {
    const std::string city = requireMemberDirector(actor);
    requireOpen(m);
    if (!m.consultation)
        throw StateConflict("no consultation on the agenda of " + reference::meeting(m.id) + " is open");
    if (_clock.nowMs() >= m.consultation->closesAt)
        throw ValidationError(
            "the consultation has closed",
            {{"consultation", "closed",
              "the consultation on the agenda of " + reference::meeting(m.id) + " closed at the end of " +
                  lastDay(*m.consultation) + " (Jalali): proposals and rankings are no longer taken"}},
            ValidationError::Kind::RuleViolation);
    return city;
}

std::string MeetingService::requireMemberDirector(const Principal& actor) const {
    const auto city = consultingCity(actor);
    if (!city) throw Forbidden("only a member city's legal director proposes and ranks agenda items");
    return *city;
}

Meeting MeetingService::openConsultation(const Principal& actor, std::int64_t id, const std::string& closesOn,
                                         std::int64_t expectedVersion) {
    requireSecretary(actor);
    const JalaliDate day = requireJalaliDate("closes_on", closesOn);
    Meeting m = load(id);
    requireOpen(m);
    const std::int64_t closesAt = startOfJalaliDayInIran(day) + DAY_MS;
    FieldErrors errors;
    if (closesAt <= _clock.nowMs()) errors.add("closes_on", "past", "the deadline is today or a day to come");
    if (closesAt > m.scheduledAt)
        errors.add("closes_on", "after_meeting",
                   "the consultation closes before the day of the meeting (" +
                       formatJalali(jalaliDateInIran(m.scheduledAt)) + ")");
    if (m.consultation && m.consultation->builtAt)
        errors.add("closes_on", "built", "the agenda was built from the consultation already");
    errors.throwIfAny("the consultation is not valid", ValidationError::Kind::RuleViolation);
    requireVersion("meeting", m.version, expectedVersion);

    RecordEvent e = newEvent(actor, m, m.consultation ? "consultation_moved" : "consultation_opened");
    if (!m.consultation) {
        m.consultation = AgendaConsultation{};
        m.consultation->openedAt = e.at;
        m.consultation->openedBy = actor.username;
    }
    m.consultation->closesAt = closesAt;
    e.dataJson = EventData().text("closes_on", formatJalali(day)).number("closes_at", closesAt).str();
    m.updatedAt = e.at;
    _meetings.save(m, expectedVersion, e, {});
    m.version = expectedVersion + 1;
    return viewFor(actor, m);
}

AgendaProposal MeetingService::resolveTarget(const Principal& actor, const ProposalInput& input) {
    AgendaProposal p;
    p.kind = input.kind;
    p.note = input.note;
    FieldErrors errors;
    checkText(errors, "note", input.note, NOTE_MAX, false);
    if (!contains(proposals::kinds(), input.kind)) {
        errors.add("kind", "unknown", "gap, ruling, bill or topic");
    } else if (input.kind == "topic") {
        checkText(errors, "title", input.title, TITLE_MAX, true);
        if (!input.target.empty()) errors.add("target", "unexpected", "a free topic names no record");
        p.title = input.title;
    } else {
        if (input.target.empty())
            errors.add("target", "required", "the " + input.kind + "'s id or reference");
        if (!input.title.empty()) errors.add("title", "unexpected", "a proposed record keeps its own title");
    }
    errors.throwIfAny("the proposal is not valid");
    if (p.kind == "topic") return p;

    const auto unknown = [&]() {
        return ValidationError("the proposal is not valid",
                               {{"target", "unknown", "no " + input.kind + " «" + input.target + "»"}},
                               ValidationError::Kind::RuleViolation);
    };
    if (p.kind == "gap") {
        try {
            const Gap gap = _gaps.loadByKey(actor, input.target);
            p.targetId = gap.id;
            p.targetReference = gap.reference;
            p.title = gap.fields.title;
            p.gapAudience = visibility::audienceOf(gap);
        } catch (const NotFound&) {
            throw unknown();
        }
    } else if (p.kind == "ruling") {
        const auto id = idIn(input.target, "R");
        const auto ruling = id ? _rulings.find(*id) : std::nullopt;
        if (!ruling) throw unknown();
        p.targetId = ruling->id;
        p.targetReference = reference::ruling(ruling->id);
        p.title = ruling->court + " — دادنامهٔ " + ruling->number;
    } else {
        const auto id = idIn(input.target, "");
        const auto bill = id ? _bills.find(*id) : _bills.findByReference(input.target);
        if (!bill) throw unknown();
        p.targetId = bill->id;
        p.targetReference = bill->reference;
        p.title = bill->title;
    }
    return p;
}

Meeting MeetingService::propose(const Principal& actor, std::int64_t id, const ProposalInput& input) {
    requireMemberDirector(actor);
    const AgendaProposal proposal = resolveTarget(actor, input);
    // Proposals of different cities do not depend on each other: a lost race is read again and retried.
    return changeIndependently(actor, id, [&](Meeting& m) {
        const std::string city = requireConsulting(actor, m);
        AgendaConsultation& c = *m.consultation;
        const auto own = std::count_if(c.proposals.begin(), c.proposals.end(),
                                       [&](const AgendaProposal& p) { return p.municipality == city; });
        if (static_cast<std::size_t>(own) >= PROPOSALS_PER_CITY)
            throw ValidationError("too many proposals",
                                  {{"kind", "too_many",
                                    "«" + city + "» has made " + std::to_string(PROPOSALS_PER_CITY) +
                                        " proposals, the most a city makes: withdraw one first"}},
                                  ValidationError::Kind::RuleViolation);
        for (const AgendaProposal& p : c.proposals) {
            const bool same =
                p.kind == proposal.kind &&
                (proposal.kind == "topic" ? normalizePersian(p.title) == normalizePersian(proposal.title)
                                          : p.targetId == proposal.targetId);
            if (same)
                throw ValidationError("proposed already",
                                      {{proposal.kind == "topic" ? "title" : "target", "duplicate",
                                        "proposed already by «" + p.municipality + "» as proposal " +
                                            std::to_string(p.number) + ": rank it instead"}},
                                      ValidationError::Kind::RuleViolation);
        }
        RecordEvent e = newEvent(actor, m, "proposed");
        AgendaProposal p = proposal;
        p.number = ++c.lastNumber;
        p.municipality = city;
        p.proposedBy = actor.userId;
        p.proposedByName = actor.username;
        p.proposedAt = e.at;
        EventData data;
        data.number("proposal", p.number).text("kind", p.kind).text("municipality", city);
        // A gap is named by its reference alone, which the history hides from those who may not know it.
        if (p.kind == "gap")
            data.text("gap", p.targetReference);
        else
            data.text("target", p.targetReference).text("title", p.title).text("note", p.note);
        e.dataJson = data.str();
        c.proposals.push_back(std::move(p));
        return e;
    });
}

Meeting MeetingService::withdrawProposal(const Principal& actor, std::int64_t id, std::int64_t number) {
    return changeIndependently(actor, id, [&](Meeting& m) {
        const std::string city = requireConsulting(actor, m);
        const AgendaProposal* p = findProposal(m, number);
        if (!p) throw NotFound(reference::meeting(id) + " has no proposal " + std::to_string(number));
        if (p->municipality != city)
            throw Forbidden("proposal " + std::to_string(number) + " is «" + p->municipality +
                            "»'s: only its city withdraws it");
        RecordEvent e = newEvent(actor, m, "proposal_withdrawn");
        EventData data;
        data.number("proposal", number).text("municipality", city);
        if (p->kind == "gap") data.text("gap", p->targetReference);
        e.dataJson = data.str();
        std::erase_if(m.consultation->proposals, [&](const AgendaProposal& q) { return q.number == number; });
        closeRankGaps(*m.consultation);
        return e;
    });
}

Meeting MeetingService::rank(const Principal& actor, std::int64_t id,
                             const std::vector<std::int64_t>& order) {
    requireMemberDirector(actor);
    if (order.size() > AGENDA_MAX)
        throw ValidationError("the ranking is not valid",
                              {{"proposals", "too_many", "at most " + std::to_string(AGENDA_MAX)}});
    return changeIndependently(actor, id, [&](Meeting& m) {
        const std::string city = requireConsulting(actor, m);
        FieldErrors errors;
        std::set<std::int64_t> seen;
        for (std::size_t i = 0; i < order.size(); ++i) {
            const std::string field = "proposals[" + std::to_string(i) + "]";
            const AgendaProposal* p = findProposal(m, order[i]);
            if (!p)
                errors.add(field, "unknown", "no proposal " + std::to_string(order[i]));
            else if (p->municipality == city)
                errors.add(field, "own",
                           "proposal " + std::to_string(order[i]) + " is «" + city +
                               "»'s own: a city ranks the other cities' proposals");
            else if (!seen.insert(order[i]).second)
                errors.add(field, "duplicate", "proposal " + std::to_string(order[i]) + " is ranked twice");
        }
        errors.throwIfAny("the ranking is not valid", ValidationError::Kind::RuleViolation);
        RecordEvent e = newEvent(actor, m, "ranked");
        for (AgendaProposal& p : m.consultation->proposals)
            std::erase_if(p.ranks, [&](const ProposalRank& r) { return r.municipality == city; });
        for (std::size_t i = 0; i < order.size(); ++i) {
            auto& ranks = findProposal(m, order[i])->ranks;
            ranks.push_back(ProposalRank{city, static_cast<std::int64_t>(i) + 1, e.at});
            std::sort(ranks.begin(), ranks.end(), [](const ProposalRank& a, const ProposalRank& b) {
                return a.municipality < b.municipality;
            });
        }
        e.dataJson = EventData().text("municipality", city).numbers("proposals", order).str();
        return e;
    });
}

Meeting MeetingService::buildAgenda(const Principal& actor, std::int64_t id,
                                    const std::optional<std::vector<std::int64_t>>& chosen,
                                    std::int64_t expectedVersion) {
    requireSecretary(actor);
    Meeting m = load(id);
    requireOpen(m);
    if (!m.consultation)
        throw StateConflict("no consultation on the agenda of " + reference::meeting(id) + " was opened");
    if (_clock.nowMs() < m.consultation->closesAt)
        throw ValidationError(
            "the consultation is open",
            {{"consultation", "open",
              "the consultation takes proposals until the end of " + lastDay(*m.consultation) +
                  " (Jalali); the agenda is built from it once it has closed"}},
            ValidationError::Kind::RuleViolation);
    std::vector<AgendaProposal*> picked;
    if (chosen) {
        FieldErrors errors;
        for (std::size_t i = 0; i < chosen->size(); ++i) {
            const std::string field = "proposals[" + std::to_string(i) + "]";
            AgendaProposal* p = findProposal(m, (*chosen)[i]);
            if (!p)
                errors.add(field, "unknown", "no proposal " + std::to_string((*chosen)[i]));
            else if (std::find(picked.begin(), picked.end(), p) != picked.end())
                errors.add(field, "duplicate", "proposal " + std::to_string(p->number) + " is chosen twice");
            else
                picked.push_back(p);
        }
        errors.throwIfAny("the agenda is not valid", ValidationError::Kind::RuleViolation);
    } else {
        for (const ProposalStanding& s : standings(*m.consultation))
            picked.push_back(findProposal(m, s.proposal->number));
    }
    requireVersion("meeting", m.version, expectedVersion);

    // Each gap chosen that awaits the committee joins the agenda to be voted on, after the items there.
    const std::set<std::string> review = reviewStates();
    std::vector<std::string> joined;
    for (AgendaProposal& p : m.consultation->proposals) p.adoptedPosition = 0;
    for (std::size_t i = 0; i < picked.size(); ++i) {
        AgendaProposal& p = *picked[i];
        p.adoptedPosition = static_cast<std::int64_t>(i) + 1;
        if (p.kind != "gap" || findItem(m, p.targetId)) continue;
        std::optional<Gap> gap;
        try {
            gap = _gaps.load(actor, p.targetId);
        } catch (const NotFound&) {
            continue;  // merged away or no longer the secretary's to see: discussed, not voted on
        }
        if (!review.count(gap->state)) continue;
        m.items.push_back(itemFor(*gap));
        joined.push_back(gap->reference);
    }
    if (m.items.size() > AGENDA_MAX)
        throw ValidationError("the agenda is not valid",
                              {{"proposals", "too_many", "at most " + std::to_string(AGENDA_MAX) + " items"}},
                              ValidationError::Kind::RuleViolation);
    RecordEvent e = newEvent(actor, m, "agenda_built");
    m.consultation->builtAt = e.at;
    m.consultation->builtBy = actor.username;
    e.dataJson = EventData()
                     .numbers("proposals", numbersOf({picked.begin(), picked.end()}))
                     .texts("agenda", joined)
                     .str();
    m.updatedAt = e.at;
    _meetings.save(m, expectedVersion, e, {});
    m.version = expectedVersion + 1;
    return viewFor(actor, m);
}

}  // namespace lacuna
