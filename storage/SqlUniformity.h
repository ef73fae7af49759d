#pragma once

#include "Sql.h"
#include "Uniformity.h"

namespace lacuna {

/// Rulings, provision pages, the search index's queries and merging, in SQL both backends accept.
class SqlRulingRepository : public RulingRepository {
public:
    explicit SqlRulingRepository(SqlDatabase& db) : _db(db) {}
    Ruling create(const Ruling& ruling, const RecordEvent& event) override;
    std::optional<Ruling> find(std::int64_t id) override;
    std::vector<Ruling> list(const RulingQuery& query) override;
    void link(std::int64_t rulingId, std::int64_t expectedVersion, const RulingLink& link,
              const RecordEvent& event) override;
    std::vector<GapSummary> gapsOnProvisions(const std::vector<std::string>& keys,
                                             std::size_t limit) override;
    ProvisionPage provision(const std::string& key, std::size_t limit) override;

private:
    SqlDatabase& _db;
};

class SqlSearchRepository : public SearchRepository {
public:
    explicit SqlSearchRepository(SqlDatabase& db) : _db(db) {}
    std::int64_t documentFrequency(const std::string& term, const std::string& type,
                                   std::int64_t cap) override;
    std::vector<SearchCandidate> candidates(const std::vector<std::string>& terms, const std::string& type,
                                            std::size_t limit) override;
    std::vector<std::pair<std::int64_t, std::int64_t>> postings(const std::string& term,
                                                                const std::string& type,
                                                                std::size_t limit) override;
    std::vector<SearchDoc> describe(const std::string& type, const std::vector<std::int64_t>& ids,
                                    bool withText) override;

private:
    SqlDatabase& _db;
};

class SqlOpinionRepository : public OpinionRepository {
public:
    explicit SqlOpinionRepository(SqlDatabase& db) : _db(db) {}
    Opinion create(const Opinion& opinion, int jalaliYear, const RecordEvent& event) override;
    std::optional<Opinion> find(std::int64_t id) override;
    std::vector<Opinion> list(const std::optional<std::string>& state,
                              const std::optional<std::string>& municipality, std::size_t limit) override;
    void save(const Opinion& opinion, std::int64_t expectedVersion, const RecordEvent& event,
              const std::optional<OpinionText>& text) override;
    std::vector<Opinion> onProvision(const std::string& key, std::size_t limit) override;

private:
    SqlDatabase& _db;
};

class SqlMergeRepository : public MergeRepository {
public:
    explicit SqlMergeRepository(SqlDatabase& db) : _db(db) {}
    void merge(const GapStateChange& merged, const Gap& survivor, std::int64_t survivorExpectedVersion,
               const GapEvent& survivorEvent) override;

private:
    SqlDatabase& _db;
};

}  // namespace lacuna
