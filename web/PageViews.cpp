#include "PageViews.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <map>
#include <sstream>

#include "JalaliDate.h"
#include "PageText.h"
#include "PersianText.h"

namespace lacuna {
namespace {

std::string htmlUnescape(const std::string& text) {
    static const std::vector<std::pair<std::string, std::string>> ENTITIES = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&#x27;", "'"}, {"&amp;", "&"}};
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '&')
            for (const auto& [entity, c] : ENTITIES)
                if (text.compare(i, entity.size(), entity) == 0) {
                    out += c;
                    i += entity.size();
                    replaced = true;
                    break;
                }
        if (!replaced) out += text[i++];
    }
    return out;
}

}  // namespace

std::string RefusedForm::messageFor(const std::string& field) const {
    if (!error) return "";
    for (const FieldError& f : error->fields())
        if (f.field == field || f.field.rfind(field + "[", 0) == 0) return f.detail;
    return "";
}

void showTime(ctemplate::TemplateDictionary& dict, const std::string& name, std::int64_t epochMs,
              bool withClock) {
    dict.SetValue(name, withClock ? jalaliDayTime(epochMs) : jalaliDay(epochMs));
    dict.SetValue(name + "_ISO", formatIsoUtc(epochMs));
}

void showGapSummary(PageContext& page, ctemplate::TemplateDictionary& dict, const Gap& gap) {
    const ApiServices& api = page.api();
    const PageLabels& labels = page.site().labels;
    dict.SetIntValue("ID", static_cast<long>(gap.id));
    dict.SetValue("REFERENCE", gap.reference);
    dict.SetValue("TITLE", gap.fields.title);
    dict.SetValue("STATE", gap.state);
    if (const LifecycleState* s = api.gaps.lifecycle().findState(gap.state)) {
        dict.SetValue("STATE_LABEL", s->labelFa);
        if (s->terminal) dict.ShowSection("TERMINAL");
    }
    const Municipality* city = api.catalog.findMunicipality(gap.fields.municipality);
    dict.SetValue("CITY", city ? city->nameFa : gap.fields.municipality);
    dict.SetValue("KIND_LABEL", PageLabels::fa(labels.kinds, gap.fields.kind));
    const LabelledSlug* category = api.catalog.findCategory(gap.fields.category);
    dict.SetValue("CATEGORY_LABEL", category ? category->labelFa : gap.fields.category);
    dict.SetValue("PRIORITY", gap.fields.priority);
    dict.SetValue("PRIORITY_LABEL", PageLabels::fa(labels.priorities, gap.fields.priority));
    if (gap.fields.confidential) dict.ShowSection("CONFIDENTIAL");
    if (gap.dueAt) {
        ctemplate::TemplateDictionary* due = dict.AddSectionDictionary("DUE");
        showTime(*due, "DUE_AT", *gap.dueAt, false);
        if (*gap.dueAt < api.clock.nowMs()) due->ShowSection("OVERDUE");
    }
    showTime(dict, "CREATED_AT", gap.createdAt, false);
}

void showChoices(ctemplate::TemplateDictionary& dict, const std::string& section,
                 const std::vector<std::pair<std::string, std::string>>& choices,
                 const std::string& current) {
    for (const auto& [value, label] : choices) {
        ctemplate::TemplateDictionary* choice = dict.AddSectionDictionary(section);
        choice->SetValue("VALUE", value);
        choice->SetValue("LABEL", label);
        if (value == current) choice->ShowSection("SELECTED");
    }
}

void showGapMention(ctemplate::TemplateDictionary& dict, std::int64_t gapId, const std::string& reference,
                    const std::string& title) {
    ctemplate::TemplateDictionary* mention = dict.AddIncludeDictionary("GAP_MENTION");
    mention->SetFilename("gap_mention.tpl");
    mention->SetValue("TITLE", title);
    if (gapId == 0) return mention->ShowSection("HIDDEN");
    ctemplate::TemplateDictionary* known = mention->AddSectionDictionary("KNOWN");
    known->SetIntValue("ID", static_cast<long>(gapId));
    known->SetValue("REFERENCE", reference);
}

std::string choiceLabel(const Choices& choices, const std::string& value) {
    for (const auto& [v, label] : choices)
        if (v == value) return label;
    return value;
}

const Choices& outcomeChoices() {
    static const Choices C = {{"adverse", "به زیان شهرداری"},
                              {"favourable", "به سود شهرداری"},
                              {"mixed", "بخشی به سود و بخشی به زیان"}};
    return C;
}

std::vector<std::pair<std::string, std::string>> stateChoices(const PageContext& page) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const LifecycleState& s : page.api().gaps.lifecycle().states()) out.emplace_back(s.name, s.labelFa);
    return out;
}

std::vector<std::pair<std::string, std::string>> cityChoices(const PageContext& page) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Municipality& m : page.api().catalog.municipalities) out.emplace_back(m.slug, m.nameFa);
    return out;
}

namespace {
std::vector<std::pair<std::string, std::string>> labelled(const std::vector<std::string>& names,
                                                          const std::map<std::string, PageLabel>& labels) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& name : names) out.emplace_back(name, PageLabels::fa(labels, name));
    return out;
}
}  // namespace

std::vector<std::pair<std::string, std::string>> kindChoices(const PageContext& page) {
    return labelled(gapvalues::kinds(), page.site().labels.kinds);
}

std::vector<std::pair<std::string, std::string>> categoryChoices(const PageContext& page) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const LabelledSlug& c : page.api().catalog.categories) out.emplace_back(c.slug, c.labelFa);
    return out;
}

std::vector<std::pair<std::string, std::string>> priorityChoices(const PageContext& page) {
    return labelled(gapvalues::priorities(), page.site().labels.priorities);
}

QueryParams pageQuery(Exchange& ex, std::initializer_list<const char*> allowed) {
    std::map<std::string, std::string> values;
    const QueryParams sent = ex.query(allowed);
    for (const auto& [name, value] : sent.all())
        if (!value.empty()) values[name] = value;
    return QueryParams(std::move(values));
}

std::string recordLink(const std::string& entityType, std::int64_t id, const std::string& reference) {
    static const std::map<std::string, std::string> PAGES = {
        {"gap", "/gaps/"},       {"meeting", "/meetings/"}, {"bill", "/bills/"},
        {"ruling", "/rulings/"}, {"opinion", "/opinions/"}, {"precedent", "/precedents/"}};
    const auto page = PAGES.find(entityType);
    if (page != PAGES.end()) return page->second + std::to_string(id);
    return linkWith("/search", {{"q", reference}});
}

std::string linkWith(const std::string& path,
                     const std::vector<std::pair<std::string, std::string>>& params) {
    std::string out = path;
    char separator = '?';
    for (const auto& [name, value] : params) {
        if (value.empty()) continue;
        std::string encoded;
        Poco::URI::encode(value, "!#$&'()*+,/:;=?@[]%", encoded);
        out += separator + name + "=" + encoded;
        separator = '&';
    }
    return out;
}

std::vector<Provision> readProvisions(const FormFields& form, FieldErrors& errors) {
    const std::vector<std::string> laws = form.all("law"), articles = form.all("article");
    if (laws.size() != articles.size())
        errors.add("provisions", "invalid", "each law needs its article field");
    std::vector<Provision> out;
    for (std::size_t i = 0; i < std::min(laws.size(), articles.size()); ++i)
        if (!laws[i].empty() || !articles[i].empty()) out.push_back({laws[i], articles[i]});
    return out;
}

void showProvisionInputs(ctemplate::TemplateDictionary& dict, std::vector<Provision> provisions) {
    provisions.resize(std::max<std::size_t>(provisions.size() + 1, 3));  // room for more
    for (std::size_t i = 0; i < provisions.size(); ++i) {
        ctemplate::TemplateDictionary* row = dict.AddSectionDictionary("PROVISION");
        row->SetIntValue("N", static_cast<long>(i + 1));
        row->SetValue("N_FA", persianDigits(std::to_string(i + 1)));
        row->SetValue("LAW", provisions[i].law);
        row->SetValue("ARTICLE", provisions[i].article);
    }
}

std::string provisionLink(const Provision& provision) {
    return "/provisions/" + encodePathSegment(provision.law + " — " + provision.article);
}

std::string encodePathSegment(const std::string& text) {
    std::string out;
    Poco::URI::encode(text, "/?#%&+", out);
    return out;
}

std::vector<std::string> textLines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (const std::string t = Poco::trim(line); !t.empty()) out.push_back(t);
    return out;
}

std::optional<std::int64_t> wholeNumber(const std::string& text) {
    std::string digits;
    for (const char c : normalizePersian(Poco::replace(text, "٬", "")))
        if (c != ',' && c != ' ') digits += c;
    Poco::Int64 value = 0;
    if (digits.empty() || digits.size() > 18 || digits.find_first_not_of("0123456789") != std::string::npos ||
        !Poco::NumberParser::tryParse64(digits, value))
        return std::nullopt;
    return value;
}

std::vector<std::int64_t> tickedIds(const FormFields& form, const std::string& name,
                                    const std::string& field) {
    FieldErrors errors;
    std::vector<std::int64_t> ids;
    for (const std::string& value : form.all(name)) {
        const auto number = wholeNumber(value);
        if (number && *number > 0)
            ids.push_back(*number);
        else
            errors.add(field, "invalid", "not a record's id");
    }
    errors.throwIfAny("the form is not valid");
    return ids;
}

void showSnippet(ctemplate::TemplateDictionary& dict, const std::string& section,
                 const std::string& snippet) {
    const std::string open = "<mark>", close = "</mark>";
    std::size_t pos = 0;
    while (pos < snippet.size()) {
        const std::size_t mark = snippet.find(open, pos);
        const std::size_t plainEnd = mark == std::string::npos ? snippet.size() : mark;
        if (plainEnd > pos) {
            ctemplate::TemplateDictionary* plain = dict.AddSectionDictionary(section);
            plain->SetValue("TEXT", htmlUnescape(snippet.substr(pos, plainEnd - pos)));
            plain->ShowSection("PLAIN");
        }
        if (mark == std::string::npos) break;
        const std::size_t end = snippet.find(close, mark);
        const std::size_t hitEnd = end == std::string::npos ? snippet.size() : end;
        ctemplate::TemplateDictionary* hit = dict.AddSectionDictionary(section);
        hit->SetValue("TEXT", htmlUnescape(snippet.substr(mark + open.size(), hitEnd - mark - open.size())));
        hit->ShowSection("HIT");
        pos = end == std::string::npos ? snippet.size() : end + close.size();
    }
}

}  // namespace lacuna
