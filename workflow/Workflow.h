#pragma once

#include <map>
#include <string>
#include <vector>

#include "Lifecycle.h"
#include "YamlDocument.h"

namespace lacuna {

/// A validated lifecycle definition: states and transitions, in the order the file gives them.
struct Workflow {
    std::string name;
    std::string initial;
    std::vector<LifecycleState> states;
    std::vector<LifecycleTransition> transitions;
    /// For a workflow whose records bundle gaps (bills): the gap transition fired on every bundled
    /// gap when the record enters a state, and where the file says so (to check it against the
    /// gap workflow once both are loaded).
    std::map<std::string, std::string> bundledGaps;
    std::map<std::string, std::string> bundledGapNodes;

    const LifecycleState* findState(const std::string& state) const;
    const LifecycleTransition* findTransition(const std::string& transition) const;
};

/// Whether the engine implements this requirement name (`comment`, `field:<name>`, a lifecycle fact).
bool isKnownRequirement(const std::string& requirement);

/// Reads and validates a workflow file; throws ConfigError with file:line for unknown keys, states,
/// roles or requirements, duplicate names, unreachable states, states with no way to an end, and
/// transitions out of terminal states.
Workflow loadWorkflow(const YamlDocument& document);

}  // namespace lacuna
