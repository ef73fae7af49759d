#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include "BillView.h"
#include "GapPageView.h"
#include "MeetingView.h"
#include "PageText.h"
#include "Roles.h"

// Bills in the Majlis: the board (one column per stage of bill.yaml), a new bill from endorsed gaps, a
// bill's page and what a liaison officer or a city's legal director does on it.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void board(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    pageQuery(page.exchange(), {});
    constexpr std::size_t PER_COLUMN = 50;
    ctemplate::TemplateDictionary& dict = page.content();
    const std::vector<LifecycleState>& states = page.api().bills.lifecycle().states();
    const std::vector<std::vector<Bill>> columns = page.api().bills.board(viewer, PER_COLUMN);
    for (std::size_t i = 0; i < states.size(); ++i) {
        const LifecycleState& state = states[i];
        const std::vector<Bill>& bills = columns[i];
        ctemplate::TemplateDictionary* column = dict.AddSectionDictionary("COLUMN");
        column->SetValue("STATE", state.name);
        column->SetValue("LABEL", state.labelFa);
        if (state.terminal) column->ShowSection("TERMINAL");
        column->SetValue("COUNT", persianCount(static_cast<std::int64_t>(bills.size())) +
                                      (bills.size() == PER_COLUMN ? "+" : ""));
        for (const Bill& bill : bills) showBillSummary(page, *column->AddSectionDictionary("CARD"), bill);
        if (bills.empty()) column->ShowSection("EMPTY");
    }
    if (viewer.hasRole(roles::LIAISON_OFFICER)) dict.ShowSection("MAY_CREATE");
    page.render("طرح‌ها و لوایح در مجلس", "bills.tpl");
}

/// Sponsors typed one per line as "name، constituency" (a Persian or Latin comma).
std::vector<SponsorInput> sponsorLines(const std::string& text) {
    std::vector<SponsorInput> out;
    for (const std::string& line : textLines(text)) {
        std::size_t at = line.find("،");
        std::size_t width = 2;
        if (at == std::string::npos) at = line.find(','), width = 1;
        if (at == std::string::npos)
            out.push_back({line, ""});
        else
            out.push_back({Poco::trim(line.substr(0, at)), Poco::trim(line.substr(at + width))});
    }
    return out;
}

void showBillForm(PageContext& page, const FormFields* typed) {
    const Principal& viewer = page.requireViewer();
    ctemplate::TemplateDictionary& dict = page.content();
    const auto value = [&](const char* name) { return typed ? typed->one(name) : std::string(); };
    for (const char* name : {"title", "registration_no", "lead_commission", "advisory", "sponsors"})
        dict.SetValue(Poco::toUpper(std::string(name)), value(name));
    showChoices(dict, "CHANNEL_CHOICE", channelChoices(), value("channel"));
    showChoices(dict, "URGENCY_CHOICE", urgencyChoices(), typed ? value("urgency") : "ordinary");
    const std::vector<std::string> ticked = typed ? typed->all("gap") : std::vector<std::string>{};
    GapListRequest request;
    request.query.state = "endorsed";
    request.query.limit = 100;
    for (const Gap& gap : page.api().gaps.list(viewer, request).items) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("ENDORSED");
        showGapSummary(page, *row, gap);
        if (std::find(ticked.begin(), ticked.end(), gap.reference) != ticked.end())
            row->ShowSection("TICKED");
    }
    dict.SetValue("MIN_SIGNATURES", persianDigits(std::to_string(page.api().bills.rules().minSignatures)));
}

void requireLiaison(const Principal& viewer) {
    if (!viewer.hasRole(roles::LIAISON_OFFICER)) throw Forbidden("only a liaison officer records bills");
}

void newBill(PageContext& page) {
    requireLiaison(page.requireViewer());
    showBillForm(page, nullptr);
    page.render("طرح یا لایحه تازه", "bill_new.tpl");
}

void create(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    createFromForm(
        page, "طرح یا لایحه تازه", "bill_new.tpl",
        [&](const FormFields& form) {
            BillInput input;
            input.title = form.one("title");
            input.channel = form.one("channel");
            input.registrationNo = form.one("registration_no");
            input.leadCommission = form.one("lead_commission");
            input.advisoryCommissions = textLines(form.one("advisory"));
            input.urgency = form.one("urgency").empty() ? "ordinary" : form.one("urgency");
            input.gaps = form.all("gap");
            input.sponsors = sponsorLines(form.one("sponsors"));
            return "/bills/" + std::to_string(page.api().bills.create(viewer, input).id);
        },
        [&](const FormFields& form, const ValidationError&) { showBillForm(page, &form); });
}

void billPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    pageQuery(page.exchange(), {});
    const Bill bill = page.api().bills.get(viewer, page.exchange().idParam("id"));
    showBillPage(page, bill, {});
    page.render(bill.reference + " — " + bill.title, "bill.tpl");
}

/// The committee decisions in a gap's history: each names its meeting (M-12) among its fields.
void showDecisions(PageContext& page, ctemplate::TemplateDictionary& dict, const Principal& viewer,
                   const Gap& gap) {
    for (const GapEvent& e : page.api().gaps.history(viewer, gap)) {
        if (e.type != "transition" || e.fieldsJson.empty()) continue;
        const auto fields = Poco::JSON::Parser().parse(e.fieldsJson).extract<Poco::JSON::Object::Ptr>();
        if (!fields->has("meeting")) continue;
        const std::string meeting = fields->getValue<std::string>("meeting");
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("DECISION");
        row->SetValue("MEETING", meeting);
        row->SetValue("MEETING_LINK", "/meetings/" + meeting.substr(meeting.find('-') + 1));
        const LifecycleTransition* t = page.api().gaps.lifecycle().findTransition(e.transition);
        row->SetValue("WHAT", t ? t->labelFa : e.transition);
        showTime(*row, "AT", e.at, false);
        if (!e.comment.empty()) row->SetValueAndShowSection("COMMENT", e.comment, "HAS_COMMENT");
    }
}

/// A bill's dossier as one print-ready page: its gaps with their latest draft and the diff from the first,
/// the meetings that decided them, the stages and the Guardian Council's objections.
void dossier(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    pageQuery(page.exchange(), {});
    const Bill bill = page.api().bills.get(viewer, page.exchange().idParam("id"));
    ctemplate::TemplateDictionary& dict = page.content();
    showBillSummary(page, dict, bill);
    dict.SetValue("LEAD_COMMISSION", bill.leadCommission);
    showTime(dict, "PRINTED_AT", page.api().clock.nowMs());
    for (const BillGap& bg : bill.gaps) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("GAP");
        if (!bg.gapId) {
            row->SetValueAndShowSection("HIDDEN_TITLE", bg.title, "HIDDEN");
            continue;
        }
        const Gap gap = page.api().gaps.get(viewer, bg.gapId);
        ctemplate::TemplateDictionary* known = row->AddSectionDictionary("KNOWN");
        showGapSummary(page, *known, gap);
        known->SetValue("DESCRIPTION", gap.fields.description);
        const std::vector<Draft> drafts = page.api().drafts.list(viewer, gap);
        if (!drafts.empty()) {
            ctemplate::TemplateDictionary* latest = known->AddSectionDictionary("LATEST");
            latest->SetValue("VERSION_FA", persianDigits(std::to_string(drafts.back().version)));
            latest->SetValue("TEXT", drafts.back().text);
            latest->SetValue("RATIONALE", drafts.back().rationale);
            if (drafts.size() > 1) {
                const DraftDiff d = DraftService::diff(drafts.front(), drafts.back());
                ctemplate::TemplateDictionary* diff = latest->AddSectionDictionary("DIFF");
                diff->SetValue("FROM_FA", persianDigits(std::to_string(drafts.front().version)));
                showOps(*diff, "TEXT_OP", d.text);
            }
        }
        showDecisions(page, *known, viewer, gap);
    }
    showBillTimeline(page, viewer, bill);
    for (const Objection& o : bill.objections) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("OBJECTION");
        row->SetValue("NUMBER_FA", persianDigits(std::to_string(o.number)));
        row->SetValue("ARTICLE", o.article);
        row->SetValue("TYPE_LABEL", choiceLabel(objectionTypeChoices(), o.type));
        row->SetValue("TEXT", o.text);
        row->SetValue("RESPONSE", o.response.empty() ? "—" : o.response);
        row->SetValue("RESOLVED", o.resolved ? "رفع شد" : "باز");
    }
    if (bill.objections.empty()) dict.ShowSection("NO_OBJECTIONS");
    page.render("پرونده " + bill.reference, "dossier.tpl");
}

/// Takes a form on the bill of the path (see submitForm); the bill page shows again when it is refused.
template <typename Change>
void changeBill(PageContext& page, const std::string& formName, std::int64_t item, const char* anchor,
                Change change) {
    const Principal& viewer = page.requireViewer();
    const std::int64_t id = page.exchange().idParam("id");
    submitForm(
        page, formName, item,
        [&](const FormFields& form) {
            change(viewer, id, form);
            return "/bills/" + std::to_string(id) + anchor;
        },
        [&](const RefusedForm& refused, HTTPResponse::HTTPStatus status) {
            const Bill bill = page.api().bills.get(viewer, id);
            showBillPage(page, bill, refused);
            page.render(bill.reference, "bill.tpl", status);
        });
}

void fire(PageContext& page) {
    changeBill(page, "transition", 0, "", [&](const Principal& v, std::int64_t id, const FormFields& form) {
        page.api().bills.fireTransition(v, id, readTransitionForm(form, page.api().bills.lifecycle()),
                                        formVersion(form));
    });
}

void addSponsor(PageContext& page) {
    changeBill(page, "sponsor", 0, "#sponsors",
               [&](const Principal& v, std::int64_t id, const FormFields& form) {
                   page.api().bills.addSponsor(v, id, {form.one("name"), form.one("constituency")},
                                               formVersion(form));
               });
}

void withdrawSponsor(PageContext& page) {
    const std::int64_t number = page.exchange().idParam("number");
    changeBill(page, "withdrawal", number, "#sponsors",
               [&](const Principal& v, std::int64_t id, const FormFields& form) {
                   page.api().bills.withdrawSponsor(v, id, number, formVersion(form));
               });
}

void addObjection(PageContext& page) {
    changeBill(page, "objection", 0, "#objections",
               [&](const Principal& v, std::int64_t id, const FormFields& form) {
                   page.api().bills.addObjection(
                       v, id, {form.one("article"), form.one("type"), form.one("text")}, formVersion(form));
               });
}

void answerObjection(PageContext& page) {
    const std::int64_t number = page.exchange().idParam("number");
    changeBill(page, "answer", number, "#objections",
               [&](const Principal& v, std::int64_t id, const FormFields& form) {
                   ObjectionAnswer answer;
                   answer.response = form.one("response");
                   answer.resolved = form.one("resolved") == "on";
                   page.api().bills.answerObjection(v, id, number, answer, formVersion(form));
               });
}

void extend(PageContext& page) {
    changeBill(page, "extension", 0, "", [&](const Principal& v, std::int64_t id, const FormFields& form) {
        page.api().bills.extendClock(v, id, form.one("comment"), formVersion(form));
    });
}

void setPosition(PageContext& page) {
    changeBill(page, "position", 0, "#positions",
               [&](const Principal& v, std::int64_t id, const FormFields& form) {
                   page.api().bills.setPosition(v, id, form.one("position"), form.one("note"));
               });
}

}  // namespace

void addBillPages(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "GET", "/bills", board);
    addPage(router, api, site, "POST", "/bills", create);
    addPage(router, api, site, "GET", "/bills/new", newBill);
    addPage(router, api, site, "GET", "/bills/{id}", billPage);
    addPage(router, api, site, "GET", "/bills/{id}/dossier", dossier);
    addPage(router, api, site, "POST", "/bills/{id}/transitions", fire);
    addPage(router, api, site, "POST", "/bills/{id}/sponsors", addSponsor);
    addPage(router, api, site, "POST", "/bills/{id}/sponsors/{number}/withdrawal", withdrawSponsor);
    addPage(router, api, site, "POST", "/bills/{id}/objections", addObjection);
    addPage(router, api, site, "POST", "/bills/{id}/objections/{number}", answerObjection);
    addPage(router, api, site, "POST", "/bills/{id}/extension", extend);
    addPage(router, api, site, "POST", "/bills/{id}/position", setPosition);
}

}  // namespace lacuna
