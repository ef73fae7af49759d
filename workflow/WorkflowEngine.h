#pragma once

#include "Lifecycle.h"
#include "Workflow.h"

namespace lacuna {

/// Runs any validated workflow: answers which transitions a holder of some roles may fire, and
/// checks one transition request against state, roles and requirements.
class WorkflowEngine : public Lifecycle {
public:
    explicit WorkflowEngine(Workflow workflow);

    const Workflow& workflow() const { return _workflow; }

    const std::string& initialState() const override;
    const LifecycleState& state(const std::string& name) const override;
    const LifecycleState* findState(const std::string& name) const override {
        return _workflow.findState(name);
    }
    const std::vector<LifecycleState>& states() const override { return _workflow.states; }
    const LifecycleTransition* findTransition(const std::string& name) const override {
        return _workflow.findTransition(name);
    }
    std::vector<const LifecycleTransition*> available(const std::string& state,
                                                      const std::vector<std::string>& roles) const override;
    const LifecycleTransition& check(const std::string& state, const std::vector<std::string>& roles,
                                     const TransitionInput& input) const override;

private:
    Workflow _workflow;
};

}  // namespace lacuna
