#include "Lifecycle.h"

#include <algorithm>

namespace lacuna {

const std::vector<LifecycleFact>& lifecycleFacts() {
    static const std::vector<LifecycleFact> FACTS = {
        {"has_draft", "draft", "the gap needs at least one saved amendment draft"},
        {"quorum", "decision",
         "only a committee meeting's decision, with quorum and the required majority, fires this"},
        {"by_bill", "bill", "only the bill the gap is bundled in fires this"},
        {"signatures", "sponsors", "an MPs' plan needs the minimum number of MP signatures"},
        {"below_signatures", "sponsors",
         "only when withdrawals have left fewer MP signatures than the minimum"},
        {"objections_resolved", "objections", "every Guardian Council objection must be resolved first"},
        {"has_answer", "answer", "the opinion needs a saved answer"},
        {"has_arguments", "arguments", "at least one city must have written its argument"},
    };
    return FACTS;
}

std::vector<const LifecycleTransition*> Lifecycle::offered(const std::string& state,
                                                           const std::vector<std::string>& roles,
                                                           const std::set<std::string>& facts) const {
    return whoseFactsHold(available(state, roles), facts);
}

std::vector<const LifecycleTransition*> Lifecycle::whoseFactsHold(std::vector<const LifecycleTransition*> out,
                                                                  const std::set<std::string>& facts) {
    std::erase_if(out, [&](const LifecycleTransition* t) {
        return std::any_of(t->requirements.begin(), t->requirements.end(),
                           [&](const std::string& r) { return !facts.count(r) && findLifecycleFact(r); });
    });
    return out;
}

const LifecycleFact* findLifecycleFact(const std::string& name) {
    const auto& facts = lifecycleFacts();
    const auto it = std::find_if(facts.begin(), facts.end(), [&](const auto& f) { return name == f.name; });
    return it == facts.end() ? nullptr : &*it;
}

}  // namespace lacuna
