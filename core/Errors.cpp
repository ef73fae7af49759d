#include "Errors.h"

#include <typeinfo>

namespace lacuna {

POCO_IMPLEMENT_EXCEPTION(DomainError, Poco::Exception, "Domain error")
POCO_IMPLEMENT_EXCEPTION(NotFound, DomainError, "Not found")
POCO_IMPLEMENT_EXCEPTION(Forbidden, DomainError, "Forbidden")
POCO_IMPLEMENT_EXCEPTION(Unauthorized, DomainError, "Unauthorized")
POCO_IMPLEMENT_EXCEPTION(VersionConflict, DomainError, "Version conflict")
POCO_IMPLEMENT_EXCEPTION(StateConflict, DomainError, "State conflict")
POCO_IMPLEMENT_EXCEPTION(PreconditionRequired, DomainError, "Precondition required")
POCO_IMPLEMENT_EXCEPTION(StoreUnavailable, DomainError, "Store unavailable")
POCO_IMPLEMENT_EXCEPTION(AlreadyExists, DomainError, "Already exists")

ValidationError::ValidationError(const std::string& message, std::vector<FieldError> fields, Kind kind)
    : DomainError(message), _fields(std::move(fields)), _kind(kind) {}

const char* ValidationError::name() const noexcept { return "Validation error"; }
const char* ValidationError::className() const noexcept { return typeid(*this).name(); }
Poco::Exception* ValidationError::clone() const { return new ValidationError(*this); }
void ValidationError::rethrow() const { throw *this; }

void FieldErrors::add(std::string field, std::string code, std::string detail) {
    _errors.push_back({std::move(field), std::move(code), std::move(detail)});
}

void FieldErrors::throwIfAny(const std::string& message, ValidationError::Kind kind) const {
    if (!_errors.empty()) throw ValidationError(message, _errors, kind);
}

TooManyRequests::TooManyRequests(const std::string& message, int retryAfterSeconds)
    : DomainError(message), _retryAfter(retryAfterSeconds) {}
const char* TooManyRequests::name() const noexcept { return "Too many requests"; }
const char* TooManyRequests::className() const noexcept { return typeid(*this).name(); }
Poco::Exception* TooManyRequests::clone() const { return new TooManyRequests(*this); }
void TooManyRequests::rethrow() const { throw *this; }

VersionConflict staleVersion(const std::string& what, std::int64_t current, std::int64_t expected) {
    return VersionConflict("the " + what + " is at version " + std::to_string(current) + ", not " +
                           std::to_string(expected));
}

void requireVersion(const std::string& what, std::int64_t current, std::int64_t expected) {
    if (current != expected) throw staleVersion(what, current, expected);
}

}  // namespace lacuna
