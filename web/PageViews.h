#pragma once

#include <ctemplate/template.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "Gap.h"
#include "Lifecycle.h"
#include "PageContext.h"
#include "QueryParams.h"
#include "RecordEvent.h"

namespace lacuna {

/// Fills `dict` with what a row, card or heading shows of a gap: reference, title, state and its
/// label, city, kind, category, priority, confidentiality, due date (overdue marked) and when reported.
void showGapSummary(PageContext& page, ctemplate::TemplateDictionary& dict, const Gap& gap);

/// `NAME` (Persian, Jalali) and `NAME_ISO` (for `<time datetime>`) of an instant.
void showTime(ctemplate::TemplateDictionary& dict, const std::string& name, std::int64_t epochMs,
              bool withClock = true);

/// Adds one `section` entry per choice, value and label, `SELECTED` on the one equal to `current`.
void showChoices(ctemplate::TemplateDictionary& dict, const std::string& section,
                 const std::vector<std::pair<std::string, std::string>>& choices, const std::string& current);

/// A gap a record names (an agenda item, a bill's gap, a ruling's link) as the include GAP_MENTION
/// (gap_mention.tpl): a link to its page, or only the word the visibility rule leaves when the viewer may
/// not know of it (`gapId` 0).
void showGapMention(ctemplate::TemplateDictionary& dict, std::int64_t gapId, const std::string& reference,
                    const std::string& title);

/// A fixed vocabulary as a form offers it: value and Persian label.
using Choices = std::vector<std::pair<std::string, std::string>>;
/// The Persian name of `value` in `choices` (`value` itself when it has none).
std::string choiceLabel(const Choices& choices, const std::string& value);
/// A court ruling's outcome for the municipality.
const Choices& outcomeChoices();

/// The choices of the gap filters and forms: states, cities, kinds, categories, priorities.
std::vector<std::pair<std::string, std::string>> stateChoices(const PageContext& page);
std::vector<std::pair<std::string, std::string>> cityChoices(const PageContext& page);
std::vector<std::pair<std::string, std::string>> kindChoices(const PageContext& page);
std::vector<std::pair<std::string, std::string>> categoryChoices(const PageContext& page);
std::vector<std::pair<std::string, std::string>> priorityChoices(const PageContext& page);

/// The provisions a form names as pairs of `law` and `article` fields, the empty pairs left out.
std::vector<Provision> readProvisions(const FormFields& form, FieldErrors& errors);
/// One PROVISION row (N, N_FA, LAW, ARTICLE) per provision, and room for more (at least three rows).
void showProvisionInputs(ctemplate::TemplateDictionary& dict, std::vector<Provision> provisions);
/// The page of a provision, named as people write it («قانون شهرداری — ماده ۱۰۰»).
std::string provisionLink(const Provision& provision);
/// `text` percent-encoded to stand as one segment of a path.
std::string encodePathSegment(const std::string& text);

/// The query of a page's address, with the parameters sent empty (a filter left at "all") dropped;
/// ValidationError for a parameter not in `allowed` or sent twice.
QueryParams pageQuery(Exchange& ex, std::initializer_list<const char*> allowed);

/// `/path?k=v&…` with each value percent-encoded; empty values left out.
std::string linkWith(const std::string& path, const std::vector<std::pair<std::string, std::string>>& params);

/// The page of a record (a gap, meeting, bill, ruling, opinion or request for a uniform precedent); for a
/// kind that has no page, a search for its reference.
std::string recordLink(const std::string& entityType, std::int64_t id, const std::string& reference);

/// The lines of a textarea, trimmed, the empty ones left out.
std::vector<std::string> textLines(const std::string& text);

/// A whole number of zero or more as a person types it (Persian or Arabic digits, thousands
/// separators); none when it is not one.
std::optional<std::int64_t> wholeNumber(const std::string& text);

/// The record ids a form's checkboxes `name` tick; ValidationError on `field` for a value that is not one.
std::vector<std::int64_t> tickedIds(const FormFields& form, const std::string& name,
                                    const std::string& field);

/// A refused form shown again on its record's page: which form (and for which entry of a list: an agenda
/// item, an objection), what was typed, and the error (none when the record changed meanwhile).
struct RefusedForm {
    std::string form;
    std::int64_t item = 0;
    const FormFields* typed = nullptr;
    const ValidationError* error = nullptr;

    bool is(const std::string& name, std::int64_t entry = 0) const {
        return typed && form == name && item == entry;
    }
    /// The message for `field` or an entry of it (`field[2]`), "" when none.
    std::string messageFor(const std::string& field) const;
};

/// Takes a form that changes a record: `change(form)` does it and returns where to go next (303). When the
/// record changed meanwhile (409, STALE shown) or the change is refused (400/422, the error summary),
/// `show(refused, status)` renders the record's page again with the form as typed.
template <typename Change, typename Show>
void submitForm(PageContext& page, const std::string& formName, std::int64_t item, Change change, Show show) {
    const FormFields form = page.form();
    try {
        page.redirect(change(form));
    } catch (const VersionConflict&) {
        page.content().ShowSection("STALE");
        show(RefusedForm{formName, item, &form, nullptr}, Poco::Net::HTTPResponse::HTTP_CONFLICT);
    } catch (const ValidationError& e) {
        showFieldErrors(page, e);
        show(RefusedForm{formName, item, &form, &e}, refusedStatus(e));
    }
}

/// Takes a form on the record of the path's `{id}` (see submitForm): `change(viewer, id, form)` does it, then
/// the record's page `<collection>/<id><anchor>`; when refused, `show(viewer, id, refused, status)` renders
/// that page again.
template <typename Change, typename Show>
void submitRecordForm(PageContext& page, const std::string& formName, const std::string& collection,
                      const char* anchor, Change change, Show show) {
    const Principal& viewer = page.requireViewer();
    const std::int64_t id = page.exchange().idParam("id");
    submitForm(
        page, formName, 0,
        [&](const FormFields& form) {
            change(viewer, id, form);
            return collection + "/" + std::to_string(id) + anchor;
        },
        [&](const RefusedForm& refused, Poco::Net::HTTPResponse::HTTPStatus status) {
            show(viewer, id, refused, status);
        });
}

/// Takes a form that makes a new record: `create(form)` reads it, makes the record and returns where to go
/// next (303). When it is refused (400/422, the error summary), `show(form, error)` fills the form again as
/// typed, and the page `title` renders `templateName` with it.
template <typename Create, typename Show>
void createFromForm(PageContext& page, const std::string& title, const std::string& templateName,
                    Create create, Show show) {
    const FormFields form = page.form();
    try {
        page.redirect(create(form));
    } catch (const ValidationError& e) {
        showFieldErrors(page, e);
        show(form, e);
        page.render(title, templateName, refusedStatus(e));
    }
}

/// The transition forms of a record's page: where they post, the element an htmx answer replaces, the
/// version they were read at, and the transitions the viewer may fire now.
struct TransitionForms {
    std::string action;
    std::string target;
    std::int64_t version = 0;
    const Lifecycle& lifecycle;
    std::vector<const LifecycleTransition*> available;
    /// The fields chosen from a list rather than typed (an opinion's assignee), by field name.
    std::map<std::string, Choices> choices = {};
};

/// Adds HAS_TRANSITIONS and the include TRANSITIONS (transitions.tpl) to `dict`. The form of `failed`,
/// refused, shows what was `typed` and the messages of `error` beside its inputs.
void showTransitionForms(PageContext& page, ctemplate::TemplateDictionary& dict, const TransitionForms& forms,
                         const std::string& failed, const FormFields* typed, const ValidationError* error);

/// The transition a form fires: its name, its comment, and the fields that transition takes.
TransitionInput readTransitionForm(const FormFields& form, const Lifecycle& lifecycle);

/// A record's changes, newest first (EVENT sections): who, when, the transition with the stage it reached and
/// the facts recorded with it (a date as a Jalali day), or `eventLabel(type)` for any other change.
void showRecordTimeline(PageContext& page, const std::vector<RecordEvent>& events, const Lifecycle* lifecycle,
                        std::string (*eventLabel)(const std::string& type));

/// Splits an escaped snippet with <mark> (SearchText) into `section` parts: TEXT, and HIT on a match.
void showSnippet(ctemplate::TemplateDictionary& dict, const std::string& section, const std::string& snippet);

}  // namespace lacuna
