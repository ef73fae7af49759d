#pragma once

#include <Poco/Net/HTTPServerResponse.h>

#include <exception>
#include <string>

namespace lacuna {

/// The one place where errors become HTTP: writes `error` as application/problem+json (RFC 9457)
/// with a stable `type`, a `detail` safe for Persian text and, for validation, per-field `errors`.
/// Anything that is not a domain error is logged and answered 500 without internals.
void sendProblem(Poco::Net::HTTPServerResponse& response, const std::string& instance,
                 std::exception_ptr error);

class RequestRejected;

/// The whole HTTP/1.1 answer to a request refused at its connection before any handler ran (status
/// line, headers with Connection: close, problem+json body), as the bytes to write to the socket.
std::string rejectionResponse(const RequestRejected& rejection);

}  // namespace lacuna
