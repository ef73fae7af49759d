#include "Catalog.h"

#include <algorithm>

namespace lacuna {

const Municipality* Catalog::findMunicipality(const std::string& slug) const {
    const auto it = std::find_if(municipalities.begin(), municipalities.end(),
                                 [&](const Municipality& m) { return m.slug == slug; });
    return it == municipalities.end() ? nullptr : &*it;
}

const LabelledSlug* Catalog::findCategory(const std::string& slug) const {
    const auto it = std::find_if(categories.begin(), categories.end(),
                                 [&](const LabelledSlug& c) { return c.slug == slug; });
    return it == categories.end() ? nullptr : &*it;
}

}  // namespace lacuna
