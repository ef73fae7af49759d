#include "RulingView.h"

#include "JalaliDate.h"
#include "MeetingView.h"
#include "PageText.h"
#include "Roles.h"

namespace lacuna {

void showRulingSummary(PageContext& page, ctemplate::TemplateDictionary& dict, const Ruling& r) {
    dict.SetIntValue("ID", static_cast<long>(r.id));
    dict.SetValue("COURT", r.court);
    if (!r.branch.empty()) dict.SetValueAndShowSection("BRANCH_NAME", r.branch, "BRANCH");
    dict.SetValue("NUMBER", r.number);
    dict.SetValue("DECIDED_ON", jalaliDay(startOfJalaliDayInIran(r.decidedOn)));
    dict.SetValue("DECIDED_ON_ISO", formatJalali(r.decidedOn));
    dict.SetValue("CITY", cityName(page.api(), r.municipality));
    dict.SetValue("OUTCOME", r.outcome);
    dict.SetValue("OUTCOME_LABEL", choiceLabel(outcomeChoices(), r.outcome));
    dict.SetValue("SUMMARY", r.summary);
    if (r.decides) {
        ctemplate::TemplateDictionary* binding = dict.AddSectionDictionary("BINDING");
        binding->SetIntValue("PRECEDENT_ID", static_cast<long>(r.decides->id));
        binding->SetValue("PRECEDENT_REFERENCE", r.decides->reference);
    }
    for (const Provision& p : r.provisions) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("PROVISION");
        row->SetValue("LAW", p.law);
        row->SetValue("ARTICLE", p.article);
        row->SetValue("LINK", provisionLink(p));
    }
}

void showConflicts(PageContext& page, ctemplate::TemplateDictionary& parent,
                   const std::vector<RulingConflict>& conflicts, bool withProvision, bool offerRequest) {
    ctemplate::TemplateDictionary* list = parent.AddIncludeDictionary("CONFLICTS");
    list->SetFilename("conflicts.tpl");
    const bool mayOpen = offerRequest && page.requireViewer().hasRole(roles::COMMITTEE_SECRETARY);
    for (const RulingConflict& c : conflicts) {
        ctemplate::TemplateDictionary* row = list->AddSectionDictionary("CONFLICT");
        if (withProvision) {
            ctemplate::TemplateDictionary* named = row->AddSectionDictionary("WITH_PROVISION");
            named->SetValue("LAW", c.provision.law);
            named->SetValue("ARTICLE", c.provision.article);
            named->SetValue("LINK", provisionLink(c.provision));
        }
        row->SetValue("ADVERSE_COUNT_FA", persianCount(c.adverseCount));
        row->SetValue("FAVOURABLE_COUNT_FA", persianCount(c.favourableCount));
        row->SetValue("SCOPE", c.sameCourt ? "از دو شعبه یک مرجع" : "از دو مرجع قضایی");
        for (const Ruling* r : {&c.adverse, &c.favourable})
            showRulingSummary(page, *row->AddSectionDictionary("SIDE"), *r);
        for (const GapSummary& g : c.gaps) {
            ctemplate::TemplateDictionary* gap = row->AddSectionDictionary("GAP");
            gap->SetIntValue("ID", static_cast<long>(g.id));
            gap->SetValue("REFERENCE", g.reference);
            gap->SetValue("TITLE", g.title);
        }
        if (!c.gaps.empty()) row->ShowSection("HAS_GAPS");
        if (c.request) {
            ctemplate::TemplateDictionary* request = row->AddSectionDictionary("REQUEST");
            request->SetIntValue("REQUEST_ID", static_cast<long>(c.request->id));
            request->SetValue("REQUEST_REFERENCE", c.request->reference);
            const LifecycleState* state = page.api().precedents.lifecycle().findState(c.request->state);
            request->SetValue("REQUEST_STATE", state ? state->labelFa : c.request->state);
        }
        if (c.settled) row->ShowSection("SETTLED");
        // One open request per provision (the cities argue in it rather than in a second), and none once a
        // precedent settled the conflict.
        if (mayOpen && !c.settled && !(c.request && c.request->open))
            row->SetValueAndShowSection(
                "OPEN_LINK", linkWith("/precedents/new", {{"provision", c.provisionKey}}), "MAY_OPEN");
    }
}

}  // namespace lacuna
