#pragma once

#include <ctemplate/template.h>

#include <vector>

#include "PageViews.h"
#include "Ruling.h"

namespace lacuna {

/// What a ruling's row or heading shows: ID, COURT, BRANCH (BRANCH_NAME), NUMBER, DECIDED_ON (_ISO), CITY,
/// OUTCOME and OUTCOME_LABEL, SUMMARY, and a PROVISION row (LAW, ARTICLE, LINK) per provision.
void showRulingSummary(PageContext& page, ctemplate::TemplateDictionary& dict, const Ruling& ruling);

/// Provisions on which rulings went both ways, as the include CONFLICTS (conflicts.tpl): for each, the
/// provision (unless `withProvision` is false: the page is the provision's own), how many rulings on either
/// side, the newest of each and whether one court gave both, and the gaps on it that came with it; for the
/// secretary, a way to open a request for a uniform precedent on it unless `offerRequest` is false (the
/// page is that request's form).
void showConflicts(PageContext& page, ctemplate::TemplateDictionary& parent,
                   const std::vector<RulingConflict>& conflicts, bool withProvision,
                   bool offerRequest = true);

}  // namespace lacuna
