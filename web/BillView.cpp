#include "BillView.h"

#include <algorithm>

#include "JalaliDate.h"
#include "MeetingView.h"
#include "PageText.h"
#include "Roles.h"

namespace lacuna {

const Choices& channelChoices() {
    static const Choices C = {{"mps_plan", "طرح نمایندگان"},
                              {"government_bill", "لایحه دولت"},
                              {"provinces_council", "طرح شورای عالی استان‌ها"}};
    return C;
}

const Choices& urgencyChoices() {
    static const Choices C = {
        {"ordinary", "عادی"}, {"single", "یک‌فوریتی"}, {"double", "دوفوریتی"}};
    return C;
}

const Choices& objectionTypeChoices() {
    static const Choices C = {
        {"sharia", "مغایرت با شرع"}, {"constitution", "مغایرت با قانون اساسی"}, {"ambiguity", "ابهام"}};
    return C;
}

const Choices& positionChoices() {
    static const Choices C = {{"support", "موافق"}, {"oppose", "مخالف"}, {"watch", "در حال بررسی"}};
    return C;
}

void showBillSummary(PageContext& page, ctemplate::TemplateDictionary& dict, const Bill& bill) {
    dict.SetIntValue("ID", static_cast<long>(bill.id));
    dict.SetValue("REFERENCE", bill.reference);
    dict.SetValue("TITLE", bill.title);
    if (const LifecycleState* s = page.api().bills.lifecycle().findState(bill.state)) {
        dict.SetValue("STATE_LABEL", s->labelFa);
        if (s->terminal) dict.ShowSection("TERMINAL");
    }
    dict.SetValue("CHANNEL_LABEL", choiceLabel(channelChoices(), bill.channel));
    dict.SetValue("URGENCY", bill.urgency);
    dict.SetValue("URGENCY_LABEL", choiceLabel(urgencyChoices(), bill.urgency));
    if (bill.urgency != "ordinary") dict.ShowSection("URGENT");
    if (bill.dueAt) {
        ctemplate::TemplateDictionary* due = dict.AddSectionDictionary("DUE");
        showTime(*due, "DUE_AT", *bill.dueAt, false);
        if (*bill.dueAt < page.api().clock.nowMs()) due->ShowSection("OVERDUE");
    }
}

namespace {

std::string billEventLabel(const std::string& type) {
    if (type == "created") return "ثبت در سامانه";
    if (type == "edited") return "ویرایش مشخصات";
    if (type == "sponsor_added") return "امضای نماینده";
    if (type == "sponsor_withdrawn") return "استرداد امضا";
    if (type == "objection_added") return "ایراد شورای نگهبان";
    if (type == "objection_answered") return "پاسخ به ایراد";
    if (type == "position") return "موضع شهر";
    if (type == "clock_extended") return "تمدید مهلت";
    return "";
}

}  // namespace

void showBillTimeline(PageContext& page, const Principal& viewer, const Bill& bill) {
    showRecordTimeline(page, page.api().bills.history(viewer, bill), &page.api().bills.lifecycle(),
                       billEventLabel);
}

namespace {

void showGaps(PageContext& page, const Bill& bill) {
    for (const BillGap& g : bill.gaps) {
        ctemplate::TemplateDictionary* row = page.content().AddSectionDictionary("GAP");
        showGapMention(*row, g.gapId, g.reference, g.title);
    }
}

void showSponsors(PageContext& page, const Bill& bill, bool liaison, bool open) {
    ctemplate::TemplateDictionary& dict = page.content();
    // Only an MPs' plan is signed by MPs.
    if (bill.channel != "mps_plan" && bill.sponsors.empty()) return;
    dict.ShowSection("HAS_SPONSORS");
    for (std::size_t i = 0; i < bill.sponsors.size(); ++i) {
        const Sponsor& s = bill.sponsors[i];
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("SPONSOR");
        row->SetIntValue("NUMBER", static_cast<long>(i + 1));
        row->SetValue("NAME", s.name);
        row->SetValue("CONSTITUENCY", s.constituency);
        showTime(*row, "SIGNED_AT", s.signedAt, false);
        if (s.withdrawnAt)
            showTime(*row->AddSectionDictionary("WITHDRAWN"), "AT", *s.withdrawnAt, false);
        else if (liaison && open)
            row->ShowSection("MAY_WITHDRAW");
    }
    if (bill.channel != "mps_plan") return;
    ctemplate::TemplateDictionary* count = dict.AddSectionDictionary("SIGNATURES");
    const std::size_t minimum = page.api().bills.rules().minSignatures;
    count->SetValue("ACTIVE", persianCount(static_cast<std::int64_t>(bill.activeSponsors())));
    count->SetValue("MINIMUM", persianCount(static_cast<std::int64_t>(minimum)));
    if (bill.activeSponsors() < minimum) count->ShowSection("TOO_FEW");
    if (liaison && open) dict.ShowSection("SPONSOR_FORM");
}

void showObjections(PageContext& page, const Bill& bill, bool liaison, const RefusedForm& refused) {
    ctemplate::TemplateDictionary& dict = page.content();
    const auto& states = page.api().bills.rules().objectionStates;
    const bool inObjectionState = std::find(states.begin(), states.end(), bill.state) != states.end();
    for (const Objection& o : bill.objections) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("OBJECTION");
        row->SetIntValue("NUMBER", static_cast<long>(o.number));
        row->SetValue("NUMBER_FA", persianDigits(std::to_string(o.number)));
        row->SetValue("ARTICLE", o.article);
        row->SetValue("TYPE_LABEL", choiceLabel(objectionTypeChoices(), o.type));
        row->SetValue("TEXT", o.text);
        showTime(*row, "RAISED_AT", o.raisedAt, false);
        if (!o.response.empty()) row->SetValueAndShowSection("RESPONSE", o.response, "HAS_RESPONSE");
        row->ShowSection(o.resolved ? "RESOLVED" : "UNRESOLVED");
        if (liaison && inObjectionState) {
            ctemplate::TemplateDictionary* form = row->AddSectionDictionary("ANSWER_FORM");
            const bool retyped = refused.is("answer", o.number);
            form->SetValue("RESPONSE_VALUE", retyped ? refused.typed->one("response") : o.response);
            if (retyped ? refused.typed->one("resolved") == "on" : o.resolved) form->ShowSection("CHECKED");
        }
    }
    if (bill.objections.empty()) dict.ShowSection("NO_OBJECTIONS");
    const auto open = std::count_if(bill.objections.begin(), bill.objections.end(),
                                    [](const Objection& o) { return !o.resolved; });
    if (open > 0 && inObjectionState)
        dict.SetValueAndShowSection("OPEN_COUNT", persianCount(open), "OPEN_OBJECTIONS");
    if (liaison && inObjectionState) {
        ctemplate::TemplateDictionary* form = dict.AddSectionDictionary("OBJECTION_FORM");
        const bool retyped = refused.is("objection");
        showChoices(*form, "TYPE_CHOICE", objectionTypeChoices(), retyped ? refused.typed->one("type") : "");
        if (retyped) {
            form->SetValue("ARTICLE", refused.typed->one("article"));
            form->SetValue("TEXT", refused.typed->one("text"));
        }
    }
}

/// Every member city's position, and the form for the viewer's own city.
void showPositions(PageContext& page, const Principal& viewer, const Bill& bill, bool open,
                   const RefusedForm& refused) {
    ctemplate::TemplateDictionary& dict = page.content();
    for (const std::string& city : page.api().meetings.rules().members) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("POSITION");
        row->SetValue("CITY", cityName(page.api(), city));
        const auto p = std::find_if(bill.positions.begin(), bill.positions.end(),
                                    [&](const BillPosition& bp) { return bp.municipality == city; });
        if (p == bill.positions.end()) {
            row->ShowSection("NO_POSITION");
            continue;
        }
        ctemplate::TemplateDictionary* stated = row->AddSectionDictionary("STATED");
        stated->SetValue("POSITION", p->position);
        stated->SetValue("POSITION_LABEL", choiceLabel(positionChoices(), p->position));
        stated->SetValue("BY", p->byName);
        showTime(*stated, "AT", p->at, false);
        if (!p->note.empty()) stated->SetValueAndShowSection("NOTE", p->note, "HAS_NOTE");
    }
    if (!open || !viewer.hasRole(roles::LEGAL_DIRECTOR) || !viewer.municipality) return;
    ctemplate::TemplateDictionary* form = dict.AddSectionDictionary("POSITION_FORM");
    form->SetValue("CITY", cityName(page.api(), *viewer.municipality));
    std::string mine, note;
    for (const BillPosition& p : bill.positions)
        if (p.municipality == *viewer.municipality) mine = p.position, note = p.note;
    if (refused.is("position")) mine = refused.typed->one("position"), note = refused.typed->one("note");
    showChoices(*form, "POSITION_CHOICE", positionChoices(), mine);
    form->SetValue("NOTE", note);
}

}  // namespace

void showBillPage(PageContext& page, const Bill& bill, const RefusedForm& refused) {
    const Principal& viewer = page.requireViewer();
    const ApiServices& api = page.api();
    ctemplate::TemplateDictionary& dict = page.content();
    showBillSummary(page, dict, bill);
    dict.SetIntValue("VERSION", static_cast<long>(bill.version));
    dict.SetValue("REGISTRATION_NO", bill.registrationNo.empty() ? "—" : bill.registrationNo);
    dict.SetValue("LEAD_COMMISSION", bill.leadCommission);
    for (const std::string& c : bill.advisoryCommissions)
        dict.SetValueAndShowSection("ADVISORY", c, "ADVISORY_LIST");
    if (bill.advisoryCommissions.empty()) dict.ShowSection("NO_ADVISORY");
    dict.SetValue("CREATED_BY", bill.createdByName);
    showTime(dict, "CREATED_AT", bill.createdAt, false);
    const bool liaison = viewer.hasRole(roles::LIAISON_OFFICER);
    const LifecycleState& state = api.bills.lifecycle().state(bill.state);
    const bool open = !state.terminal;
    showGaps(page, bill);
    showTransitionForms(page, dict,
                        {"/bills/" + std::to_string(bill.id) + "/transitions", "#bill", bill.version,
                         api.bills.lifecycle(), api.bills.availableTransitions(viewer, bill)},
                        refused.form == "transition" && refused.typed ? refused.typed->one("transition") : "",
                        refused.form == "transition" ? refused.typed : nullptr, refused.error);
    showBillTimeline(page, viewer, bill);
    showSponsors(page, bill, liaison, open);
    showObjections(page, bill, liaison, refused);
    if (bill.extensions > 0)
        dict.SetValueAndShowSection("EXTENSIONS", persianDigits(std::to_string(bill.extensions)), "EXTENDED");
    if (liaison && open && state.extensionDays && bill.extensions < api.bills.rules().maxExtensions)
        dict.SetValueAndShowSection("EXTENSION_DAYS", persianDigits(std::to_string(*state.extensionDays)),
                                    "EXTENSION_FORM");
    showPositions(page, viewer, bill, open, refused);
}

}  // namespace lacuna
