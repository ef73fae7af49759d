#include "WorkflowEngine.h"

#include <algorithm>

#include "Errors.h"
#include "PersianText.h"

namespace lacuna {
namespace {

bool startsFrom(const LifecycleTransition& t, const std::string& state) {
    return std::find(t.from.begin(), t.from.end(), state) != t.from.end();
}

bool permits(const LifecycleTransition& t, const std::vector<std::string>& roles) {
    return std::any_of(t.roles.begin(), t.roles.end(), [&](const std::string& r) {
        return std::find(roles.begin(), roles.end(), r) != roles.end();
    });
}

}  // namespace

WorkflowEngine::WorkflowEngine(Workflow workflow) : _workflow(std::move(workflow)) {}

const std::string& WorkflowEngine::initialState() const { return _workflow.initial; }

const LifecycleState& WorkflowEngine::state(const std::string& name) const {
    const LifecycleState* s = findState(name);
    if (!s) throw NotFound("no state '" + name + "' in workflow " + _workflow.name);
    return *s;
}

std::vector<const LifecycleTransition*> WorkflowEngine::available(
    const std::string& state, const std::vector<std::string>& roles) const {
    std::vector<const LifecycleTransition*> out;
    for (const auto& t : _workflow.transitions)
        if (startsFrom(t, state) && permits(t, roles)) out.push_back(&t);
    return out;
}

const LifecycleTransition& WorkflowEngine::check(const std::string& state,
                                                 const std::vector<std::string>& roles,
                                                 const TransitionInput& input) const {
    const LifecycleTransition* t = _workflow.findTransition(input.transition);
    if (!t)
        throw ValidationError("unknown transition",
                              {{"transition", "unknown",
                                "no transition '" + input.transition + "' in workflow " + _workflow.name}});
    if (!startsFrom(*t, state))
        throw StateConflict("transition '" + t->name + "' cannot be fired from state '" + state + "'");
    if (!permits(*t, roles))
        throw Forbidden("your roles do not allow transition '" + t->name + "' on this record");

    FieldErrors unknown;
    for (const auto& [name, value] : input.fields)
        if (std::find(t->fields.begin(), t->fields.end(), name) == t->fields.end())
            unknown.add("fields." + name, "unknown",
                        "transition '" + t->name + "' takes no field '" + name + "'");
    unknown.throwIfAny("the transition request is not valid");

    FieldErrors unmet;
    for (const auto& req : t->requirements) {
        if (req == "comment") {
            if (normalizePersian(input.comment).empty())
                unmet.add("comment", "required", "transition '" + t->name + "' needs a comment");
        } else if (req.rfind("field:", 0) == 0) {
            const std::string name = req.substr(6);
            const auto it = input.fields.find(name);
            if (it == input.fields.end() || normalizePersian(it->second).empty())
                unmet.add("fields." + name, "required",
                          "transition '" + t->name + "' needs field '" + name + "'");
        } else if (const LifecycleFact* fact = findLifecycleFact(req)) {
            if (!input.facts.count(req)) unmet.add(fact->field, req, fact->unmet);
        }
    }
    unmet.throwIfAny("the transition's requirements are not met", ValidationError::Kind::RuleViolation);
    return *t;
}

}  // namespace lacuna
