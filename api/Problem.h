#pragma once

#include <Poco/Net/HTTPServerResponse.h>

#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "Errors.h"

namespace lacuna {

/// What kind of failure an answer reports: its status, stable type and title.
struct ProblemKind {
    Poco::Net::HTTPResponse::HTTPStatus status;
    const char* type;
    const char* title;
};

/// What the answer says of one failure.
struct ProblemAnswer {
    ProblemKind kind{Poco::Net::HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "internal", "Internal error"};
    std::string detail = "the server failed; the failure was logged";
    std::optional<std::vector<FieldError>> fieldErrors;  ///< for bad input: every field named
};

/// The one mapping of errors to HTTP: what to answer to `error`, with the headers some errors add to
/// `response` (Retry-After, Allow, …). Anything that is not a domain error is logged and is a 500.
ProblemAnswer describeProblem(Poco::Net::HTTPServerResponse& response, const std::string& instance,
                              std::exception_ptr error);

/// Writes `error` as application/problem+json (RFC 9457)
/// with a stable `type`, a `detail` safe for Persian text and, for validation, per-field `errors`.
/// Anything that is not a domain error is logged and answered 500 without internals.
void sendProblem(Poco::Net::HTTPServerResponse& response, const std::string& instance,
                 std::exception_ptr error);

class RequestRejected;

/// The whole HTTP/1.1 answer to a request refused at its connection before any handler ran (status
/// line, headers with Connection: close, problem+json body), as the bytes to write to the socket.
std::string rejectionResponse(const RequestRejected& rejection);

}  // namespace lacuna
