#pragma once

#include "SearchRepository.h"
#include "Sql.h"

namespace lacuna {

/// The search index's queries (the index itself is written by SearchIndex).
class SqlSearchRepository : public SearchRepository {
public:
    explicit SqlSearchRepository(SqlDatabase& db) : _db(db) {}
    std::int64_t documentFrequency(const std::string& term, const std::string& type,
                                   std::int64_t cap) override;
    std::vector<SearchCandidate> candidates(const std::vector<std::string>& terms, const std::string& type,
                                            std::size_t limit) override;
    std::vector<TermPosting> postings(const std::vector<std::string>& terms, const std::string& type,
                                      std::size_t limitEach) override;
    std::vector<SearchDoc> describe(const std::string& type, const std::vector<std::int64_t>& ids,
                                    bool withText) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
