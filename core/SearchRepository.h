#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "Search.h"

namespace lacuna {

/// The search index, as the search service reads it.
class SearchRepository {
public:
    virtual ~SearchRepository() = default;
    /// How many documents of `type` hold `term`, counted up to `cap`.
    virtual std::int64_t documentFrequency(const std::string& term, const std::string& type,
                                           std::int64_t cap) = 0;
    /// Documents of `type` holding every term: the `limit` best of the first term by weight, each
    /// checked for the others. Ordered by the first term's weight, then id, both descending.
    virtual std::vector<SearchCandidate> candidates(const std::vector<std::string>& terms,
                                                    const std::string& type, std::size_t limit) = 0;
    /// For each term, the `limitEach` documents of `type` holding it that weigh most (ties: the newest),
    /// all in one read: fewer than `limitEach` of a term means these are all its documents.
    virtual std::vector<TermPosting> postings(const std::vector<std::string>& terms, const std::string& type,
                                              std::size_t limitEach) = 0;
    /// The attributes of these documents (and their text when `withText`).
    virtual std::vector<SearchDoc> describe(const std::string& type, const std::vector<std::int64_t>& ids,
                                            bool withText) = 0;
};

}  // namespace lacuna
