#include "BillService.h"

#include <algorithm>
#include <set>

#include "ConflictRetry.h"
#include "EventData.h"
#include "JalaliDate.h"
#include "JsonText.h"
#include "PersianText.h"
#include "Roles.h"
#include "TextChecks.h"

namespace lacuna {
namespace {

constexpr std::size_t TITLE_MAX = 500;
constexpr std::size_t SHORT_MAX = 200;
constexpr std::size_t TEXT_MAX = 20000;
constexpr std::size_t NOTE_MAX = 5000;
constexpr std::size_t LIST_MAX = 20;
constexpr std::size_t GAPS_MAX = 50;
constexpr std::size_t SPONSORS_MAX = 290;  // the Majlis has 290 seats
/// Stands for a new bill's reference in its gaps' planned events until the store assigns it (no
/// reference has this form, and none of its characters is escaped in JSON).
const std::string PENDING_REFERENCE = "B-pending-reference";

void replaceAll(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

void checkLine(FieldErrors& errors, const std::string& field, const std::string& value, std::size_t max,
               bool required) {
    checkText(errors, field, value, max, required);
    if (value.find('\n') != std::string::npos || value.find('\r') != std::string::npos)
        errors.add(field, "line_break", "must be one line");
}

void checkSponsor(FieldErrors& errors, const std::string& field, const SponsorInput& s) {
    checkLine(errors, field + ".name", s.name, SHORT_MAX, true);
    checkLine(errors, field + ".constituency", s.constituency, SHORT_MAX, false);
}

/// Whether an MP of this name has signed and not withdrawn: names are compared as people type them
/// (normalised), so «علي رضايي» and «علی رضایی» are one MP.
bool hasSigned(const Bill& bill, const std::string& name) {
    const std::string key = normalizePersian(name);
    return std::any_of(bill.sponsors.begin(), bill.sponsors.end(),
                       [&](const Sponsor& s) { return !s.withdrawnAt && normalizePersian(s.name) == key; });
}

}  // namespace

BillService::BillService(BillRepository& bills, RecordEventRepository& events, GapService& gaps,
                         const Lifecycle& lifecycle, const std::map<std::string, std::string>& bundledGaps,
                         const BillRules& rules, const WorkCalendar& calendar, const Clock& clock)
    : _bills(bills),
      _events(events),
      _gaps(gaps),
      _lifecycle(lifecycle),
      _bundledGaps(bundledGaps),
      _rules(rules),
      _calendar(calendar),
      _clock(clock) {}

void BillService::requireLiaison(const Principal& actor) const {
    if (!actor.hasRole(roles::LIAISON_OFFICER))
        throw Forbidden("only a liaison officer records a bill's progress");
}

void BillService::requireOpen(const Bill& bill) const {
    // A finished bill is a record of what happened: nothing changes it any more.
    if (_lifecycle.state(bill.state).terminal) throw StateConflict("the bill is closed (" + bill.state + ")");
}

void BillService::requireVersion(const Bill& bill, std::int64_t expectedVersion) const {
    lacuna::requireVersion("bill", bill.version, expectedVersion);
}

RecordEvent BillService::newEvent(const Principal& actor, const Bill& bill, const std::string& type) const {
    return recordEvent(actor, "bill", bill.id, type, bill.state, _clock.nowMs());
}

std::set<std::string> BillService::facts(const Bill& bill) const {
    std::set<std::string> f;
    const bool plan = bill.channel == "mps_plan";
    if (!plan || bill.activeSponsors() >= _rules.minSignatures) f.insert("signatures");
    if (plan && bill.activeSponsors() < _rules.minSignatures) f.insert("below_signatures");
    if (std::all_of(bill.objections.begin(), bill.objections.end(),
                    [](const Objection& o) { return o.resolved; }))
        f.insert("objections_resolved");
    return f;
}

std::vector<const LifecycleTransition*> BillService::availableTransitions(const Principal& actor,
                                                                          const Bill& bill) const {
    return _lifecycle.offered(bill.state, actor.roles, facts(bill));
}

void BillService::checkCommon(FieldErrors& errors, const std::optional<std::string>& title,
                              const std::optional<std::string>& registrationNo,
                              const std::optional<std::string>& lead,
                              const std::optional<std::vector<std::string>>& advisory,
                              const std::optional<std::string>& urgency) const {
    if (title) checkLine(errors, "title", *title, TITLE_MAX, true);
    if (registrationNo) checkLine(errors, "registration_no", *registrationNo, SHORT_MAX, false);
    if (lead) checkLine(errors, "lead_commission", *lead, SHORT_MAX, true);
    if (advisory) {
        if (advisory->size() > LIST_MAX)
            errors.add("advisory_commissions", "too_many", "at most " + std::to_string(LIST_MAX));
        std::set<std::string> named;
        if (lead) named.insert(normalizePersian(*lead));
        for (std::size_t i = 0; i < advisory->size(); ++i) {
            const std::string field = "advisory_commissions[" + std::to_string(i) + "]";
            checkLine(errors, field, (*advisory)[i], SHORT_MAX, true);
            if (!named.insert(normalizePersian((*advisory)[i])).second)
                errors.add(field, "duplicate", "named already (as lead or advisory commission)");
        }
    }
    if (urgency && !contains(billvalues::urgencies(), *urgency))
        errors.add("urgency", "unknown", "one of ordinary, single, double");
}

std::vector<GapStateChange> BillService::followBill(const Principal& actor, const Bill& bill,
                                                    const std::string& state,
                                                    const std::string& billReference,
                                                    const std::string& comment) {
    std::vector<GapStateChange> changes;
    const auto follow = _bundledGaps.find(state);
    if (follow == _bundledGaps.end()) return changes;
    const LifecycleTransition* t = _gaps.lifecycle().findTransition(follow->second);
    if (!t) return changes;
    // The bill acts for every gap it bundles, whatever city reported it.
    Principal forBill = actor;
    forBill.municipality.reset();
    for (const BillGap& bg : bill.gaps) {
        const Gap gap = _gaps.loadHeld(bg.gapId);
        TransitionInput input;
        input.transition = t->name;
        input.comment = comment.empty() ? "bill " + billReference + " → " + state : comment;
        if (contains(t->fields, "bill")) input.fields["bill"] = billReference;
        input.facts.insert("by_bill");
        try {
            changes.push_back(_gaps.planTransition(forBill, gap, input));
        } catch (const StateConflict&) {
            throw StateConflict("bundled gap " + gap.reference + " is in state " + gap.state +
                                "; transition " + t->name + " of the gap workflow does not start there");
        }
    }
    return changes;
}

Bill BillService::create(const Principal& actor, const BillInput& in) {
    requireLiaison(actor);
    FieldErrors errors;
    checkCommon(errors, in.title, in.registrationNo, in.leadCommission, in.advisoryCommissions, in.urgency);
    if (!contains(billvalues::channels(), in.channel))
        errors.add("channel", "unknown", "one of mps_plan, government_bill, provinces_council");
    if (in.gaps.empty()) errors.add("gaps", "required", "a bill bundles at least one endorsed gap");
    if (in.gaps.size() > GAPS_MAX) errors.add("gaps", "too_many", "at most " + std::to_string(GAPS_MAX));
    if (in.sponsors.size() > SPONSORS_MAX) errors.add("sponsors", "too_many", "the Majlis has 290 members");
    for (std::size_t i = 0; i < in.sponsors.size() && i < SPONSORS_MAX; ++i)
        checkSponsor(errors, "sponsors[" + std::to_string(i) + "]", in.sponsors[i]);
    errors.throwIfAny("the bill is not valid");

    Bill bill;
    bill.title = in.title;
    bill.channel = in.channel;
    bill.registrationNo = in.registrationNo;
    bill.leadCommission = in.leadCommission;
    bill.advisoryCommissions = in.advisoryCommissions;
    bill.urgency = in.urgency;
    bill.state = _lifecycle.initialState();
    bill.createdBy = actor.userId;
    bill.createdByName = actor.username;
    bill.createdAt = bill.updatedAt = _clock.nowMs();
    FieldErrors rules;
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < in.gaps.size(); ++i) {
        const std::string field = "gaps[" + std::to_string(i) + "]";
        try {
            // Bundling names a gap: the caller may bundle exactly the gaps it may know of.
            const Gap gap = _gaps.loadByKey(actor, in.gaps[i]);
            if (!seen.insert(gap.id).second)
                rules.add(field, "duplicate", "gap " + gap.reference + " is listed twice");
            else
                bill.gaps.push_back(
                    BillGap{gap.id, gap.reference, gap.fields.title, visibility::audienceOf(gap)});
        } catch (const NotFound&) {
            rules.add(field, "unknown", "no gap «" + in.gaps[i] + "»");
        }
    }
    for (std::size_t i = 0; i < in.sponsors.size(); ++i) {
        if (hasSigned(bill, in.sponsors[i].name))
            rules.add("sponsors[" + std::to_string(i) + "].name", "duplicate", "this MP is listed already");
        bill.sponsors.push_back(
            Sponsor{in.sponsors[i].name, in.sponsors[i].constituency, bill.createdAt, {}});
    }
    if (bill.channel != "mps_plan" && !bill.sponsors.empty())
        rules.add("sponsors", "not_a_plan", "only an MPs' plan (mps_plan) has sponsoring MPs");
    if (bill.channel == "mps_plan" && bill.activeSponsors() < _rules.minSignatures)
        rules.add("sponsors", "signatures",
                  "an MPs' plan needs at least " + std::to_string(_rules.minSignatures) +
                      " MP signatures, has " + std::to_string(bill.activeSponsors()));
    rules.throwIfAny("the bill cannot be submitted", ValidationError::Kind::RuleViolation);

    bill.dueAt = stateDueAt(_lifecycle.state(bill.state), _calendar, bill.createdAt, bill.urgency);
    RecordEvent e = newEvent(actor, bill, "created");
    e.fromState.clear();
    std::vector<std::string> gaps;
    for (const auto& g : bill.gaps) gaps.push_back(g.reference);
    e.dataJson = EventData()
                     .text("title", bill.title)
                     .text("channel", bill.channel)
                     .text("urgency", bill.urgency)
                     .texts("gaps", gaps)
                     .number("sponsors", static_cast<std::int64_t>(bill.sponsors.size()))
                     .str();
    // The bundled gaps' events name the bill, whose reference the store assigns inside the create's
    // transaction: every check and read of the gaps happens now, and the reference is written into the
    // planned events once it is known.
    const std::vector<GapStateChange> planned = followBill(actor, bill, bill.state, PENDING_REFERENCE, "");
    return _bills.create(bill, jalaliDateInIran(bill.createdAt).year, e, [&](const std::string& reference) {
        std::vector<GapStateChange> changes = planned;
        for (GapStateChange& c : changes) {
            replaceAll(c.event.comment, PENDING_REFERENCE, reference);
            replaceAll(c.event.fieldsJson, PENDING_REFERENCE, reference);
        }
        return changes;
    });
}

Bill BillService::load(std::int64_t id) {
    const auto bill = _bills.find(id);
    if (!bill) throw NotFound("no bill " + std::to_string(id));
    return *bill;
}

Bill BillService::viewFor(const Principal& viewer, Bill bill) const {
    for (BillGap& g : bill.gaps)
        if (!visibility::mayKnowGap(viewer, g.audience)) {
            g.gapId = 0;
            g.reference = g.title = visibility::HIDDEN_GAP;
        }
    return bill;
}

Bill BillService::get(const Principal& actor, std::int64_t id) { return viewFor(actor, load(id)); }

std::vector<Bill> BillService::list(const Principal& actor, const std::optional<std::string>& state,
                                    std::size_t limit) {
    FieldErrors errors;
    if (state && !_lifecycle.findState(*state))
        errors.add("state", "unknown", "not a state of the bill workflow");
    if (limit < 1 || limit > 100) errors.add("limit", "out_of_range", "between 1 and 100");
    errors.throwIfAny("the list request is not valid");
    std::vector<Bill> bills = _bills.list(state ? std::vector{*state} : std::vector<std::string>{}, limit);
    for (Bill& b : bills) b = viewFor(actor, std::move(b));
    return bills;
}

std::vector<std::vector<Bill>> BillService::board(const Principal& actor, std::size_t perState) {
    std::vector<std::string> names;
    for (const LifecycleState& s : _lifecycle.states()) names.push_back(s.name);
    std::vector<std::vector<Bill>> columns(names.size());
    for (Bill& b : _bills.list(names, perState)) {
        const auto at = std::find(names.begin(), names.end(), b.state) - names.begin();
        if (at < static_cast<std::ptrdiff_t>(columns.size()))
            columns[static_cast<std::size_t>(at)].push_back(viewFor(actor, std::move(b)));
    }
    return columns;
}

Bill BillService::update(const Principal& actor, std::int64_t id, const BillPatch& patch,
                         std::int64_t expectedVersion) {
    requireLiaison(actor);
    Bill bill = load(id);
    FieldErrors errors;
    checkCommon(errors, patch.title, patch.registrationNo, patch.leadCommission, patch.advisoryCommissions,
                patch.urgency);
    errors.throwIfAny("the bill change is not valid");
    requireOpen(bill);
    requireVersion(bill, expectedVersion);
    EventData data;
    if (patch.title) bill.title = *patch.title, data.text("title", bill.title);
    if (patch.registrationNo)
        bill.registrationNo = *patch.registrationNo, data.text("registration_no", bill.registrationNo);
    if (patch.leadCommission)
        bill.leadCommission = *patch.leadCommission, data.text("lead_commission", bill.leadCommission);
    if (patch.advisoryCommissions) {
        bill.advisoryCommissions = *patch.advisoryCommissions;
        data.texts("advisory_commissions", bill.advisoryCommissions);
    }
    if (patch.urgency && *patch.urgency != bill.urgency) {
        bill.urgency = *patch.urgency;
        data.text("urgency", bill.urgency);
        // The statutory clock of the current state may depend on the urgency.
        if (!_lifecycle.state(bill.state).slaByUrgency.empty() && bill.extensions == 0) {
            const auto history = _events.history("bill", bill.id);
            std::int64_t since = bill.createdAt;
            for (const auto& ev : history)
                if (ev.type == "transition") since = ev.at;
            bill.dueAt = stateDueAt(_lifecycle.state(bill.state), _calendar, since, bill.urgency);
        }
    }
    if (data.empty()) return bill;
    RecordEvent e = newEvent(actor, bill, "edited");
    e.dataJson = data.str();
    bill.updatedAt = e.at;
    _bills.save(bill, expectedVersion, {e}, {});
    bill.version = expectedVersion + 1;
    return viewFor(actor, bill);
}

RecordEvent BillService::enter(const Principal& actor, Bill& bill, const LifecycleTransition& t,
                               const TransitionInput& input) {
    RecordEvent e = newEvent(actor, bill, "transition");
    e.toState = t.to;
    e.transition = t.name;
    e.comment = input.comment;
    e.dataJson = EventData().textMap(input.fields).str();
    bill.state = t.to;
    bill.extensions = 0;
    bill.dueAt = stateDueAt(_lifecycle.state(t.to), _calendar, e.at, bill.urgency);
    bill.updatedAt = e.at;
    return e;
}

Bill BillService::fireTransition(const Principal& actor, std::int64_t id, const TransitionInput& raw,
                                 std::int64_t expectedVersion) {
    Bill bill = load(id);
    TransitionInput input = raw;
    FieldErrors errors;
    checkText(errors, "comment", input.comment, TEXT_MAX, false);
    for (const auto& [name, value] : input.fields)
        checkLine(errors, "fields." + name, value, SHORT_MAX, false);
    // A stage's date is the Majlis's date, in Jalali; it is stored normalised (1405-09-06).
    if (const auto it = input.fields.find("date"); it != input.fields.end()) {
        if (const auto date = parseJalaliDate(it->second))
            it->second = formatJalali(*date);
        else
            errors.add("fields.date", "format", JALALI_DATE_HINT);
    }
    errors.throwIfAny("the transition request is not valid");
    input.facts = facts(bill);
    const LifecycleTransition& t = _lifecycle.check(bill.state, actor.roles, input);
    requireVersion(bill, expectedVersion);
    if (const auto it = input.fields.find("registration_no"); it != input.fields.end() && !it->second.empty())
        bill.registrationNo = it->second;
    RecordEvent e = enter(actor, bill, t, input);
    const auto changes = followBill(actor, bill, t.to, bill.reference, input.comment);
    _bills.save(bill, expectedVersion, {e}, changes);
    bill.version = expectedVersion + 1;
    return viewFor(actor, bill);
}

Bill BillService::addSponsor(const Principal& actor, std::int64_t id, const SponsorInput& input,
                             std::int64_t expectedVersion) {
    requireLiaison(actor);
    FieldErrors errors;
    checkSponsor(errors, "sponsor", input);
    errors.throwIfAny("the sponsor is not valid");
    Bill bill = load(id);
    if (bill.channel != "mps_plan") throw StateConflict("only an MPs' plan has sponsoring MPs");
    const LifecycleTransition* lapse = _lifecycle.findTransition(_rules.lapseTransition);
    if (!lapse || !contains(lapse->from, bill.state))
        throw StateConflict("signatures no longer change once the general principles are approved");
    if (bill.sponsors.size() >= SPONSORS_MAX) throw StateConflict("the Majlis has 290 members");
    requireVersion(bill, expectedVersion);
    if (hasSigned(bill, input.name))
        throw ValidationError("signed already",
                              {{"name", "duplicate", "this MP has signed the plan already"}},
                              ValidationError::Kind::RuleViolation);
    RecordEvent e = newEvent(actor, bill, "sponsor_added");
    bill.sponsors.push_back(Sponsor{input.name, input.constituency, e.at, {}});
    e.dataJson = EventData()
                     .number("number", static_cast<std::int64_t>(bill.sponsors.size()))
                     .text("name", input.name)
                     .number("active_sponsors", bill.activeSponsors())
                     .str();
    bill.updatedAt = e.at;
    _bills.save(bill, expectedVersion, {e}, {});
    bill.version = expectedVersion + 1;
    return viewFor(actor, bill);
}

Bill BillService::withdrawSponsor(const Principal& actor, std::int64_t id, std::int64_t number,
                                  std::int64_t expectedVersion) {
    requireLiaison(actor);
    Bill bill = load(id);
    if (number < 1 || number > static_cast<std::int64_t>(bill.sponsors.size()))
        throw NotFound("bill " + bill.reference + " has no sponsor " + std::to_string(number));
    Sponsor& sponsor = bill.sponsors[static_cast<std::size_t>(number - 1)];
    if (sponsor.withdrawnAt) throw StateConflict(sponsor.name + " has withdrawn already");
    const LifecycleTransition* lapse = _lifecycle.findTransition(_rules.lapseTransition);
    if (!lapse || !contains(lapse->from, bill.state))
        throw StateConflict("signatures no longer change once the general principles are approved");
    requireVersion(bill, expectedVersion);
    RecordEvent e = newEvent(actor, bill, "sponsor_withdrawn");
    sponsor.withdrawnAt = e.at;
    e.dataJson = EventData()
                     .number("number", number)
                     .text("name", sponsor.name)
                     .number("active_sponsors", bill.activeSponsors())
                     .str();
    bill.updatedAt = e.at;
    std::vector<RecordEvent> events = {e};
    std::vector<GapStateChange> changes;
    if (bill.activeSponsors() < _rules.minSignatures) {
        // Below the minimum before the general principles pass: the plan lapses, by the Majlis's rules.
        TransitionInput input;
        input.transition = lapse->name;
        input.comment = "fewer than " + std::to_string(_rules.minSignatures) + " MP signatures remain";
        input.facts = facts(bill);
        Principal system = actor;
        system.roles = lapse->roles;
        const LifecycleTransition& t = _lifecycle.check(bill.state, system.roles, input);
        events.push_back(enter(actor, bill, t, input));
        changes = followBill(actor, bill, t.to, bill.reference, input.comment);
    }
    _bills.save(bill, expectedVersion, events, changes);
    bill.version = expectedVersion + static_cast<std::int64_t>(events.size());
    return viewFor(actor, bill);
}

Bill BillService::addObjection(const Principal& actor, std::int64_t id, const ObjectionInput& input,
                               std::int64_t expectedVersion) {
    requireLiaison(actor);
    FieldErrors errors;
    checkLine(errors, "article", input.article, SHORT_MAX, true);
    if (!contains(billvalues::objectionTypes(), input.type))
        errors.add("type", "unknown", "one of sharia, constitution, ambiguity");
    checkText(errors, "text", input.text, TEXT_MAX, true);
    errors.throwIfAny("the objection is not valid");
    Bill bill = load(id);
    if (!contains(_rules.objectionStates, bill.state))
        throw StateConflict("Guardian Council objections are recorded while the bill is before the Council");
    requireVersion(bill, expectedVersion);
    RecordEvent e = newEvent(actor, bill, "objection_added");
    const auto number = static_cast<std::int64_t>(bill.objections.size() + 1);
    bill.objections.push_back(Objection{number, input.article, input.type, input.text, "", false, e.at, {}});
    e.dataJson =
        EventData().number("number", number).text("article", input.article).text("type", input.type).str();
    bill.updatedAt = e.at;
    _bills.save(bill, expectedVersion, {e}, {});
    bill.version = expectedVersion + 1;
    return viewFor(actor, bill);
}

Bill BillService::answerObjection(const Principal& actor, std::int64_t id, std::int64_t number,
                                  const ObjectionAnswer& answer, std::int64_t expectedVersion) {
    requireLiaison(actor);
    FieldErrors errors;
    if (answer.response) checkText(errors, "response", *answer.response, TEXT_MAX, false);
    if (!answer.response && !answer.resolved)
        errors.add("response", "required", "give a response or resolved");
    errors.throwIfAny("the answer is not valid");
    Bill bill = load(id);
    if (number < 1 || number > static_cast<std::int64_t>(bill.objections.size()))
        throw NotFound("bill " + bill.reference + " has no objection " + std::to_string(number));
    if (!contains(_rules.objectionStates, bill.state))
        throw StateConflict(
            "objections are answered while the bill is before the Council or returned from it");
    requireVersion(bill, expectedVersion);
    Objection& o = bill.objections[static_cast<std::size_t>(number - 1)];
    RecordEvent e = newEvent(actor, bill, "objection_answered");
    if (answer.response) o.response = *answer.response;
    if (answer.resolved) {
        if (*answer.resolved && normalizePersian(o.response).empty())
            throw ValidationError("no response",
                                  {{"response", "required", "record the Majlis's response first"}},
                                  ValidationError::Kind::RuleViolation);
        o.resolved = *answer.resolved;
        o.resolvedAt = o.resolved ? std::optional<std::int64_t>(e.at) : std::nullopt;
    }
    e.dataJson = EventData().number("number", number).flag("resolved", o.resolved).str();
    bill.updatedAt = e.at;
    _bills.save(bill, expectedVersion, {e}, {});
    bill.version = expectedVersion + 1;
    return viewFor(actor, bill);
}

Bill BillService::setPosition(const Principal& actor, std::int64_t id, const std::string& position,
                              const std::string& note) {
    FieldErrors errors;
    if (!contains(billvalues::positions(), position))
        errors.add("position", "unknown", "one of support, oppose, watch");
    checkText(errors, "note", note, NOTE_MAX, false);
    errors.throwIfAny("the position is not valid");
    if (!actor.hasRole(roles::LEGAL_DIRECTOR) || !actor.municipality)
        throw Forbidden("a city's legal director states the city's position");
    const std::string city = *actor.municipality;
    return retryIndependent([&] {
        Bill bill = load(id);
        requireOpen(bill);
        RecordEvent e = newEvent(actor, bill, "position");
        std::erase_if(bill.positions, [&](const BillPosition& p) { return p.municipality == city; });
        bill.positions.push_back(BillPosition{city, position, note, actor.userId, actor.username, e.at});
        std::sort(
            bill.positions.begin(), bill.positions.end(),
            [](const BillPosition& a, const BillPosition& b) { return a.municipality < b.municipality; });
        e.dataJson = EventData().text("municipality", city).text("position", position).str();
        e.comment = note;
        bill.updatedAt = e.at;
        _bills.save(bill, bill.version, {e}, {});
        ++bill.version;
        return viewFor(actor, bill);
    });
}

Bill BillService::extendClock(const Principal& actor, std::int64_t id, const std::string& comment,
                              std::int64_t expectedVersion) {
    requireLiaison(actor);
    FieldErrors errors;
    checkText(errors, "comment", comment, TEXT_MAX, false);
    errors.throwIfAny("the extension is not valid");
    Bill bill = load(id);
    const LifecycleState& state = _lifecycle.state(bill.state);
    if (!state.extensionDays || !bill.dueAt)
        throw StateConflict("the clock of state " + bill.state + " cannot be extended");
    if (bill.extensions >= _rules.maxExtensions)
        throw StateConflict("the clock of state " + bill.state + " was extended already");
    requireVersion(bill, expectedVersion);
    RecordEvent e = newEvent(actor, bill, "clock_extended");
    const std::int64_t before = *bill.dueAt;
    bill.dueAt = _calendar.extend(before, *state.extensionDays);
    ++bill.extensions;
    e.comment = comment;
    e.dataJson = EventData()
                     .number("days", *state.extensionDays)
                     .text("due_before", formatIsoUtc(before))
                     .text("due_at", formatIsoUtc(*bill.dueAt))
                     .str();
    bill.updatedAt = e.at;
    _bills.save(bill, expectedVersion, {e}, {});
    bill.version = expectedVersion + 1;
    return viewFor(actor, bill);
}

std::vector<RecordEvent> BillService::history(const Principal& actor, std::int64_t id) {
    return history(actor, load(id));
}

std::vector<RecordEvent> BillService::history(const Principal& actor, const Bill& bill) {
    return _gaps.redactForViewer(actor, _events.history("bill", bill.id));
}

}  // namespace lacuna
