#include <Poco/String.h>

#include <algorithm>
#include <set>

#include "JalaliDate.h"
#include "MeetingView.h"
#include "PageText.h"
#include "PageViews.h"
#include "Roles.h"
#include "RulingView.h"
#include "SearchText.h"

// Requests for a uniform precedent (درخواست صدور رأی وحدت رویه): opened by the committee's secretary from a
// conflict of rulings on one provision, argued by each city's legal director, filed with a General Board, and
// closed by the precedent itself, a registered ruling that binds.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

const Choices& boardChoices() {
    static const Choices C = {{"administrative_justice", "هیئت عمومی دیوان عدالت اداری"},
                              {"supreme_court", "هیئت عمومی دیوان عالی کشور"}};
    return C;
}

std::string precedentEventLabel(const std::string& type) {
    if (type == "created") return "گشودن درخواست";
    if (type == "argued") return "نگارش استدلال شهر";
    return type;
}

/// What a row or heading shows of a request.
void showPrecedentSummary(PageContext& page, ctemplate::TemplateDictionary& dict, const PrecedentRequest& p) {
    const Lifecycle& lifecycle = page.api().precedents.lifecycle();
    dict.SetIntValue("ID", static_cast<long>(p.id));
    dict.SetValue("REFERENCE", p.reference);
    dict.SetValue("BOARD_LABEL", choiceLabel(boardChoices(), p.board));
    dict.SetValue("LAW", p.provision.law);
    dict.SetValue("ARTICLE", p.provision.article);
    dict.SetValue("PROVISION_LINK", provisionLink(p.provision));
    const LifecycleState* s = lifecycle.findState(p.state);
    dict.SetValue("STATE_LABEL", s ? s->labelFa : p.state);
    if (s && s->terminal) dict.ShowSection("TERMINAL");
    showTime(dict, "OPENED_AT", p.createdAt, false);
    if (p.dueAt && !(s && s->terminal)) {
        ctemplate::TemplateDictionary* due = dict.AddSectionDictionary("DUE");
        showTime(*due, "DUE_AT", *p.dueAt, false);
        if (*p.dueAt < page.api().clock.nowMs()) due->ShowSection("OVERDUE");
    }
}

bool mayOpen(const Principal& viewer) { return viewer.hasRole(roles::COMMITTEE_SECRETARY); }

void list(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), {"state"});
    const std::string state = query.text("state").value_or("");
    ctemplate::TemplateDictionary& dict = page.content();
    Choices states;
    for (const LifecycleState& s : page.api().precedents.lifecycle().states())
        states.emplace_back(s.name, s.labelFa);
    showChoices(dict, "STATE_CHOICE", states, state);
    constexpr std::size_t SHOWN = 100;
    const auto requests = page.api().precedents.list(viewer, query.text("state"), SHOWN);
    for (const PrecedentRequest& p : requests)
        showPrecedentSummary(page, *dict.AddSectionDictionary("REQUEST"), p);
    if (requests.empty()) dict.ShowSection("EMPTY");
    if (requests.size() == SHOWN) dict.ShowSection("CUT");
    page.render("درخواست‌های رأی وحدت رویه", "precedents.tpl");
}

/// The form opening a request on the provision named: the conflict it answers, the board, the question.
void showOpenForm(PageContext& page, const std::string& named, const FormFields* typed) {
    const Principal& viewer = page.requireViewer();
    ctemplate::TemplateDictionary& dict = page.content();
    dict.SetValue("PROVISION", named);
    dict.SetValue("QUESTION", typed ? typed->one("question") : "");
    showChoices(dict, "BOARD_CHOICE", boardChoices(), typed ? typed->one("board") : "administrative_justice");
    constexpr std::size_t GAPS_SHOWN = 10;
    const auto conflict =
        page.api().uniformity.conflicts(viewer, ConflictQuery{named, std::nullopt, 1}, GAPS_SHOWN);
    if (conflict.empty()) dict.ShowSection("NO_CONFLICT");
    showConflicts(page, dict, conflict, true, false);  // the page is the request's own form
    // The rulings to attach: every adverse and favourable one on the provision, the newest pair ticked.
    std::set<std::string> ticked;
    if (typed) {
        for (const std::string& id : typed->all("ruling")) ticked.insert(id);
    } else if (!conflict.empty()) {
        ticked = {std::to_string(conflict[0].adverse.id), std::to_string(conflict[0].favourable.id)};
    }
    RulingQuery onProvision;
    onProvision.provisionKey = named;
    onProvision.limit = 100;
    for (const Ruling& r : page.api().uniformity.rulings(viewer, onProvision)) {
        if (r.outcome == "mixed") continue;
        ctemplate::TemplateDictionary* choice = dict.AddSectionDictionary("RULING_CHOICE");
        showRulingSummary(page, *choice, r);
        if (ticked.count(std::to_string(r.id))) choice->ShowSection("CHECKED");
    }
}

void newRequest(PageContext& page) {
    if (!mayOpen(page.requireViewer())) throw Forbidden("the committee's secretary opens a request");
    const QueryParams query = pageQuery(page.exchange(), {"provision"});
    const std::string named = query.text("provision").value_or("");
    if (named.empty())
        throw ValidationError("no provision", {{"provision", "required", "the provision in conflict"}});
    showOpenForm(page, named, nullptr);
    page.render("درخواست رأی وحدت رویه", "precedent_new.tpl");
}

void openRequest(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    createFromForm(
        page, "درخواست رأی وحدت رویه", "precedent_new.tpl",
        [&](const FormFields& form) {
            PrecedentInput input;
            input.board = form.one("board");
            input.provision = form.one("provision");
            input.question = form.one("question");
            input.rulings = tickedIds(form, "ruling", "rulings");
            return "/precedents/" + std::to_string(page.api().precedents.open(viewer, input).id);
        },
        [&](const FormFields& form, const ValidationError&) {
            showOpenForm(page, form.one("provision"), &form);
        });
}

void showPrecedentPage(PageContext& page, const PrecedentRequest& p, const RefusedForm& refused) {
    const Principal& viewer = page.requireViewer();
    const ApiServices& api = page.api();
    ctemplate::TemplateDictionary& dict = page.content();
    showPrecedentSummary(page, dict, p);
    dict.SetIntValue("VERSION", static_cast<long>(p.version));
    dict.SetValue("QUESTION", p.question);
    dict.SetValue("OPENED_BY", p.createdByName);
    if (!p.filingNumber.empty()) {
        ctemplate::TemplateDictionary* filed = dict.AddSectionDictionary("FILED");
        filed->SetValue("FILING_NUMBER", p.filingNumber);
        if (p.filedAt) showTime(*filed, "FILED_AT", *p.filedAt, false);
    }
    if (p.decisionRulingId) {
        const Ruling decision = api.uniformity.ruling(viewer, *p.decisionRulingId);
        showRulingSummary(page, *dict.AddSectionDictionary("DECISION"), decision);
    }
    for (const std::int64_t id : p.rulingIds)
        showRulingSummary(page, *dict.AddSectionDictionary("RULING"), api.uniformity.ruling(viewer, id));
    for (const std::int64_t gapId : p.gapIds) {
        const Gap g = api.gaps.load(viewer, gapId);  // viewFor left only the gaps the viewer may read
        showGapMention(*dict.AddSectionDictionary("GAP"), g.id, g.reference, g.fields.title);
    }
    if (p.gapIds.empty()) dict.ShowSection("NO_GAPS");
    for (const PrecedentArgument& a : p.arguments) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("ARGUMENT");
        row->SetValue("CITY", cityName(api, a.municipality));
        row->SetValue("TEXT", a.text);
        row->SetValue("AUTHOR", a.authorName);
        showTime(*row, "AT", a.at);
    }
    if (p.arguments.empty()) dict.ShowSection("NO_ARGUMENTS");
    if (api.precedents.mayArgue(viewer, p)) {
        ctemplate::TemplateDictionary* form = dict.AddSectionDictionary("ARGUMENT_FORM");
        form->SetValue("CITY", cityName(api, *viewer.municipality));
        const PrecedentArgument* own = p.argumentOf(*viewer.municipality);
        form->SetValue("TYPED", refused.is("argument") ? refused.typed->one("text") : own ? own->text : "");
    }
    TransitionForms forms{"/precedents/" + std::to_string(p.id) + "/transitions", "#request", p.version,
                          api.precedents.lifecycle(), api.precedents.availableTransitions(viewer, p)};
    if (p.open) {
        // The precedent is a ruling registered on the provision (by the secretary, as the board gave it):
        // offered newest first, the conflicting ones left out; none until it is registered.
        RulingQuery onProvision;
        onProvision.provisionKey = p.provisionKey;
        onProvision.limit = 100;
        Choices decisions;
        for (const Ruling& r : api.uniformity.rulings(viewer, onProvision))
            if (std::find(p.rulingIds.begin(), p.rulingIds.end(), r.id) == p.rulingIds.end())
                decisions.emplace_back(std::to_string(r.id),
                                       r.court + "، دادنامه " + r.number + "، " +
                                           jalaliDay(startOfJalaliDayInIran(r.decidedOn)));
        forms.choices["ruling"] = std::move(decisions);
    }
    const bool failed = refused.form == "transition" && refused.typed;
    showTransitionForms(page, dict, forms, failed ? refused.typed->one("transition") : "",
                        failed ? refused.typed : nullptr, refused.error);
    showRecordTimeline(page, api.precedents.history(viewer, p), &api.precedents.lifecycle(),
                       precedentEventLabel);
}

void requestPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    pageQuery(page.exchange(), {});
    const PrecedentRequest p = page.api().precedents.get(viewer, page.exchange().idParam("id"));
    showPrecedentPage(page, p, {});
    page.render(p.reference + " — درخواست رأی وحدت رویه", "precedent.tpl");
}

/// Takes a form on the request of the path; the request's page shows again when refused.
template <typename Change>
void changeRequest(PageContext& page, const std::string& formName, const char* anchor, Change change) {
    submitRecordForm(page, formName, "/precedents", anchor, change,
                     [&](const Principal& viewer, std::int64_t id, const RefusedForm& refused,
                         HTTPResponse::HTTPStatus status) {
                         const PrecedentRequest p = page.api().precedents.get(viewer, id);
                         showPrecedentPage(page, p, refused);
                         page.render(p.reference, "precedent.tpl", status);
                     });
}

void argue(PageContext& page) {
    changeRequest(page, "argument", "#arguments",
                  [&](const Principal& v, std::int64_t id, const FormFields& form) {
                      page.api().precedents.argue(v, id, form.one("text"), formVersion(form));
                  });
}

void fire(PageContext& page) {
    changeRequest(page, "transition", "", [&](const Principal& v, std::int64_t id, const FormFields& form) {
        page.api().precedents.fireTransition(
            v, id, readTransitionForm(form, page.api().precedents.lifecycle()), formVersion(form));
    });
}

}  // namespace

void addPrecedentPages(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "GET", "/precedents", list);
    addPage(router, api, site, "POST", "/precedents", openRequest);
    addPage(router, api, site, "GET", "/precedents/new", newRequest);
    addPage(router, api, site, "GET", "/precedents/{id}", requestPage);
    addPage(router, api, site, "POST", "/precedents/{id}/argument", argue);
    addPage(router, api, site, "POST", "/precedents/{id}/transitions", fire);
}

}  // namespace lacuna
