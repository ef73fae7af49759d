#include "PageText.h"

#include "ConfigError.h"
#include "Gap.h"
#include "JalaliDate.h"
#include "Roles.h"
#include "YamlDocument.h"

namespace lacuna {
namespace {

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
