#include <Poco/String.h>

#include <algorithm>
#include <set>

#include "MeetingView.h"
#include "PageText.h"
#include "PageViews.h"
#include "Roles.h"
#include "SearchText.h"

// Advisory opinions: a city's question to the committee (استعلام), its assignment, the committee's answer
// and its publication as guidance every city reads (نظریه مشورتی), each text kept in every version.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

std::string opinionEventLabel(const std::string& type) {
    if (type == "created") return "ثبت استعلام";
    if (type == "question_saved") return "ویرایش متن استعلام";
    if (type == "answer_saved") return "نگارش پاسخ";
    if (type == "linked") return "پیوند به خلأها و آرا";
    return type;
}

std::string stateLabel(const PageContext& page, const std::string& state) {
    const LifecycleState* s = page.api().opinions.lifecycle().findState(state);
    return s ? s->labelFa : state;
}

/// What a row or heading shows of an opinion.
void showOpinionSummary(PageContext& page, ctemplate::TemplateDictionary& dict, const Opinion& o) {
    dict.SetIntValue("ID", static_cast<long>(o.id));
    dict.SetValue("REFERENCE", o.reference);
    dict.SetValue("TITLE", o.title);
    dict.SetValue("STATE", o.state);
    dict.SetValue("STATE_LABEL", stateLabel(page, o.state));
    if (page.api().opinions.lifecycle().state(o.state).terminal) dict.ShowSection("TERMINAL");
    dict.SetValue("CITY", cityName(page.api(), o.municipality));
    dict.SetValue("ASKED_BY", o.askedByName);
    showTime(dict, "ASKED_AT", o.createdAt, false);
    if (!o.assignee.empty()) dict.SetValueAndShowSection("ASSIGNEE", o.assignee, "ASSIGNED");
    if (o.dueAt) {
        ctemplate::TemplateDictionary* due = dict.AddSectionDictionary("DUE");
        showTime(*due, "DUE_AT", *o.dueAt, false);
        if (*o.dueAt < page.api().clock.nowMs()) due->ShowSection("OVERDUE");
    }
    if (o.publishedAt)
        showTime(*dict.AddSectionDictionary("PUBLISHED"), "PUBLISHED_AT", *o.publishedAt, false);
}

bool mayAsk(const Principal& viewer) { return viewer.municipality && viewer.hasRole(roles::LEGAL_DIRECTOR); }

void list(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), {"state", "municipality"});
    const std::string state = query.text("state").value_or("");
    const std::string city = query.text("municipality").value_or("");
    ctemplate::TemplateDictionary& dict = page.content();
    Choices states;
    for (const LifecycleState& s : page.api().opinions.lifecycle().states())
        states.emplace_back(s.name, s.labelFa);
    showChoices(dict, "STATE_CHOICE", states, state);
    showChoices(dict, "CITY_CHOICE", cityChoices(page), city);
    const std::vector<Opinion> opinions =
        page.api().opinions.list(viewer, query.text("state"), query.text("municipality"), 100);
    for (const Opinion& o : opinions) showOpinionSummary(page, *dict.AddSectionDictionary("OPINION"), o);
    if (opinions.empty()) dict.ShowSection("EMPTY");
    if (opinions.size() == 100) dict.ShowSection("CUT");
    if (mayAsk(viewer)) dict.ShowSection("MAY_ASK");
    page.render("استعلام‌ها و نظریه‌های مشورتی", "opinions.tpl");
}

void showAskForm(PageContext& page, const FormFields* typed) {
    ctemplate::TemplateDictionary& dict = page.content();
    for (const char* name : {"title", "question", "gaps"})
        dict.SetValue(Poco::toUpper(std::string(name)), typed ? typed->one(name) : "");
    FieldErrors ignored;
    showProvisionInputs(dict, typed ? readProvisions(*typed, ignored) : std::vector<Provision>{});
}

void newOpinion(PageContext& page) {
    if (!mayAsk(page.requireViewer())) throw Forbidden("a city's legal director asks the committee");
    pageQuery(page.exchange(), {});
    showAskForm(page, nullptr);
    page.render("استعلام تازه از کمیته", "opinion_new.tpl");
}

void ask(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    createFromForm(
        page, "استعلام تازه از کمیته", "opinion_new.tpl",
        [&](const FormFields& form) {
            FieldErrors errors;
            OpinionInput input;
            input.title = form.one("title");
            input.question = form.one("question");
            input.provisions = readProvisions(form, errors);
            input.gaps = textLines(form.one("gaps"));
            errors.throwIfAny("the question is not valid");
            return "/opinions/" + std::to_string(page.api().opinions.ask(viewer, input).id);
        },
        [&](const FormFields& form, const ValidationError&) { showAskForm(page, &form); });
}

/// One text of the opinion (QUESTION or ANSWER): the latest version with its provisions, the earlier ones
/// folded, and the form that saves a new version when the viewer may write one now.
void showTexts(PageContext& page, const Opinion& o, const std::string& kind, bool mayWrite,
               const RefusedForm& refused) {
    ctemplate::TemplateDictionary& dict = page.content();
    const std::string section = Poco::toUpper(kind);
    ctemplate::TemplateDictionary* texts = dict.AddSectionDictionary(section);
    std::vector<const OpinionText*> versions;
    for (const OpinionText& t : o.texts)
        if (t.kind == kind) versions.push_back(&t);
    std::sort(versions.begin(), versions.end(),
              [](const OpinionText* a, const OpinionText* b) { return a->version > b->version; });
    for (const OpinionText* t : versions) {
        ctemplate::TemplateDictionary* v =
            texts->AddSectionDictionary(t == versions.front() ? "LATEST" : "EARLIER");
        v->SetValue("VERSION_FA", persianDigits(std::to_string(t->version)));
        v->SetValue("TEXT", t->text);
        v->SetValue("AUTHOR", t->authorName);
        showTime(*v, "AT", t->createdAt);
        for (const Provision& p : t->provisions) {
            ctemplate::TemplateDictionary* row = v->AddSectionDictionary("PROVISION");
            row->SetValue("LAW", p.law);
            row->SetValue("ARTICLE", p.article);
            row->SetValue("LINK", provisionLink(p));
        }
    }
    if (versions.size() > 1) texts->ShowSection("HAS_EARLIER");
    if (versions.empty()) texts->ShowSection("NONE");
    if (!mayWrite) return;
    ctemplate::TemplateDictionary* form =
        texts->AddSectionDictionary("WRITE_FORM")->AddIncludeDictionary("TEXT_FORM");
    form->SetFilename("opinion_text.tpl");
    form->SetIntValue("ID", static_cast<long>(o.id));
    form->SetValue("KIND", kind);
    form->SetValue("TEXT_LABEL", kind == "question" ? "متن تازه پرسش" : "متن پاسخ کمیته");
    form->SetValue("SUBMIT_LABEL", kind == "question" ? "ذخیره نسخه تازه پرسش" : "ذخیره نسخه تازه پاسخ");
    form->SetIntValue("VERSION", static_cast<long>(o.version));
    const bool again = refused.is(kind);
    form->SetValue("TYPED", again              ? refused.typed->one("text")
                            : versions.empty() ? ""
                                               : versions.front()->text);
    FieldErrors ignored;
    showProvisionInputs(*form, again              ? readProvisions(*refused.typed, ignored)
                               : versions.empty() ? std::vector<Provision>{}
                                                  : versions.front()->provisions);
    // An include does not see the page's error messages: the refused form's are set on it.
    for (const char* field : {"text", "provisions"})
        if (const std::string message = again ? refused.messageFor(field) : ""; !message.empty())
            form->SetValueAndShowSection(Poco::toUpper(std::string(field)) + "_ERROR", message,
                                         Poco::toUpper(std::string(field)) + "_HAS_ERROR");
}

/// The gaps and rulings the opinion names, and the form that changes them.
void showLinks(PageContext& page, const Principal& viewer, const Opinion& o, const RefusedForm& refused) {
    ctemplate::TemplateDictionary& dict = page.content();
    std::vector<std::string> references;
    for (const std::int64_t gapId : o.gapIds) {
        const Gap g = page.api().gaps.load(viewer, gapId);  // viewFor left only the gaps the viewer may read
        showGapMention(*dict.AddSectionDictionary("GAP"), g.id, g.reference, g.fields.title);
        references.push_back(g.reference);
    }
    std::set<std::int64_t> linked(o.rulingIds.begin(), o.rulingIds.end());
    std::vector<Ruling> rulings;
    for (const std::int64_t id : o.rulingIds) rulings.push_back(page.api().uniformity.ruling(viewer, id));
    for (const Ruling& r : rulings) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("RULING");
        row->SetIntValue("RULING_ID", static_cast<long>(r.id));
        row->SetValue("COURT", r.court);
        row->SetValue("NUMBER", r.number);
        row->SetValue("OUTCOME", r.outcome);
        row->SetValue("OUTCOME_LABEL", choiceLabel(outcomeChoices(), r.outcome));
    }
    if (o.gapIds.empty() && o.rulingIds.empty()) dict.ShowSection("NO_LINKS");
    const bool mayLink = (viewer.hasRole(roles::COMMITTEE_SECRETARY) ||
                          (viewer.hasRole(roles::LEGAL_DIRECTOR) && viewer.municipality == o.municipality)) &&
                         !page.api().opinions.lifecycle().state(o.state).terminal;
    if (!mayLink) return;
    ctemplate::TemplateDictionary* form = dict.AddSectionDictionary("LINK_FORM");
    form->SetIntValue("VERSION", static_cast<long>(o.version));
    const bool again = refused.is("links");
    form->SetValue("GAP_LINES", again ? refused.typed->one("gaps")
                                      : Poco::cat(std::string("\n"), references.begin(), references.end()));
    // The rulings it may name: those it names, and those on the provisions of its question.
    // Each provision asked once, however many versions of the question and answer name it.
    std::set<std::string> keys;
    for (const OpinionText& t : o.texts)
        for (const Provision& p : t.provisions) keys.insert(provisionKey(p));
    for (const std::string& key : keys) {
        RulingQuery q;
        q.provisionKey = key;
        q.limit = 20;
        for (Ruling& r : page.api().uniformity.rulings(viewer, q))
            if (std::none_of(rulings.begin(), rulings.end(), [&](const Ruling& x) { return x.id == r.id; }))
                rulings.push_back(std::move(r));
    }
    const std::vector<std::string> ticked = again ? refused.typed->all("ruling") : std::vector<std::string>{};
    for (const Ruling& r : rulings) {
        ctemplate::TemplateDictionary* choice = form->AddSectionDictionary("RULING_CHOICE");
        choice->SetIntValue("RULING_ID", static_cast<long>(r.id));
        choice->SetValue("COURT", r.court);
        choice->SetValue("NUMBER", r.number);
        choice->SetValue("OUTCOME_LABEL", choiceLabel(outcomeChoices(), r.outcome));
        if (again ? std::find(ticked.begin(), ticked.end(), std::to_string(r.id)) != ticked.end()
                  : linked.count(r.id) > 0)
            choice->ShowSection("CHECKED");
    }
    if (rulings.empty()) form->ShowSection("NO_RULING_CHOICES");
}

void showOpinionPage(PageContext& page, const Opinion& o, const RefusedForm& refused) {
    const Principal& viewer = page.requireViewer();
    const OpinionService& opinions = page.api().opinions;
    ctemplate::TemplateDictionary& dict = page.content();
    showOpinionSummary(page, dict, o);
    dict.SetIntValue("VERSION", static_cast<long>(o.version));
    const bool asking = viewer.municipality == o.municipality &&
                        (viewer.hasRole(roles::LEGAL_DIRECTOR) || viewer.hasRole(roles::LEGAL_EXPERT));
    const bool committee =
        viewer.hasRole(roles::COMMITTEE_SECRETARY) || viewer.hasRole(roles::COMMITTEE_MEMBER);
    showTexts(page, o, "question", asking && o.state == opinions.lifecycle().initialState(), refused);
    showTexts(page, o, "answer", committee && o.state == "assigned", refused);
    showLinks(page, viewer, o, refused);
    TransitionForms forms{"/opinions/" + std::to_string(o.id) + "/transitions", "#opinion", o.version,
                          opinions.lifecycle(), opinions.availableTransitions(viewer, o)};
    if (std::any_of(forms.available.begin(), forms.available.end(), [](const LifecycleTransition* t) {
            return std::find(t->fields.begin(), t->fields.end(), "assignee") != t->fields.end();
        })) {
        Choices& people = forms.choices["assignee"];
        for (const User& u : opinions.assignees()) {
            std::string label = u.username;
            if (u.hasRole(roles::COMMITTEE_SECRETARY))
                label += " — دبیر کمیته";
            else if (u.hasRole(roles::COMMITTEE_MEMBER))
                label += " — عضو کمیته";
            else
                label += " — کارشناس حقوقی";
            if (u.municipality) label += "، " + cityName(page.api(), *u.municipality);
            people.emplace_back(u.username, label);
        }
    }
    const bool failed = refused.form == "transition" && refused.typed;
    showTransitionForms(page, dict, forms, failed ? refused.typed->one("transition") : "",
                        failed ? refused.typed : nullptr, refused.error);
    showRecordTimeline(page, page.api().opinions.history(viewer, o), &opinions.lifecycle(),
                       opinionEventLabel);
}

void opinionPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    pageQuery(page.exchange(), {});
    const Opinion o = page.api().opinions.get(viewer, page.exchange().idParam("id"));
    showOpinionPage(page, o, {});
    page.render(o.reference + " — " + o.title, "opinion.tpl");
}

/// Takes a form on the opinion of the path; the opinion's page shows again when refused.
template <typename Change>
void changeOpinion(PageContext& page, const std::string& formName, const char* anchor, Change change) {
    submitRecordForm(page, formName, "/opinions", anchor, change,
                     [&](const Principal& viewer, std::int64_t id, const RefusedForm& refused,
                         HTTPResponse::HTTPStatus status) {
                         const Opinion o = page.api().opinions.get(viewer, id);
                         showOpinionPage(page, o, refused);
                         page.render(o.reference, "opinion.tpl", status);
                     });
}

void writeText(PageContext& page, const char* kind) {
    changeOpinion(page, kind, "", [&](const Principal& v, std::int64_t id, const FormFields& form) {
        FieldErrors errors;
        const std::vector<Provision> provisions = readProvisions(form, errors);
        errors.throwIfAny("the text is not valid");
        page.api().opinions.write(v, id, kind, form.one("text"), provisions, formVersion(form));
    });
}

void writeQuestion(PageContext& page) { writeText(page, "question"); }
void writeAnswer(PageContext& page) { writeText(page, "answer"); }

void fire(PageContext& page) {
    changeOpinion(page, "transition", "", [&](const Principal& v, std::int64_t id, const FormFields& form) {
        page.api().opinions.fireTransition(v, id, readTransitionForm(form, page.api().opinions.lifecycle()),
                                           formVersion(form));
    });
}

void link(PageContext& page) {
    changeOpinion(page, "links", "#links", [&](const Principal& v, std::int64_t id, const FormFields& form) {
        page.api().opinions.link(v, id, textLines(form.one("gaps")), tickedIds(form, "ruling", "rulings"),
                                 formVersion(form));
    });
}

}  // namespace

void addOpinionPages(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "GET", "/opinions", list);
    addPage(router, api, site, "POST", "/opinions", ask);
    addPage(router, api, site, "GET", "/opinions/new", newOpinion);
    addPage(router, api, site, "GET", "/opinions/{id}", opinionPage);
    addPage(router, api, site, "POST", "/opinions/{id}/question", writeQuestion);
    addPage(router, api, site, "POST", "/opinions/{id}/answer", writeAnswer);
    addPage(router, api, site, "POST", "/opinions/{id}/transitions", fire);
    addPage(router, api, site, "POST", "/opinions/{id}/links", link);
}

}  // namespace lacuna
