#pragma once

#include "Errors.h"

namespace lacuna {

/// The body is larger than server.max_body_bytes.
POCO_DECLARE_EXCEPTION(, PayloadTooLarge, DomainError)
/// The body is not declared as JSON.
POCO_DECLARE_EXCEPTION(, UnsupportedMediaType, DomainError)
/// The path exists but not with this method; the message holds the Allow header's value.
POCO_DECLARE_EXCEPTION(, MethodNotAllowed, DomainError)

}  // namespace lacuna
