#include "DraftService.h"

#include "Roles.h"
#include "TextChecks.h"

namespace lacuna {

DraftService::DraftService(GapService& gaps, DraftRepository& drafts, const Clock& clock, GapLimits gapLimits,
                           DraftLimits limits)
    : _gaps(gaps), _drafts(drafts), _clock(clock), _gapLimits(gapLimits), _limits(limits) {}

Draft DraftService::save(const Principal& actor, std::int64_t gapId, const DraftInput& input,
                         std::int64_t expectedLatest) {
    const Gap gap = _gaps.load(actor, gapId);
    FieldErrors errors;
    checkText(errors, "text", input.text, _limits.textMax, true);
    checkText(errors, "rationale", input.rationale, _limits.rationaleMax, true);
    checkProvisions(errors, "provisions", input.provisions, _gapLimits.provisionsMax, _gapLimits.lawMax,
                    _gapLimits.articleMax);
    errors.throwIfAny("the draft is not valid");

    if (!mayWrite(actor, gap))
        throw Forbidden(
            "only the gap city's legal director or experts, or the committee secretary, write drafts");
    if (!_gaps.lifecycle().state(gap.state).drafts)
        throw StateConflict("a gap in state " + gap.state + " takes no drafts");

    Draft draft;
    draft.gapId = gap.id;
    draft.text = input.text;
    draft.rationale = input.rationale;
    draft.provisions = input.provisions;
    draft.authorId = actor.userId;
    draft.authorName = actor.username;
    draft.createdAt = _clock.nowMs();

    GapEvent event = _gaps.newEvent(actor, gap, "draft_saved");
    event.at = draft.createdAt;
    return _drafts.save(draft, expectedLatest, event);
}

bool DraftService::mayWrite(const Principal& actor, const Gap& gap) const {
    const auto held = _gaps.rolesFor(actor, gap);
    return contains(held, std::string(roles::LEGAL_DIRECTOR)) ||
           contains(held, std::string(roles::LEGAL_EXPERT)) || actor.hasRole(roles::COMMITTEE_SECRETARY);
}

bool DraftService::takesDrafts(const Principal& actor, const Gap& gap) const {
    return mayWrite(actor, gap) && _gaps.lifecycle().state(gap.state).drafts;
}

std::vector<Draft> DraftService::list(const Principal& actor, std::int64_t gapId) {
    return list(actor, _gaps.load(actor, gapId));
}

std::vector<Draft> DraftService::list(const Principal& actor, const Gap& gap) {
    return _drafts.list(_gaps.requireVisible(actor, gap).id);
}

Draft DraftService::get(const Principal& actor, std::int64_t gapId, std::int64_t version) {
    _gaps.load(actor, gapId);
    const auto draft = _drafts.find(gapId, version);
    if (!draft)
        throw NotFound("gap " + std::to_string(gapId) + " has no draft version " + std::to_string(version));
    return *draft;
}

DraftDiff DraftService::diff(const Principal& actor, std::int64_t gapId, std::int64_t from, std::int64_t to) {
    return diff(get(actor, gapId, from), get(actor, gapId, to));
}

DraftDiff DraftService::diff(Draft from, Draft to) {
    DraftDiff d;
    d.text = wordDiff(from.text, to.text);
    d.rationale = wordDiff(from.rationale, to.rationale);
    d.from = std::move(from);
    d.to = std::move(to);
    return d;
}

}  // namespace lacuna
