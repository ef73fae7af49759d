#include "MeetingView.h"

#include <algorithm>
#include <set>

#include "PageText.h"
#include "PageViews.h"
#include "Reference.h"
#include "Roles.h"

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
