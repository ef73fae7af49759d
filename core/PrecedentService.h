#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Clock.h"
#include "GapService.h"
#include "Lifecycle.h"
#include "Precedent.h"
#include "PrecedentRepository.h"
#include "RecordEventRepository.h"
#include "RulingRepository.h"
#include "WorkCalendar.h"

namespace lacuna {

/// What the secretary sends to open a request for a uniform precedent.
struct PrecedentInput {
    std::string board;
    std::string provision;  ///< a key, or the provision as people write it
    std::string question;
    std::vector<std::int64_t> rulings;             ///< none: the conflict's newest pair
    std::optional<std::vector<std::string>> gaps;  ///< ids or references; none: the newest on the provision
};

/// Requests for a uniform precedent (درخواست صدور رأی وحدت رویه), with their own workflow
/// (workflows/precedent.yaml): opened by the committee's secretary from a conflict of rulings, argued by each
/// city's legal director, filed with a General Board, and closed by the precedent itself, a registered
/// ruling that binds, noted on every gap the request concerns.
class PrecedentService {
public:
    PrecedentService(PrecedentRepository& precedents, RecordEventRepository& events,
                     RulingRepository& rulings, GapService& gaps, const Lifecycle& lifecycle,
                     const WorkCalendar& calendar, const Clock& clock, GapLimits limits);

    PrecedentRequest open(const Principal& actor, const PrecedentInput& input);
    PrecedentRequest get(const Principal& actor, std::int64_t id);
    std::vector<PrecedentRequest> list(const Principal& actor, const std::optional<std::string>& state,
                                       std::size_t limit);
    /// The requests on a provision (as people write it), newest first.
    std::vector<PrecedentRequest> onProvision(const Principal& actor, const std::string& provision,
                                              std::size_t limit);
    /// The actor's city's argument, new or rewritten, while the request is drafted.
    PrecedentRequest argue(const Principal& actor, std::int64_t id, const std::string& text,
                           std::int64_t expectedVersion);
    PrecedentRequest fireTransition(const Principal& actor, std::int64_t id, const TransitionInput& input,
                                    std::int64_t expectedVersion);
    std::vector<RecordEvent> history(const Principal& actor, std::int64_t id);
    /// The history of a request the caller holds already (from get()), without reading it again.
    std::vector<RecordEvent> history(const Principal& actor, const PrecedentRequest& request);

    std::vector<const LifecycleTransition*> availableTransitions(const Principal& actor,
                                                                 const PrecedentRequest& request) const;
    /// Whether `actor` may write its city's argument on `request` now.
    bool mayArgue(const Principal& actor, const PrecedentRequest& request) const;
    const Lifecycle& lifecycle() const { return _lifecycle; }

private:
    PrecedentRequest load(std::int64_t id);
    /// The request as `viewer` may read it: gaps it may not know of left out.
    PrecedentRequest viewFor(const Principal& viewer, PrecedentRequest request);
    std::set<std::string> facts(const PrecedentRequest& request) const;
    /// The decision of `request` by the registered ruling `ruling` (its id, as the transition's field gives
    /// it: a ruling on the request's provision, not one of the conflicting ones), set on the request at
    /// `now`; with the note each gap it concerns gets and the event its ruling gets.
    PrecedentDecision decide(const Principal& actor, PrecedentRequest& request, const std::string& ruling,
                             const std::string& comment, std::int64_t now) const;

    PrecedentRepository& _precedents;
    RecordEventRepository& _events;
    RulingRepository& _rulings;
    GapService& _gaps;
    const Lifecycle& _lifecycle;
    const WorkCalendar& _calendar;
    const Clock& _clock;
    GapLimits _limits;
};

}  // namespace lacuna
