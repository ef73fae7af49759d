#pragma once

#include <ctemplate/template.h>

#include <optional>
#include <string>
#include <vector>

#include "Gap.h"
#include "PageContext.h"
#include "QueryParams.h"

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

/// The choices of the gap filters and forms: states, cities, kinds, categories, priorities.
std::vector<std::pair<std::string, std::string>> stateChoices(const PageContext& page);
std::vector<std::pair<std::string, std::string>> cityChoices(const PageContext& page);
std::vector<std::pair<std::string, std::string>> kindChoices(const PageContext& page);
std::vector<std::pair<std::string, std::string>> categoryChoices(const PageContext& page);
std::vector<std::pair<std::string, std::string>> priorityChoices(const PageContext& page);

/// The query of a page's address, with the parameters sent empty (a filter left at "all") dropped;
/// ValidationError for a parameter not in `allowed` or sent twice.
QueryParams pageQuery(Exchange& ex, std::initializer_list<const char*> allowed);

/// `/path?k=v&…` with each value percent-encoded; empty values left out.
std::string linkWith(const std::string& path, const std::vector<std::pair<std::string, std::string>>& params);

/// A whole number of zero or more as a person types it (Persian or Arabic digits, thousands
/// separators); none when it is not one.
std::optional<std::int64_t> wholeNumber(const std::string& text);

/// Splits an escaped snippet with <mark> (SearchText) into `section` parts: TEXT, and HIT on a match.
void showSnippet(ctemplate::TemplateDictionary& dict, const std::string& section, const std::string& snippet);

}  // namespace lacuna
