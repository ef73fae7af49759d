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

}  // namespace lacuna
