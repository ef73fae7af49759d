#include "Gap.h"

#include <algorithm>

#include "JsonText.h"

namespace lacuna {

std::string provisionsJson(const std::vector<Provision>& provisions) {
    std::string out = "[";
    for (std::size_t i = 0; i < provisions.size(); ++i) {
        if (i) out += ",";
        out += "{\"law\":" + jsonString(provisions[i].law) +
               ",\"article\":" + jsonString(provisions[i].article) + "}";
    }
    return out + "]";
}

}  // namespace lacuna

namespace lacuna::gapvalues {

const std::vector<std::string>& kinds() {
    static const std::vector<std::string> KINDS = {"vacuum", "ambiguity", "conflict", "obsolete", "obstacle"};
    return KINDS;
}

const std::vector<std::string>& priorities() {
    static const std::vector<std::string> PRIORITIES = {"low", "normal", "high", "urgent"};
    return PRIORITIES;
}

int priorityRank(const std::string& priority) {
    const auto& all = priorities();
    return static_cast<int>(std::find(all.begin(), all.end(), priority) - all.begin());
}

}  // namespace lacuna::gapvalues

namespace lacuna {

void applyPatch(GapFields& f, const GapPatch& patch) {
    if (patch.title) f.title = *patch.title;
    if (patch.description) f.description = *patch.description;
    if (patch.kind) f.kind = *patch.kind;
    if (patch.category) f.category = *patch.category;
    if (patch.provisions) f.provisions = *patch.provisions;
    if (patch.priority) f.priority = *patch.priority;
    if (patch.confidential) f.confidential = *patch.confidential;
    if (patch.impact) f.impact = *patch.impact;
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

}  // namespace lacuna
