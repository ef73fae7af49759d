#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lacuna {

/// A document the search index holds.
struct SearchDoc {
    std::string type;  ///< gap, draft, ruling
    std::int64_t id = 0;
    std::string reference;
    std::string title;
    std::string municipality;
    bool confidential = false;
    std::string state;
    std::string category;
    std::string court;
    std::string outcome;
    std::int64_t gapId = 0;                ///< for a draft: its gap
    std::string text;                      ///< what a snippet is taken from (filled only on request)
    std::vector<std::string> coReporters;  ///< a gap's or a draft's gap's co-reporting cities
};

/// One candidate from the index: the document and its weight for each query term, in query order.
struct SearchCandidate {
    std::int64_t id = 0;
    std::vector<std::int64_t> weights;
};

/// One posting of a term asked among several: which of them (its index), the document and its weight.
struct TermPosting {
    std::size_t term = 0;
    std::int64_t id = 0;
    std::int64_t weight = 0;
};

}  // namespace lacuna
