#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Gap.h"
#include "JalaliDate.h"
#include "Legislation.h"

namespace lacuna {

/// A gap a ruling bears on, with why.
struct RulingLink {
    std::int64_t gapId = 0;
    std::string gapReference;
    std::string gapTitle;
    std::string note;
    std::string linkedBy;
    std::int64_t linkedAt = 0;
};

/// A court decision that bears on gaps: a ruling against one city is used against all of them.
struct Ruling {
    std::int64_t id = 0;
    std::string court;   ///< e.g. «هیئت عمومی دیوان عدالت اداری»
    std::string branch;  ///< شعبه
    std::string number;  ///< شماره دادنامه
    JalaliDate decidedOn{0, 0, 0};
    std::string municipality;
    std::string outcome;  ///< adverse, favourable, mixed
    std::string summary;
    std::string fullText;
    std::vector<Provision> provisions;
    std::int64_t version = 0;
    std::int64_t createdBy = 0;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::vector<RulingLink> gaps;
};

namespace rulingvalues {
const std::vector<std::string>& outcomes();
}

/// Rulings by provision, court, outcome, city and decision date (Jalali, inclusive).
struct RulingQuery {
    std::optional<std::string> provisionKey;
    std::optional<std::string> court;
    std::optional<std::string> outcome;
    std::optional<std::string> municipality;
    std::optional<JalaliDate> from;
    std::optional<JalaliDate> to;
    std::size_t limit = 50;
};

/// A gap as lists of related records show it.
struct GapSummary {
    std::int64_t id = 0;
    std::string reference;
    std::string title;
    std::string municipality;
    std::string state;
    bool confidential = false;
};

/// Everything recorded on one provision.
struct ProvisionPage {
    std::string key;
    std::vector<GapSummary> gaps;
    std::vector<std::pair<GapSummary, std::int64_t>>
        drafts;  ///< the gap and its latest draft version naming it
    std::vector<Ruling> rulings;
    std::vector<GapSummary> opinions;  ///< published opinions: id, reference, title, municipality, state
};

class RulingRepository {
public:
    virtual ~RulingRepository() = default;
    /// Stores the ruling (version 1) with its event; an adverse ruling also notifies every user
    /// holding the legal_director role, in the same transaction.
    virtual Ruling create(const Ruling& ruling, const RecordEvent& event) = 0;
    virtual std::optional<Ruling> find(std::int64_t id) = 0;
    virtual std::vector<Ruling> list(const RulingQuery& query) = 0;
    /// Links (or re-notes) a gap, bumping the ruling's version, with the event.
    virtual void link(std::int64_t rulingId, std::int64_t expectedVersion, const RulingLink& link,
                      const RecordEvent& event) = 0;
    /// Gaps that name any of these provision keys.
    virtual std::vector<GapSummary> gapsOnProvisions(const std::vector<std::string>& keys,
                                                     std::size_t limit) = 0;
    virtual ProvisionPage provision(const std::string& key, std::size_t limit) = 0;
};

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
    std::int64_t gapId = 0;  ///< for a draft: its gap
    std::string text;        ///< what a snippet is taken from (filled only on request)
};

/// One candidate from the index: the document and its weight for each query term, in query order.
struct SearchCandidate {
    std::int64_t id = 0;
    std::vector<std::int64_t> weights;
};

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
    /// Documents of `type` holding any of the terms, best first by weight (for similar gaps).
    virtual std::vector<std::pair<std::int64_t, std::int64_t>> postings(const std::string& term,
                                                                        const std::string& type,
                                                                        std::size_t limit) = 0;
    /// The attributes of these documents (and their text when `withText`).
    virtual std::vector<SearchDoc> describe(const std::string& type, const std::vector<std::int64_t>& ids,
                                            bool withText) = 0;
};

/// Merging a duplicate: in one transaction the merged gap moves to `merged` and points to the
/// survivor; the survivor gains its city, provisions and rulings, and both histories say so.
class MergeRepository {
public:
    virtual ~MergeRepository() = default;
    virtual void merge(const GapStateChange& merged, const Gap& survivor,
                       std::int64_t survivorExpectedVersion, const GapEvent& survivorEvent) = 0;
};

}  // namespace lacuna

namespace lacuna {

/// One version of an opinion's question or answer, as written.
struct OpinionText {
    std::string kind;  ///< question, answer
    std::int64_t version = 0;
    std::string text;
    std::vector<Provision> provisions;
    std::int64_t authorId = 0;
    std::string authorName;
    std::int64_t createdAt = 0;
};

/// A city's question to the committee (استعلام) and the committee's advisory opinion (نظریه مشورتی),
/// published as guidance every city can search.
struct Opinion {
    std::int64_t id = 0;
    std::string reference;  ///< O-<Jalali year>-<sequence>
    std::string municipality;
    std::int64_t askedBy = 0;
    std::string askedByName;
    std::string title;
    std::string assignee;
    std::string state;
    std::int64_t version = 0;
    std::optional<std::int64_t> dueAt;
    std::optional<std::int64_t> publishedAt;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::vector<OpinionText> texts;  ///< every version, oldest first
    std::vector<std::int64_t> gapIds;
    std::vector<std::int64_t> rulingIds;

    const OpinionText* latest(const std::string& kind) const;
};

class OpinionRepository {
public:
    virtual ~OpinionRepository() = default;
    /// Assigns id and reference; stores the first question text.
    virtual Opinion create(const Opinion& opinion, int jalaliYear, const RecordEvent& event) = 0;
    virtual std::optional<Opinion> find(std::int64_t id) = 0;
    virtual std::vector<Opinion> list(const std::optional<std::string>& state,
                                      const std::optional<std::string>& municipality, std::size_t limit) = 0;
    /// Saves the opinion at expectedVersion + 1 with the event; appends `text` when given; indexes
    /// the opinion for search when it is published (and removes it when it stops being so).
    virtual void save(const Opinion& opinion, std::int64_t expectedVersion, const RecordEvent& event,
                      const std::optional<OpinionText>& text) = 0;
    /// Published opinions naming this provision key.
    virtual std::vector<Opinion> onProvision(const std::string& key, std::size_t limit) = 0;
};

}  // namespace lacuna
