#include "HttpErrors.h"

#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>

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

RequestRejected::RequestRejected(int status, std::string field, const std::string& detail,
                                 int retryAfterSeconds)
    : DomainError(detail), _status(status), _field(std::move(field)), _retryAfterSeconds(retryAfterSeconds) {}
const char* RequestRejected::name() const noexcept { return "Request rejected"; }
const char* RequestRejected::className() const noexcept { return typeid(*this).name(); }
Poco::Exception* RequestRejected::clone() const { return new RequestRejected(*this); }
void RequestRejected::rethrow() const { throw *this; }

void throwBodyFailure(const Poco::Exception& e) {
    if (dynamic_cast<const Poco::TimeoutException*>(&e))
        throw RequestRejected(Poco::Net::HTTPResponse::HTTP_REQUEST_TIMEOUT, "body",
                              "the body did not arrive in time");
    if (dynamic_cast<const Poco::Net::MessageException*>(&e))
        throw BadFraming("Transfer-Encoding", "the chunks of the body are malformed: " + e.message());
    throw RequestRejected(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "body",
                          "the body could not be read: " + e.message());
}

}  // namespace lacuna
