#include <Poco/String.h>

#include <set>

#include "JalaliDate.h"
#include "MeetingView.h"
#include "PageText.h"
#include "PageViews.h"
#include "Roles.h"
#include "RulingView.h"
#include "SearchText.h"

// Court rulings: the registry with its filters, registering one, a ruling's page with the gaps it concerns
// and why; and a provision's page — everything recorded on one article of law.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

bool mayRegister(const Principal& viewer) {
    return viewer.hasRole(roles::COMMITTEE_SECRETARY) ||
           (viewer.municipality &&
            (viewer.hasRole(roles::LEGAL_DIRECTOR) || viewer.hasRole(roles::LEGAL_EXPERT)));
}

void registry(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query =
        pageQuery(page.exchange(), {"provision", "court", "outcome", "municipality", "from", "to"});
    RulingQuery q;
    q.limit = 100;
    const auto text = [&](const char* name) { return query.text(name).value_or(""); };
    if (!text("provision").empty()) q.provisionKey = provisionKeyOf(text("provision"));
    if (!text("court").empty()) q.court = text("court");
    if (!text("outcome").empty()) q.outcome = text("outcome");
    if (!text("municipality").empty()) q.municipality = text("municipality");
    if (!text("from").empty()) q.from = requireJalaliDate("from", text("from"));
    if (!text("to").empty()) q.to = requireJalaliDate("to", text("to"));
    ctemplate::TemplateDictionary& dict = page.content();
    for (const char* name : {"provision", "court", "from", "to"})
        dict.SetValue("Q_" + Poco::toUpper(std::string(name)), text(name));
    showChoices(dict, "OUTCOME_CHOICE", outcomeChoices(), text("outcome"));
    showChoices(dict, "CITY_CHOICE", cityChoices(page), text("municipality"));
    const std::vector<Ruling> rulings = page.api().uniformity.rulings(viewer, q);
    for (const Ruling& r : rulings) showRulingSummary(page, *dict.AddSectionDictionary("RULING"), r);
    if (rulings.empty()) dict.ShowSection("EMPTY");
    if (mayRegister(viewer)) dict.ShowSection("MAY_REGISTER");
    page.render("آرای دادگاه‌ها", "rulings.tpl");
}

void showRulingForm(PageContext& page, const FormFields* typed) {
    const Principal& viewer = page.requireViewer();
    ctemplate::TemplateDictionary& dict = page.content();
    const auto value = [&](const char* name) { return typed ? typed->one(name) : std::string(); };
    for (const char* name : {"court", "branch", "number", "decided_on", "summary", "full_text"})
        dict.SetValue(Poco::toUpper(std::string(name)), value(name));
    showChoices(dict, "OUTCOME_CHOICE", outcomeChoices(), value("outcome"));
    if (!viewer.municipality)
        showChoices(*dict.AddSectionDictionary("CHOOSE_CITY"), "CITY_CHOICE", cityChoices(page),
                    value("municipality"));
    FieldErrors ignored;
    showProvisionInputs(dict, typed ? readProvisions(*typed, ignored) : std::vector<Provision>{});
}

void newRuling(PageContext& page) {
    if (!mayRegister(page.requireViewer()))
        throw Forbidden("legal directors, experts and the secretary register rulings");
    showRulingForm(page, nullptr);
    page.render("ثبت رأی دادگاه", "ruling_new.tpl");
}

void registerRuling(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    createFromForm(
        page, "ثبت رأی دادگاه", "ruling_new.tpl",
        [&](const FormFields& form) {
            FieldErrors errors;
            RulingInput input;
            input.court = form.one("court");
            input.branch = form.one("branch");
            input.number = form.one("number");
            input.decidedOn = form.one("decided_on");
            input.municipality = viewer.municipality ? *viewer.municipality : form.one("municipality");
            input.outcome = form.one("outcome");
            input.summary = form.one("summary");
            input.fullText = form.one("full_text");
            input.provisions = readProvisions(form, errors);
            errors.throwIfAny("the ruling is not valid");
            const RegisteredRuling registered = page.api().uniformity.registerRuling(viewer, input);
            return "/rulings/" + std::to_string(registered.ruling.id) + "?registered=1";
        },
        [&](const FormFields& form, const ValidationError&) { showRulingForm(page, &form); });
}

void showRulingPage(PageContext& page, const Ruling& r, const RefusedForm& refused) {
    const Principal& viewer = page.requireViewer();
    ctemplate::TemplateDictionary& dict = page.content();
    showRulingSummary(page, dict, r);
    dict.SetIntValue("VERSION", static_cast<long>(r.version));
    if (!r.fullText.empty()) dict.SetValueAndShowSection("FULL_TEXT", r.fullText, "HAS_FULL_TEXT");
    for (const RulingLink& link : r.gaps) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("LINKED");
        showGapMention(*row, link.gapId, link.gapReference, link.gapTitle);
        if (!link.note.empty()) row->SetValueAndShowSection("NOTE", link.note, "HAS_NOTE");
        row->SetValue("BY", link.linkedBy);
        showTime(*row, "AT", link.linkedAt, false);
    }
    if (r.gaps.empty()) dict.ShowSection("NO_LINKS");
    // The rulings on the same provisions that went the other way.
    constexpr std::size_t CONFLICTS_SHOWN = 20;
    const std::vector<RulingConflict> conflicts =
        page.api().uniformity.conflicts(viewer, ConflictQuery{std::nullopt, r.id, CONFLICTS_SHOWN}, 0);
    if (!conflicts.empty()) showConflicts(page, *dict.AddSectionDictionary("HAS_CONFLICTS"), conflicts, true);
    // The newest gaps on the same provisions, which the ruling may bear on.
    std::set<std::int64_t> shown;
    for (const RulingLink& link : r.gaps) shown.insert(link.gapId);
    constexpr std::size_t RELATED_SHOWN = 20;
    for (const GapSummary& g : page.api().uniformity.gapsOn(viewer, r.provisions, RELATED_SHOWN)) {
        if (!shown.insert(g.id).second) continue;
        dict.ShowSection("HAS_RELATED");
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("RELATED");
        row->SetIntValue("GAP_ID", static_cast<long>(g.id));
        row->SetValue("REFERENCE", g.reference);
        row->SetValue("TITLE", g.title);
    }
    if (viewer.hasRole(roles::COMMITTEE_SECRETARY) || viewer.hasRole(roles::LEGAL_DIRECTOR) ||
        viewer.hasRole(roles::LEGAL_EXPERT)) {
        ctemplate::TemplateDictionary* form = dict.AddSectionDictionary("LINK_FORM");
        if (refused.is("link")) {
            form->SetValue("GAP", refused.typed->one("gap"));
            form->SetValue("LINK_NOTE", refused.typed->one("note"));
        }
    }
}

void rulingPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), {"registered"});
    const Ruling r = page.api().uniformity.ruling(viewer, page.exchange().idParam("id"));
    if (query.text("registered")) page.content().ShowSection("JUST_REGISTERED");
    showRulingPage(page, r, {});
    page.render("رأی " + r.number + " — " + r.court, "ruling.tpl");
}

void linkGap(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const std::int64_t id = page.exchange().idParam("id");
    submitForm(
        page, "link", 0,
        [&](const FormFields& form) {
            page.api().uniformity.linkRuling(viewer, id, form.one("gap"), form.one("note"),
                                             formVersion(form));
            return "/rulings/" + std::to_string(id) + "#gaps";
        },
        [&](const RefusedForm& refused, HTTPResponse::HTTPStatus status) {
            const Ruling r = page.api().uniformity.ruling(viewer, id);
            showRulingPage(page, r, refused);
            page.render("رأی " + r.number, "ruling.tpl", status);
        });
}

/// Everything on one article: the page a legal director opens before answering a lawsuit.
void provisionPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), {"before"});
    // The address names the provision as people write it; that is also its heading.
    const std::string named = page.exchange().textParam("key");
    // An article names thousands of gaps in a big store: they come twenty at a time, newest first, as
    // on the gap list; of the rest the newest, with the way to all of them where there is one.
    const ProvisionLimits limits{20, 10};
    const std::optional<std::int64_t> before = query.count("before");
    const ProvisionPage p = page.api().uniformity.provision(viewer, named, limits, before);
    ctemplate::TemplateDictionary& dict = page.content();
    dict.SetValue("KEY", named);
    const std::string self = "/provisions/" + encodePathSegment(named);
    const std::string newest = persianDigits(std::to_string(limits.others));
    if (p.moreRulings) {
        ctemplate::TemplateDictionary* more = dict.AddSectionDictionary("MORE_RULINGS");
        more->SetValue("COUNT_FA", newest);
        more->SetValue("LINK", linkWith("/rulings", {{"provision", named}}));
    }
    if (p.moreDrafts) dict.SetValueAndShowSection("COUNT_FA", newest, "MORE_DRAFTS");
    if (p.moreOpinions) dict.SetValueAndShowSection("COUNT_FA", newest, "MORE_OPINIONS");
    if (p.moreGapsBefore)
        dict.SetValueAndShowSection(
            "OLDER_LINK", linkWith(self, {{"before", std::to_string(*p.moreGapsBefore)}}), "OLDER_GAPS");
    if (before) dict.SetValueAndShowSection("NEWEST_LINK", self + "#h-gaps", "NEWER_GAPS");
    if (before || p.moreGapsBefore) dict.ShowSection("GAP_PAGES");
    const auto showGap = [&](const char* section, const GapSummary& g, const Lifecycle& lifecycle) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary(section);
        row->SetIntValue("ID", static_cast<long>(g.id));
        row->SetValue("REFERENCE", g.reference);
        row->SetValue("TITLE", g.title);
        const LifecycleState* s = lifecycle.findState(g.state);
        row->SetValue("STATE_LABEL", s ? s->labelFa : g.state);
        return row;
    };
    for (const GapSummary& g : p.gaps) showGap("GAP", g, page.api().gaps.lifecycle());
    for (const auto& [g, version] : p.drafts)
        showGap("DRAFT", g, page.api().gaps.lifecycle())
            ->SetValue("VERSION_FA", persianDigits(std::to_string(version)));
    for (const Ruling& r : p.rulings) showRulingSummary(page, *dict.AddSectionDictionary("RULING"), r);
    for (const GapSummary& o : p.opinions) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("OPINION");
        row->SetIntValue("ID", static_cast<long>(o.id));
        row->SetValue("REFERENCE", o.reference);
        row->SetValue("TITLE", o.title);
    }
    if (!p.conflicts.empty())
        showConflicts(page, *dict.AddSectionDictionary("HAS_CONFLICTS"), p.conflicts, false);
    constexpr std::size_t REQUESTS_SHOWN = 10;
    for (const PrecedentRequest& r : page.api().precedents.onProvision(viewer, named, REQUESTS_SHOWN)) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("REQUEST");
        row->SetIntValue("ID", static_cast<long>(r.id));
        row->SetValue("REFERENCE", r.reference);
        const LifecycleState* s = page.api().precedents.lifecycle().findState(r.state);
        row->SetValue("STATE_LABEL", s ? s->labelFa : r.state);
        dict.ShowSection("HAS_REQUESTS");
    }
    if (p.gaps.empty()) dict.ShowSection(before ? "NO_OLDER_GAPS" : "NO_GAPS");
    if (p.drafts.empty()) dict.ShowSection("NO_DRAFTS");
    if (p.rulings.empty()) dict.ShowSection("NO_RULINGS");
    if (p.opinions.empty()) dict.ShowSection("NO_OPINIONS");
    page.render(named, "provision.tpl");
}

/// Every provision on which rulings went both ways, newest first, or the one named.
void conflictsPage(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), {"provision", "unsettled"});
    const std::string named = query.text("provision").value_or("");
    const bool unsettled = query.flag("unsettled");
    constexpr std::size_t SHOWN = 50, GAPS_EACH = 5;
    ConflictQuery q{named.empty() ? std::nullopt : std::optional<std::string>(named), std::nullopt, SHOWN + 1,
                    unsettled};
    std::vector<RulingConflict> conflicts = page.api().uniformity.conflicts(viewer, q, GAPS_EACH);
    ctemplate::TemplateDictionary& dict = page.content();
    dict.SetValue("Q_PROVISION", named);
    if (unsettled) dict.ShowSection("UNSETTLED_CHECKED");
    if (conflicts.size() > SHOWN) {
        conflicts.resize(SHOWN);
        dict.SetValueAndShowSection("COUNT_FA", persianDigits(std::to_string(SHOWN)), "MORE");
    }
    if (conflicts.empty()) dict.ShowSection("NO_CONFLICTS");
    showConflicts(page, dict, conflicts, true);
    page.render("آرای متعارض", "conflicts_page.tpl");
}

}  // namespace

void addRulingPages(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "GET", "/rulings", registry);
    addPage(router, api, site, "POST", "/rulings", registerRuling);
    addPage(router, api, site, "GET", "/rulings/new", newRuling);
    addPage(router, api, site, "GET", "/rulings/{id}", rulingPage);
    addPage(router, api, site, "POST", "/rulings/{id}/gaps", linkGap);
    addPage(router, api, site, "GET", "/provisions/{key}", provisionPage);
    addPage(router, api, site, "GET", "/conflicts", conflictsPage);
}

}  // namespace lacuna
