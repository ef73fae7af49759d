#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lacuna {

/// A law and one of its articles, as the user wrote them.
struct Provision {
    std::string law;
    std::string article;
    bool operator==(const Provision&) const = default;
};

/// What the gap costs the city today.
struct Impact {
    std::int64_t pendingLawsuits = 0;
    std::int64_t exposureRials = 0;
    bool operator==(const Impact&) const = default;
};

/// The fields of a gap that its reporters write.
struct GapFields {
    std::string title;
    std::string description;
    std::string kind;
    std::string category;
    std::vector<Provision> provisions;
    std::string municipality;
    std::string priority = "normal";
    bool confidential = false;
    Impact impact;
};

/// A partial edit: only the present members change.
struct GapPatch {
    std::optional<std::string> title;
    std::optional<std::string> description;
    std::optional<std::string> kind;
    std::optional<std::string> category;
    std::optional<std::vector<Provision>> provisions;
    std::optional<std::string> priority;
    std::optional<bool> confidential;
    std::optional<Impact> impact;
};

/// Sets every member the patch has (an edit, or a new gap's form read as one).
void applyPatch(GapFields& fields, const GapPatch& patch);

/// A stored gap.
struct Gap {
    std::int64_t id = 0;
    std::string reference;  ///< G-<Jalali year>-<4-digit sequence>
    GapFields fields;
    std::string state;
    std::int64_t version = 0;
    std::int64_t createdBy = 0;
    std::string createdByName;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    /// When the current state's clock runs out (UTC ms); none for a state without one.
    std::optional<std::int64_t> dueAt;
    /// Cities whose duplicate reports were merged into this gap.
    std::vector<std::string> coReporters;
};

/// One append-only audit record of a change to a gap.
struct GapEvent {
    std::int64_t id = 0;
    std::int64_t gapId = 0;
    std::int64_t sequence = 0;  ///< equals the gap's version after the change
    std::int64_t at = 0;
    std::int64_t actorId = 0;
    std::string actorName;
    std::string clientAddress;
    std::string type;         ///< created, edited, transition
    std::string changesJson;  ///< [{"field":…,"old":…,"new":…}]
    std::string fromState;
    std::string toState;
    std::string transition;
    std::string comment;
    std::string fieldsJson;  ///< the transition's fields, {"registration_no": …}
    std::string requestId;   ///< the request that made the change ("" outside one)
    /// The gap's reference, for the inbox and webhook copies of the event (not stored with it).
    std::string gapReference;
};

/// `[{"law":…,"article":…}, …]`: how provisions travel in events and are kept beside a gap's row.
std::string provisionsJson(const std::vector<Provision>& provisions);

/// Allowed values of the enumerated gap fields.
namespace gapvalues {
const std::vector<std::string>& kinds();
const std::vector<std::string>& priorities();
/// Sort rank of a priority (low 0 … urgent 3).
int priorityRank(const std::string& priority);
}  // namespace gapvalues

/// A gap transition to apply in the same transaction as a meeting's or a bill's change.
struct GapStateChange {
    std::int64_t gapId = 0;
    std::int64_t expectedVersion = 0;
    std::string toState;
    std::optional<std::int64_t> dueAt;
    GapEvent event;
};

/// What the visibility rule needs to know of a gap; every record that names a gap carries it.
struct GapAudience {
    bool confidential = false;
    std::string municipality;              ///< the reporting city
    std::vector<std::string> coReporters;  ///< the co-reporting cities (merged duplicates)
};

/// A gap as lists of related records show it.
struct GapSummary {
    std::int64_t id = 0;
    std::string reference;
    std::string title;
    std::string state;
    GapAudience audience;
};

/// What a person reads for a gap event's type (`created`, `edited`, `draft_saved`, …); a transition
/// reads as its own label instead.
const char* gapEventLabel(const std::string& type);

}  // namespace lacuna
