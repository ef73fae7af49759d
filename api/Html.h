#pragma once

#include <string>

#include "Catalog.h"
#include "DraftService.h"
#include "MeetingService.h"

namespace lacuna {

/// A right-to-left HTML page showing a draft diff, insertions in <ins> and deletions in <del>.
std::string renderDiffHtml(const DraftDiff& diff, const std::string& gapReference);

/// The Persian name of what an agenda proposal is: a gap, a ruling, a bill or a free topic.
std::string proposalKindName(const std::string& kind);

/// The minutes (صورتجلسه) of a meeting as a right-to-left HTML page: date (Jalali and ISO), place,
/// attendance, for each agenda item its votes, tally and decision, and the consultation of the cities on the
/// agenda with its ranking.
std::string renderMinutesHtml(const Meeting& meeting, const MeetingService& service, const Catalog& catalog);

}  // namespace lacuna
