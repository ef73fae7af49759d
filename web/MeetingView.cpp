#include "MeetingView.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "Html.h"
#include "PageText.h"
#include "PageViews.h"
#include "Reference.h"
#include "Roles.h"
#include "TextChecks.h"

namespace lacuna {

const std::vector<std::pair<std::string, std::string>>& voteChoices() {
    static const std::vector<std::pair<std::string, std::string>> CHOICES = {
        {"approve", "موافق"}, {"reject", "مخالف"}, {"revise", "اصلاح"}, {"abstain", "ممتنع"}};
    return CHOICES;
}

const std::vector<std::pair<std::string, std::string>>& decisionChoices() {
    static const std::vector<std::pair<std::string, std::string>> CHOICES = {
        {"approve", "تصویب"}, {"reject", "رد"}, {"revise", "بازگشت برای اصلاح"}};
    return CHOICES;
}

std::string cityName(const ApiServices& api, const std::string& slug) {
    const Municipality* m = api.catalog.findMunicipality(slug);
    return m ? m->nameFa : slug;
}

std::string accountPlace(const ApiServices& api, const std::optional<std::string>& municipality) {
    return municipality ? cityName(api, *municipality) : "کمیته";
}

void showVoteCounts(ctemplate::TemplateDictionary& dict, const MeetingItem& item) {
    std::map<std::string, int> counts;
    for (const MeetingVote& v : item.votes) ++counts[v.vote];
    for (const auto& [vote, label] : voteChoices()) {
        ctemplate::TemplateDictionary* count = dict.AddSectionDictionary("COUNT");
        count->SetValue("LABEL", label);
        count->SetValue("VOTES", persianCount(counts[vote]));
    }
}

void showMeetingSummary(PageContext& page, ctemplate::TemplateDictionary& dict,
                        const MeetingSummary& summary) {
    const Meeting& m = summary.meeting;
    dict.SetIntValue("ID", static_cast<long>(m.id));
    dict.SetValue("REFERENCE", reference::meeting(m.id));
    showTime(dict, "AT", m.scheduledAt);
    dict.SetValue("AT_CLOCK", clockInIran(m.scheduledAt));
    dict.SetValue("PLACE", m.place);
    const bool open = m.state == "scheduled";
    dict.ShowSection(open ? "OPEN" : "CLOSED");
    dict.SetValue("STATE_LABEL", !open                                      ? "پایان‌یافته"
                                 : m.scheduledAt > page.api().clock.nowMs() ? "در پیش"
                                                                            : "در جریان");
    dict.SetValue("ITEMS", persianCount(summary.agendaSize));
    dict.SetValue("DECIDED", persianCount(summary.decided));
    dict.SetValue("PRESENT", persianCount(summary.presentCount));
    dict.SetValue("MEMBERS",
                  persianCount(static_cast<std::int64_t>(page.api().meetings.rules().members.size())));
}

void showTally(PageContext& page, ctemplate::TemplateDictionary& dict, const Meeting& m,
               const MeetingItem& item, bool outOfBand) {
    const MeetingService& meetings = page.api().meetings;
    ctemplate::TemplateDictionary* tally = dict.AddIncludeDictionary("TALLY");
    tally->SetFilename("tally.tpl");
    tally->SetIntValue("N", static_cast<long>(&item - m.items.data() + 1));
    if (outOfBand) tally->ShowSection("OUT_OF_BAND");
    showVoteCounts(*tally, item);
    for (const std::string& city : m.present) {
        ctemplate::TemplateDictionary* row = tally->AddSectionDictionary("CITY_VOTE");
        row->SetValue("CITY", cityName(page.api(), city));
        const auto v = std::find_if(item.votes.begin(), item.votes.end(),
                                    [&](const MeetingVote& mv) { return mv.municipality == city; });
        if (v == item.votes.end())
            row->ShowSection("NO_VOTE");
        else
            row->SetValueAndShowSection("VOTE", choiceLabel(voteChoices(), v->vote), "VOTED");
    }
    if (m.present.empty()) tally->ShowSection("NOBODY_PRESENT");
    const QuorumCheck quorum = meetings.check(m, item, "approve");
    tally->SetValue("PRESENT", persianCount(quorum.present));
    tally->SetValue("QUORUM_NEEDED", persianCount(quorum.quorumNeeded));
    tally->ShowSection(quorum.hasQuorum() ? "HAS_QUORUM" : "NO_QUORUM");
    if (item.decision.empty()) {
        for (const auto& [decision, label] : decisionChoices()) {
            const QuorumCheck c = meetings.check(m, item, decision);
            ctemplate::TemplateDictionary* row = tally->AddSectionDictionary("NEED");
            row->SetValue("LABEL", label);
            row->SetValue("VOTES_FOR", persianCount(c.votesFor));
            row->SetValue("VOTES_NEEDED", persianCount(c.votesNeeded));
            if (c.carried()) row->ShowSection("CARRIED");
        }
    } else {
        const QuorumCheck c = meetings.check(m, item, item.decision);
        ctemplate::TemplateDictionary* decided = tally->AddSectionDictionary("DECIDED");
        decided->SetValue("DECISION_LABEL", choiceLabel(decisionChoices(), item.decision));
        decided->SetValue("VOTES_FOR", persianCount(c.votesFor));
        decided->SetValue("DECIDED_BY", item.decidedBy);
        showTime(*decided, "DECIDED_AT", item.decidedAt);
        if (!item.note.empty()) decided->SetValueAndShowSection("NOTE", item.note, "HAS_NOTE");
    }
}

namespace {

void showAttendance(PageContext& page, const Meeting& m, bool secretary, const RefusedForm& refused) {
    ctemplate::TemplateDictionary& dict = page.content();
    const bool retyped = refused.is("attendance");
    const std::vector<std::string> ticked = retyped ? refused.typed->all("present") : m.present;
    for (const std::string& city : page.api().meetings.rules().members) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("MEMBER");
        row->SetValue("SLUG", city);
        row->SetValue("CITY", cityName(page.api(), city));
        if (std::find(m.present.begin(), m.present.end(), city) != m.present.end())
            row->ShowSection("IS_PRESENT");
        else
            row->ShowSection("IS_ABSENT");
        if (std::find(ticked.begin(), ticked.end(), city) != ticked.end()) row->ShowSection("TICKED");
    }
    dict.ShowSection(secretary && m.state == "scheduled" ? "ATTENDANCE_FORM" : "ATTENDANCE_LIST");
    if (retyped)
        dict.SetValueAndShowSection("PRESENT_ERROR", refused.messageFor("present"), "PRESENT_HAS_ERROR");
}

}  // namespace

void showAgendaChoices(PageContext& page, ctemplate::TemplateDictionary& parent, const Meeting& m,
                       const RefusedForm& refused) {
    const Principal& viewer = page.requireViewer();
    ctemplate::TemplateDictionary* form = parent.AddIncludeDictionary("AGENDA_CHOICES");
    form->SetFilename("agenda_choices.tpl");
    const bool retyped = refused.is("agenda");
    const std::vector<std::string> ticked = retyped ? refused.typed->all("gap") : std::vector<std::string>{};
    const auto isTicked = [&](const std::string& ref, bool otherwise) {
        return retyped ? std::find(ticked.begin(), ticked.end(), ref) != ticked.end() : otherwise;
    };
    std::set<std::int64_t> onAgenda;
    for (const MeetingItem& item : m.items) {
        onAgenda.insert(item.gapId);
        ctemplate::TemplateDictionary* row = form->AddSectionDictionary("ON_AGENDA");
        row->SetValue("REFERENCE", item.gapReference);
        row->SetValue("TITLE", item.gapTitle);
        if (!item.votes.empty() || !item.decision.empty()) {
            row->ShowSection("LOCKED");
        } else {
            row->ShowSection("UNLOCKED");
            if (isTicked(item.gapReference, true)) row->ShowSection("TICKED");
        }
    }
    const ApiServices& api = page.api();
    // Of each state awaiting the committee, the gaps waiting longest are offered; any other joins by its
    // reference, typed in the field below them.
    constexpr std::size_t OFFERED = 50;
    std::size_t candidates = 0;
    bool more = false;
    for (const std::string& state : api.meetings.reviewStates()) {
        GapListRequest request;
        request.query.state = state;
        request.query.sortKey = GapQuery::SortKey::UpdatedAt;
        request.query.descending = false;  // the longest waiting first
        request.query.limit = OFFERED;
        // Only what the row shows is read of each gap.
        const GapSummaryPage offered = api.gaps.listSummaries(viewer, request);
        more = more || offered.more;
        for (const GapSummary& gap : offered.items) {
            if (onAgenda.count(gap.id)) continue;
            ctemplate::TemplateDictionary* row = form->AddSectionDictionary("CANDIDATE");
            row->SetValue("REFERENCE", gap.reference);
            row->SetValue("TITLE", gap.title);
            row->SetValue("CITY", cityName(api, gap.audience.municipality));
            if (const LifecycleState* s = api.gaps.lifecycle().findState(gap.state))
                row->SetValue("STATE_LABEL", s->labelFa);
            if (gap.audience.confidential) row->ShowSection("CONFIDENTIAL");
            if (isTicked(gap.reference, false)) row->ShowSection("TICKED");
            ++candidates;
        }
    }
    if (candidates == 0) form->ShowSection("NO_CANDIDATES");
    if (more)
        form->SetValueAndShowSection("OFFERED_FA", persianDigits(std::to_string(OFFERED)), "MORE_WAITING");
    if (retyped) form->SetValue("ADD", refused.typed->one("add"));
    if (retyped && !refused.messageFor("agenda").empty())
        form->SetValueAndShowSection("AGENDA_ERROR", refused.messageFor("agenda"), "AGENDA_HAS_ERROR");
}

namespace {

void showItem(PageContext& page, const Principal& viewer, const Meeting& m, const MeetingItem& item,
              bool secretary, const RefusedForm& refused) {
    const std::int64_t n = &item - m.items.data() + 1;
    ctemplate::TemplateDictionary* row = page.content().AddSectionDictionary("ITEM");
    row->SetIntValue("N", static_cast<long>(n));
    row->SetValue("N_FA", persianDigits(std::to_string(n)));
    showGapMention(*row, item.gapId, item.gapReference, item.gapTitle);
    showTally(page, *row, m, item, false);
    const bool open = m.state == "scheduled" && item.decision.empty();
    if (!open) return;
    const bool member = viewer.hasRole(roles::COMMITTEE_MEMBER) && viewer.municipality;
    if (member && std::find(m.present.begin(), m.present.end(), *viewer.municipality) != m.present.end()) {
        ctemplate::TemplateDictionary* form = row->AddSectionDictionary("VOTE_FORM");
        std::string mine;
        for (const MeetingVote& v : item.votes)
            if (v.municipality == *viewer.municipality) mine = v.vote;
        form->SetValue("CITY", cityName(page.api(), *viewer.municipality));
        for (const auto& [value, label] : voteChoices()) {
            ctemplate::TemplateDictionary* choice = form->AddSectionDictionary("CHOICE");
            choice->SetValue("VALUE", value);
            choice->SetValue("LABEL", label);
            choice->SetValue("PRESSED", value == mine ? "true" : "false");
        }
        if (mine.empty())
            form->ShowSection("NOT_VOTED");
        else
            form->SetValueAndShowSection("MINE", choiceLabel(voteChoices(), mine), "VOTED");
    } else if (member) {
        row->ShowSection("NOT_PRESENT");
    }
    if (secretary && item.gapId) {
        ctemplate::TemplateDictionary* form = row->AddSectionDictionary("DECISION_FORM");
        const bool retyped = refused.is("decision", n);
        form->SetValue("DECISION_ID", retyped ? "f-decision" : "f-" + std::to_string(n) + "-decision");
        form->SetValue("COMMENT_ID", retyped ? "f-comment" : "f-" + std::to_string(n) + "-comment");
        showChoices(*form, "DECISION_CHOICE", decisionChoices(),
                    retyped ? refused.typed->one("decision") : "");
        if (retyped) {
            form->SetValue("COMMENT", refused.typed->one("comment"));
            form->SetValueAndShowSection("DECISION_ERROR", refused.messageFor("decision"),
                                         "DECISION_HAS_ERROR");
        }
    }
}

}  // namespace

namespace {

/// A form's refusal beside it (`section`_ERROR, shown as `section`_HAS_ERROR): the message for the first of
/// `fields` that has one.
void showFormError(ctemplate::TemplateDictionary& form, const RefusedForm& refused,
                   const std::string& section, std::initializer_list<const char*> fields) {
    for (const char* field : fields)
        if (const std::string message = refused.messageFor(field); !message.empty()) {
            form.SetValueAndShowSection(section + "_ERROR", message, section + "_HAS_ERROR");
            return;
        }
}

/// The secretary's form that opens the consultation or moves its deadline.
void showDeadlineForm(ctemplate::TemplateDictionary& section, const Meeting& m, const RefusedForm& refused) {
    ctemplate::TemplateDictionary* form = section.AddSectionDictionary("DEADLINE_FORM");
    const bool retyped = refused.is("consultation");
    form->SetValue("CLOSES_ON", retyped          ? refused.typed->one("closes_on")
                                : m.consultation ? persianDigits(jalaliInput(m.consultation->lastMoment()))
                                                 : "");
    form->SetValue("BUTTON", m.consultation ? "تغییر مهلت" : "آغاز نظرخواهی");
    if (retyped) showFormError(*form, refused, "CLOSES_ON", {"closes_on"});
}

/// A member city's forms while the consultation is open: its place for each other city's proposal, the
/// withdrawal of its own, and a new proposal.
void showCityForms(PageContext& page, ctemplate::TemplateDictionary& section, const Meeting& m,
                   const std::string& city, const RefusedForm& refused) {
    const bool reranked = refused.is("ranking");
    const std::vector<std::string> typedRanks =
        reranked ? refused.typed->all("rank") : std::vector<std::string>{};
    const std::vector<std::string> typedNumbers =
        reranked ? refused.typed->all("proposal") : std::vector<std::string>{};
    showProposals(page, section, *m.consultation,
                  [&](ctemplate::TemplateDictionary& row, const AgendaProposal& p) {
                      if (p.municipality == city) {
                          row.AddSectionDictionary("OWN")->SetIntValue("NUMBER", static_cast<long>(p.number));
                          return;
                      }
                      ctemplate::TemplateDictionary* input = row.AddSectionDictionary("RANK_INPUT");
                      input->SetIntValue("NUMBER", static_cast<long>(p.number));
                      std::string rank;
                      for (const ProposalRank& r : p.ranks)
                          if (r.municipality == city) rank = persianDigits(std::to_string(r.position));
                      for (std::size_t i = 0; i < typedNumbers.size() && i < typedRanks.size(); ++i)
                          if (typedNumbers[i] == std::to_string(p.number)) rank = typedRanks[i];
                      input->SetValue("RANK", rank);
                  });
    ctemplate::TemplateDictionary* ranking = section.AddSectionDictionary("RANKING_FORM");
    if (reranked) showFormError(*ranking, refused, "RANKING", {"proposals", "consultation"});
    section.ShowSection("RANK_COLUMN");

    ctemplate::TemplateDictionary* form = section.AddSectionDictionary("PROPOSE_FORM");
    form->SetValue("CITY", cityName(page.api(), city));
    const bool retyped = refused.is("proposal");
    Choices kinds;
    for (const std::string& kind : proposals::kinds()) kinds.emplace_back(kind, proposalKindName(kind));
    showChoices(*form, "KIND_CHOICE", kinds, retyped ? refused.typed->one("kind") : "gap");
    for (const char* field : {"target", "title", "note"}) {
        std::string key = field;
        for (char& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        form->SetValue(key, retyped ? refused.typed->one(field) : "");
        if (retyped) showFormError(*form, refused, key, {field});
    }
    if (retyped) showFormError(*form, refused, "KIND", {"kind", "consultation"});
}

/// The consultation of the member cities on the agenda, as the viewer may see and take part in it.
void showConsultation(PageContext& page, const Principal& viewer, const Meeting& m,
                      const RefusedForm& refused) {
    const MeetingService& meetings = page.api().meetings;
    const bool secretary = viewer.hasRole(roles::COMMITTEE_SECRETARY);
    const bool scheduled = m.state == "scheduled";
    if (!m.consultation) {
        if (secretary && scheduled) {
            ctemplate::TemplateDictionary* section = page.content().AddSectionDictionary("CONSULTATION");
            section->ShowSection("NONE");
            showDeadlineForm(*section, m, refused);
        }
        return;
    }
    const AgendaConsultation& c = *m.consultation;
    ctemplate::TemplateDictionary* section = page.content().AddSectionDictionary("CONSULTATION");
    const bool open = meetings.consultationOpen(m);
    section->SetValue("LAST_DAY", jalaliDay(c.lastMoment()));
    section->ShowSection(open ? "OPEN" : "CLOSED");
    if (c.builtAt) showTime(*section->AddSectionDictionary("BUILT"), "BUILT_AT", c.builtAt);
    if (c.proposals.empty())
        section->ShowSection("NO_PROPOSALS");
    else
        section->ShowSection("HAS_PROPOSALS");
    if (secretary && open && !c.builtAt) showDeadlineForm(*section, m, refused);
    const auto city = meetings.consultingCity(viewer);
    if (city && open) {
        showCityForms(page, *section, m, *city, refused);
    } else if (secretary && scheduled && !open) {
        const bool retyped = refused.is("build");
        const std::vector<std::string> ticked =
            retyped ? refused.typed->all("proposal") : std::vector<std::string>{};
        showProposals(page, *section, c, [&](ctemplate::TemplateDictionary& row, const AgendaProposal& p) {
            ctemplate::TemplateDictionary* pick = row.AddSectionDictionary("PICK");
            pick->SetIntValue("NUMBER", static_cast<long>(p.number));
            const bool on = retyped ? contains(ticked, std::to_string(p.number))
                                    : (c.builtAt ? p.adoptedPosition > 0 : true);
            if (on) pick->ShowSection("TICKED");
        });
        section->ShowSection("PICK_COLUMN");
        ctemplate::TemplateDictionary* build = section->AddSectionDictionary("BUILD_FORM");
        if (c.builtAt) build->ShowSection("REBUILD");
        if (retyped) showFormError(*build, refused, "BUILD", {"proposals", "consultation"});
    } else {
        showProposals(page, *section, c);
    }
}

}  // namespace

void showProposals(PageContext& page, ctemplate::TemplateDictionary& dict, const AgendaConsultation& c,
                   const std::function<void(ctemplate::TemplateDictionary&, const AgendaProposal&)>& more) {
    for (const ProposalStanding& s : standings(c)) {
        const AgendaProposal& p = *s.proposal;
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("PROPOSAL");
        row->SetIntValue("NUMBER", static_cast<long>(p.number));
        row->SetValue("PLACE_FA", persianDigits(std::to_string(s.place)));
        row->SetValue("KIND", proposalKindName(p.kind));
        if (!p.targetReference.empty()) {
            row->SetValue("REFERENCE", p.targetReference);  // in the row: HAS_LINK and NO_LINK read it too
            row->ShowSection("HAS_REFERENCE");
            if (p.targetId)
                row->SetValueAndShowSection("LINK", recordLink(p.kind, p.targetId, p.targetReference),
                                            "HAS_LINK");
            else
                row->ShowSection("NO_LINK");
        }
        row->SetValue("TITLE", p.title);
        if (!p.note.empty()) row->SetValueAndShowSection("NOTE", p.note, "HAS_NOTE");
        row->SetValue("CITY", cityName(page.api(), p.municipality));
        row->SetValue("POINTS_FA", persianCount(s.points));
        row->SetValue("RANKED_BY_FA", persianCount(s.rankedBy));
        if (p.adoptedPosition)
            row->SetValueAndShowSection("ADOPTED_FA", persianDigits(std::to_string(p.adoptedPosition)),
                                        "ADOPTED");
        else
            row->ShowSection("NOT_ADOPTED");
        if (more) more(*row, p);
    }
}

void showMeetingPage(PageContext& page, const Meeting& m, const RefusedForm& refused) {
    const Principal& viewer = page.requireViewer();
    ctemplate::TemplateDictionary& dict = page.content();
    showMeetingSummary(page, dict, summaryOf(m));
    dict.SetIntValue("VERSION", static_cast<long>(m.version));
    const bool secretary = viewer.hasRole(roles::COMMITTEE_SECRETARY);
    const MeetingService& meetings = page.api().meetings;
    dict.SetValue("QUORUM_NEEDED", persianCount(meetings.rules().quorumNeeded()));
    showAttendance(page, m, secretary, refused);
    for (const MeetingItem& item : m.items) showItem(page, viewer, m, item, secretary, refused);
    if (m.items.empty()) dict.ShowSection("NO_ITEMS");
    showConsultation(page, viewer, m, refused);
    if (m.state != "scheduled") return;
    if (secretary) {
        dict.ShowSection("AGENDA_FORM");  // the agenda is set on its own page
        dict.ShowSection("CLOSE_FORM");
    }
    // While items wait for a decision, the page asks every few seconds whether votes arrived.
    if (std::any_of(m.items.begin(), m.items.end(), [](const MeetingItem& i) { return i.decision.empty(); }))
        dict.ShowSection("LIVE");
}

}  // namespace lacuna
