#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/IPAddress.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "HeldReads.h"
#include "JsonReader.h"
#include "JsonWriter.h"
#include "QueryParams.h"
#include "User.h"

namespace lacuna {

class AuthService;

/// One request and its response, as a handler sees them: path parameters, the strict JSON body,
/// the query, the caller, and ways to answer.
class Exchange {
public:
    /// `trustedProxies`: peers whose X-Forwarded-For is believed (the service's load balancers).
    Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
             AuthService& auth, std::size_t maxBodyBytes, const JsonLimits& jsonLimits,
             const std::vector<Poco::Net::IPAddress>& trustedProxies);

    Poco::Net::HTTPServerRequest& request() { return _request; }
    Poco::Net::HTTPServerResponse& response() { return _response; }
    std::string path() const;
    /// Throws BadFraming unless where the body ends is clear: one Content-Length of digits, or
    /// Transfer-Encoding chunked alone (HTTP/1.1, without Content-Length), and one Host on HTTP/1.1.
    /// Runs before anything reads the body.
    void checkFraming() const;
    /// The client's address: the TCP peer, or, when the peer is a trusted proxy, the right-most
    /// X-Forwarded-For entry that is not itself a trusted proxy (what the client cannot forge).
    std::string clientAddress() const;

    void setParams(std::map<std::string, std::string> params) { _params = std::move(params); }
    /// The id this request goes by (X-Request-Id); the caller's Principal carries it into audit events.
    void setRequestId(std::string id) { _requestId = std::move(id); }
    const std::string& requestId() const { return _requestId; }
    /// The request's reads held in one snapshot (Store::holdReads), let go before the answer is sent: a
    /// slow reader of a large answer must not keep a store connection.
    void holdReads(std::unique_ptr<HeldReads> reads) { _heldReads = std::move(reads); }
    /// The caller once authenticated; none before, or for an anonymous request.
    std::optional<std::int64_t> userId() const {
        return _principal ? std::optional<std::int64_t>(_principal->userId) : std::nullopt;
    }
    /// A positive numeric path parameter; anything else names no record, so NotFound.
    std::int64_t idParam(const std::string& name) const;
    /// A path parameter as text (percent-decoded UTF-8; NotFound when it is not).
    std::string textParam(const std::string& name) const;

    /// The query parameters; throws ValidationError for one not in `allowed` or given twice.
    QueryParams query(std::initializer_list<const char*> allowed) const;

    /// The request body as a JSON object (ValidationError, UnsupportedMediaType, PayloadTooLarge).
    Poco::JSON::Object::Ptr jsonObject();
    /// The body of a submitted HTML form (application/x-www-form-urlencoded), undecoded; the same
    /// limits as a JSON body (UnsupportedMediaType for another type, PayloadTooLarge).
    std::string formBody();
    /// The User-Agent header as the client sent it, empty when there is none.
    std::string userAgent() const { return _request.get("User-Agent", ""); }
    /// The bearer token of the Authorization header, empty when there is none.
    std::string bearerToken() const;
    /// The authenticated caller (Unauthorized otherwise).
    const Principal& principal();
    /// Makes the holder of session `token` (a page's cookie) the caller; Unauthorized when the token
    /// names no live session.
    const Principal& authenticateWith(const std::string& token);
    /// The version the client read: If-Match (an ETag) or `expected_version` in the body.
    /// Throws PreconditionRequired when neither is given, ValidationError when they disagree or the
    /// version is below `minimum` (0 where "none yet" is a version, as for a gap's first draft).
    std::int64_t expectedVersion(const Poco::JSON::Object::Ptr& body, std::int64_t minimum = 1);

    /// Whether the client prefers a minimal answer: `return=minimal` in its Prefer header (RFC 7240).
    bool prefersMinimal() const;
    /// Says in Preference-Applied that the answer honours `preference` (e.g. "return=minimal").
    void preferenceApplied(const std::string& preference);

    void sendJson(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& body);
    /// Answers with the JSON `write` produces.
    void reply(Poco::Net::HTTPResponse::HTTPStatus status, const std::function<void(JsonWriter&)>& write);
    /// Answers with one record: its version becomes the ETag; `location` (a new record's address) the
    /// Location header.
    void replyRecord(Poco::Net::HTTPResponse::HTTPStatus status, std::int64_t version,
                     const std::function<void(JsonWriter&)>& write, const std::string& location = "");
    /// Answers 200 with {"items": [...]}, each value written by `write(out, value)`.
    template <typename Values, typename Write>
    void replyItems(const Values& values, const Write& write) {
        reply(Poco::Net::HTTPResponse::HTTP_OK, [&](JsonWriter& out) {
            out.beginObject().key("items").beginArray();
            for (const auto& v : values) write(out, v);
            out.endArray().endObject();
        });
    }
    void sendNoContent();
    /// `error` as problem+json (see sendProblem), unless an answer was sent already.
    void sendProblem(const std::string& instance, std::exception_ptr error);
    /// A page for people (diffs, minutes): text/html, right-to-left, no scripts.
    void sendHtml(const std::string& html);
    /// Answers `status` with `body` as it is: `contentType`, `cacheControl`, and nosniff. A body
    /// already compressed says so in `contentEncoding`.
    void send(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& contentType,
              const std::string& body, const std::string& cacheControl,
              const std::string& contentEncoding = "");
    /// Whether the client asked for HTML: `format=html` in `query` (which must allow it), or an
    /// Accept header naming text/html and not application/json.
    bool wantsHtml(const QueryParams& query) const;

private:
    std::string readBody();
    /// What every answer does first: lets the held reads go and sets Server-Timing.
    void beginAnswer();

    Poco::Net::HTTPServerRequest& _request;
    Poco::Net::HTTPServerResponse& _response;
    AuthService& _auth;
    std::size_t _maxBodyBytes;
    JsonLimits _jsonLimits;
    const std::vector<Poco::Net::IPAddress>& _trustedProxies;
    std::map<std::string, std::string> _params;
    std::optional<Principal> _principal;
    std::string _requestId;
    std::unique_ptr<HeldReads> _heldReads;
    std::chrono::steady_clock::time_point _started = std::chrono::steady_clock::now();
};

/// A handler answers one route.
using Handler = std::function<void(Exchange&)>;

/// The route table: (method, path pattern with `{name}` segments) → handler.
class Router {
public:
    void add(const std::string& method, const std::string& pattern, Handler handler);
    struct Route {
        std::string method;
        std::string pattern;  ///< as added: /api/v1/gaps/{id}
        std::vector<std::string> segments;
        Handler handler;
    };

    /// Finds the route and fills the path parameters; throws NotFound for an unknown path and
    /// MethodNotAllowed (with the allowed methods) for a known path with another method.
    const Route& match(const std::string& method, const std::string& path,
                       std::map<std::string, std::string>& params) const;
    /// Every route, in the order added.
    const std::vector<Route>& routes() const { return _routes; }

private:
    std::vector<Route> _routes;
};

/// Whether a Content-Type names JSON as the service reads it: application/json (or
/// application/merge-patch+json) with no parameter but charset=utf-8.
bool isJsonMediaType(const std::string& contentType);

/// `"<version>"`, the ETag of a record at that version.
std::string etagFor(std::int64_t version);

}  // namespace lacuna
