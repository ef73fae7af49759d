#include "PrecedentService.h"

#include <Poco/NumberParser.h>

#include <algorithm>

#include "EventData.h"
#include "GapVisibility.h"
#include "JalaliDate.h"
#include "Reference.h"
#include "Roles.h"
#include "SearchText.h"
#include "TextChecks.h"

namespace lacuna {
namespace {

constexpr std::size_t TEXT_MAX = 20000;
constexpr std::size_t FILING_MAX = 100;
constexpr std::size_t LINKS_MAX = 50;

/// The provision as `ruling` names it, if it does.
std::optional<Provision> namedBy(const Ruling& ruling, const std::string& key) {
    for (const Provision& p : ruling.provisions)
        if (provisionKey(p) == key) return p;
    return std::nullopt;
}

}  // namespace

const PrecedentArgument* PrecedentRequest::argumentOf(const std::string& municipality) const {
    const auto it = std::find_if(arguments.begin(), arguments.end(),
                                 [&](const PrecedentArgument& a) { return a.municipality == municipality; });
    return it == arguments.end() ? nullptr : &*it;
}

const std::vector<std::string>& precedentvalues::boards() {
    static const std::vector<std::string> BOARDS = {"administrative_justice", "supreme_court"};
    return BOARDS;
}

PrecedentService::PrecedentService(PrecedentRepository& precedents, RecordEventRepository& events,
                                   RulingRepository& rulings, GapService& gaps, const Lifecycle& lifecycle,
                                   const WorkCalendar& calendar, const Clock& clock, GapLimits limits)
    : _precedents(precedents),
      _events(events),
      _rulings(rulings),
      _gaps(gaps),
      _lifecycle(lifecycle),
      _calendar(calendar),
      _clock(clock),
      _limits(limits) {}

std::set<std::string> PrecedentService::facts(const PrecedentRequest& r) const {
    std::set<std::string> out;
    if (!r.arguments.empty()) out.insert("has_arguments");
    return out;
}

std::vector<const LifecycleTransition*> PrecedentService::availableTransitions(
    const Principal& actor, const PrecedentRequest& r) const {
    return _lifecycle.offered(r.state, actor.roles, facts(r));
}

bool PrecedentService::mayArgue(const Principal& actor, const PrecedentRequest& r) const {
    return r.state == _lifecycle.initialState() && actor.municipality.has_value() &&
           actor.hasRole(roles::LEGAL_DIRECTOR);
}

PrecedentRequest PrecedentService::open(const Principal& actor, const PrecedentInput& in) {
    if (!actor.hasRole(roles::COMMITTEE_SECRETARY))
        throw Forbidden("the committee's secretary opens a request for a uniform precedent");
    FieldErrors errors;
    if (!contains(precedentvalues::boards(), in.board))
        errors.add("board", in.board.empty() ? "required" : "unknown",
                   "administrative_justice or supreme_court");
    checkText(errors, "question", in.question, TEXT_MAX, true);
    const std::string key = provisionKeyOf(in.provision);
    if (key.empty()) errors.add("provision", "required", "a provision such as قانون_شهرداری:100");
    if (in.rulings.size() > LINKS_MAX)
        errors.add("rulings", "too_many", "at most " + std::to_string(LINKS_MAX));
    errors.throwIfAny("the request is not valid");

    // One open request per provision (the store keeps it too, for two secretaries at the same instant).
    for (const PrecedentRequest& other : _precedents.onProvision(key, 1))
        if (other.open)
            throw ValidationError(
                "a request is open on this provision",
                {{"provision", "open_request", other.reference + " is open on it: argue there"}},
                ValidationError::Kind::RuleViolation);

    // The conflicting rulings: those named, or the newest pair of the provision's conflict.
    std::vector<std::int64_t> rulingIds = in.rulings;
    if (rulingIds.empty()) {
        const auto conflict = _rulings.conflicts(ConflictQuery{key, std::nullopt, 1});
        if (conflict.empty())
            throw ValidationError(
                "no conflict",
                {{"provision", "no_conflict", "no adverse and favourable rulings both name it"}},
                ValidationError::Kind::RuleViolation);
        rulingIds = {conflict[0].adverse.id, conflict[0].favourable.id};
    }
    std::sort(rulingIds.begin(), rulingIds.end());
    rulingIds.erase(std::unique(rulingIds.begin(), rulingIds.end()), rulingIds.end());
    std::set<std::string> outcomes;
    std::optional<Provision> provision;
    for (std::size_t i = 0; i < rulingIds.size(); ++i) {
        const auto ruling = _rulings.find(rulingIds[i]);
        const std::string field = "rulings[" + std::to_string(i) + "]";
        if (!ruling) {
            errors.add(field, "unknown", "no such ruling");
        } else if (const auto named = namedBy(*ruling, key)) {
            outcomes.insert(ruling->outcome);
            if (!provision) provision = named;
        } else {
            errors.add(field, "other_provision", "the ruling does not name the provision");
        }
    }
    if (errors.empty() && (!outcomes.count("adverse") || !outcomes.count("favourable")))
        errors.add("rulings", "no_conflict", "at least one adverse and one favourable ruling");
    errors.throwIfAny("the rulings are no conflict on the provision", ValidationError::Kind::RuleViolation);

    PrecedentRequest r;
    r.board = in.board;
    r.provisionKey = key;
    r.provision = *provision;
    r.question = in.question;
    r.rulingIds = rulingIds;
    if (in.gaps) {
        r.gapIds = _gaps.loadIds(actor, *in.gaps, "gaps", LINKS_MAX);
    } else {
        for (const GapSummary& g : _rulings.gapsOnProvisions({key}, LINKS_MAX)) r.gapIds.push_back(g.id);
        std::sort(r.gapIds.begin(), r.gapIds.end());
    }
    r.state = _lifecycle.initialState();
    r.createdBy = actor.userId;
    r.createdByName = actor.username;
    r.createdAt = r.updatedAt = _clock.nowMs();
    r.dueAt = stateDueAt(_lifecycle.state(r.state), _calendar, r.createdAt);
    RecordEvent e = recordEvent(actor, "precedent", 0, "created", "", r.createdAt);
    e.toState = r.state;
    e.dataJson = EventData()
                     .text("board", r.board)
                     .text("provision", r.provisionKey)
                     .numbers("rulings", r.rulingIds)
                     .numbers("gaps", r.gapIds)
                     .str();
    return viewFor(actor, _precedents.create(r, jalaliDateInIran(r.createdAt).year, e));
}

PrecedentRequest PrecedentService::load(std::int64_t id) {
    auto r = _precedents.find(id);
    if (!r) throw NotFound("no request for a uniform precedent " + std::to_string(id));
    return *r;
}

PrecedentRequest PrecedentService::viewFor(const Principal& viewer, PrecedentRequest r) {
    if (r.gapIds.empty() || visibility::seesEveryGap(viewer)) return r;
    const visibility::KnownGaps known = _gaps.known(viewer, r.gapIds);
    std::erase_if(r.gapIds, [&](std::int64_t id) { return !known.id(id); });
    return r;
}

PrecedentRequest PrecedentService::get(const Principal& actor, std::int64_t id) {
    return viewFor(actor, load(id));
}

std::vector<PrecedentRequest> PrecedentService::list(const Principal& actor,
                                                     const std::optional<std::string>& state,
                                                     std::size_t limit) {
    FieldErrors errors;
    if (limit < 1 || limit > 100) errors.add("limit", "out_of_range", "between 1 and 100");
    if (state && !_lifecycle.findState(*state)) errors.add("state", "unknown", "not a state of the workflow");
    errors.throwIfAny("the query is not valid");
    std::vector<PrecedentRequest> out = _precedents.list(state, limit);
    for (PrecedentRequest& r : out) r = viewFor(actor, std::move(r));
    return out;
}

std::vector<PrecedentRequest> PrecedentService::onProvision(const Principal& actor,
                                                            const std::string& provision, std::size_t limit) {
    std::vector<PrecedentRequest> out = _precedents.onProvision(provisionKeyOf(provision), limit);
    for (PrecedentRequest& r : out) r = viewFor(actor, std::move(r));
    return out;
}

PrecedentRequest PrecedentService::argue(const Principal& actor, std::int64_t id, const std::string& text,
                                         std::int64_t expectedVersion) {
    FieldErrors errors;
    checkText(errors, "text", text, TEXT_MAX, true);
    errors.throwIfAny("the argument is not valid");
    PrecedentRequest r = load(id);
    if (!actor.municipality || !actor.hasRole(roles::LEGAL_DIRECTOR))
        throw Forbidden("a city's legal director writes its city's argument");
    if (r.state != _lifecycle.initialState())
        throw StateConflict("the request has left drafting (" + r.state + "); its arguments are as filed");
    requireVersion("request", r.version, expectedVersion);
    const std::int64_t now = _clock.nowMs();
    PrecedentArgument argument{*actor.municipality, text, actor.userId, actor.username, now};
    const auto own = std::find_if(r.arguments.begin(), r.arguments.end(), [&](const PrecedentArgument& a) {
        return a.municipality == argument.municipality;
    });
    const bool rewritten = own != r.arguments.end();
    if (rewritten)
        *own = argument;
    else
        r.arguments.push_back(argument);
    std::sort(r.arguments.begin(), r.arguments.end(),
              [](const PrecedentArgument& a, const PrecedentArgument& b) {
                  return a.municipality < b.municipality;
              });
    RecordEvent e = recordEvent(actor, "precedent", r.id, "argued", r.state, now);
    e.dataJson = EventData().text("municipality", argument.municipality).text("argument", text).str();
    r.updatedAt = now;
    _precedents.saveArguments(r, expectedVersion, e);
    r.version = expectedVersion + 1;
    return viewFor(actor, r);
}

PrecedentDecision PrecedentService::decide(const Principal& actor, PrecedentRequest& r,
                                           const std::string& ruling, const std::string& comment,
                                           std::int64_t now) const {
    std::int64_t rulingId = 0;
    const auto refuse = [](const std::string& detail) {
        throw ValidationError("the precedent is not a registered ruling",
                              {{"fields.ruling", "unknown", detail}}, ValidationError::Kind::RuleViolation);
    };
    if (!Poco::NumberParser::tryParse64(ruling, rulingId) || rulingId < 1) refuse("a registered ruling's id");
    const auto registered = _rulings.find(rulingId);
    if (!registered) refuse("the id of the registered ruling the board decided");
    if (!namedBy(*registered, r.provisionKey))
        refuse("the precedent is registered on the request's provision");
    if (std::find(r.rulingIds.begin(), r.rulingIds.end(), rulingId) != r.rulingIds.end())
        refuse("one of the conflicting rulings cannot settle the conflict");
    r.decisionRulingId = rulingId;
    r.decidedAt = now;
    // Every gap the request concerns hears of the precedent in its own history.
    GapEvent note;
    note.at = now;
    note.actorId = actor.userId;
    note.actorName = actor.username;
    note.clientAddress = actor.clientAddress;
    note.requestId = actor.requestId;
    note.type = "precedent_decided";
    note.changesJson = "[]";
    note.fieldsJson =
        EventData().text("precedent", r.reference).text("ruling", reference::ruling(rulingId)).str();
    note.comment = comment;
    // The ruling itself now shows as the precedent: a change of it, in its own history.
    RecordEvent onRuling = recordEvent(actor, "ruling", rulingId, "precedent", "", now);
    onRuling.dataJson = EventData().text("precedent", r.reference).text("board", r.board).str();
    return PrecedentDecision{note, onRuling};
}

PrecedentRequest PrecedentService::fireTransition(const Principal& actor, std::int64_t id,
                                                  const TransitionInput& raw, std::int64_t expectedVersion) {
    PrecedentRequest r = load(id);
    TransitionInput input = raw;
    FieldErrors errors;
    checkText(errors, "comment", input.comment, _limits.commentMax, false);
    for (const auto& [name, value] : input.fields)
        checkText(errors, "fields." + name, value, name == "filing_no" ? FILING_MAX : _limits.fieldValueMax,
                  false);
    errors.throwIfAny("the transition request is not valid");
    input.facts = facts(r);
    const LifecycleTransition& t = _lifecycle.check(r.state, actor.roles, input);
    const std::int64_t now = _clock.nowMs();
    std::optional<PrecedentDecision> decision;
    if (const auto it = input.fields.find("filing_no"); it != input.fields.end()) {
        r.filingNumber = it->second;
        r.filedAt = now;
    }
    if (const auto it = input.fields.find("ruling"); it != input.fields.end())
        decision = decide(actor, r, it->second, input.comment, now);
    requireVersion("request", r.version, expectedVersion);
    RecordEvent e = recordEvent(actor, "precedent", r.id, "transition", r.state, now);
    e.toState = t.to;
    e.transition = t.name;
    e.comment = input.comment;
    e.dataJson = EventData().textMap(input.fields).str();
    r.state = t.to;
    r.open = !_lifecycle.state(t.to).terminal;
    r.dueAt = stateDueAt(_lifecycle.state(t.to), _calendar, now);
    r.updatedAt = now;
    _precedents.save(r, expectedVersion, e, decision);
    r.version = expectedVersion + 1;
    return viewFor(actor, r);
}

std::vector<RecordEvent> PrecedentService::history(const Principal& actor, std::int64_t id) {
    return history(actor, load(id));
}

std::vector<RecordEvent> PrecedentService::history(const Principal& actor, const PrecedentRequest& request) {
    return _gaps.redactForViewer(actor, _events.history("precedent", request.id));
}

}  // namespace lacuna
