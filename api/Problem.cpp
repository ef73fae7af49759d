#include "Problem.h"

#include <Poco/Logger.h>

#include <optional>
#include <utility>
#include <vector>

#include "Errors.h"
#include "HttpErrors.h"
#include "JsonWriter.h"

namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

const std::string TYPE_PREFIX = "urn:lacuna:problem:";

template <typename E>
bool is(const DomainError& e) {
    return dynamic_cast<const E*>(&e) != nullptr;
}

/// The domain errors whose answer is their kind and their own message, nothing more.
const std::vector<std::pair<bool (*)(const DomainError&), ProblemKind>>& plainKinds() {
    static const std::vector<std::pair<bool (*)(const DomainError&), ProblemKind>> KINDS = {
        {is<NotFound>, {HTTPResponse::HTTP_NOT_FOUND, "not-found", "Not found"}},
        {is<Forbidden>, {HTTPResponse::HTTP_FORBIDDEN, "forbidden", "Not permitted"}},
        {is<VersionConflict>,
         {HTTPResponse::HTTP_CONFLICT, "version-conflict", "The record changed since it was read"}},
        {is<StateConflict>,
         {HTTPResponse::HTTP_CONFLICT, "state-conflict", "Not possible in the current state"}},
        {is<AlreadyExists>, {HTTPResponse::HTTP_CONFLICT, "already-exists", "Already exists"}},
        {is<PreconditionRequired>,
         {HTTPResponse::HTTP_PRECONDITION_REQUIRED, "precondition-required", "The version read is required"}},
        {is<UnsupportedMediaType>,
         {HTTPResponse::HTTP_UNSUPPORTEDMEDIATYPE, "unsupported-media-type", "The body must be JSON"}},
    };
    return KINDS;
}

ProblemKind rejectionKind(int status) {
    switch (status) {
        case HTTPResponse::HTTP_REQUEST_TIMEOUT:
            return {HTTPResponse::HTTP_REQUEST_TIMEOUT, "request-timeout",
                    "The request did not arrive in time"};
        case HTTPResponse::HTTP_REQUEST_URI_TOO_LONG:
            return {HTTPResponse::HTTP_REQUEST_URI_TOO_LONG, "uri-too-long",
                    "The request target is too long"};
        case HTTPResponse::HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE:
            return {HTTPResponse::HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE, "header-too-large",
                    "The request header is too large"};
        case HTTPResponse::HTTP_TOO_MANY_REQUESTS:
            return {HTTPResponse::HTTP_TOO_MANY_REQUESTS, "too-many-connections",
                    "Too many connections from this address"};
        case HTTPResponse::HTTP_VERSION_NOT_SUPPORTED:
            return {HTTPResponse::HTTP_VERSION_NOT_SUPPORTED, "version-not-supported",
                    "Only HTTP/1.0 and HTTP/1.1 are spoken here"};
        case HTTPResponse::HTTP_SERVICE_UNAVAILABLE:
            return {HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "overloaded", "The service is busy"};
        default:
            return {HTTPResponse::HTTP_BAD_REQUEST, "bad-request", "The request cannot be read"};
    }
}

ProblemAnswer rejectionAnswer(const RequestRejected& r) {
    return {rejectionKind(r.status()), r.message(),
            std::vector<FieldError>{{r.field(), rejectionKind(r.status()).type, r.message()}}};
}

/// The problem+json body; `requestId` ("" when none) lets a person quote the request to whoever reads the
/// logs.
std::string problemJson(const ProblemAnswer& answer, const std::string& instance,
                        const std::string& requestId) {
    JsonWriter body;
    body.beginObject()
        .field("type", TYPE_PREFIX + answer.kind.type)
        .field("title", answer.kind.title)
        .field("status", static_cast<int>(answer.kind.status))
        .field("detail", answer.detail)
        .field("instance", instance);
    if (!requestId.empty()) body.field("request_id", requestId);
    if (answer.fieldErrors) {
        body.key("errors").beginArray();
        for (const FieldError& f : *answer.fieldErrors)
            body.beginObject()
                .field("field", f.field)
                .field("code", f.code)
                .field("detail", f.detail)
                .endObject();
        body.endArray();
    }
    body.endObject();
    return body.str();
}

/// The answer to a domain error, with the headers some of them add to `response`.
ProblemAnswer answerDomainError(Poco::Net::HTTPServerResponse& response, const DomainError& e) {
    if (const auto* v = dynamic_cast<const ValidationError*>(&e)) {
        const bool rule = v->kind() == ValidationError::Kind::RuleViolation;
        return {
            rule ? ProblemKind{HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "rule-violation", "A rule is not met"}
                 : ProblemKind{HTTPResponse::HTTP_BAD_REQUEST, "validation", "The request is not valid"},
            e.message(), v->fields()};
    }
    if (const auto* t = dynamic_cast<const TooManyRequests*>(&e)) {
        response.set("Retry-After", std::to_string(t->retryAfterSeconds()));
        return {{HTTPResponse::HTTP_TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"},
                e.message(),
                {}};
    }
    if (is<Unauthorized>(e)) {
        response.set("WWW-Authenticate", "Bearer realm=\"lacuna\"");
        return {
            {HTTPResponse::HTTP_UNAUTHORIZED, "unauthorized", "Authentication required"}, e.message(), {}};
    }
    if (is<PayloadTooLarge>(e)) {
        response.setKeepAlive(false);  // the rest of the body was not read
        return {{HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "The body is too large"},
                e.message(),
                {}};
    }
    if (const auto* f = dynamic_cast<const BadFraming*>(&e)) {
        response.setKeepAlive(false);  // where this body ends, and the next request begins, is unknown
        return {f->notImplemented()
                    ? ProblemKind{HTTPResponse::HTTP_NOT_IMPLEMENTED, "not-implemented", "Not implemented"}
                    : ProblemKind{HTTPResponse::HTTP_BAD_REQUEST, "bad-framing",
                                  "The request is not framed clearly"},
                e.message(),
                std::vector<FieldError>{
                    {f->header(), f->notImplemented() ? "unsupported" : "framing", e.message()}}};
    }
    if (const auto* r = dynamic_cast<const RequestRejected*>(&e)) {
        response.setKeepAlive(false);
        if (r->retryAfterSeconds() > 0) response.set("Retry-After", std::to_string(r->retryAfterSeconds()));
        return rejectionAnswer(*r);
    }
    if (is<MethodNotAllowed>(e)) {
        response.set("Allow", e.message());
        return {{HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"},
                "allowed: " + e.message(),
                {}};
    }
    if (is<StoreUnavailable>(e)) {
        response.set("Retry-After", "1");
        Poco::Logger::get("lacuna").error("store: " + e.displayText());
        return {{HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "store-unavailable", "The store is unavailable"},
                "the store did not answer; nothing was changed, try again",
                {}};
    }
    for (const auto& [matches, kind] : plainKinds())
        if (matches(e)) return {kind, e.message(), {}};
    Poco::Logger::get("lacuna").error("unmapped domain error: " + e.displayText());
    return {};
}

}  // namespace

ProblemAnswer describeProblem(Poco::Net::HTTPServerResponse& response, const std::string& instance,
                              std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const DomainError& e) {
        return answerDomainError(response, e);
    } catch (const std::exception& e) {
        Poco::Logger::get("lacuna").error(instance + ": " + e.what());
    } catch (...) {
        Poco::Logger::get("lacuna").error(instance + ": unknown failure");
    }
    return {};
}

void sendProblem(Poco::Net::HTTPServerResponse& response, const std::string& instance,
                 std::exception_ptr error) {
    const ProblemAnswer answer = describeProblem(response, instance, error);
    const std::string text = problemJson(answer, instance, response.get("X-Request-Id", ""));
    response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    response.setStatusAndReason(answer.kind.status);
    response.setContentType("application/problem+json; charset=utf-8");
    response.set("Cache-Control", "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.setContentLength(static_cast<std::streamsize>(text.size()));
    response.send() << text;
}

std::string rejectionResponse(const RequestRejected& rejection) {
    const ProblemAnswer answer = rejectionAnswer(rejection);
    const std::string body = problemJson(answer, "", "");
    std::string head = "HTTP/1.1 " + std::to_string(static_cast<int>(answer.kind.status)) + " " +
                       HTTPResponse::getReasonForStatus(answer.kind.status) +
                       "\r\nContent-Type: application/problem+json; charset=utf-8\r\n"
                       "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n";
    if (rejection.retryAfterSeconds() > 0)
        head += "Retry-After: " + std::to_string(rejection.retryAfterSeconds()) + "\r\n";
    return head + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace lacuna
