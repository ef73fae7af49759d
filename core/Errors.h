#pragma once

#include <Poco/Exception.h>

#include <cstdint>
#include <string>
#include <vector>

namespace lacuna {

/// Base of every error the domain reports; the API maps each subclass to one HTTP status.
POCO_DECLARE_EXCEPTION(, DomainError, Poco::Exception)
/// The record does not exist or the caller may not know that it exists.
POCO_DECLARE_EXCEPTION(, NotFound, DomainError)
/// The caller is known but not permitted to do this.
POCO_DECLARE_EXCEPTION(, Forbidden, DomainError)
/// No valid credentials were presented.
POCO_DECLARE_EXCEPTION(, Unauthorized, DomainError)
/// The record changed since the caller read it.
POCO_DECLARE_EXCEPTION(, VersionConflict, DomainError)
/// The record's current state does not allow the operation (failed precondition).
POCO_DECLARE_EXCEPTION(, StateConflict, DomainError)
/// The request asked for a version but gave none.
POCO_DECLARE_EXCEPTION(, PreconditionRequired, DomainError)
/// The store cannot be reached or failed; nothing was changed.
POCO_DECLARE_EXCEPTION(, StoreUnavailable, DomainError)
/// A uniqueness rule of the store was violated.
POCO_DECLARE_EXCEPTION(, AlreadyExists, DomainError)

/// One field's problem, named by its JSON path (e.g. `provisions[1].law`).
struct FieldError {
    std::string field;
    std::string code;
    std::string detail;
};

/// Input that breaks a rule. `status` tells malformed input (400) from a broken workflow rule (422).
class ValidationError : public DomainError {
public:
    enum class Kind { Malformed, RuleViolation };

    ValidationError(const std::string& message, std::vector<FieldError> fields, Kind kind = Kind::Malformed);

    const char* name() const noexcept override;
    const char* className() const noexcept override;
    Poco::Exception* clone() const override;
    void rethrow() const override;

    const std::vector<FieldError>& fields() const { return _fields; }
    Kind kind() const { return _kind; }

private:
    std::vector<FieldError> _fields;
    Kind _kind;
};

/// Collects field errors and throws them together, so a client sees every problem at once.
class FieldErrors {
public:
    void add(std::string field, std::string code, std::string detail);
    bool empty() const { return _errors.empty(); }
    void throwIfAny(const std::string& message,
                    ValidationError::Kind kind = ValidationError::Kind::Malformed) const;

private:
    std::vector<FieldError> _errors;
};

/// The one way a stale version is told: "the <what> is at version N, not M".
VersionConflict staleVersion(const std::string& what, std::int64_t current, std::int64_t expected);
/// The one version check: throws staleVersion() unless the record read is at the version expected.
void requireVersion(const std::string& what, std::int64_t current, std::int64_t expected);

/// Too many attempts; `retryAfterSeconds` says when to try again.
class TooManyRequests : public DomainError {
public:
    TooManyRequests(const std::string& message, int retryAfterSeconds);
    const char* name() const noexcept override;
    const char* className() const noexcept override;
    Poco::Exception* clone() const override;
    void rethrow() const override;
    int retryAfterSeconds() const { return _retryAfter; }

private:
    int _retryAfter;
};

}  // namespace lacuna
