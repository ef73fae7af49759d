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
    return requirement == "comment" || FIELD.match(requirement);
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

}  // namespace

Workflow loadWorkflow(const YamlDocument& doc) {
    const YAML::Node& root = doc.root();
    doc.allowKeys(root, {"workflow", "initial", "states", "transitions"}, "the workflow");
    Workflow wf;
    wf.name = doc.requiredString(root, "workflow");
    wf.initial = doc.requiredString(root, "initial");

    std::map<std::string, YAML::Node> stateNodes;
    const YAML::Node states = root["states"];
    if (!states) doc.fail(root, "missing required key 'states'");
    doc.requireSequence(states, "'states'");
    for (const auto& node : states) {
        doc.allowKeys(node, {"name", "label", "terminal", "editable", "sla_days"}, "a state");
        LifecycleState s;
        s.name = doc.requiredString(node, "name");
        if (!identifier().match(s.name))
            doc.fail(node["name"], "state name '" + s.name + "' is not an identifier");
        if (stateNodes.count(s.name)) doc.fail(node["name"], "duplicate state '" + s.name + "'");
        readLabel(doc, node, s.labelFa, s.labelEn, "state " + s.name);
        s.terminal = doc.optionalBool(node, "terminal").value_or(false);
        s.editable = doc.optionalBool(node, "editable").value_or(false);
        if (auto sla = doc.optionalInt(node, "sla_days", 1, 3650)) s.slaDays = static_cast<int>(*sla);
        if (s.terminal && s.slaDays)
            doc.fail(node["sla_days"], "terminal state '" + s.name + "' cannot have an SLA");
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
        doc.allowKeys(node, {"name", "label", "from", "to", "roles", "requires"}, "a transition");
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
                                               "' (known: comment, field:<name>)");
            if (req.rfind("field:", 0) == 0) t.fields.push_back(req.substr(6));
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
    return wf;
}

}  // namespace lacuna
