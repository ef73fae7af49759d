#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lacuna {

/// The value a client gives preference `name` in its Prefer header fields (RFC 7240), e.g. "minimal" for
/// `return` in `Prefer: respond-async, return=minimal`. Names compare without regard to case; a quoted
/// value is unquoted; a preference's parameters (after `;`) are passed over; when a name comes more than
/// once, the first counts. Empty when the name is not there, "" when it is there without a value. A
/// preference is a wish, never an error: what cannot be read is passed over.
std::optional<std::string> preferenceIn(const std::vector<std::string>& fields, std::string_view name);

}  // namespace lacuna
