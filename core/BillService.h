#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Bill.h"
#include "BillRepository.h"
#include "Clock.h"
#include "GapService.h"
#include "Lifecycle.h"
#include "RecordEvent.h"
#include "RecordEventRepository.h"
#include "WorkCalendar.h"

namespace lacuna {

/// The rules of the Majlis the bill workflow cannot say by itself (lacuna.yaml `bills`).
struct BillRules {
    /// MP signatures an MPs' plan needs to be submitted and to stay alive before its general principles pass.
    std::size_t minSignatures = 15;
    /// The transition fired by itself when withdrawals leave too few signatures; sponsors change only
    /// in the states it starts from.
    std::string lapseTransition = "lapse";
    /// States in which Guardian Council objections are recorded and answered.
    std::vector<std::string> objectionStates = {"guardian_council", "returned"};
    /// Clock extensions allowed per stay in a state that has extension_days.
    int maxExtensions = 1;
};

struct SponsorInput {
    std::string name;
    std::string constituency;
};

struct BillInput {
    std::string title;
    std::string channel;
    std::string registrationNo;
    std::string leadCommission;
    std::vector<std::string> advisoryCommissions;
    std::string urgency = "ordinary";
    std::vector<std::string> gaps;  ///< ids or references of endorsed gaps
    std::vector<SponsorInput> sponsors;
};

struct BillPatch {
    std::optional<std::string> title;
    std::optional<std::string> registrationNo;
    std::optional<std::string> leadCommission;
    std::optional<std::vector<std::string>> advisoryCommissions;
    std::optional<std::string> urgency;
};

struct ObjectionInput {
    std::string article;
    std::string type;
    std::string text;
};

struct ObjectionAnswer {
    std::optional<std::string> response;
    std::optional<bool> resolved;
};

/// Bills in the Majlis: submission with the bundled gaps, every stage, sponsors, Guardian Council
/// objections, statutory clocks and each city's position.
class BillService {
public:
    BillService(BillRepository& bills, RecordEventRepository& events, GapService& gaps,
                const Lifecycle& lifecycle, const std::map<std::string, std::string>& bundledGaps,
                const BillRules& rules, const WorkCalendar& calendar, const Clock& clock);

    Bill create(const Principal& actor, const BillInput& input);
    Bill get(const Principal& actor, std::int64_t id);
    std::vector<Bill> list(const Principal& actor, const std::optional<std::string>& state,
                           std::size_t limit);
    /// The board: for each state of the lifecycle in its order, its newest `perState` bills.
    std::vector<std::vector<Bill>> board(const Principal& actor, std::size_t perState);
    Bill update(const Principal& actor, std::int64_t id, const BillPatch& patch,
                std::int64_t expectedVersion);
    Bill fireTransition(const Principal& actor, std::int64_t id, const TransitionInput& input,
                        std::int64_t expectedVersion);
    Bill addSponsor(const Principal& actor, std::int64_t id, const SponsorInput& input,
                    std::int64_t expectedVersion);
    /// Withdraws sponsor `number` (1-based); lapses the bill when too few signatures remain.
    Bill withdrawSponsor(const Principal& actor, std::int64_t id, std::int64_t number,
                         std::int64_t expectedVersion);
    Bill addObjection(const Principal& actor, std::int64_t id, const ObjectionInput& input,
                      std::int64_t expectedVersion);
    Bill answerObjection(const Principal& actor, std::int64_t id, std::int64_t number,
                         const ObjectionAnswer& answer, std::int64_t expectedVersion);
    /// The caller's city states its position (again: replaced).
    Bill setPosition(const Principal& actor, std::int64_t id, const std::string& position,
                     const std::string& note);
    /// Extends the current state's statutory clock (the Guardian Council's +10 days).
    Bill extendClock(const Principal& actor, std::int64_t id, const std::string& comment,
                     std::int64_t expectedVersion);
    std::vector<RecordEvent> history(const Principal& actor, std::int64_t id);
    /// The history of a bill the caller holds already (from get()), without reading the bill again.
    std::vector<RecordEvent> history(const Principal& actor, const Bill& bill);

    std::vector<const LifecycleTransition*> availableTransitions(const Principal& actor,
                                                                 const Bill& bill) const;
    const Lifecycle& lifecycle() const { return _lifecycle; }
    const BillRules& rules() const { return _rules; }

    /// The bill as `viewer` may read it: bundled gaps it may not know of keep only their city.
    Bill viewFor(const Principal& viewer, Bill bill) const;

private:
    /// The bill as stored (NotFound when there is none).
    Bill load(std::int64_t id);
    RecordEvent newEvent(const Principal& actor, const Bill& bill, const std::string& type) const;
    std::set<std::string> facts(const Bill& bill) const;
    /// The bundled gaps' changes when the bill enters `state`.
    std::vector<GapStateChange> followBill(const Principal& actor, const Bill& bill, const std::string& state,
                                           const std::string& billReference, const std::string& comment);
    /// Moves the bill into `to` (clock, extensions) and returns the transition's event.
    RecordEvent enter(const Principal& actor, Bill& bill, const LifecycleTransition& t,
                      const TransitionInput& input);
    void requireLiaison(const Principal& actor) const;
    void requireVersion(const Bill& bill, std::int64_t expectedVersion) const;
    void requireOpen(const Bill& bill) const;
    void checkCommon(FieldErrors& errors, const std::optional<std::string>& title,
                     const std::optional<std::string>& registrationNo, const std::optional<std::string>& lead,
                     const std::optional<std::vector<std::string>>& advisory,
                     const std::optional<std::string>& urgency) const;

    BillRepository& _bills;
    RecordEventRepository& _events;
    GapService& _gaps;
    const Lifecycle& _lifecycle;
    const std::map<std::string, std::string>& _bundledGaps;
    const BillRules& _rules;
    const WorkCalendar& _calendar;
    const Clock& _clock;
};

}  // namespace lacuna
