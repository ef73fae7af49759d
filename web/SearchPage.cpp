#include "PageViews.h"
#include "SearchCodec.h"

// Search over gaps, drafts, rulings, opinions and requests for a uniform precedent.
namespace lacuna {
namespace {

const char* typeLabel(const std::string& type) {
    if (type == "gap") return "خلأ";
    if (type == "draft") return "پیش‌نویس";
    if (type == "ruling") return "رأی";
    if (type == "opinion") return "نظر مشورتی";
    if (type == "precedent") return "درخواست وحدت رویه";
    return "";
}

std::string resultLink(const SearchResult& r) {
    if (r.doc.type == "draft") return "/gaps/" + std::to_string(r.doc.gapId) + "#drafts";
    return recordLink(r.doc.type, r.doc.id, r.doc.reference);
}

void search(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), {"q", "type", "offset"});
    ctemplate::TemplateDictionary& dict = page.content();
    const std::string q = query.text("q").value_or("");
    const std::string type = query.text("type").value_or("");
    dict.SetValue("Q", q);
    std::vector<std::pair<std::string, std::string>> types;
    for (const char* t : {"gap", "draft", "ruling", "opinion", "precedent"})
        types.emplace_back(t, typeLabel(t));
    showChoices(dict, "TYPE_CHOICE", types, type);
    if (!q.empty()) {
        const SearchPage found = page.api().uniformity.search(viewer, decodeSearch(query));
        ctemplate::TemplateDictionary* results = dict.AddSectionDictionary("RESULTS");
        results->SetValue("TOTAL", (found.totalIsLowerBound ? "بیش از " : "") +
                                       persianCount(static_cast<std::int64_t>(found.total)));
        for (const SearchResult& r : found.items) {
            ctemplate::TemplateDictionary* row = results->AddSectionDictionary("RESULT");
            row->SetValue("TYPE_LABEL", typeLabel(r.doc.type));
            row->SetValue("REFERENCE", r.doc.reference);
            row->SetValue("TITLE", r.doc.title);
            row->SetValue("LINK", resultLink(r));
            if (const Municipality* m = page.api().catalog.findMunicipality(r.doc.municipality))
                row->SetValue("CITY", m->nameFa);
            showSnippet(*row, "SNIPPET", r.snippet);
        }
        if (found.items.empty()) results->ShowSection("NONE");
        const std::size_t offset = static_cast<std::size_t>(query.count("offset", true).value_or(0));
        if (offset + found.items.size() < found.total)
            results->SetValueAndShowSection(
                "NEXT_LINK",
                linkWith("/search",
                         {{"q", q}, {"type", type}, {"offset", std::to_string(offset + found.items.size())}}),
                "NEXT");
    }
    page.render(q.empty() ? "جست‌وجو" : "جست‌وجو: " + q, "search.tpl");
}

}  // namespace

void addSearchPage(Router& router, const ApiServices& api, const WebSite& site) {
    addPage(router, api, site, "GET", "/search", search);
}

}  // namespace lacuna
