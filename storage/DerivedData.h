#pragma once

#include "Sql.h"

/// The data the store derives from text — provision keys, court keys, search postings — made by the
/// text rules of core (normalisation, stems, provision keys). When those rules change
/// (TEXT_RULES_VERSION), a store remakes what it derived, once, at start.
namespace lacuna::derived {

/// Remakes the derived data when it was made by other text rules than those in force; the caller's
/// write transaction holds the `derived_data` row meanwhile, so a second instance starting at once
/// waits and then finds it current. Returns whether it remade anything.
bool refresh(SqlSession& session);

}  // namespace lacuna::derived
