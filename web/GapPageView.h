#pragma once

#include "DraftService.h"
#include "PageContext.h"
#include "UniformityService.h"

namespace lacuna {

/// Fills the gap page: fields, transitions the viewer may fire, timeline, drafts and the draft editor,
/// similar gaps, watching. After a refused form, `failedTransition` and `typed` keep what the person
/// typed in that transition's form, and `typedDraft` (read at `draftBase`) what they typed as a draft;
/// `error` puts each message beside its field.
void showGapPage(PageContext& page, const Gap& gap, const std::string& failedTransition,
                 const FormFields* typed, const DraftInput* typedDraft, std::int64_t draftBase,
                 const ValidationError* error);

/// One `section` part per diff operation: TEXT, and SAME, INSERTED or DELETED.
void showOps(ctemplate::TemplateDictionary& dict, const std::string& section, const std::vector<DiffOp>& ops);

/// The form that picks two draft versions of the gap to compare (versions.tpl, included as
/// VERSION_CHOICES), `from` and `to` chosen.
void showVersionChoices(ctemplate::TemplateDictionary& dict, std::int64_t gapId,
                        const std::vector<Draft>& drafts, std::int64_t from, std::int64_t to);

}  // namespace lacuna
