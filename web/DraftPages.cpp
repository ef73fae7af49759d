#include "GapPageView.h"
#include "PageViews.h"

// A gap's amendment drafts: saving a new version, and the word diff between two versions.
namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

void save(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const std::int64_t id = page.exchange().idParam("id");
    const FormFields form = page.form();
    DraftInput input{form.one("text"), form.one("rationale"), {}};
    const auto base = wholeNumber(form.one("expected_latest"));
    if (!base)
        throw ValidationError("the form is not valid",
                              {{"expected_latest", "invalid", "reload the page and send it again"}});
    // A draft names the gap's provisions unless the person changed them.
    const Gap gap = page.api().gaps.get(viewer, id);
    input.provisions = gap.fields.provisions;
    try {
        const Draft draft = page.api().drafts.save(viewer, id, input, *base);
        page.redirect("/gaps/" + std::to_string(id) + "#drafts");
    } catch (const VersionConflict&) {
        // Someone saved a version meanwhile: show it, keep what this person typed, and let them
        // compare and save again on top of it.
        const std::vector<Draft> drafts = page.api().drafts.list(viewer, gap);
        ctemplate::TemplateDictionary* conflict = page.content().AddSectionDictionary("DRAFT_CONFLICT");
        conflict->SetValue("BASE_FA", persianDigits(std::to_string(*base)));
        for (const Draft& d : drafts) {
            if (d.version <= *base) continue;
            ctemplate::TemplateDictionary* row = conflict->AddSectionDictionary("NEWER");
            row->SetIntValue("VERSION", static_cast<long>(d.version));
            row->SetValue("VERSION_FA", persianDigits(std::to_string(d.version)));
            row->SetValue("AUTHOR", d.authorName);
            showTime(*row, "AT", d.createdAt);
            if (*base > 0)
                row->SetValueAndShowSection(
                    "DIFF_LINK",
                    linkWith("/gaps/" + std::to_string(id) + "/diff",
                             {{"from", std::to_string(*base)}, {"to", std::to_string(d.version)}}),
                    "CAN_DIFF");
        }
        const std::int64_t latest = drafts.empty() ? 0 : drafts.back().version;
        showGapPage(page, gap, "", nullptr, &input, latest, nullptr);
        page.render(gap.reference, "gap.tpl", HTTPResponse::HTTP_CONFLICT);
    } catch (const ValidationError& e) {
        showFieldErrors(page, e);
        showGapPage(page, gap, "", nullptr, &input, *base, &e);
        page.render(gap.reference, "gap.tpl", refusedStatus(e));
    }
}

void diff(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const std::int64_t id = page.exchange().idParam("id");
    const QueryParams query = pageQuery(page.exchange(), {"from", "to"});
    const Gap gap = page.api().gaps.get(viewer, id);
    const std::vector<Draft> drafts = page.api().drafts.list(viewer, gap);
    if (drafts.size() < 2) throw NotFound("this gap has fewer than two draft versions to compare");
    const std::int64_t to = query.count("to").value_or(drafts.back().version);
    const std::int64_t from = query.count("from").value_or(drafts[drafts.size() - 2].version);
    const DraftDiff d = page.api().drafts.diff(viewer, id, from, to);
    ctemplate::TemplateDictionary& dict = page.content();
    dict.SetIntValue("ID", static_cast<long>(gap.id));
    dict.SetValue("REFERENCE", gap.reference);
    dict.SetValue("TITLE", gap.fields.title);
    for (const auto& [name, draft] : {std::pair{"FROM", &d.from}, std::pair{"TO", &d.to}}) {
        dict.SetValue(std::string(name) + "_FA", persianDigits(std::to_string(draft->version)));
        dict.SetValue(std::string(name) + "_AUTHOR", draft->authorName);
        showTime(dict, std::string(name) + "_AT", draft->createdAt);
    }
    showVersionChoices(dict, gap.id, drafts, from, to);
    showOps(dict, "TEXT_OP", d.text);
    showOps(dict, "RATIONALE_OP", d.rationale);
    page.render("مقایسه نسخه‌های پیش‌نویس " + gap.reference, "diff.tpl");
}

}  // namespace

void showOps(ctemplate::TemplateDictionary& dict, const std::string& section,
             const std::vector<DiffOp>& ops) {
    for (const DiffOp& op : ops) {
        ctemplate::TemplateDictionary* part = dict.AddSectionDictionary(section);
        part->SetValue("TEXT", op.text);
        part->ShowSection(op.kind == DiffOp::Kind::Insert   ? "INSERTED"
                          : op.kind == DiffOp::Kind::Delete ? "DELETED"
                                                            : "SAME");
    }
}

void showVersionChoices(ctemplate::TemplateDictionary& dict, std::int64_t gapId,
                        const std::vector<Draft>& drafts, std::int64_t from, std::int64_t to) {
    ctemplate::TemplateDictionary* form = dict.AddIncludeDictionary("VERSION_CHOICES");
    form->SetFilename("versions.tpl");
    form->SetIntValue("ID", static_cast<long>(gapId));
    for (const Draft& v : drafts)
        for (const auto& [section, selected] : {std::pair{"FROM_CHOICE", from}, std::pair{"TO_CHOICE", to}}) {
            ctemplate::TemplateDictionary* choice = form->AddSectionDictionary(section);
            choice->SetIntValue("VALUE", static_cast<long>(v.version));
            choice->SetValue("LABEL", persianDigits(std::to_string(v.version)));
            if (v.version == selected) choice->ShowSection("SELECTED");
        }
}

void addDraftPages(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "POST", "/gaps/{id}/drafts", save);
    addPage(router, api, site, "GET", "/gaps/{id}/diff", diff);
}

}  // namespace lacuna
