#include "MeetingView.h"
#include "PageText.h"
#include "PageViews.h"
#include "Reference.h"
#include "Spreadsheet.h"

// What a meeting leaves behind: the minutes (صورتجلسه) as a print-ready page, and the roll-call (every
// member city's vote on every item) to take away as CSV or XLSX.
namespace lacuna {
namespace {

/// What a member city did on one agenda item, as the minutes and the roll-call write it.
std::string cityVote(const Meeting& m, const MeetingItem& item, const std::string& city) {
    if (std::find(m.present.begin(), m.present.end(), city) == m.present.end()) return "غایب";
    for (const MeetingVote& v : item.votes)
        if (v.municipality == city) return choiceLabel(voteChoices(), v.vote);
    return "رأی نداد";
}

std::string decisionText(const MeetingItem& item) {
    return item.decision.empty() ? "تصمیمی ثبت نشده" : choiceLabel(decisionChoices(), item.decision);
}

void minutes(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    pageQuery(page.exchange(), {});
    const Meeting m = page.api().meetings.get(viewer, page.exchange().idParam("id"));
    const MeetingService& meetings = page.api().meetings;
    ctemplate::TemplateDictionary& dict = page.content();
    showMeetingSummary(page, dict, summaryOf(m));
    dict.SetValue("QUORUM_NEEDED", persianCount(meetings.rules().quorumNeeded()));
    for (const std::string& city : meetings.rules().members) {
        const bool present = std::find(m.present.begin(), m.present.end(), city) != m.present.end();
        dict.AddSectionDictionary(present ? "PRESENT_CITY" : "ABSENT_CITY")
            ->SetValue("CITY", cityName(page.api(), city));
    }
    if (m.present.size() >= meetings.rules().members.size()) dict.ShowSection("NO_ABSENT");
    std::map<std::string, std::string> signers;  // a present city's voter signs for it
    for (const MeetingItem& item : m.items) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("ITEM");
        row->SetValue("N_FA", persianDigits(std::to_string(&item - m.items.data() + 1)));
        row->SetValue("REFERENCE", item.gapReference);
        row->SetValue("TITLE", item.gapTitle);
        for (const std::string& city : meetings.rules().members) {
            ctemplate::TemplateDictionary* vote = row->AddSectionDictionary("VOTE");
            vote->SetValue("CITY", cityName(page.api(), city));
            vote->SetValue("VOTE", cityVote(m, item, city));
        }
        for (const MeetingVote& v : item.votes) signers.emplace(v.municipality, v.voterName);
        showVoteCounts(*row, item);
        row->SetValue("DECISION", decisionText(item));
        if (!item.decision.empty()) {
            ctemplate::TemplateDictionary* decided = row->AddSectionDictionary("DECIDED");
            const QuorumCheck c = meetings.check(m, item, item.decision);
            decided->SetValue("VOTES_FOR", persianCount(c.votesFor));
            decided->SetValue("PRESENT", persianCount(c.present));
            showTime(*decided, "DECIDED_AT", item.decidedAt);
            if (!item.note.empty()) decided->SetValueAndShowSection("NOTE", item.note, "HAS_NOTE");
        }
    }
    if (m.items.empty()) dict.ShowSection("NO_ITEMS");
    if (m.consultation) {
        ctemplate::TemplateDictionary* section = dict.AddSectionDictionary("CONSULTATION");
        section->SetValue("LAST_DAY", jalaliDay(m.consultation->lastMoment()));
        if (m.consultation->builtAt)
            showTime(*section->AddSectionDictionary("BUILT"), "BUILT_AT", m.consultation->builtAt);
        section->ShowSection(m.consultation->proposals.empty() ? "NO_PROPOSALS" : "HAS_PROPOSALS");
        showProposals(page, *section, *m.consultation);
    }
    for (const std::string& city : m.present) {
        ctemplate::TemplateDictionary* sign = dict.AddSectionDictionary("SIGNATURE");
        sign->SetValue("CITY", cityName(page.api(), city));
        if (const auto it = signers.find(city); it != signers.end()) sign->SetValue("NAME", it->second);
    }
    dict.SetValue("SECRETARY", m.createdByName);
    page.render("صورتجلسه " + reference::meeting(m.id), "minutes.tpl");
}

/// Every member city's vote on every agenda item, one row each.
SheetTable rollCall(const PageContext& page, const Meeting& m) {
    SheetTable table{reference::meeting(m.id),
                     {"بند", "شناسه خلأ", "عنوان", "شهر", "حضور", "رأی", "تصمیم", "تاریخ جلسه"},
                     {}};
    const std::string day = persianDigits(jalaliInput(m.scheduledAt));
    for (const MeetingItem& item : m.items)
        for (const std::string& city : page.api().meetings.rules().members) {
            const bool present = std::find(m.present.begin(), m.present.end(), city) != m.present.end();
            table.rows.push_back({std::to_string(&item - m.items.data() + 1), item.gapReference,
                                  item.gapTitle, cityName(page.api(), city), present ? "حاضر" : "غایب",
                                  present ? cityVote(m, item, city) : "", decisionText(item), day});
        }
    return table;
}

template <std::string (*Write)(const SheetTable&)>
void exportRollCall(PageContext& page, const char* extension, const char* contentType) {
    const Principal& viewer = page.requireViewer();
    pageQuery(page.exchange(), {});
    const Meeting m = page.api().meetings.get(viewer, page.exchange().idParam("id"));
    page.download(reference::meeting(m.id) + "-roll-call." + extension, contentType,
                  Write(rollCall(page, m)));
}

void rollCallCsv(PageContext& page) { exportRollCall<toCsv>(page, "csv", "text/csv; charset=utf-8"); }

void rollCallXlsx(PageContext& page) {
    exportRollCall<toXlsx>(page, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

}  // namespace

void addMeetingRecordPages(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "GET", "/meetings/{id}/minutes", minutes);
    addPage(router, api, site, "GET", "/meetings/{id}/roll-call.csv", rollCallCsv);
    addPage(router, api, site, "GET", "/meetings/{id}/roll-call.xlsx", rollCallXlsx);
}

}  // namespace lacuna
