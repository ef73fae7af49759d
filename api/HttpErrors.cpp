#include "HttpErrors.h"

#include <typeinfo>

namespace lacuna {

POCO_IMPLEMENT_EXCEPTION(PayloadTooLarge, DomainError, "Payload too large")
POCO_IMPLEMENT_EXCEPTION(UnsupportedMediaType, DomainError, "Unsupported media type")
POCO_IMPLEMENT_EXCEPTION(MethodNotAllowed, DomainError, "Method not allowed")

}  // namespace lacuna
