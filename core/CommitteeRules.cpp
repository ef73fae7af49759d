#include "CommitteeRules.h"

namespace lacuna {
namespace {

int ceilDiv(int a, int b) { return (a + b - 1) / b; }

}  // namespace

int CommitteeRules::quorumNeeded() const {
    return ceilDiv(static_cast<int>(members.size()) * quorum.numerator, quorum.denominator);
}

int CommitteeRules::votesNeeded(int present, int cast) const {
    const int base = majorityOf == "votes_cast" ? cast : present;
    const int product = base * majority.numerator;
    return strictMajority ? product / majority.denominator + 1 : ceilDiv(product, majority.denominator);
}

}  // namespace lacuna
