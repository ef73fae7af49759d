#pragma once

#include "Errors.h"

namespace lacuna {

/// The body is larger than server.max_body_bytes.
POCO_DECLARE_EXCEPTION(, PayloadTooLarge, DomainError)
/// The body is not declared as JSON.
POCO_DECLARE_EXCEPTION(, UnsupportedMediaType, DomainError)
/// The path exists but not with this method; the message holds the Allow header's value.
POCO_DECLARE_EXCEPTION(, MethodNotAllowed, DomainError)

/// The request's framing (Content-Length, Transfer-Encoding, Host) cannot be read one way only, so
/// where its body ends is uncertain: 400 naming the header (501 for a transfer coding the server does
/// not implement), and the connection is closed after the answer.
class BadFraming : public DomainError {
public:
    BadFraming(std::string header, const std::string& detail, bool notImplemented = false);
    const char* name() const noexcept override;
    const char* className() const noexcept override;
    Poco::Exception* clone() const override;
    void rethrow() const override;
    const std::string& header() const { return _header; }
    bool notImplemented() const { return _notImplemented; }

private:
    std::string _header;
    bool _notImplemented;
};

/// The HTTP layer refused the request before a route saw it: a header that cannot be read (400), that
/// did not arrive in time (408), a target or header block too large (414, 431), too many connections
/// from one address (429) or every worker busy (503). The connection is closed after the answer.
class RequestRejected : public DomainError {
public:
    RequestRejected(int status, std::string field, const std::string& detail, int retryAfterSeconds = 0);
    const char* name() const noexcept override;
    const char* className() const noexcept override;
    Poco::Exception* clone() const override;
    void rethrow() const override;
    int status() const { return _status; }
    const std::string& field() const { return _field; }
    /// Seconds for Retry-After, 0 for none.
    int retryAfterSeconds() const { return _retryAfterSeconds; }

private:
    int _status;
    std::string _field;
    int _retryAfterSeconds;
};

/// Throws what a failure `e` while reading a request body means for the client: 408 when the body did
/// not arrive in time, bad framing for malformed chunks, 400 when the connection failed.
[[noreturn]] void throwBodyFailure(const Poco::Exception& e);

}  // namespace lacuna
