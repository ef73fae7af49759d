#pragma once

#include <map>
#include <string>
#include <vector>

namespace lacuna {

struct Fraction {
    int numerator = 1;
    int denominator = 2;
};

/// How the joint legal committee decides (config/committee.yaml).
struct CommitteeRules {
    /// Member cities (municipality slugs); each has one vote per agenda item.
    std::vector<std::string> members;
    /// Member cities that must be present for an endorse/reject decision.
    Fraction quorum{2, 3};
    /// Share of the base that must vote for the decision; `strict`: more than the share.
    Fraction majority{1, 2};
    bool strictMajority = true;
    /// The base of the majority: `present` (abstentions count against) or `votes_cast`.
    std::string majorityOf = "present";
    /// Decision → the gap transition it fires (approve → endorse, …).
    std::map<std::string, std::string> decisionTransitions;

    /// Member cities needed present.
    int quorumNeeded() const;
    /// Votes needed for a decision with `present` cities present and `cast` non-abstaining votes.
    int votesNeeded(int present, int cast) const;
};

/// Where an agenda item stands against the rules.
struct QuorumCheck {
    int members = 0;
    int present = 0;
    int quorumNeeded = 0;
    int votesFor = 0;
    int votesCast = 0;  ///< not counting abstentions
    int votesNeeded = 0;
    bool hasQuorum() const { return present >= quorumNeeded; }
    bool carried() const { return hasQuorum() && votesFor >= votesNeeded; }
};

}  // namespace lacuna
