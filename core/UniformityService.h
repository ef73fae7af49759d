#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "CappedFrequencies.h"
#include "Catalog.h"
#include "Clock.h"
#include "GapService.h"
#include "RecordEventRepository.h"
#include "Ruling.h"
#include "RulingRepository.h"
#include "Search.h"
#include "SearchRepository.h"
#include "UserRepository.h"

namespace lacuna {

/// What a person enters to register a ruling; the date is Jalali («1405-08-12», Persian digits too).
struct RulingInput {
    std::string court;
    std::string branch;
    std::string number;
    std::string decidedOn;
    std::string municipality;
    std::string outcome;
    std::string summary;
    std::string fullText;
    std::vector<Provision> provisions;
};

/// A registered ruling and, for an adverse one, the gaps on the same provisions.
struct RegisteredRuling {
    Ruling ruling;
    std::vector<GapSummary> relatedGaps;
};

struct SearchRequest {
    std::string q;
    std::vector<std::string> types;  ///< gap, draft, ruling; empty: all
    std::optional<std::string> municipality;
    std::optional<std::string> state;
    std::optional<std::string> category;
    std::optional<std::string> court;
    std::optional<std::string> outcome;
    std::size_t limit = 20;
    std::size_t offset = 0;
};

struct SearchResult {
    SearchDoc doc;
    double score = 0;
    std::string snippet;  ///< HTML-escaped, matches in <mark>
};

struct SearchPage {
    std::vector<std::string> terms;  ///< what the query was reduced to
    std::vector<SearchResult> items;
    std::size_t total = 0;
    bool totalIsLowerBound = false;  ///< a word was too common to count every match
};

/// A gap that looks like one being reported.
struct SimilarGap {
    GapSummary gap;
    double score = 0;  ///< 0…1
    std::vector<std::string> sharedProvisions;
};

/// Court rulings, provision pages, search across gaps, drafts and rulings, and duplicate suggestions.
class UniformityService {
public:
    UniformityService(RulingRepository& rulings, SearchRepository& search, UserRepository& users,
                      RecordEventRepository& events, GapService& gaps, const Catalog& catalog,
                      const Clock& clock, GapLimits limits);

    RegisteredRuling registerRuling(const Principal& actor, const RulingInput& input);
    Ruling ruling(const Principal& actor, std::int64_t id);
    std::vector<RecordEvent> rulingHistory(const Principal& actor, std::int64_t id);
    std::vector<Ruling> rulings(const Principal& actor, RulingQuery query);
    Ruling linkRuling(const Principal& actor, std::int64_t rulingId, const std::string& gap,
                      const std::string& note, std::int64_t expectedVersion);
    /// `key` may be a key or a reference as people write it («قانون شهرداری — ماده ۱۰۰»).
    ProvisionPage provision(const Principal& actor, const std::string& key,
                            const ProvisionLimits& limits = {},
                            std::optional<std::int64_t> gapsBefore = std::nullopt);
    /// The newest `limit` gaps naming any of `provisions` that `actor` may know of.
    std::vector<GapSummary> gapsOn(const Principal& actor, const std::vector<Provision>& provisions,
                                   std::size_t limit);
    /// Conflicting rulings as the query says (a provision as people write it, or a ruling), newest first,
    /// each with the newest `gapsEach` gaps on its provision that `actor` may know of.
    std::vector<RulingConflict> conflicts(const Principal& actor, ConflictQuery query, std::size_t gapsEach);
    SearchPage search(const Principal& actor, const SearchRequest& request);
    /// The most similar open gaps to these fields (normalised text and shared provisions), best first.
    std::vector<SimilarGap> similar(const Principal& actor, const GapFields& fields, std::int64_t excludeId,
                                    std::size_t limit = 5);

private:
    bool sees(const Principal& actor, const SearchDoc& doc) const;
    /// The words with their frequencies among the documents of `type` (counted up to DF_CAP), rarest first.
    std::vector<std::pair<std::int64_t, std::string>> rarestFirst(const std::string& type,
                                                                  const std::vector<std::string>& terms);
    std::vector<GapSummary> gapsOnKeys(const Principal& actor, const std::vector<std::string>& keys,
                                       std::size_t limit);
    /// The pair as `viewer` reads it: its provision as named, whether one court gave both, its gaps.
    RulingConflict viewFor(const Principal& viewer, RulingConflict conflict, std::size_t gapsEach);
    /// Who hears of a new ruling, and what they read (nobody, unless it went against a city).
    RulingAlert adverseAlert(const Ruling& ruling);
    /// The ruling as `viewer` may read it: links to gaps it may not know of left out.
    Ruling viewFor(const Principal& viewer, Ruling ruling) const;

    RulingRepository& _rulings;
    SearchRepository& _search;
    UserRepository& _users;
    RecordEventRepository& _events;
    GapService& _gaps;
    const Catalog& _catalog;
    const Clock& _clock;
    GapLimits _limits;
    CappedFrequencies _commonWords;
};

}  // namespace lacuna
