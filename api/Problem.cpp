#include "Problem.h"

#include <Poco/Logger.h>

#include "Errors.h"
#include "HttpErrors.h"
#include "JsonWriter.h"

namespace lacuna {
namespace {

using Poco::Net::HTTPResponse;

struct ProblemKind {
    HTTPResponse::HTTPStatus status;
    const char* type;
    const char* title;
};

const std::string TYPE_PREFIX = "urn:lacuna:problem:";

}  // namespace

void sendProblem(Poco::Net::HTTPServerResponse& response, const std::string& instance,
                 std::exception_ptr error) {
    ProblemKind kind{HTTPResponse::HTTP_INTERNAL_SERVER_ERROR, "internal", "Internal error"};
    std::string detail = "the server failed; the failure was logged";
    std::vector<FieldError> fieldErrors;
    bool validation = false;
    try {
        std::rethrow_exception(error);
    } catch (const ValidationError& e) {
        kind =
            e.kind() == ValidationError::Kind::RuleViolation
                ? ProblemKind{HTTPResponse::HTTP_UNPROCESSABLE_ENTITY, "rule-violation", "A rule is not met"}
                : ProblemKind{HTTPResponse::HTTP_BAD_REQUEST, "validation", "The request is not valid"};
        detail = e.message();
        fieldErrors = e.fields();
        validation = true;
    } catch (const TooManyRequests& e) {
        kind = {HTTPResponse::HTTP_TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"};
        detail = e.message();
        response.set("Retry-After", std::to_string(e.retryAfterSeconds()));
    } catch (const NotFound& e) {
        kind = {HTTPResponse::HTTP_NOT_FOUND, "not-found", "Not found"};
        detail = e.message();
    } catch (const Forbidden& e) {
        kind = {HTTPResponse::HTTP_FORBIDDEN, "forbidden", "Not permitted"};
        detail = e.message();
    } catch (const Unauthorized& e) {
        kind = {HTTPResponse::HTTP_UNAUTHORIZED, "unauthorized", "Authentication required"};
        detail = e.message();
        response.set("WWW-Authenticate", "Bearer realm=\"lacuna\"");
    } catch (const VersionConflict& e) {
        kind = {HTTPResponse::HTTP_CONFLICT, "version-conflict", "The record changed since it was read"};
        detail = e.message();
    } catch (const StateConflict& e) {
        kind = {HTTPResponse::HTTP_CONFLICT, "state-conflict", "Not possible in the current state"};
        detail = e.message();
    } catch (const AlreadyExists& e) {
        kind = {HTTPResponse::HTTP_CONFLICT, "already-exists", "Already exists"};
        detail = e.message();
    } catch (const PreconditionRequired& e) {
        kind = {HTTPResponse::HTTP_PRECONDITION_REQUIRED, "precondition-required",
                "The version read is required"};
        detail = e.message();
    } catch (const PayloadTooLarge& e) {
        kind = {HTTPResponse::HTTP_REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "The body is too large"};
        detail = e.message();
        response.setKeepAlive(false);  // the rest of the body was not read
    } catch (const UnsupportedMediaType& e) {
        kind = {HTTPResponse::HTTP_UNSUPPORTEDMEDIATYPE, "unsupported-media-type", "The body must be JSON"};
        detail = e.message();
    } catch (const MethodNotAllowed& e) {
        kind = {HTTPResponse::HTTP_METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"};
        detail = "allowed: " + e.message();
        response.set("Allow", e.message());
    } catch (const StoreUnavailable& e) {
        kind = {HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "store-unavailable", "The store is unavailable"};
        detail = "the store did not answer; nothing was changed, try again";
        response.set("Retry-After", "1");
        Poco::Logger::get("lacuna").error("store: " + e.displayText());
    } catch (const std::exception& e) {
        Poco::Logger::get("lacuna").error(instance + ": " + e.what());
    } catch (...) {
        Poco::Logger::get("lacuna").error(instance + ": unknown failure");
    }
    JsonWriter body;
    body.beginObject()
        .field("type", TYPE_PREFIX + kind.type)
        .field("title", kind.title)
        .field("status", static_cast<int>(kind.status))
        .field("detail", detail)
        .field("instance", instance);
    if (validation) {
        body.key("errors").beginArray();
        for (const FieldError& f : fieldErrors)
            body.beginObject()
                .field("field", f.field)
                .field("code", f.code)
                .field("detail", f.detail)
                .endObject();
        body.endArray();
    }
    body.endObject();
    response.setStatus(kind.status);
    response.setContentType("application/problem+json; charset=utf-8");
    response.set("Cache-Control", "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    const std::string& text = body.str();
    response.setContentLength(static_cast<std::streamsize>(text.size()));
    response.send() << text;
}

}  // namespace lacuna
