#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lacuna {

/// How long a record may stay in a state: calendar days, or working days of the Iranian week.
struct Sla {
    int days = 0;
    bool workingDays = false;
};

/// A state as the lifecycle describes it.
struct LifecycleState {
    std::string name;
    std::string labelFa;
    std::string labelEn;
    bool terminal = false;
    bool editable = false;
    bool drafts = false;  ///< amendment drafts may be saved in this state
    std::optional<Sla> sla;
    /// A statutory clock that replaces `sla` for records of this urgency (bills: `double` → 3 working days).
    std::map<std::string, Sla> slaByUrgency;
    /// Days one extension adds to the clock (the Guardian Council's +10); none when unset.
    std::optional<int> extensionDays;
};

/// A transition as the lifecycle describes it.
struct LifecycleTransition {
    std::string name;
    std::string labelFa;
    std::string labelEn;
    std::vector<std::string> from;
    std::string to;
    std::vector<std::string> roles;
    /// vocabulary: `comment`, `field:<name>`, and the facts of lifecycleFacts()
    std::vector<std::string> requirements;
    std::vector<std::string> fields;  ///< the field names the transition accepts (required or optional)
};

/// What the caller sends with a transition.
struct TransitionInput {
    std::string transition;
    std::string comment;
    std::map<std::string, std::string> fields;
    /// The facts about the record that hold now (`has_draft`, `quorum`, …), worked out by the
    /// service that fires the transition; a requirement naming a fact is met when it is here.
    std::set<std::string> facts;
};

/// A requirement that is a fact about the record, with what to tell a caller when it does not hold.
struct LifecycleFact {
    const char* name;
    const char* field;  ///< the request field the error is reported on
    const char* unmet;  ///< the message when the fact does not hold
};

/// The facts the services know how to establish.
const std::vector<LifecycleFact>& lifecycleFacts();
const LifecycleFact* findLifecycleFact(const std::string& name);

/// The port through which services ask a lifecycle (gap, bill, …) what is allowed.
class Lifecycle {
public:
    virtual ~Lifecycle() = default;
    virtual const std::string& initialState() const = 0;
    /// Throws NotFound for a state the lifecycle does not define.
    virtual const LifecycleState& state(const std::string& name) const = 0;
    /// The state named so, or null (for checking a name a person gave).
    virtual const LifecycleState* findState(const std::string& name) const = 0;
    /// Every state, in the order the definition gives them.
    virtual const std::vector<LifecycleState>& states() const = 0;
    /// The transition named so, or null.
    virtual const LifecycleTransition* findTransition(const std::string& name) const = 0;
    /// The transitions someone holding `roles` may fire from `state` (requirements aside). An expected
    /// outcome, so a return value rather than an exception.
    virtual std::vector<const LifecycleTransition*> available(
        const std::string& state, const std::vector<std::string>& roles) const = 0;
    /// What a record offers its reader: the available transitions whose required facts all hold now
    /// (`facts`, as the record's service establishes them). A transition only a meeting or a bill fires
    /// (`quorum`, `by_bill`) is never offered; what the caller supplies (a comment, a field) is asked for.
    std::vector<const LifecycleTransition*> offered(const std::string& state,
                                                    const std::vector<std::string>& roles,
                                                    const std::set<std::string>& facts) const;
    /// `transitions` less those that require a fact not in `facts`.
    static std::vector<const LifecycleTransition*> whoseFactsHold(
        std::vector<const LifecycleTransition*> transitions, const std::set<std::string>& facts);
    /// Checks that `input` may be fired from `state` by someone holding `roles` and returns the
    /// transition. Throws ValidationError (unknown transition or field, 400; unmet requirement, 422),
    /// StateConflict (not from this state, 409) or Forbidden (role, 403).
    virtual const LifecycleTransition& check(const std::string& state, const std::vector<std::string>& roles,
                                             const TransitionInput& input) const = 0;
};

}  // namespace lacuna
