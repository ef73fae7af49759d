#include "HttpErrors.h"

#include <typeinfo>

namespace lacuna {

POCO_IMPLEMENT_EXCEPTION(PayloadTooLarge, DomainError, "Payload too large")
POCO_IMPLEMENT_EXCEPTION(UnsupportedMediaType, DomainError, "Unsupported media type")
POCO_IMPLEMENT_EXCEPTION(MethodNotAllowed, DomainError, "Method not allowed")

BadFraming::BadFraming(std::string header, const std::string& detail, bool notImplemented)
    : DomainError(detail), _header(std::move(header)), _notImplemented(notImplemented) {}
const char* BadFraming::name() const noexcept { return "Bad framing"; }
const char* BadFraming::className() const noexcept { return typeid(*this).name(); }
Poco::Exception* BadFraming::clone() const { return new BadFraming(*this); }
void BadFraming::rethrow() const { throw *this; }

}  // namespace lacuna
