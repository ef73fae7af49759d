#pragma once

#include <string>
#include <vector>

#include "User.h"

namespace lacuna {

/// The configured vocabularies a gap refers to: member cities and gap categories.
struct Catalog {
    std::vector<Municipality> municipalities;
    std::vector<LabelledSlug> categories;

    const Municipality* findMunicipality(const std::string& slug) const;
    const LabelledSlug* findCategory(const std::string& slug) const;
};

}  // namespace lacuna
