#pragma once

#include <ctemplate/template.h>

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "Meeting.h"
#include "PageContext.h"
#include "PageViews.h"

namespace lacuna {

/// The votes a member city may cast and the decisions the secretary may record, with their Persian names.
const std::vector<std::pair<std::string, std::string>>& voteChoices();
const std::vector<std::pair<std::string, std::string>>& decisionChoices();
/// The Persian name of `value` in `choices` (`value` itself when it has none).
std::string choiceLabel(const std::vector<std::pair<std::string, std::string>>& choices,
                        const std::string& value);

/// The Persian name of a city.
std::string cityName(const ApiServices& api, const std::string& slug);
/// Where an account acts: its city's Persian name, or the committee for an account of no city.
std::string accountPlace(const ApiServices& api, const std::optional<std::string>& municipality);

/// One `COUNT` section per vote (LABEL, VOTES): how many cities cast it on `item`.
void showVoteCounts(ctemplate::TemplateDictionary& dict, const MeetingItem& item);

/// What a meeting's heading, row or calendar entry shows: ID, REFERENCE, AT (Jalali and clock), AT_ISO,
/// PLACE, the state (OPEN or CLOSED and STATE_LABEL), items and decided items, cities present of members.
void showMeetingSummary(PageContext& page, ctemplate::TemplateDictionary& dict,
                        const MeetingSummary& meeting);

/// The agenda's choices (agenda_choices.tpl, the include AGENDA_CHOICES of `parent`): the items on it
/// (those with votes or a decision stay) and the gaps awaiting the committee that may join it.
void showAgendaChoices(PageContext& page, ctemplate::TemplateDictionary& parent, const Meeting& meeting,
                       const RefusedForm& refused);

/// One PROPOSAL row per proposal of `consultation`, in ranking order: PLACE_FA, KIND, REFERENCE and LINK
/// (a record the viewer may open), TITLE, NOTE, CITY, POINTS_FA, RANKED_BY_FA, ADOPTED_FA or NOT_ADOPTED;
/// `more` adds to a row what the viewer may do with it.
void showProposals(
    PageContext& page, ctemplate::TemplateDictionary& dict, const AgendaConsultation& consultation,
    const std::function<void(ctemplate::TemplateDictionary&, const AgendaProposal&)>& more = {});

/// Fills the meeting page (meeting.tpl): attendance, the agenda with each item's tally, the consultation of
/// the cities on the agenda, and the forms the viewer may use (a member's vote; a city's proposals and
/// ranking; the secretary's attendance, agenda, consultation, decisions and closing).
void showMeetingPage(PageContext& page, const Meeting& meeting, const RefusedForm& refused);

/// Adds one agenda item's tally (tally.tpl) to `dict` as the include TALLY: every present city's vote, the
/// count of each, quorum, and for each decision the votes it has and needs. `outOfBand` marks it for htmx
/// to put in place of the one on the page.
void showTally(PageContext& page, ctemplate::TemplateDictionary& dict, const Meeting& meeting,
               const MeetingItem& item, bool outOfBand);

}  // namespace lacuna
