#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lacuna {

/// A state as the lifecycle describes it.
struct LifecycleState {
    std::string name;
    std::string labelFa;
    std::string labelEn;
    bool terminal = false;
    bool editable = false;
    std::optional<int> slaDays;
};

/// A transition as the lifecycle describes it.
struct LifecycleTransition {
    std::string name;
    std::string labelFa;
    std::string labelEn;
    std::vector<std::string> from;
    std::string to;
    std::vector<std::string> roles;
    std::vector<std::string> requirements;  ///< vocabulary: `comment`, `field:<name>`
    std::vector<std::string> fields;        ///< the field names the transition accepts
};

/// What the caller sends with a transition.
struct TransitionInput {
    std::string transition;
    std::string comment;
    std::map<std::string, std::string> fields;
};

/// The port through which services ask a lifecycle (gap, bill, …) what is allowed.
class Lifecycle {
public:
    virtual ~Lifecycle() = default;
    virtual const std::string& initialState() const = 0;
    /// Throws NotFound for a state the lifecycle does not define.
    virtual const LifecycleState& state(const std::string& name) const = 0;
    /// The transitions someone holding `roles` may fire from `state` now. An expected outcome,
    /// so a return value rather than an exception.
    virtual std::vector<const LifecycleTransition*> available(
        const std::string& state, const std::vector<std::string>& roles) const = 0;
    /// Checks that `input` may be fired from `state` by someone holding `roles` and returns the
    /// transition. Throws ValidationError (unknown transition or field, 400; unmet requirement, 422),
    /// StateConflict (not from this state, 409) or Forbidden (role, 403).
    virtual const LifecycleTransition& check(const std::string& state, const std::vector<std::string>& roles,
                                             const TransitionInput& input) const = 0;
};

}  // namespace lacuna
