#include "PageText.h"

#include "ConfigError.h"
#include "Gap.h"
#include "JalaliDate.h"
#include "Roles.h"
#include "YamlDocument.h"

namespace lacuna {
namespace {

const char* const MONTHS[] = {"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                              "مهر",     "آبان",     "آذر",   "دی",  "بهمن",  "اسفند"};

std::map<std::string, PageLabel> readLabels(const YamlDocument& doc, const std::string& section,
                                            bool withInput) {
    const YAML::Node node = doc.root()[section];
    doc.requireMap(node, section);
    std::map<std::string, PageLabel> labels;
    for (const auto& entry : node) {
        const YAML::Node value = entry.second;
        doc.requireMap(value, section + "." + entry.first.as<std::string>());
        if (withInput)
            doc.allowKeys(value, {"fa", "en", "input"}, section);
        else
            doc.allowKeys(value, {"fa", "en"}, section);
        PageLabel label{doc.requiredString(value, "fa"), doc.requiredString(value, "en")};
        if (withInput) {
            label.input = doc.optionalString(value, "input").value_or("text");
            if (label.input != "text" && label.input != "number" && label.input != "date" &&
                label.input != "gap")
                throw ConfigError(doc.where(value) + ": input is text, number, date or gap");
        }
        labels[entry.first.as<std::string>()] = label;
    }
    return labels;
}

void requireLabels(const YamlDocument& doc, const std::map<std::string, PageLabel>& labels,
                   const std::vector<std::string>& names, const std::string& section) {
    for (const std::string& name : names)
        if (!labels.count(name)) throw ConfigError(doc.path() + ": " + section + " has no label for " + name);
}

}  // namespace

const std::string& PageLabels::fa(const std::map<std::string, PageLabel>& labels, const std::string& name) {
    const auto it = labels.find(name);
    return it == labels.end() ? name : it->second.fa;
}

PageLabels loadPageLabels(const std::string& path, const std::vector<const Workflow*>& workflows) {
    const YamlDocument doc(path);
    doc.requireMap(doc.root(), "labels");
    doc.allowKeys(doc.root(), {"kinds", "priorities", "roles", "fields"}, "labels");
    PageLabels labels{readLabels(doc, "kinds", false), readLabels(doc, "priorities", false),
                      readLabels(doc, "roles", false), readLabels(doc, "fields", true)};
    requireLabels(doc, labels.kinds, gapvalues::kinds(), "kinds");
    requireLabels(doc, labels.priorities, gapvalues::priorities(), "priorities");
    requireLabels(doc, labels.roles, allRoles(), "roles");
    for (const Workflow* workflow : workflows)
        for (const LifecycleTransition& t : workflow->transitions)
            requireLabels(doc, labels.fields, t.fields, "fields");
    return labels;
}

const char* gapEventLabel(const std::string& type) {
    if (type == "created") return "گزارش شد";
    if (type == "edited") return "ویرایش شد";
    if (type == "draft_saved") return "نسخه تازه پیش‌نویس ثبت شد";
    if (type == "merged_in") return "گزارش مشابهی در آن ادغام شد";
    if (type == "vote") return "رأی کمیسیون ثبت شد";
    if (type == "decision") return "تصمیم کمیسیون ثبت شد";
    if (type == "precedent_decided") return "رأی وحدت رویه درباره آن صادر شد";
    return "تغییر کرد";
}

std::string persianDigits(const std::string& text) {
    std::string out;
    out.reserve(text.size() * 2);
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            // U+06F0 … U+06F9 in UTF-8: DB B0 … DB B9.
            out += '\xDB';
            out += static_cast<char>(0xB0 + (c - '0'));
        } else {
            out += c;
        }
    }
    return out;
}

std::string jalaliDay(std::int64_t epochMs) {
    const JalaliDate d = jalaliDateInIran(epochMs);
    return persianDigits(std::to_string(d.day)) + " " + MONTHS[d.month - 1] + " " +
           persianDigits(std::to_string(d.year));
}

std::string jalaliMonthName(int year, int month) {
    return std::string(MONTHS[month - 1]) + " " + persianDigits(std::to_string(year));
}

std::string clockInIran(std::int64_t epochMs) {
    const std::int64_t minuteOfDay = ((epochMs + IRAN_OFFSET_MS) / 60000 % 1440 + 1440) % 1440;
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(minuteOfDay / 60),
                  static_cast<int>(minuteOfDay % 60));
    return persianDigits(clock);
}

std::string jalaliDayTime(std::int64_t epochMs) { return jalaliDay(epochMs) + "، " + clockInIran(epochMs); }

std::string jalaliInput(std::int64_t epochMs) { return formatJalali(jalaliDateInIran(epochMs)); }

std::string persianCount(std::int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += "٬";
        grouped += digits[i];
    }
    return (value < 0 ? "−" : "") + persianDigits(grouped);
}

}  // namespace lacuna
