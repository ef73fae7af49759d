#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "Gap.h"
#include "GapVisibility.h"

namespace lacuna {

/// Position after the last gap of a page: the sort key's value and the id.
struct GapCursor {
    std::int64_t key = 0;
    std::int64_t id = 0;
};

/// A filtered, sorted page request, with the caller's visibility already worked out.
struct GapQuery {
    enum class SortKey { CreatedAt, UpdatedAt, Priority };

    std::optional<std::string> state;
    std::optional<std::string> municipality;
    std::optional<std::string> kind;
    std::optional<std::string> category;
    std::optional<std::string> priority;
    /// Normalised words that must all occur in the normalised title or description.
    std::vector<std::string> terms;
    /// Instead of `terms`, when one of them is rare: search stems that must all be indexed for the gap.
    std::vector<std::string> indexTerms;
    SortKey sortKey = SortKey::CreatedAt;
    bool descending = true;
    std::size_t limit = 20;
    std::optional<GapCursor> after;
    /// Which gaps the viewer may know of (visibility::listScope).
    visibility::ListScope scope;
};

struct GapPage {
    std::vector<Gap> items;
    std::optional<GapCursor> next;
};

/// The first page of a list in summary form, for pages that offer gaps to choose from.
struct GapSummaryPage {
    std::vector<GapSummary> items;
    bool more = false;  ///< more gaps match than the page holds
};

/// Stores gaps and their events. Every change and its event are written in one transaction.
class GapRepository {
public:
    virtual ~GapRepository() = default;

    /// Stores a new gap at version 1 with its `created` event (sequence 1); assigns the id and the
    /// reference `G-<jalaliYear>-<next sequence of that year>`. Returns the stored gap.
    virtual Gap create(const Gap& gap, int jalaliYear, const GapEvent& event) = 0;

    /// Replaces the gap's fields and state with `gap`'s, sets version = expectedVersion + 1 and
    /// appends `event` with that sequence, only if the stored version is `expectedVersion`.
    /// Throws VersionConflict when it is not, NotFound when the gap is gone.
    virtual void update(const Gap& gap, std::int64_t expectedVersion, const GapEvent& event) = 0;

    /// Like update() but changes only the state, its clock and updated_at: the transition path,
    /// which leaves the reporters' fields alone.
    virtual void changeState(const GapStateChange& change) = 0;

    virtual std::optional<Gap> find(std::int64_t id) = 0;
    virtual std::optional<Gap> findByReference(const std::string& reference) = 0;
    /// The gaps of these ids that exist, in one read, in no particular order.
    virtual std::vector<Gap> findMany(const std::vector<std::int64_t>& ids) = 0;
    virtual GapPage list(const GapQuery& query) = 0;
    /// The same list's first page with only what a summary shows of each gap.
    virtual GapSummaryPage listSummaries(const GapQuery& query) = 0;
    /// For each of `states`: how many gaps `query` matches in it (its state filter, cursor and sort left
    /// aside), counted up to `cap` + 1 only.
    virtual std::map<std::string, std::int64_t> countByState(const GapQuery& query,
                                                             const std::vector<std::string>& states,
                                                             std::size_t cap) = 0;
    /// Every event of the gap, oldest first.
    virtual std::vector<GapEvent> history(std::int64_t gapId) = 0;
    /// The gaps these ids and references name (those that exist), with what the visibility rule needs.
    virtual std::vector<visibility::NamedGap> named(const std::vector<std::int64_t>& ids,
                                                    const std::vector<std::string>& references) = 0;
};

/// The normalised text a gap is searched on.
std::string gapSearchText(const GapFields& fields);

}  // namespace lacuna
