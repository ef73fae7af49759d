#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "Gap.h"
#include "JalaliDate.h"
#include "Workflow.h"

namespace lacuna {

/// The Persian name of a value of a fixed vocabulary, and for a transition field what to ask with.
struct PageLabel {
    std::string fa;
    std::string en;
    std::string input = "text";  ///< fields only: text, number, date (Jalali picker) or gap (a reference)
};

/// config/labels.yaml: kinds, priorities, roles and transition fields by name.
struct PageLabels {
    std::map<std::string, PageLabel> kinds, priorities, roles, fields;

    /// The Persian label, or `name` itself when there is none.
    static const std::string& fa(const std::map<std::string, PageLabel>& labels, const std::string& name);
};

/// Reads the labels; throws ConfigError (file:line) for an unknown key, and when a kind, priority or
/// role, or a field a transition of `workflows` asks for, has no label.
PageLabels loadPageLabels(const std::string& path, const std::vector<const Workflow*>& workflows);

/// `1405-09-10`: the Jalali day as a date field is filled.
std::string jalaliInput(std::int64_t epochMs);
/// A count in Persian digits with the thousands separated (`۱٬۲۳۴٬۵۶۷`).
std::string persianCount(std::int64_t value);

}  // namespace lacuna
