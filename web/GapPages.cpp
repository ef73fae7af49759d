#include <set>
#include <tuple>

#include "GapPageView.h"
#include "JalaliDate.h"
#include "PageContext.h"
#include "PageViews.h"
#include "PersianText.h"
#include "SearchText.h"

// Gaps: reporting one (with the similar open gaps), a gap's page, its transitions and watching it.
// The list, its counts and the board are in GapListPages.cpp.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

// ---- reporting a gap ----

/// The gap form as typed: provisions as the pairs of law and article filled in.
GapFields readGapForm(const FormFields& form, FieldErrors& errors) {
    GapFields fields;
    fields.title = form.one("title");
    fields.description = form.one("description");
    fields.kind = form.one("kind");
    fields.category = form.one("category");
    fields.priority = form.one("priority").empty() ? "normal" : form.one("priority");
    fields.municipality = form.one("municipality");
    fields.confidential = form.one("confidential") == "on";
    fields.provisions = readProvisions(form, errors);
    const auto number = [&](const char* name, std::int64_t& out) {
        const std::string text = form.one(name);
        if (text.empty()) return;
        if (const auto value = wholeNumber(text))
            out = *value;
        else
            errors.add(name, "type", "a whole number, zero or more");
    };
    number("pending_lawsuits", fields.impact.pendingLawsuits);
    number("exposure_rials", fields.impact.exposureRials);
    return fields;
}

/// The report form, filled with `fields`; after a refused form, the impact as `typed` (a number
/// that did not read as one is shown as the person wrote it).
void showGapForm(PageContext& page, const GapFields& fields, const FormFields* typed) {
    ctemplate::TemplateDictionary& dict = page.content();
    dict.SetValue("TITLE", fields.title);
    dict.SetValue("DESCRIPTION", fields.description);
    showChoices(dict, "KIND_CHOICE", kindChoices(page), fields.kind);
    showChoices(dict, "CATEGORY_CHOICE", categoryChoices(page), fields.category);
    showChoices(dict, "PRIORITY_CHOICE", priorityChoices(page), fields.priority);
    const Principal& viewer = page.requireViewer();
    if (!viewer.municipality) {
        // Committee staff report for a city they name.
        ctemplate::TemplateDictionary* city = dict.AddSectionDictionary("CHOOSE_CITY");
        showChoices(*city, "CITY_CHOICE", cityChoices(page), fields.municipality);
    }
    if (fields.confidential) dict.ShowSection("CONFIDENTIAL");
    showProvisionInputs(dict, fields.provisions);
    for (const auto& [name, key, value] :
         {std::tuple{"pending_lawsuits", "PENDING_LAWSUITS", fields.impact.pendingLawsuits},
          std::tuple{"exposure_rials", "EXPOSURE_RIALS", fields.impact.exposureRials}}) {
        if (typed)
            dict.SetValue(key, typed->one(name));
        else if (value)
            dict.SetValue(key, std::to_string(value));
    }
}

/// Fills `dict` (similar.tpl's) with the similar open gaps.
void fillSimilar(PageContext& page, ctemplate::TemplateDictionary& dict,
                 const std::vector<SimilarGap>& similar) {
    for (const SimilarGap& s : similar) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("SIMILAR");
        row->SetIntValue("ID", static_cast<long>(s.gap.id));
        row->SetValue("REFERENCE", s.gap.reference);
        row->SetValue("TITLE", s.gap.title);
        if (const LifecycleState* st = page.api().gaps.lifecycle().findState(s.gap.state))
            row->SetValue("STATE_LABEL", st->labelFa);
        row->SetValue("SCORE", persianDigits(std::to_string(static_cast<int>(s.score * 100 + 0.5))));
        for (const std::string& key : s.sharedProvisions)
            row->SetValueAndShowSection("PROVISION", key, "SHARED");
    }
    if (!similar.empty()) dict.ShowSection("HAS_SIMILAR");
}

/// The similar open gaps in the page's SIMILAR_LIST include.
void showSimilar(PageContext& page, const std::vector<SimilarGap>& similar) {
    ctemplate::TemplateDictionary* list = page.content().AddIncludeDictionary("SIMILAR_LIST");
    list->SetFilename("similar.tpl");
    fillSimilar(page, *list, similar);
}

void newGap(PageContext& page) {
    page.requireViewer();
    showGapForm(page, GapFields{}, nullptr);
    showSimilar(page, {});
    page.render("گزارش خلأ قانونی", "gap_new.tpl");
}

void report(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    GapFields fields;
    createFromForm(
        page, "گزارش خلأ قانونی", "gap_new.tpl",
        [&](const FormFields& form) {
            FieldErrors errors;
            fields = readGapForm(form, errors);
            errors.throwIfAny("the form is not valid");
            return "/gaps/" + std::to_string(page.api().gaps.report(viewer, fields).id) + "?reported=1";
        },
        [&](const FormFields& form, const ValidationError&) {
            showGapForm(page, fields, &form);
            showSimilar(page, page.api().uniformity.similar(viewer, fields, 0));
        });
}

/// While a person types a new gap: the open gaps it may duplicate (an htmx fragment).
void similarToForm(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    FieldErrors ignored;  // half-typed numbers do not matter here
    const GapFields fields = readGapForm(page.form(), ignored);
    if (utf8Length(fields.title) >= 3 || !fields.provisions.empty())
        fillSimilar(page, page.content(), page.api().uniformity.similar(viewer, fields, 0));
    page.renderFragment("similar.tpl");
}

// ---- a gap's page ----

void showHistory(PageContext& page, const std::vector<GapEvent>& events) {
    ctemplate::TemplateDictionary& dict = page.content();
    const Lifecycle& lifecycle = page.api().gaps.lifecycle();
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        const GapEvent& e = *it;
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("EVENT");
        row->SetValue("ACTOR", e.actorName);
        showTime(*row, "AT", e.at);
        if (e.type == "transition") {
            const LifecycleTransition* t = lifecycle.findTransition(e.transition);
            row->SetValue("WHAT", t ? t->labelFa : e.transition);
            ctemplate::TemplateDictionary* move = row->AddSectionDictionary("MOVE");
            const LifecycleState* from = lifecycle.findState(e.fromState);
            const LifecycleState* to = lifecycle.findState(e.toState);
            move->SetValue("FROM", from ? from->labelFa : e.fromState);
            move->SetValue("TO", to ? to->labelFa : e.toState);
        } else {
            row->SetValue("WHAT", gapEventLabel(e.type));
        }
        if (!e.comment.empty()) row->SetValueAndShowSection("COMMENT", e.comment, "HAS_COMMENT");
    }
}

/// The court rulings on the gap's provisions, newest first (each once).
void showRulings(PageContext& page, const Principal& viewer, const Gap& gap) {
    constexpr std::size_t SHOWN = 5;
    std::set<std::int64_t> seen;
    for (const Provision& p : gap.fields.provisions) {
        RulingQuery query;
        query.provisionKey = provisionKey(p);
        query.limit = SHOWN;
        for (const Ruling& r : page.api().uniformity.rulings(viewer, query)) {
            if (!seen.insert(r.id).second) continue;
            ctemplate::TemplateDictionary* row = page.content().AddSectionDictionary("RULING");
            row->SetIntValue("RULING_ID", static_cast<long>(r.id));
            row->SetValue("COURT", r.court);
            row->SetValueAndShowSection("BRANCH_NAME", r.branch, "BRANCH");
            row->SetValue("NUMBER", r.number);
            row->SetValue("DECIDED_ON", persianDigits(formatJalali(r.decidedOn)));
            row->SetValue("OUTCOME", r.outcome);
            row->SetValue("OUTCOME_LABEL", choiceLabel(outcomeChoices(), r.outcome));
            row->SetValue("SUMMARY", r.summary);
            row->SetValue("PROVISION", p.law + " — " + p.article);
        }
    }
    if (!seen.empty()) page.content().ShowSection("HAS_RULINGS");
}

/// The committee's opinions linked to the gap that the viewer may read.
void showOpinions(PageContext& page, const Principal& viewer, const Gap& gap) {
    const std::vector<Opinion> opinions = page.api().opinions.linkedToGap(viewer, gap);
    for (const Opinion& o : opinions) {
        ctemplate::TemplateDictionary* row = page.content().AddSectionDictionary("OPINION");
        row->SetIntValue("ID", static_cast<long>(o.id));
        row->SetValue("REFERENCE", o.reference);
        row->SetValue("TITLE", o.title);
        const LifecycleState* state = page.api().opinionWorkflow.findState(o.state);
        row->SetValue("STATE_LABEL", state ? state->labelFa : o.state);
        if (o.publishedAt) showTime(*row->AddSectionDictionary("PUBLISHED"), "AT", *o.publishedAt, false);
    }
    if (!opinions.empty()) page.content().ShowSection("HAS_OPINIONS");
}

void showDrafts(PageContext& page, const Gap& gap, const std::vector<Draft>& drafts) {
    ctemplate::TemplateDictionary& dict = page.content();
    for (auto it = drafts.rbegin(); it != drafts.rend(); ++it) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("DRAFT");
        row->SetIntValue("VERSION", static_cast<long>(it->version));
        row->SetValue("VERSION_FA", persianDigits(std::to_string(it->version)));
        row->SetValue("AUTHOR", it->authorName);
        showTime(*row, "AT", it->createdAt);
    }
    if (!drafts.empty()) {
        const Draft& latest = drafts.back();
        ctemplate::TemplateDictionary* shown = dict.AddSectionDictionary("LATEST");
        shown->SetValue("VERSION_FA", persianDigits(std::to_string(latest.version)));
        shown->SetValue("TEXT", latest.text);
        shown->SetValue("RATIONALE", latest.rationale);
        if (drafts.size() > 1)
            showVersionChoices(dict, gap.id, drafts, drafts[drafts.size() - 2].version, latest.version);
    } else {
        dict.ShowSection("NO_DRAFTS");
    }
}

}  // namespace

void showGapPage(PageContext& page, const Gap& gap, const std::string& failedTransition,
                 const FormFields* typed, const DraftInput* typedDraft, std::int64_t draftBase,
                 const ValidationError* error) {
    const Principal& viewer = page.requireViewer();
    const ApiServices& api = page.api();
    ctemplate::TemplateDictionary& dict = page.content();
    showGapSummary(page, dict, gap);
    dict.SetValue("DESCRIPTION", gap.fields.description);
    dict.SetValue("REPORTER", gap.createdByName);
    for (const Provision& p : gap.fields.provisions) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("PROVISION");
        row->SetValue("LAW", p.law);
        row->SetValue("ARTICLE", p.article);
        row->SetValue("LINK", provisionLink(p));
    }
    if (gap.fields.impact.pendingLawsuits)
        dict.SetValueAndShowSection("PENDING_LAWSUITS", persianCount(gap.fields.impact.pendingLawsuits),
                                    "LAWSUITS");
    if (gap.fields.impact.exposureRials)
        dict.SetValueAndShowSection("EXPOSURE_RIALS", persianCount(gap.fields.impact.exposureRials),
                                    "EXPOSURE");
    for (const std::string& city : gap.coReporters)
        if (const Municipality* m = api.catalog.findMunicipality(city))
            dict.AddSectionDictionary("CO_REPORTER")->SetValue("NAME", m->nameFa);
    dict.SetIntValue("VERSION", static_cast<long>(gap.version));
    showTransitionForms(page, dict,
                        {"/gaps/" + std::to_string(gap.id) + "/transitions", "#gap", gap.version,
                         api.gaps.lifecycle(), api.gaps.availableTransitions(viewer, gap)},
                        failedTransition, typed, error);
    showHistory(page, api.gaps.history(viewer, gap));

    const std::vector<Draft> drafts = api.drafts.list(viewer, gap);
    showDrafts(page, gap, drafts);
    if (api.drafts.takesDrafts(viewer, gap)) {
        ctemplate::TemplateDictionary* editor = dict.AddSectionDictionary("DRAFT_EDITOR");
        const std::int64_t latest = drafts.empty() ? 0 : drafts.back().version;
        editor->SetIntValue("EXPECTED_LATEST", static_cast<long>(typedDraft ? draftBase : latest));
        editor->SetValue("NEXT_VERSION_FA", persianDigits(std::to_string(latest + 1)));
        editor->SetValue("TEXT", typedDraft ? typedDraft->text : drafts.empty() ? "" : drafts.back().text);
        editor->SetValue("RATIONALE", typedDraft       ? typedDraft->rationale
                                      : drafts.empty() ? ""
                                                       : drafts.back().rationale);
    }
    showRulings(page, viewer, gap);
    showOpinions(page, viewer, gap);
    if (api.inbox.watches(viewer, gap))
        dict.ShowSection("WATCHING");
    else
        dict.ShowSection("NOT_WATCHING");
}

namespace {

void gapPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), {"reported"});
    const Gap gap = page.api().gaps.get(viewer, page.exchange().idParam("id"));
    if (query.text("reported")) page.content().ShowSection("JUST_REPORTED");
    showGapPage(page, gap, "", nullptr, nullptr, 0, nullptr);
    page.render(gap.reference + " — " + gap.fields.title, "gap.tpl");
}

/// What changed since the version the person read: the events after it.
void showChangesSince(PageContext& page, const Gap& gap, std::int64_t readVersion) {
    ctemplate::TemplateDictionary* conflict = page.content().AddSectionDictionary("CONFLICT");
    conflict->SetValue("READ_VERSION", persianDigits(std::to_string(readVersion)));
    conflict->SetValue("CURRENT_VERSION", persianDigits(std::to_string(gap.version)));
    for (const GapEvent& e : page.api().gaps.history(page.requireViewer(), gap.id)) {
        if (e.sequence <= readVersion) continue;
        ctemplate::TemplateDictionary* row = conflict->AddSectionDictionary("CHANGE");
        row->SetValue("ACTOR", e.actorName);
        showTime(*row, "AT", e.at);
        const LifecycleTransition* t = page.api().gaps.lifecycle().findTransition(e.transition);
        row->SetValue("WHAT", e.type == "transition" && t ? t->labelFa : gapEventLabel(e.type));
    }
}

void fire(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const std::int64_t id = page.exchange().idParam("id");
    const FormFields form = page.form();
    const TransitionInput input = readTransitionForm(form, page.api().gaps.lifecycle());
    const std::int64_t version = formVersion(form);
    try {
        const Gap gap = page.api().gaps.fireTransition(viewer, id, input, version);
        page.redirect("/gaps/" + std::to_string(gap.id));
    } catch (const VersionConflict&) {
        const Gap gap = page.api().gaps.get(viewer, id);
        showChangesSince(page, gap, version);
        showGapPage(page, gap, input.transition, &form, nullptr, 0, nullptr);
        page.render(gap.reference, "gap.tpl", HTTPResponse::HTTP_CONFLICT);
    } catch (const ValidationError& e) {
        const Gap gap = page.api().gaps.get(viewer, id);
        showFieldErrors(page, e);
        showGapPage(page, gap, input.transition, &form, nullptr, 0, &e);
        page.render(gap.reference, "gap.tpl", refusedStatus(e));
    }
}

/// The open gaps like this one: asked for by the gap page once it has loaded (htmx), or opened as a page
/// of its own without script. A search over the index, kept off the gap page's own answer.
void similarToGap(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const Gap gap = page.api().gaps.get(viewer, page.exchange().idParam("id"));
    const auto similar = page.api().uniformity.similar(viewer, gap.fields, gap.id);
    if (page.fromHtmx()) {
        fillSimilar(page, page.content(), similar);
        return page.renderFragment("similar.tpl");
    }
    showGapSummary(page, page.content(), gap);
    showSimilar(page, similar);
    if (similar.empty()) page.content().ShowSection("NONE");
    page.render("خلأهای مشابه " + gap.reference, "gap_similar.tpl");
}

void watch(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const std::int64_t id = page.exchange().idParam("id");
    const FormFields form = page.form();
    page.api().inbox.watch(viewer, id, form.one("watch") == "on");
    page.redirect("/gaps/" + std::to_string(id));
}

}  // namespace

void addGapPages(Router& router, const ApiServices& api, const WebSite& site) {
    // Fixed paths before /gaps/{id}: the router takes the first route that matches.
    addPage(router, api, site, "POST", "/gaps", report);
    addPage(router, api, site, "GET", "/gaps/new", newGap);
    addPage(router, api, site, "POST", "/gaps/similar", similarToForm);
    addPage(router, api, site, "GET", "/gaps/{id}", gapPage);
    addPage(router, api, site, "POST", "/gaps/{id}/transitions", fire);
    addPage(router, api, site, "POST", "/gaps/{id}/watch", watch);
    addPage(router, api, site, "GET", "/gaps/{id}/similar", similarToGap);
}

}  // namespace lacuna
