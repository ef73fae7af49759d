#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Catalog.h"
#include "Clock.h"
#include "GapService.h"
#include "Lifecycle.h"
#include "Opinion.h"
#include "OpinionRepository.h"
#include "RecordEvent.h"
#include "RecordEventRepository.h"
#include "RulingRepository.h"
#include "UserRepository.h"
#include "WorkCalendar.h"

namespace lacuna {

struct OpinionInput {
    std::string title;
    std::string question;
    std::vector<Provision> provisions;
    std::vector<std::string> gaps;  ///< ids or references
    std::vector<std::int64_t> rulings;
};

/// Questions to the committee and its advisory opinions, versioned like drafts, with their own
/// workflow (workflows/opinion.yaml); a published opinion is searchable guidance for every city.
class OpinionService {
public:
    OpinionService(OpinionRepository& opinions, RecordEventRepository& events, RulingRepository& rulings,
                   UserRepository& users, GapService& gaps, const Lifecycle& lifecycle,
                   const WorkCalendar& calendar, const Clock& clock, GapLimits limits);

    Opinion ask(const Principal& actor, const OpinionInput& input);
    Opinion get(const Principal& actor, std::int64_t id);
    /// The opinions linked to `gap` (as the actor read it through GapService) that the actor may read.
    std::vector<Opinion> linkedToGap(const Principal& actor, const Gap& gap);
    std::vector<Opinion> list(const Principal& actor, const std::optional<std::string>& state,
                              const std::optional<std::string>& municipality, std::size_t limit);
    /// A new version of the question (the asking city, while asked) or of the answer (the committee,
    /// while assigned); `expectedVersion` is the opinion's version.
    Opinion write(const Principal& actor, std::int64_t id, const std::string& kind, const std::string& text,
                  const std::vector<Provision>& provisions, std::int64_t expectedVersion);
    Opinion fireTransition(const Principal& actor, std::int64_t id, const TransitionInput& input,
                           std::int64_t expectedVersion);
    Opinion link(const Principal& actor, std::int64_t id, const std::vector<std::string>& gaps,
                 const std::vector<std::int64_t>& rulings, std::int64_t expectedVersion);
    std::vector<RecordEvent> history(const Principal& actor, std::int64_t id);
    /// The history of an opinion the caller holds already (from get()), without reading it again.
    std::vector<RecordEvent> history(const Principal& actor, const Opinion& o);

    /// Who an opinion may be assigned to (committee members, the secretary, legal experts), by username.
    std::vector<User> assignees() const;

    std::vector<const LifecycleTransition*> availableTransitions(const Principal& actor,
                                                                 const Opinion& o) const;
    const Lifecycle& lifecycle() const { return _lifecycle; }

private:
    /// The opinion as stored, if the actor may see it (NotFound otherwise).
    Opinion load(const Principal& actor, std::int64_t id);
    /// The opinion as `viewer` may read it: links to gaps it may not know of left out.
    Opinion viewFor(const Principal& viewer, Opinion opinion);
    bool visibleTo(const Principal& actor, const Opinion& o) const;
    std::vector<std::string> rolesFor(const Principal& actor, const Opinion& o) const;
    void checkRulings(const std::vector<std::int64_t>& rulings);

    OpinionRepository& _opinions;
    RecordEventRepository& _events;
    RulingRepository& _rulings;
    UserRepository& _users;
    GapService& _gaps;
    const Lifecycle& _lifecycle;
    const WorkCalendar& _calendar;
    const Clock& _clock;
    GapLimits _limits;
};

}  // namespace lacuna
