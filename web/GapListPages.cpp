#include <algorithm>
#include <string_view>

#include "GapCodec.h"
#include "PageContext.h"
#include "PageText.h"
#include "PageViews.h"
#include "Spreadsheet.h"

// The gap list (filters, search, sorting, cursor pages), its counts per state and the board.
namespace lacuna {
namespace {

const std::initializer_list<const char*> LIST_PARAMS = {
    "state", "municipality", "kind", "category", "priority", "q", "sort", "cursor"};

/// The list's parameters as sent, less the cursor and those in `dropped`: what a link to another page
/// of the same list, or to the same list in another state, carries.
std::vector<std::pair<std::string, std::string>> listFilters(
    const QueryParams& query, std::initializer_list<std::string_view> dropped) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* name : LIST_PARAMS)
        if (std::string_view(name) != "cursor" &&
            std::find(dropped.begin(), dropped.end(), name) == dropped.end())
            out.emplace_back(name, query.text(name).value_or(""));
    return out;
}

void list(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), LIST_PARAMS);
    const GapPage found = page.api().gaps.list(viewer, decodeGapList(query));
    ctemplate::TemplateDictionary& dict = page.content();
    const auto current = [&](const char* name) { return query.text(name).value_or(""); };
    showChoices(dict, "STATE_CHOICE", stateChoices(page), current("state"));
    showChoices(dict, "CITY_CHOICE", cityChoices(page), current("municipality"));
    showChoices(dict, "KIND_CHOICE", kindChoices(page), current("kind"));
    showChoices(dict, "CATEGORY_CHOICE", categoryChoices(page), current("category"));
    showChoices(dict, "PRIORITY_CHOICE", priorityChoices(page), current("priority"));
    showChoices(dict, "SORT_CHOICE",
                {{"-created_at", "تازه‌ترین"},
                 {"created_at", "قدیمی‌ترین"},
                 {"-updated_at", "آخرین تغییر"},
                 {"-priority", "بیشترین اولویت"}},
                current("sort"));
    dict.SetValue("Q", current("q"));
    for (const Gap& gap : found.items) showGapSummary(page, *dict.AddSectionDictionary("GAP"), gap);
    if (found.items.empty()) dict.ShowSection("EMPTY");
    const auto filters = listFilters(query, {});
    if (query.text("cursor")) dict.SetValueAndShowSection("FIRST_LINK", linkWith("/gaps", filters), "FIRST");
    dict.SetValue("COUNTS_LINK", linkWith("/gaps/counts", filters));
    dict.SetValue("CSV_LINK", linkWith("/gaps/export.csv", filters));
    dict.SetValue("XLSX_LINK", linkWith("/gaps/export.xlsx", filters));
    if (found.next) {
        auto next = filters;
        next.emplace_back("cursor", encodeCursor(query.text("sort").value_or("-created_at"), *found.next));
        dict.SetValueAndShowSection("NEXT_LINK", linkWith("/gaps", next), "NEXT");
    }
    page.render("خلأهای قانونی", "gaps.tpl");
}

/// How many gaps the list's filters match in each state: links that filter the list by it. Asked for by
/// the list page once it has loaded (htmx), or a page of its own without script. Each count stops
/// above COUNT_CAP, so it costs as little with a million gaps as with a hundred.
void counts(PageContext& page) {
    constexpr std::size_t COUNT_CAP = 1000;
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), LIST_PARAMS);
    const auto current = [&](const char* name) { return query.text(name).value_or(""); };
    const auto counted = page.api().gaps.countByState(viewer, decodeGapList(query), COUNT_CAP);
    ctemplate::TemplateDictionary& dict = page.content();
    const auto filters = listFilters(query, {"state"});
    dict.SetValue("ALL_LINK", linkWith("/gaps", filters));
    if (current("state").empty()) dict.ShowSection("ALL_CURRENT");
    for (const LifecycleState& state : page.api().gaps.lifecycle().states()) {
        const auto n = counted.find(state.name);
        const std::int64_t count = n == counted.end() ? 0 : n->second;
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("STATE_COUNT");
        auto link = filters;
        link.emplace_back("state", state.name);
        row->SetValue("LINK", linkWith("/gaps", link));
        row->SetValue("LABEL", state.labelFa);
        row->SetValue("COUNT", count > static_cast<std::int64_t>(COUNT_CAP)
                                   ? "بیش از " + persianCount(static_cast<std::int64_t>(COUNT_CAP))
                                   : persianCount(count));
        if (count == 0) row->ShowSection("ZERO");
        if (current("state") == state.name) row->ShowSection("CURRENT");
    }
    if (page.fromHtmx()) return page.renderFragment("gap_counts.tpl");
    dict.ShowSection("FULL_PAGE");
    page.render("شمار خلأها در هر وضعیت", "gap_counts.tpl");
}

/// The list as filtered, in its order, for a spreadsheet program: every page of it, up to EXPORT_CAP rows.
SheetTable gapTable(PageContext& page) {
    constexpr std::size_t EXPORT_CAP = 10000;
    const Principal& viewer = page.requireViewer();
    const QueryParams query =
        pageQuery(page.exchange(), {"state", "municipality", "kind", "category", "priority", "q", "sort"});
    GapListRequest request = decodeGapList(query);
    request.query.limit = 100;
    const ApiServices& api = page.api();
    const PageLabels& labels = page.site().labels;
    SheetTable table{"خلأها",
                     {"شناسه", "عنوان", "وضعیت", "شهر", "نوع", "موضوع", "اولویت", "دسترسی", "مهلت این مرحله",
                      "تاریخ گزارش", "مواد قانونی"},
                     {}};
    for (;;) {
        const GapPage found = api.gaps.list(viewer, request);
        for (const Gap& gap : found.items) {
            const LifecycleState* state = api.gaps.lifecycle().findState(gap.state);
            const Municipality* city = api.catalog.findMunicipality(gap.fields.municipality);
            const LabelledSlug* category = api.catalog.findCategory(gap.fields.category);
            std::string provisions;
            for (const Provision& p : gap.fields.provisions)
                provisions += (provisions.empty() ? "" : "؛ ") + p.law + " — " + p.article;
            table.rows.push_back(
                {gap.reference, gap.fields.title, state ? state->labelFa : gap.state,
                 city ? city->nameFa : gap.fields.municipality, PageLabels::fa(labels.kinds, gap.fields.kind),
                 category ? category->labelFa : gap.fields.category,
                 PageLabels::fa(labels.priorities, gap.fields.priority),
                 gap.fields.confidential ? "محرمانه" : "", gap.dueAt ? jalaliInput(*gap.dueAt) : "",
                 jalaliInput(gap.createdAt), provisions});
        }
        if (!found.next) break;
        if (table.rows.size() >= EXPORT_CAP) {
            table.rows.push_back(
                {"…", "فهرست در " + persianCount(EXPORT_CAP) +
                          " ردیف بریده شد؛ فیلترها را دقیق‌تر کنید."});
            break;
        }
        request.query.after = found.next;
    }
    return table;
}

void exportCsv(PageContext& page) {
    page.download("gaps.csv", "text/csv; charset=utf-8", toCsv(gapTable(page)));
}

void exportXlsx(PageContext& page) {
    page.download("gaps.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  toXlsx(gapTable(page)));
}

void board(PageContext& page) {
    const Principal& viewer = page.requireViewer();
    const QueryParams query = pageQuery(page.exchange(), {"municipality", "category"});
    ctemplate::TemplateDictionary& dict = page.content();
    showChoices(dict, "CITY_CHOICE", cityChoices(page), query.text("municipality").value_or(""));
    showChoices(dict, "CATEGORY_CHOICE", categoryChoices(page), query.text("category").value_or(""));
    constexpr std::size_t CARDS = 20;
    // One column per state of gap.yaml, in its order.
    for (const LifecycleState& state : page.api().gaps.lifecycle().states()) {
        GapListRequest request;
        request.query.state = state.name;
        request.query.municipality = query.text("municipality");
        request.query.category = query.text("category");
        request.query.sortKey = GapQuery::SortKey::Priority;
        request.query.limit = CARDS;
        const GapPage found = page.api().gaps.list(viewer, request);
        ctemplate::TemplateDictionary* column = dict.AddSectionDictionary("COLUMN");
        column->SetValue("STATE", state.name);
        column->SetValue("STATE_LABEL", state.labelFa);
        column->SetValue("LIST_LINK",
                         linkWith("/gaps", {{"state", state.name},
                                            {"municipality", query.text("municipality").value_or("")},
                                            {"category", query.text("category").value_or("")}}));
        for (const Gap& gap : found.items) showGapSummary(page, *column->AddSectionDictionary("CARD"), gap);
        if (found.items.empty()) column->ShowSection("EMPTY");
        if (found.next) column->ShowSection("MORE");
    }
    page.render("تابلوی خلأها", "board.tpl");
}

}  // namespace

void addGapListPages(Router& router, const ApiServices& api, const WebSite& site) {
    // Added before GapPages': the router takes the first route that matches, and /gaps/{id} would.
    addPage(router, api, site, "GET", "/gaps", list);
    addPage(router, api, site, "GET", "/gaps/board", board);
    addPage(router, api, site, "GET", "/gaps/counts", counts);
    addPage(router, api, site, "GET", "/gaps/export.csv", exportCsv);
    addPage(router, api, site, "GET", "/gaps/export.xlsx", exportXlsx);
}

}  // namespace lacuna
