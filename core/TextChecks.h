#pragma once

#include <string>
#include <vector>

#include "Errors.h"
#include "Gap.h"

namespace lacuna {

/// Adds an error for text that is not valid UTF-8, holds a NUL, is empty after normalisation
/// (when required) or is longer than `max` code points.
void checkText(FieldErrors& errors, const std::string& field, const std::string& value, std::size_t max,
               bool required);

/// All provisions of one record together, as stored (JSON, UTF-8): fits a TEXT column on every backend.
inline constexpr std::size_t PROVISIONS_BYTES_MAX = 60000;

/// Checks a list of provisions (law required, article optional, PROVISIONS_BYTES_MAX together) under `field`.
void checkProvisions(FieldErrors& errors, const std::string& field, const std::vector<Provision>& provisions,
                     std::size_t maxCount, std::size_t lawMax, std::size_t articleMax);

bool contains(const std::vector<std::string>& values, const std::string& value);

}  // namespace lacuna
