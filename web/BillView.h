#pragma once

#include <ctemplate/template.h>

#include <string>
#include <utility>
#include <vector>

#include "Bill.h"
#include "PageViews.h"

namespace lacuna {

/// The Persian names of a bill's fixed vocabularies.
const Choices& channelChoices();
const Choices& urgencyChoices();
const Choices& objectionTypeChoices();
const Choices& positionChoices();

/// What a bill's card, row or heading shows: ID, REFERENCE, TITLE, STATE_LABEL (TERMINAL), CHANNEL_LABEL,
/// URGENCY and URGENCY_LABEL (URGENT when not ordinary), DUE (DUE_AT, OVERDUE).
void showBillSummary(PageContext& page, ctemplate::TemplateDictionary& dict, const Bill& bill);

/// The bill's changes, newest first (EVENT sections): each stage with the dates and numbers recorded with it.
void showBillTimeline(PageContext& page, const Principal& viewer, const Bill& bill);

/// Fills the bill page (bill.tpl): facts, bundled gaps, timeline, sponsors, commissions, objections, the
/// extension, every city's position, and the forms the viewer may use; `refused` shows one again as typed.
void showBillPage(PageContext& page, const Bill& bill, const RefusedForm& refused);

}  // namespace lacuna
