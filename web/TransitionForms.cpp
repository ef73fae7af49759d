#include <Poco/JSON/Parser.h>

#include <algorithm>

#include "JalaliDate.h"
#include "PageText.h"
#include "PageViews.h"

// The forms that fire a workflow's transitions, on any record's page (gaps, bills): one form per
// transition the viewer may fire, with the comment and the fields it takes.
namespace lacuna {
namespace {

bool needs(const LifecycleTransition& t, const std::string& requirement) {
    return std::find(t.requirements.begin(), t.requirements.end(), requirement) != t.requirements.end();
}

}  // namespace

void showTransitionForms(PageContext& page, ctemplate::TemplateDictionary& dict, const TransitionForms& forms,
                         const std::string& failed, const FormFields* typed, const ValidationError* error) {
    const auto messageFor = [&](const std::string& field) -> std::string {
        if (!error) return "";
        for (const FieldError& f : error->fields())
            if (f.field == field) return f.detail;
        return "";
    };
    if (forms.available.empty()) return;
    dict.ShowSection("HAS_TRANSITIONS");
    ctemplate::TemplateDictionary* list = dict.AddIncludeDictionary("TRANSITIONS");
    list->SetFilename("transitions.tpl");
    const auto& labels = page.site().labels.fields;
    for (const LifecycleTransition* t : forms.available) {
        ctemplate::TemplateDictionary* form = list->AddSectionDictionary("TRANSITION");
        form->SetValue("ACTION", forms.action);
        form->SetValue("TARGET", forms.target);
        form->SetValue("NAME", t->name);
        form->SetValue("LABEL", t->labelFa);
        form->SetIntValue("VERSION", static_cast<long>(forms.version));
        if (const LifecycleState* to = forms.lifecycle.findState(t->to))
            form->SetValue("TO_LABEL", to->labelFa);
        if (needs(*t, "comment")) form->ShowSection("COMMENT_REQUIRED");
        // The refused form's inputs take the ids the error summary links to (`f-comment`, `f-fields.<name>`),
        // keep what was typed, and have their message beside them.
        const bool refused = typed && failed == t->name;
        form->SetValue("COMMENT_ID", refused ? "f-comment" : "f-" + t->name + "-comment");
        if (refused) {
            form->SetValue("COMMENT", typed->one("comment"));
            form->SetValueAndShowSection("COMMENT_ERROR", messageFor("comment"), "COMMENT_HAS_ERROR");
        }
        for (const std::string& field : t->fields) {
            ctemplate::TemplateDictionary* input = form->AddSectionDictionary("FIELD");
            const auto label = labels.find(field);
            input->SetValue("FIELD_NAME", field);
            input->SetValue("FIELD_LABEL", label == labels.end() ? field : label->second.fa);
            const std::string kind = label == labels.end() ? "text" : label->second.input;
            const std::string value = refused ? typed->one("field_" + field) : "";
            if (const auto choices = forms.choices.find(field); choices != forms.choices.end())
                showChoices(*input->AddSectionDictionary("SELECT_INPUT"), "CHOICE", choices->second, value);
            else
                input->ShowSection(kind == "date"     ? "DATE_INPUT"
                                   : kind == "number" ? "NUMBER_INPUT"
                                                      : "TEXT_INPUT");
            if (needs(*t, "field:" + field)) input->ShowSection("FIELD_REQUIRED");
            input->SetValue("FIELD_ID", refused ? "f-fields." + field : "f-" + t->name + "-" + field);
            if (refused) {
                input->SetValue("FIELD_VALUE", value);
                input->SetValueAndShowSection("FIELD_ERROR", messageFor("fields." + field),
                                              "FIELD_HAS_ERROR");
            }
        }
    }
}

void showRecordTimeline(PageContext& page, const std::vector<RecordEvent>& events, const Lifecycle* lifecycle,
                        std::string (*eventLabel)(const std::string& type)) {
    const auto& labels = page.site().labels.fields;
    for (auto e = events.rbegin(); e != events.rend(); ++e) {
        ctemplate::TemplateDictionary* row = page.content().AddSectionDictionary("EVENT");
        row->SetValue("ACTOR", e->actorName);
        showTime(*row, "AT", e->at);
        if (e->type == "transition" && lifecycle) {
            const LifecycleTransition* t = lifecycle->findTransition(e->transition);
            row->SetValue("WHAT", t ? t->labelFa : e->transition);
            const LifecycleState* to = lifecycle->findState(e->toState);
            row->SetValueAndShowSection("TO", to ? to->labelFa : e->toState, "MOVE");
            const Poco::JSON::Object::Ptr data =
                Poco::JSON::Parser().parse(e->dataJson).extract<Poco::JSON::Object::Ptr>();
            for (const std::string& name : t ? t->fields : std::vector<std::string>{}) {
                if (!data->has(name)) continue;
                ctemplate::TemplateDictionary* fact = row->AddSectionDictionary("FACT");
                const auto label = labels.find(name);
                fact->SetValue("LABEL", label == labels.end() ? name : label->second.fa);
                const std::string value = data->getValue<std::string>(name);
                // A date reads as a Jalali day (۱۲ آذر ۱۴۰۵); other facts as typed, in Persian digits.
                const auto date = label != labels.end() && label->second.input == "date"
                                      ? parseJalaliDate(value)
                                      : std::nullopt;
                fact->SetValue("VALUE",
                               date ? jalaliDay(startOfJalaliDayInIran(*date)) : persianDigits(value));
            }
        } else {
            row->SetValue("WHAT", eventLabel(e->type));
        }
        if (!e->comment.empty()) row->SetValueAndShowSection("COMMENT", e->comment, "HAS_COMMENT");
    }
}

TransitionInput readTransitionForm(const FormFields& form, const Lifecycle& lifecycle) {
    TransitionInput input;
    input.transition = form.one("transition");
    input.comment = form.one("comment");
    if (const LifecycleTransition* t = lifecycle.findTransition(input.transition))
        for (const std::string& field : t->fields)
            if (const std::string value = form.one("field_" + field); !value.empty())
                input.fields[field] = value;
    return input;
}

}  // namespace lacuna
