#pragma once

#include <string>
#include <vector>

#include "Gap.h"

namespace lacuna {

/// Reads the provisions kept beside a gap's row (written by provisionsJson()), so one row read
/// gives the whole gap. The gap_provisions table stays the place to query by provision.
std::vector<Provision> provisionsFromJson(const std::string& json);

}  // namespace lacuna
