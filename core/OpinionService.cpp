#include "OpinionService.h"

#include <algorithm>

#include "EventData.h"
#include "GapVisibility.h"
#include "JalaliDate.h"
#include "JsonText.h"
#include "Roles.h"
#include "TextChecks.h"

namespace lacuna {
namespace {

constexpr std::size_t TITLE_MAX = 300;
constexpr std::size_t TEXT_MAX = 20000;
constexpr std::size_t LINKS_MAX = 50;

}  // namespace

const OpinionText* Opinion::latest(const std::string& kind) const {
    const OpinionText* found = nullptr;
    for (const OpinionText& t : texts)
        if (t.kind == kind && (!found || t.version > found->version)) found = &t;
    return found;
}

OpinionService::OpinionService(OpinionRepository& opinions, RecordEventRepository& events,
                               RulingRepository& rulings, UserRepository& users, GapService& gaps,
                               const Lifecycle& lifecycle, const WorkCalendar& calendar, const Clock& clock,
                               GapLimits limits)
    : _opinions(opinions),
      _events(events),
      _rulings(rulings),
      _users(users),
      _gaps(gaps),
      _lifecycle(lifecycle),
      _calendar(calendar),
      _clock(clock),
      _limits(limits) {}

bool OpinionService::visibleTo(const Principal& actor, const Opinion& o) const {
    if (o.state == "published") return true;
    if (actor.hasRole(roles::ADMIN) || actor.hasRole(roles::COMMITTEE_SECRETARY)) return true;
    if (actor.hasRole(roles::COMMITTEE_MEMBER)) return true;
    return actor.municipality && *actor.municipality == o.municipality;
}

std::vector<std::string> OpinionService::rolesFor(const Principal& actor, const Opinion& o) const {
    // City roles count in the asking city only; committee roles everywhere.
    std::vector<std::string> held;
    for (const auto& r : actor.roles)
        if (!requiresMunicipality(r) || (actor.municipality && *actor.municipality == o.municipality) ||
            r == roles::COMMITTEE_MEMBER)
            held.push_back(r);
    return held;
}

namespace {

bool mayAnswer(const User& user) {
    if (user.disabledAt) return false;
    return user.hasRole(roles::COMMITTEE_MEMBER) || user.hasRole(roles::COMMITTEE_SECRETARY) ||
           user.hasRole(roles::LEGAL_EXPERT);
}

}  // namespace

std::vector<User> OpinionService::assignees() const {
    std::vector<User> users = _users.list();
    std::erase_if(users, [](const User& u) { return !mayAnswer(u); });
    return users;
}

std::vector<const LifecycleTransition*> OpinionService::availableTransitions(const Principal& actor,
                                                                             const Opinion& o) const {
    std::set<std::string> facts;
    if (o.latest("answer")) facts.insert("has_answer");
    return _lifecycle.offered(o.state, rolesFor(actor, o), facts);
}

void OpinionService::checkRulings(const std::vector<std::int64_t>& rulings) {
    FieldErrors errors;
    for (std::size_t i = 0; i < rulings.size(); ++i)
        if (!_rulings.find(rulings[i]))
            errors.add("rulings[" + std::to_string(i) + "]", "unknown", "no such ruling");
    if (rulings.size() > LINKS_MAX) errors.add("rulings", "too_many", "at most " + std::to_string(LINKS_MAX));
    errors.throwIfAny("the links are not valid", ValidationError::Kind::RuleViolation);
}

Opinion OpinionService::ask(const Principal& actor, const OpinionInput& in) {
    FieldErrors errors;
    checkText(errors, "title", in.title, TITLE_MAX, true);
    checkText(errors, "question", in.question, TEXT_MAX, true);
    checkProvisions(errors, "provisions", in.provisions, _limits.provisionsMax, _limits.lawMax,
                    _limits.articleMax);
    errors.throwIfAny("the question is not valid");
    if (!actor.municipality || !actor.hasRole(roles::LEGAL_DIRECTOR))
        throw Forbidden("a city's legal director asks the committee");
    Opinion o;
    o.municipality = *actor.municipality;
    o.askedBy = actor.userId;
    o.askedByName = actor.username;
    o.title = in.title;
    o.state = _lifecycle.initialState();
    o.createdAt = o.updatedAt = _clock.nowMs();
    o.dueAt = stateDueAt(_lifecycle.state(o.state), _calendar, o.createdAt);
    o.gapIds = _gaps.loadIds(actor, in.gaps, "gaps", LINKS_MAX);
    checkRulings(in.rulings);
    o.rulingIds = in.rulings;
    o.texts.push_back(
        OpinionText{"question", 1, in.question, in.provisions, actor.userId, actor.username, o.createdAt});
    RecordEvent e = recordEvent(actor, "opinion", 0, "created", "", o.createdAt);
    e.toState = o.state;
    e.dataJson = EventData().text("title", o.title).str();
    return _opinions.create(o, jalaliDateInIran(o.createdAt).year, e);
}

Opinion OpinionService::load(const Principal& actor, std::int64_t id) {
    const auto o = _opinions.find(id);
    if (!o || !visibleTo(actor, *o)) throw NotFound("no opinion " + std::to_string(id));
    return *o;
}

Opinion OpinionService::viewFor(const Principal& viewer, Opinion o) {
    // Even published guidance names only the gaps the reader may know of.
    if (o.gapIds.empty() || visibility::seesEveryGap(viewer)) return o;
    const visibility::KnownGaps known = _gaps.known(viewer, o.gapIds);
    std::erase_if(o.gapIds, [&](std::int64_t id) { return !known.id(id); });
    return o;
}

Opinion OpinionService::get(const Principal& actor, std::int64_t id) {
    return viewFor(actor, load(actor, id));
}

std::vector<Opinion> OpinionService::linkedToGap(const Principal& actor, const Gap& gap) {
    if (!_gaps.visibleTo(actor, gap)) throw NotFound("no gap " + std::to_string(gap.id));
    constexpr std::size_t SHOWN = 20;
    std::vector<Opinion> out = _opinions.linkedToGap(gap.id, SHOWN);
    std::erase_if(out, [&](const Opinion& o) { return !visibleTo(actor, o); });
    for (Opinion& o : out) o = viewFor(actor, std::move(o));
    return out;
}

std::vector<Opinion> OpinionService::list(const Principal& actor, const std::optional<std::string>& state,
                                          const std::optional<std::string>& municipality, std::size_t limit) {
    if (limit < 1 || limit > 100)
        throw ValidationError("bad limit", {{"limit", "out_of_range", "between 1 and 100"}});
    if (state && !_lifecycle.findState(*state))
        throw ValidationError("unknown state", {{"state", "unknown", "not a state of the opinion workflow"}});
    std::vector<Opinion> out = _opinions.list(state, municipality, limit);
    std::erase_if(out, [&](const Opinion& o) { return !visibleTo(actor, o); });
    for (Opinion& o : out) o = viewFor(actor, std::move(o));
    return out;
}

Opinion OpinionService::write(const Principal& actor, std::int64_t id, const std::string& kind,
                              const std::string& text, const std::vector<Provision>& provisions,
                              std::int64_t expectedVersion) {
    FieldErrors errors;
    checkText(errors, "text", text, TEXT_MAX, true);
    checkProvisions(errors, "provisions", provisions, _limits.provisionsMax, _limits.lawMax,
                    _limits.articleMax);
    errors.throwIfAny("the text is not valid");
    Opinion o = load(actor, id);
    const auto held = rolesFor(actor, o);
    if (kind == "question") {
        if (!contains(held, std::string(roles::LEGAL_DIRECTOR)) &&
            !contains(held, std::string(roles::LEGAL_EXPERT)))
            throw Forbidden("the asking city's legal director or experts revise its question");
        if (o.state != _lifecycle.initialState())
            throw StateConflict("the question is with the committee already");
    } else {
        if (!actor.hasRole(roles::COMMITTEE_SECRETARY) && !actor.hasRole(roles::COMMITTEE_MEMBER))
            throw Forbidden("the committee writes the opinion");
        if (o.state != "assigned") throw StateConflict("an answer is written while the question is assigned");
    }
    requireVersion("opinion", o.version, expectedVersion);
    const OpinionText* previous = o.latest(kind);
    OpinionText t{
        kind,          previous ? previous->version + 1 : 1, text, provisions, actor.userId, actor.username,
        _clock.nowMs()};
    o.texts.push_back(t);
    RecordEvent e = recordEvent(actor, "opinion", o.id, kind + "_saved", o.state, t.createdAt);
    e.dataJson = EventData().number(kind + "_version", t.version).str();
    o.updatedAt = t.createdAt;
    _opinions.save(o, expectedVersion, e, t);
    o.version = expectedVersion + 1;
    return viewFor(actor, o);
}

Opinion OpinionService::fireTransition(const Principal& actor, std::int64_t id, const TransitionInput& raw,
                                       std::int64_t expectedVersion) {
    Opinion o = load(actor, id);
    TransitionInput input = raw;
    FieldErrors errors;
    checkText(errors, "comment", input.comment, TEXT_MAX, false);
    for (const auto& [name, value] : input.fields) checkText(errors, "fields." + name, value, 200, false);
    errors.throwIfAny("the transition request is not valid");
    input.facts.clear();
    if (o.latest("answer")) input.facts.insert("has_answer");
    const LifecycleTransition& t = _lifecycle.check(o.state, rolesFor(actor, o), input);
    if (const auto it = input.fields.find("assignee"); it != input.fields.end()) {
        const auto user = _users.findByUsername(it->second);
        if (!user || !mayAnswer(*user))
            throw ValidationError(
                "unknown assignee",
                {{"fields.assignee", "unknown", "a committee member, the secretary or a legal expert"}},
                ValidationError::Kind::RuleViolation);
        o.assignee = it->second;
    }
    requireVersion("opinion", o.version, expectedVersion);
    RecordEvent e = recordEvent(actor, "opinion", o.id, "transition", o.state, _clock.nowMs());
    e.toState = t.to;
    e.transition = t.name;
    e.comment = input.comment;
    e.dataJson = EventData().textMap(input.fields).str();
    o.state = t.to;
    o.dueAt = stateDueAt(_lifecycle.state(t.to), _calendar, e.at);
    if (t.to == "published") o.publishedAt = e.at;
    o.updatedAt = e.at;
    _opinions.save(o, expectedVersion, e, std::nullopt);
    o.version = expectedVersion + 1;
    return viewFor(actor, o);
}

Opinion OpinionService::link(const Principal& actor, std::int64_t id, const std::vector<std::string>& gaps,
                             const std::vector<std::int64_t>& rulings, std::int64_t expectedVersion) {
    Opinion o = load(actor, id);
    if (!actor.hasRole(roles::COMMITTEE_SECRETARY) &&
        !contains(rolesFor(actor, o), std::string(roles::LEGAL_DIRECTOR)))
        throw Forbidden("the secretary or the asking city's legal director links an opinion");
    if (_lifecycle.state(o.state).terminal) throw StateConflict("the opinion is closed (" + o.state + ")");
    // The links the caller names replace those it may know of; links to gaps it may not know of stay.
    const visibility::KnownGaps known = _gaps.known(actor, o.gapIds);
    std::erase_if(o.gapIds, [&](std::int64_t gapId) { return known.id(gapId); });
    for (const std::int64_t gapId : _gaps.loadIds(actor, gaps, "gaps", LINKS_MAX))
        if (std::find(o.gapIds.begin(), o.gapIds.end(), gapId) == o.gapIds.end()) o.gapIds.push_back(gapId);
    checkRulings(rulings);
    o.rulingIds = rulings;
    std::sort(o.rulingIds.begin(), o.rulingIds.end());
    o.rulingIds.erase(std::unique(o.rulingIds.begin(), o.rulingIds.end()), o.rulingIds.end());
    requireVersion("opinion", o.version, expectedVersion);
    RecordEvent e = recordEvent(actor, "opinion", o.id, "linked", o.state, _clock.nowMs());
    e.dataJson = EventData().numbers("gaps", o.gapIds).numbers("rulings", o.rulingIds).str();
    o.updatedAt = e.at;
    _opinions.save(o, expectedVersion, e, std::nullopt);
    o.version = expectedVersion + 1;
    return viewFor(actor, o);
}

std::vector<RecordEvent> OpinionService::history(const Principal& actor, std::int64_t id) {
    return history(actor, load(actor, id));
}

std::vector<RecordEvent> OpinionService::history(const Principal& actor, const Opinion& o) {
    if (!visibleTo(actor, o)) throw NotFound("no opinion " + std::to_string(o.id));
    return _gaps.redactForViewer(actor, _events.history("opinion", o.id));
}

}  // namespace lacuna
