#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "Catalog.h"
#include "Clock.h"
#include "DraftRepository.h"
#include "Errors.h"
#include "Gap.h"
#include "GapRepository.h"
#include "GapVisibility.h"
#include "Lifecycle.h"
#include "MergeRepository.h"
#include "RecordEvent.h"
#include "SearchRepository.h"
#include "User.h"
#include "WorkCalendar.h"

namespace lacuna {

/// Size limits on what a person may write into a gap (code points, not bytes).
struct GapLimits {
    std::size_t titleMax = 300;
    std::size_t descriptionMax = 20000;
    std::size_t lawMax = 300;
    std::size_t articleMax = 100;
    std::size_t provisionsMax = 50;
    std::size_t commentMax = 5000;
    std::size_t fieldValueMax = 200;
    std::size_t queryMax = 200;
    std::size_t pageSizeMax = 100;
};

/// What a caller asks of the gap list before visibility is applied.
struct GapListRequest {
    GapQuery query;
    std::string text;  ///< free text `q`, as typed
};

/// The use cases of a gap: report, edit, move through the lifecycle, read, list, history.
class GapService {
public:
    GapService(GapRepository& gaps, DraftRepository& drafts, MergeRepository& merges,
               SearchRepository& search, const Lifecycle& lifecycle, const Catalog& catalog,
               const WorkCalendar& calendar, const Clock& clock, GapLimits limits = {});

    /// `fields.municipality` may be empty: the caller's city is used.
    Gap report(const Principal& actor, GapFields fields);
    Gap edit(const Principal& actor, std::int64_t id, const GapPatch& patch, std::int64_t expectedVersion);
    Gap fireTransition(const Principal& actor, std::int64_t id, const TransitionInput& input,
                       std::int64_t expectedVersion);
    /// Checks `input` against the gap as it is (roles, requirements, the facts the gap establishes
    /// itself plus those in `input.facts`) and returns the change to store, at the gap's version.
    /// Meetings and bills use it to move gaps in their own transaction.
    GapStateChange planTransition(const Principal& actor, const Gap& gap, TransitionInput input);
    /// Throws NotFound when the gap does not exist or the caller may not see it.
    Gap load(const Principal& actor, std::int64_t id);
    /// Those of these gaps that exist and `actor` may see, in the order of `ids`, read at once.
    std::vector<Gap> loadVisible(const Principal& actor, const std::vector<std::int64_t>& ids);
    /// Like load(), by id or by reference (G-1405-0007).
    Gap loadByKey(const Principal& actor, const std::string& idOrReference);
    /// The ids of the gaps these ids or references name, once each in id order, for a record that links
    /// them; ValidationError naming `field[i]` for each the actor may not know of, or `field` for more
    /// than `max`.
    std::vector<std::int64_t> loadIds(const Principal& actor, const std::vector<std::string>& keys,
                                      const std::string& field, std::size_t max);
    bool visibleTo(const Principal& actor, const Gap& gap) const;
    /// `gap`, held already (read by load() or get()), for a caller who may see it; NotFound otherwise,
    /// as load() answers.
    const Gap& requireVisible(const Principal& actor, const Gap& gap) const;
    /// A gap a record holds already (a bill bundles it), read for that record's own change whoever
    /// fires it: the record was allowed to name the gap when it took it in.
    Gap loadHeld(std::int64_t id);
    /// The visibility rule applied, for `actor`, to the gaps these ids and references name.
    visibility::KnownGaps known(const Principal& actor, const std::vector<std::int64_t>& ids,
                                const std::vector<std::string>& references = {});
    /// `events` (of a meeting, bill, ruling or opinion) as `actor` may read them: gaps it may not know of
    /// redacted (GapRedaction).
    std::vector<RecordEvent> redactForViewer(const Principal& actor, std::vector<RecordEvent> events);
    /// A new event on `gap` by `actor`, now, in the gap's state.
    GapEvent newEvent(const Principal& actor, const Gap& gap, const std::string& type) const;
    const Lifecycle& lifecycle() const { return _lifecycle; }
    /// Throws NotFound when the gap does not exist or the caller may not see it.
    Gap get(const Principal& actor, std::int64_t id);
    GapPage list(const Principal& actor, GapListRequest request);
    /// The list's first page as summaries (reference, title, state, city), for pages offering gaps.
    GapSummaryPage listSummaries(const Principal& actor, GapListRequest request);
    /// For every state of the lifecycle: how many gaps the list request matches in it for `actor` (its
    /// state filter and cursor left aside), each counted up to `cap` (cap + 1 means "more than cap").
    std::map<std::string, std::int64_t> countByState(const Principal& actor, GapListRequest request,
                                                     std::size_t cap);
    std::vector<GapEvent> history(const Principal& actor, std::int64_t id);
    /// The history of a gap the caller holds already (from get()), without reading the gap again.
    std::vector<GapEvent> history(const Principal& actor, const Gap& gap);

    /// The roles the actor holds for this gap: committee roles always, city roles only in its city.
    std::vector<std::string> rolesFor(const Principal& actor, const Gap& gap) const;
    std::vector<const LifecycleTransition*> availableTransitions(const Principal& actor,
                                                                 const Gap& gap) const;
    bool mayEdit(const Principal& actor, const Gap& gap) const;

private:
    /// The list request checked (400 naming each bad field) and made a query for `actor`: its words, and
    /// the visibility rule's scope.
    GapQuery listQuery(const Principal& actor, GapListRequest request) const;
    void validateFields(const GapFields& fields, FieldErrors& errors) const;
    std::string resolveDuplicateOf(const Principal& actor, const Gap& gap, const std::string& value);

    Gap merge(const Principal& actor, Gap gap, Gap survivor, const GapStateChange& change,
              std::int64_t expectedVersion);

    GapRepository& _gaps;
    DraftRepository& _drafts;
    MergeRepository& _merges;
    SearchRepository& _search;
    const Lifecycle& _lifecycle;
    const Catalog& _catalog;
    const WorkCalendar& _calendar;
    const Clock& _clock;
    GapLimits _limits;
};

}  // namespace lacuna
