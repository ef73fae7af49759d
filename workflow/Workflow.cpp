#include "Workflow.h"

#include <Poco/RegularExpression.h>

#include <algorithm>
#include <map>
#include <set>

#include "Roles.h"

namespace lacuna {

const LifecycleState* Workflow::findState(const std::string& state) const {
    const auto it =
        std::find_if(states.begin(), states.end(), [&](const auto& s) { return s.name == state; });
    return it == states.end() ? nullptr : &*it;
}

const LifecycleTransition* Workflow::findTransition(const std::string& transition) const {
    const auto it = std::find_if(transitions.begin(), transitions.end(),
                                 [&](const auto& t) { return t.name == transition; });
    return it == transitions.end() ? nullptr : &*it;
}

bool isKnownRequirement(const std::string& requirement) {
    static const Poco::RegularExpression FIELD("^field:[a-z][a-z0-9_]{0,63}$");
    return requirement == "comment" || FIELD.match(requirement) || findLifecycleFact(requirement);
}

std::string knownRequirements() {
    std::string out = "comment, field:<name>";
    for (const auto& fact : lifecycleFacts()) out += std::string(", ") + fact.name;
    return out;
}

namespace {

const Poco::RegularExpression& identifier() {
    static const Poco::RegularExpression ID("^[a-z][a-z0-9_]{0,63}$");
    return ID;
}

void readLabel(const YamlDocument& doc, const YAML::Node& map, std::string& fa, std::string& en,
               const std::string& what) {
    const YAML::Node label = map["label"];
    if (!label) doc.fail(map, "missing required key 'label' ({fa, en}) in " + what);
    doc.allowKeys(label, {"fa", "en"}, "label of " + what);
    fa = doc.requiredString(label, "fa");
    en = doc.requiredString(label, "en");
}

/// `sla_days: N`, `sla_working_days: N`, or a map {days: N} / {working_days: N} under `key`.
std::optional<Sla> readSla(const YamlDocument& doc, const YAML::Node& node) {
    const auto days = doc.optionalInt(node, "days", 1, 3650);
    const auto working = doc.optionalInt(node, "working_days", 1, 3650);
    if (days && working) doc.fail(node, "give either days or working_days, not both");
    if (days) return Sla{static_cast<int>(*days), false};
    if (working) return Sla{static_cast<int>(*working), true};
    return std::nullopt;
}

void readStateClocks(const YamlDocument& doc, const YAML::Node& node, LifecycleState& s) {
    const auto days = doc.optionalInt(node, "sla_days", 1, 3650);
    const auto working = doc.optionalInt(node, "sla_working_days", 1, 3650);
    if (days && working) doc.fail(node["sla_working_days"], "give either sla_days or sla_working_days");
    if (days) s.sla = Sla{static_cast<int>(*days), false};
    if (working) s.sla = Sla{static_cast<int>(*working), true};
    if (const YAML::Node byUrgency = node["sla_by_urgency"]) {
        doc.requireMap(byUrgency, "'sla_by_urgency'");
        for (const auto& entry : byUrgency) {
            const std::string urgency = entry.first.as<std::string>();
            if (!identifier().match(urgency))
                doc.fail(entry.first, "urgency '" + urgency + "' is not an identifier");
            doc.allowKeys(entry.second, {"days", "working_days"}, "sla_by_urgency." + urgency);
            const auto sla = readSla(doc, entry.second);
            if (!sla) doc.fail(entry.second, "sla_by_urgency." + urgency + " needs days or working_days");
            s.slaByUrgency[urgency] = *sla;
        }
    }
    if (auto v = doc.optionalInt(node, "extension_days", 1, 365)) s.extensionDays = static_cast<int>(*v);
    if (s.terminal && (s.sla || !s.slaByUrgency.empty() || s.extensionDays))
        doc.fail(node, "terminal state '" + s.name + "' cannot have a clock");
    if (s.extensionDays && !s.sla && s.slaByUrgency.empty())
        doc.fail(node["extension_days"],
                 "extension_days needs a clock to extend (sla_days or sla_working_days)");
}

}  // namespace

Workflow loadWorkflow(const YamlDocument& doc) {
    const YAML::Node& root = doc.root();
    doc.allowKeys(root, {"workflow", "initial", "states", "transitions", "bundled_gaps"}, "the workflow");
    Workflow wf;
    wf.name = doc.requiredString(root, "workflow");
    wf.initial = doc.requiredString(root, "initial");

    std::map<std::string, YAML::Node> stateNodes;
    const YAML::Node states = root["states"];
    if (!states) doc.fail(root, "missing required key 'states'");
    doc.requireSequence(states, "'states'");
    for (const auto& node : states) {
        doc.allowKeys(node,
                      {"name", "label", "terminal", "editable", "drafts", "sla_days", "sla_working_days",
                       "sla_by_urgency", "extension_days"},
                      "a state");
        LifecycleState s;
        s.name = doc.requiredString(node, "name");
        if (!identifier().match(s.name))
            doc.fail(node["name"], "state name '" + s.name + "' is not an identifier");
        if (stateNodes.count(s.name)) doc.fail(node["name"], "duplicate state '" + s.name + "'");
        readLabel(doc, node, s.labelFa, s.labelEn, "state " + s.name);
        s.terminal = doc.optionalBool(node, "terminal").value_or(false);
        s.editable = doc.optionalBool(node, "editable").value_or(false);
        s.drafts = doc.optionalBool(node, "drafts").value_or(false);
        readStateClocks(doc, node, s);
        stateNodes.emplace(s.name, static_cast<const YAML::Node&>(node));
        wf.states.push_back(std::move(s));
    }
    if (wf.states.empty()) doc.fail(states, "a workflow needs states");
    if (!wf.findState(wf.initial))
        doc.fail(root["initial"], "initial state '" + wf.initial + "' is not defined");
    if (wf.findState(wf.initial)->terminal) doc.fail(root["initial"], "the initial state cannot be terminal");

    const YAML::Node transitions = root["transitions"];
    if (!transitions) doc.fail(root, "missing required key 'transitions'");
    doc.requireSequence(transitions, "'transitions'");
    std::set<std::string> names;
    for (const auto& node : transitions) {
        doc.allowKeys(node, {"name", "label", "from", "to", "roles", "requires", "accepts"}, "a transition");
        LifecycleTransition t;
        t.name = doc.requiredString(node, "name");
        if (!identifier().match(t.name))
            doc.fail(node["name"], "transition name '" + t.name + "' is not an identifier");
        if (!names.insert(t.name).second) doc.fail(node["name"], "duplicate transition '" + t.name + "'");
        readLabel(doc, node, t.labelFa, t.labelEn, "transition " + t.name);
        t.from = doc.stringList(node, "from", true);
        if (t.from.empty())
            doc.fail(node["from"], "transition '" + t.name + "' needs at least one from-state");
        for (const auto& from : t.from) {
            const LifecycleState* s = wf.findState(from);
            if (!s)
                doc.fail(node["from"],
                         "transition '" + t.name + "' starts from unknown state '" + from + "'");
            if (s->terminal)
                doc.fail(node["from"], "transition '" + t.name + "' leaves terminal state '" + from + "'");
        }
        t.to = doc.requiredString(node, "to");
        if (!wf.findState(t.to))
            doc.fail(node["to"], "transition '" + t.name + "' goes to unknown state '" + t.to + "'");
        t.roles = doc.stringList(node, "roles", true);
        if (t.roles.empty()) doc.fail(node["roles"], "transition '" + t.name + "' needs at least one role");
        for (const auto& role : t.roles)
            if (!isKnownRole(role))
                doc.fail(node["roles"], "unknown role '" + role + "' in transition '" + t.name + "'");
        t.requirements = doc.stringList(node, "requires", false);
        for (const auto& req : t.requirements) {
            if (!isKnownRequirement(req))
                doc.fail(node["requires"], "unknown requirement '" + req + "' in transition '" + t.name +
                                               "' (known: " + knownRequirements() + ")");
            if (req.rfind("field:", 0) == 0) t.fields.push_back(req.substr(6));
        }
        for (const auto& field : doc.stringList(node, "accepts", false)) {
            if (!identifier().match(field))
                doc.fail(node["accepts"], "field name '" + field + "' is not an identifier");
            if (std::find(t.fields.begin(), t.fields.end(), field) != t.fields.end())
                doc.fail(node["accepts"],
                         "field '" + field + "' of transition '" + t.name + "' is listed twice");
            t.fields.push_back(field);
        }
        wf.transitions.push_back(std::move(t));
    }

    // Every state must be reachable from the initial one …
    std::set<std::string> reached = {wf.initial};
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& t : wf.transitions)
            for (const auto& from : t.from)
                if (reached.count(from) && reached.insert(t.to).second) grew = true;
    }
    for (const auto& s : wf.states)
        if (!reached.count(s.name))
            doc.fail(stateNodes[s.name],
                     "state '" + s.name + "' cannot be reached from '" + wf.initial + "'");
    // … and every non-terminal state must have a way to some terminal state.
    std::set<std::string> ending;
    for (const auto& s : wf.states)
        if (s.terminal) ending.insert(s.name);
    if (ending.empty()) doc.fail(states, "a workflow needs at least one terminal state");
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& t : wf.transitions)
            if (ending.count(t.to))
                for (const auto& from : t.from)
                    if (ending.insert(from).second) grew = true;
    }
    for (const auto& s : wf.states)
        if (!ending.count(s.name))
            doc.fail(stateNodes[s.name], "state '" + s.name + "' has no way to any terminal state");

    if (const YAML::Node bundled = root["bundled_gaps"]) {
        doc.requireMap(bundled, "'bundled_gaps'");
        for (const auto& entry : bundled) {
            const std::string state = entry.first.as<std::string>();
            if (!wf.findState(state))
                doc.fail(entry.first, "bundled_gaps names unknown state '" + state + "'");
            if (!entry.second.IsScalar())
                doc.fail(entry.second, "bundled_gaps." + state + " must name a gap transition");
            wf.bundledGaps[state] = entry.second.as<std::string>();
            wf.bundledGapNodes[state] = doc.where(entry.second);
        }
    }
    return wf;
}

}  // namespace lacuna
