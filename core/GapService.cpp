#include "GapService.h"

#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>

#include <algorithm>

#include "Errors.h"
#include "EventData.h"
#include "GapRedaction.h"
#include "JalaliDate.h"
#include "JsonText.h"
#include "PersianText.h"
#include "Roles.h"
#include "SearchText.h"
#include "TextChecks.h"

namespace lacuna {
namespace {

std::string jsonImpact(const Impact& impact) {
    return "{\"pending_lawsuits\":" + std::to_string(impact.pendingLawsuits) +
           ",\"exposure_rials\":" + std::to_string(impact.exposureRials) + "}";
}

/// Builds the `changes` array of an event: one {field, old, new} per changed field.
class ChangeList {
public:
    void add(const std::string& field, const std::string& oldJson, const std::string& newJson) {
        if (oldJson == newJson) return;
        if (_json.size() > 1) _json += ",";
        _json += "{\"field\":" + jsonString(field) + ",\"old\":" + oldJson + ",\"new\":" + newJson + "}";
        ++_count;
    }
    bool empty() const { return _count == 0; }
    std::string json() const { return _json + "]"; }

private:
    std::string _json = "[";
    int _count = 0;
};

void describeAll(ChangeList& changes, const GapFields* before, const GapFields& after) {
    const auto str = [](const std::string& s) { return jsonString(s); };
    const std::string null = "null";
    changes.add("title", before ? str(before->title) : null, str(after.title));
    changes.add("description", before ? str(before->description) : null, str(after.description));
    changes.add("kind", before ? str(before->kind) : null, str(after.kind));
    changes.add("category", before ? str(before->category) : null, str(after.category));
    changes.add("provisions", before ? provisionsJson(before->provisions) : null,
                provisionsJson(after.provisions));
    changes.add("municipality", before ? str(before->municipality) : null, str(after.municipality));
    changes.add("priority", before ? str(before->priority) : null, str(after.priority));
    changes.add("confidential", before ? (before->confidential ? "true" : "false") : null,
                after.confidential ? "true" : "false");
    changes.add("impact", before ? jsonImpact(before->impact) : null, jsonImpact(after.impact));
}

}  // namespace

std::string gapSearchText(const GapFields& fields) {
    return normalizePersian(fields.title) + " " + normalizePersian(fields.description);
}

GapService::GapService(GapRepository& gaps, DraftRepository& drafts, MergeRepository& merges,
                       SearchRepository& search, const Lifecycle& lifecycle, const Catalog& catalog,
                       const WorkCalendar& calendar, const Clock& clock, GapLimits limits)
    : _gaps(gaps),
      _drafts(drafts),
      _merges(merges),
      _search(search),
      _lifecycle(lifecycle),
      _catalog(catalog),
      _calendar(calendar),
      _clock(clock),
      _limits(limits) {}

std::vector<std::string> GapService::rolesFor(const Principal& actor, const Gap& gap) const {
    if (!actor.municipality || *actor.municipality == gap.fields.municipality) return actor.roles;
    return {};
}

bool GapService::visibleTo(const Principal& actor, const Gap& gap) const {
    return visibility::mayKnowGap(actor, visibility::audienceOf(gap));
}

Gap GapService::loadHeld(std::int64_t id) {
    const auto gap = _gaps.find(id);
    if (!gap) throw NotFound("no gap " + std::to_string(id));
    return *gap;
}

visibility::KnownGaps GapService::known(const Principal& actor, const std::vector<std::int64_t>& ids,
                                        const std::vector<std::string>& references) {
    return visibility::KnownGaps(actor, _gaps.named(ids, references));
}

std::vector<RecordEvent> GapService::redactForViewer(const Principal& actor,
                                                     std::vector<RecordEvent> events) {
    if (visibility::seesEveryGap(actor)) return events;
    redaction::NamedInEvents named;
    for (const RecordEvent& e : events) redaction::collectNamedGaps(e.dataJson, named);
    if (named.ids.empty() && named.references.empty()) return events;
    return redaction::redactEvents(std::move(events), known(actor, named.ids, named.references));
}

std::vector<const LifecycleTransition*> GapService::availableTransitions(const Principal& actor,
                                                                         const Gap& gap) const {
    std::vector<const LifecycleTransition*> available = _lifecycle.available(gap.state, rolesFor(actor, gap));
    std::set<std::string> facts;
    // has_draft costs a read: established only when a transition the caller holds asks for it.
    for (const LifecycleTransition* t : available)
        if (contains(t->requirements, "has_draft") && _drafts.latestVersion(gap.id) > 0) {
            facts.insert("has_draft");
            break;
        }
    return Lifecycle::whoseFactsHold(std::move(available), facts);
}

bool GapService::mayEdit(const Principal& actor, const Gap& gap) const {
    const auto held = rolesFor(actor, gap);
    return (contains(held, std::string(roles::LEGAL_DIRECTOR)) ||
            contains(held, std::string(roles::LEGAL_EXPERT))) &&
           _lifecycle.state(gap.state).editable;
}

Gap GapService::load(const Principal& actor, std::int64_t id) {
    const auto gap = _gaps.find(id);
    if (!gap) throw NotFound("no gap " + std::to_string(id));
    return requireVisible(actor, *gap);
}

const Gap& GapService::requireVisible(const Principal& actor, const Gap& gap) const {
    // A gap the caller may not see answers exactly like one that does not exist.
    if (!visibleTo(actor, gap)) throw NotFound("no gap " + std::to_string(gap.id));
    return gap;
}

std::vector<Gap> GapService::loadVisible(const Principal& actor, const std::vector<std::int64_t>& ids) {
    std::map<std::int64_t, Gap> found;
    for (Gap& g : _gaps.findMany(ids))
        if (visibleTo(actor, g)) found.emplace(g.id, std::move(g));
    std::vector<Gap> out;
    for (const std::int64_t id : ids)
        if (const auto it = found.find(id); it != found.end()) out.push_back(std::move(it->second));
    return out;
}

Gap GapService::get(const Principal& actor, std::int64_t id) { return load(actor, id); }

Gap GapService::loadByKey(const Principal& actor, const std::string& key) {
    std::int64_t id = 0;
    if (Poco::NumberParser::tryParse64(key, id)) return load(actor, id);
    const auto gap = _gaps.findByReference(key);
    if (!gap || !visibleTo(actor, *gap)) throw NotFound("no gap «" + key + "»");
    return *gap;
}

std::vector<std::int64_t> GapService::loadIds(const Principal& actor, const std::vector<std::string>& keys,
                                              const std::string& field, std::size_t max) {
    FieldErrors errors;
    std::vector<std::int64_t> ids;
    for (std::size_t i = 0; i < keys.size() && i < max; ++i) {
        try {
            const std::int64_t id = loadByKey(actor, keys[i]).id;
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
        } catch (const NotFound&) {
            errors.add(field + "[" + std::to_string(i) + "]", "unknown", "no gap «" + keys[i] + "»");
        }
    }
    if (keys.size() > max) errors.add(field, "too_many", "at most " + std::to_string(max));
    errors.throwIfAny("the links are not valid", ValidationError::Kind::RuleViolation);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<GapEvent> GapService::history(const Principal& actor, std::int64_t id) {
    return history(actor, load(actor, id));
}

std::vector<GapEvent> GapService::history(const Principal& actor, const Gap& gap) {
    std::vector<GapEvent> events = _gaps.history(requireVisible(actor, gap).id);
    if (visibility::seesEveryGap(actor)) return events;
    // A merge names the other gap, which may be confidential to another city.
    redaction::NamedInEvents named;
    for (const GapEvent& e : events) redaction::collectNamedGaps(e.fieldsJson, named);
    if (named.ids.empty() && named.references.empty()) return events;
    return redaction::redactEvents(std::move(events), known(actor, named.ids, named.references));
}

void GapService::validateFields(const GapFields& f, FieldErrors& errors) const {
    checkText(errors, "title", f.title, _limits.titleMax, true);
    checkText(errors, "description", f.description, _limits.descriptionMax, true);
    if (!contains(gapvalues::kinds(), f.kind))
        errors.add("kind", "unknown", "one of vacuum, ambiguity, conflict, obsolete, obstacle");
    if (!_catalog.findCategory(f.category)) errors.add("category", "unknown", "not a configured category");
    if (!contains(gapvalues::priorities(), f.priority))
        errors.add("priority", "unknown", "one of low, normal, high, urgent");
    checkProvisions(errors, "provisions", f.provisions, _limits.provisionsMax, _limits.lawMax,
                    _limits.articleMax);
    if (f.impact.pendingLawsuits < 0)
        errors.add("impact.pending_lawsuits", "negative", "must not be negative");
    if (f.impact.exposureRials < 0) errors.add("impact.exposure_rials", "negative", "must not be negative");
}

GapEvent GapService::newEvent(const Principal& actor, const Gap& gap, const std::string& type) const {
    GapEvent event;
    event.gapId = gap.id;
    event.at = _clock.nowMs();
    event.actorId = actor.userId;
    event.actorName = actor.username;
    event.clientAddress = actor.clientAddress;
    event.requestId = actor.requestId;
    event.type = type;
    event.fromState = gap.state;
    event.toState = gap.state;
    event.changesJson = "[]";
    event.fieldsJson = "{}";
    event.gapReference = gap.reference;
    return event;
}

Gap GapService::report(const Principal& actor, GapFields fields) {
    FieldErrors errors;
    if (fields.municipality.empty()) {
        if (!actor.municipality)
            errors.add("municipality", "required", "a committee-level user names the reporting municipality");
        else
            fields.municipality = *actor.municipality;
    } else if (!_catalog.findMunicipality(fields.municipality)) {
        errors.add("municipality", "unknown", "no municipality «" + fields.municipality + "»");
    }
    validateFields(fields, errors);
    errors.throwIfAny("the gap is not valid");

    Gap gap;
    gap.fields = std::move(fields);
    gap.state = _lifecycle.initialState();
    const auto held = rolesFor(actor, gap);
    if (!contains(held, std::string(roles::LEGAL_DIRECTOR)) &&
        !contains(held, std::string(roles::LEGAL_EXPERT)))
        throw Forbidden("only the legal director or a legal expert of " + gap.fields.municipality +
                        " reports its gaps");
    const std::int64_t now = _clock.nowMs();
    gap.createdBy = actor.userId;
    gap.createdByName = actor.username;
    gap.createdAt = gap.updatedAt = now;
    gap.version = 1;
    gap.dueAt = stateDueAt(_lifecycle.state(gap.state), _calendar, now);

    GapEvent event = newEvent(actor, gap, "created");
    event.fromState.clear();
    ChangeList changes;
    describeAll(changes, nullptr, gap.fields);
    event.changesJson = changes.json();
    return _gaps.create(gap, jalaliDateInIran(now).year, event);
}

Gap GapService::edit(const Principal& actor, std::int64_t id, const GapPatch& patch,
                     std::int64_t expectedVersion) {
    Gap gap = load(actor, id);
    const auto held = rolesFor(actor, gap);
    if (!contains(held, std::string(roles::LEGAL_DIRECTOR)) &&
        !contains(held, std::string(roles::LEGAL_EXPERT)))
        throw Forbidden("only the legal director or a legal expert of the gap's city edits it");
    requireVersion("gap", gap.version, expectedVersion);
    if (!_lifecycle.state(gap.state).editable)
        throw StateConflict("a gap in state " + gap.state + " cannot be edited");

    const GapFields before = gap.fields;
    GapFields& f = gap.fields;
    applyPatch(f, patch);
    FieldErrors errors;
    validateFields(f, errors);
    errors.throwIfAny("the gap is not valid");

    ChangeList changes;
    describeAll(changes, &before, f);
    if (changes.empty()) return gap;  // nothing changed: no new version, no event

    GapEvent event = newEvent(actor, gap, "edited");
    event.changesJson = changes.json();
    gap.updatedAt = event.at;
    _gaps.update(gap, expectedVersion, event);
    gap.version = expectedVersion + 1;
    return gap;
}

std::string GapService::resolveDuplicateOf(const Principal& actor, const Gap& gap, const std::string& value) {
    std::optional<Gap> target;
    try {
        target = loadByKey(actor, value);
    } catch (const NotFound&) {
    }
    FieldErrors errors;
    if (!target)
        errors.add("fields.duplicate_of", "unknown", "no gap «" + value + "»");
    else if (target->id == gap.id)
        errors.add("fields.duplicate_of", "self", "a gap cannot duplicate itself");
    else if (_lifecycle.state(target->state).terminal)
        errors.add("fields.duplicate_of", "closed", "the surviving gap is already closed");
    errors.throwIfAny("the merge is not valid", ValidationError::Kind::RuleViolation);
    return target->reference;
}

GapStateChange GapService::planTransition(const Principal& actor, const Gap& gap, TransitionInput input) {
    FieldErrors errors;
    checkText(errors, "comment", input.comment, _limits.commentMax, false);
    for (const auto& [name, value] : input.fields)
        checkText(errors, "fields." + name, value, _limits.fieldValueMax, false);
    errors.throwIfAny("the transition request is not valid");

    // Establish has_draft only for a transition that asks (one read less on every other one).
    if (const LifecycleTransition* t = _lifecycle.findTransition(input.transition);
        t && contains(t->requirements, "has_draft") && _drafts.latestVersion(gap.id) > 0)
        input.facts.insert("has_draft");
    const LifecycleTransition& transition = _lifecycle.check(gap.state, rolesFor(actor, gap), input);
    // `duplicate_of` names another gap; the lifecycle only knows it is present, so check it here.
    if (const auto it = input.fields.find("duplicate_of"); it != input.fields.end())
        it->second = resolveDuplicateOf(actor, gap, it->second);

    GapStateChange change;
    change.gapId = gap.id;
    change.expectedVersion = gap.version;
    change.toState = transition.to;
    GapEvent& event = change.event;
    event = newEvent(actor, gap, "transition");
    event.toState = transition.to;
    event.transition = transition.name;
    event.comment = input.comment;
    event.fieldsJson = EventData().textMap(input.fields).str();
    change.dueAt = stateDueAt(_lifecycle.state(transition.to), _calendar, event.at);
    return change;
}

Gap GapService::fireTransition(const Principal& actor, std::int64_t id, const TransitionInput& input,
                               std::int64_t expectedVersion) {
    Gap gap = load(actor, id);
    // Facts come from the services that establish them, never from the caller.
    TransitionInput request = input;
    request.facts.clear();
    GapStateChange change = planTransition(actor, gap, request);
    requireVersion("gap", gap.version, expectedVersion);
    if (const auto it = input.fields.find("duplicate_of"); it != input.fields.end())
        return merge(actor, gap, loadByKey(actor, resolveDuplicateOf(actor, gap, it->second)), change,
                     expectedVersion);
    _gaps.changeState(change);
    gap.state = change.toState;
    gap.updatedAt = change.event.at;
    gap.dueAt = change.dueAt;
    gap.version = expectedVersion + 1;
    return gap;
}

Gap GapService::merge(const Principal& actor, Gap gap, Gap survivor, const GapStateChange& change,
                      std::int64_t expectedVersion) {
    // The survivor gains the merged gap's city (and its co-reporters), provisions and rulings.
    const GapFields before = survivor.fields;
    const std::vector<std::string> coBefore = survivor.coReporters;
    std::vector<std::string> cities = gap.coReporters;
    cities.insert(cities.begin(), gap.fields.municipality);
    for (const std::string& city : cities)
        if (city != survivor.fields.municipality && !contains(survivor.coReporters, city))
            survivor.coReporters.push_back(city);
    for (const Provision& p : gap.fields.provisions)
        if (std::none_of(survivor.fields.provisions.begin(), survivor.fields.provisions.end(),
                         [&](const Provision& q) { return provisionKey(q) == provisionKey(p); }))
            if (survivor.fields.provisions.size() < _limits.provisionsMax)
                survivor.fields.provisions.push_back(p);
    GapEvent event = newEvent(actor, survivor, "merged_in");
    event.comment = change.event.comment;
    event.fieldsJson = EventData().text("merged", gap.reference).str();
    ChangeList changes;
    changes.add("provisions", provisionsJson(before.provisions), provisionsJson(survivor.fields.provisions));
    const auto citiesJson = [](const std::vector<std::string>& list) {
        std::string out = "[";
        for (const auto& c : list) out += (out.size() > 1 ? "," : "") + jsonString(c);
        return out + "]";
    };
    changes.add("co_reporters", citiesJson(coBefore), citiesJson(survivor.coReporters));
    event.changesJson = changes.json();
    _merges.merge(change, survivor, survivor.version, event);
    gap.state = change.toState;
    gap.updatedAt = change.event.at;
    gap.dueAt = change.dueAt;
    gap.version = expectedVersion + 1;
    return gap;
}

GapQuery GapService::listQuery(const Principal& actor, GapListRequest request) const {
    GapQuery& q = request.query;
    FieldErrors errors;
    if (q.limit < 1 || q.limit > _limits.pageSizeMax)
        errors.add("limit", "out_of_range", "between 1 and " + std::to_string(_limits.pageSizeMax));
    checkText(errors, "q", request.text, _limits.queryMax, false);
    if (q.kind && !contains(gapvalues::kinds(), *q.kind)) errors.add("kind", "unknown", "not a gap kind");
    if (q.priority && !contains(gapvalues::priorities(), *q.priority))
        errors.add("priority", "unknown", "not a priority");
    if (q.category && !_catalog.findCategory(*q.category))
        errors.add("category", "unknown", "not a category");
    if (q.municipality && !_catalog.findMunicipality(*q.municipality))
        errors.add("municipality", "unknown", "not a municipality");
    if (q.state && !_lifecycle.findState(*q.state))
        errors.add("state", "unknown", "not a state of the gap workflow");
    errors.throwIfAny("the list request is not valid");

    const Poco::StringTokenizer words(normalizePersian(request.text), " ",
                                      Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    q.terms.assign(words.begin(), words.end());
    // A word in few gaps is looked up in the search index (by its stem), instead of scanning the
    // table for a substring that may be nowhere; a list of common words keeps the substring match
    // (its first page fills quickly). Counting stops at FEW, so the check itself stays cheap.
    constexpr std::int64_t FEW = 500;
    const std::vector<std::string> stems = searchTerms(request.text);
    std::int64_t rarest = FEW;
    for (const std::string& stem : stems)
        rarest = std::min(rarest, _search.documentFrequency(stem, "gap", FEW));
    if (!stems.empty() && rarest < FEW) {
        q.indexTerms = stems;
        q.terms.clear();
    }
    q.scope = visibility::listScope(actor);
    return q;
}

GapPage GapService::list(const Principal& actor, GapListRequest request) {
    return _gaps.list(listQuery(actor, std::move(request)));
}

GapSummaryPage GapService::listSummaries(const Principal& actor, GapListRequest request) {
    return _gaps.listSummaries(listQuery(actor, std::move(request)));
}

std::map<std::string, std::int64_t> GapService::countByState(const Principal& actor, GapListRequest request,
                                                             std::size_t cap) {
    const GapQuery q = listQuery(actor, std::move(request));
    std::vector<std::string> states;
    for (const LifecycleState& s : _lifecycle.states()) states.push_back(s.name);
    return _gaps.countByState(q, states, cap);
}

}  // namespace lacuna
