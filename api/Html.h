#pragma once

#include <string>

#include "Catalog.h"
#include "DraftService.h"
#include "MeetingService.h"

namespace lacuna {

/// A right-to-left HTML page showing a draft diff, insertions in <ins> and deletions in <del>.
std::string renderDiffHtml(const DraftDiff& diff, const std::string& gapReference);

/// The minutes (صورتجلسه) of a meeting as a right-to-left HTML page: date (Jalali and ISO), place,
/// attendance, and for each agenda item its votes, tally and decision.
std::string renderMinutesHtml(const Meeting& meeting, const MeetingService& service, const Catalog& catalog);

}  // namespace lacuna
