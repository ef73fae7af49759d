#include "Exchange.h"

#include <Poco/NumberFormatter.h>
#include <Poco/NumberParser.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

#include <algorithm>
#include <istream>

#include "AuthService.h"
#include "Errors.h"
#include "HttpErrors.h"
#include "JsonMembers.h"
#include "PersianText.h"
#include "Prefer.h"
#include "Problem.h"

namespace lacuna {

namespace {

constexpr std::size_t DRAIN_FACTOR = 8;

/// Every value of the header `name` (names compare without case), in the order sent.
std::vector<std::string> headerValues(const Poco::Net::HTTPRequest& request, const std::string& name) {
    std::vector<std::string> values;
    for (const auto& [header, value] : request)
        if (Poco::icompare(header, name) == 0) values.push_back(Poco::trim(value));
    return values;
}

/// The transfer codings of every Transfer-Encoding value, in order.
std::vector<std::string> transferCodings(const std::vector<std::string>& values) {
    std::vector<std::string> codings;
    for (const std::string& value : values)
        for (const std::string& coding : Poco::StringTokenizer(
                 value, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY))
            codings.push_back(Poco::toLower(coding));
    return codings;
}

std::vector<std::string> splitPath(const std::string& path) {
    std::vector<std::string> out;
    const Poco::StringTokenizer parts(path, "/", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    out.assign(parts.begin(), parts.end());
    return out;
}

/// A whole number written in digits alone (no sign, no spaces) that fits an Int64.
bool parseWholeNumber(const std::string& text, std::int64_t& number) {
    Poco::Int64 v = 0;
    if (!Poco::NumberParser::tryParse64(text, v) || v < 0 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        return false;
    number = v;
    return true;
}

}  // namespace

std::string etagFor(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

Exchange::Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                   AuthService& auth, std::size_t maxBodyBytes, const JsonLimits& jsonLimits,
                   const std::vector<Poco::Net::IPAddress>& trustedProxies)
    : _request(request),
      _response(response),
      _auth(auth),
      _maxBodyBytes(maxBodyBytes),
      _jsonLimits(jsonLimits),
      _trustedProxies(trustedProxies) {}

std::string Exchange::path() const {
    try {
        return Poco::URI(_request.getURI()).getPath();
    } catch (const Poco::SyntaxException&) {
        throw ValidationError("the request target is malformed", {{"path", "malformed", "a bad %-escape"}});
    }
}

std::string Exchange::clientAddress() const {
    const Poco::Net::IPAddress peer = _request.clientAddress().host();
    const auto trusted = [&](const Poco::Net::IPAddress& a) {
        return std::find(_trustedProxies.begin(), _trustedProxies.end(), a) != _trustedProxies.end();
    };
    if (!trusted(peer) || !_request.has("X-Forwarded-For")) return peer.toString();
    const Poco::StringTokenizer hops(
        _request.get("X-Forwarded-For"), ",",
        Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (auto hop = hops.end(); hop != hops.begin();) {
        --hop;
        Poco::Net::IPAddress address;
        if (!Poco::Net::IPAddress::tryParse(*hop, address)) break;  // garbage: trust only the peer
        if (!trusted(address)) return address.toString();
    }
    return peer.toString();
}

bool isJsonMediaType(const std::string& contentType) {
    // application/json or application/merge-patch+json, with no parameter but charset=utf-8.
    const Poco::StringTokenizer parts(
        Poco::toLower(contentType), ";",
        Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    if (parts.count() == 0 || (parts[0] != "application/json" && parts[0] != "application/merge-patch+json"))
        return false;
    for (std::size_t i = 1; i < parts.count(); ++i) {
        std::string parameter = parts[i];
        std::erase(parameter, ' ');
        std::erase(parameter, '"');
        if (parameter != "charset=utf-8") return false;
    }
    return true;
}

std::string Exchange::textParam(const std::string& name) const {
    const std::string& text = _params.at(name);
    if (!isValidUtf8(text) || text.size() > 1000) throw NotFound("no record with that name");
    return text;
}

std::int64_t Exchange::idParam(const std::string& name) const {
    const std::string& text = _params.at(name);
    Poco::Int64 id = 0;
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos ||
        !Poco::NumberParser::tryParse64(text, id) || id < 1)
        throw NotFound("no record '" + text + "'");
    return id;
}

QueryParams Exchange::query(std::initializer_list<const char*> allowed) const {
    std::map<std::string, std::string> out;
    FieldErrors errors;
    Poco::URI::QueryParameters params;
    try {
        params = Poco::URI(_request.getURI()).getQueryParameters();
    } catch (const Poco::Exception&) {
        throw ValidationError("the query string is malformed", {{"query", "malformed", "cannot be decoded"}});
    }
    for (const auto& [key, value] : params) {
        if (!namedIn(key, allowed))
            errors.add(key, "unknown", "unknown query parameter");
        else if (!out.emplace(key, value).second)
            errors.add(key, "duplicate", "given more than once");
    }
    errors.throwIfAny("the query is not valid");
    return QueryParams(std::move(out));
}

std::string Exchange::readBody() {
    // Without Content-Length or chunks, a request has no body (RFC 9112 6.3): reading "until the
    // connection closes" would hold a worker for as long as the client likes.
    if (!_request.hasContentLength() && !_request.getChunkedTransferEncoding()) return "";
    std::istream& in = _request.stream();
    in.exceptions(std::ios::badbit);  // a failed read throws what failed, instead of a short body
    char buffer[8192];
    const auto readTo = [&](const auto& take) {
        try {
            while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
                take(static_cast<std::size_t>(in.gcount()));
        } catch (const Poco::IOException& e) {
            throwBodyFailure(e);
        } catch (const Poco::TimeoutException& e) {
            throwBodyFailure(e);
        }
    };
    const std::string tooLarge = "the body is larger than " + std::to_string(_maxBodyBytes) + " bytes";
    if (_request.hasContentLength() &&
        _request.getContentLength64() > static_cast<Poco::Int64>(_maxBodyBytes)) {
        // Read a moderately oversized body to its end, so the client, still sending, gets the 413
        // instead of a reset connection; a much larger one is cut off (the connection then closes).
        if (_request.getContentLength64() <= static_cast<Poco::Int64>(DRAIN_FACTOR * _maxBodyBytes))
            readTo([](std::size_t) {});
        throw PayloadTooLarge(tooLarge);
    }
    std::string body;
    readTo([&](std::size_t n) {
        body.append(buffer, n);
        if (body.size() > _maxBodyBytes) throw PayloadTooLarge(tooLarge);
    });
    if (_request.hasContentLength() && static_cast<Poco::Int64>(body.size()) < _request.getContentLength64())
        throw RequestRejected(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST, "Content-Length",
                              "the body ended before the length its Content-Length announced");
    return body;
}

Poco::JSON::Object::Ptr Exchange::jsonObject() {
    const std::string type = Poco::toLower(_request.getContentType());
    const std::string body = readBody();
    if (body.empty())
        throw ValidationError("the body is empty", {{"body", "required", "a JSON object is expected"}});
    if (!isJsonMediaType(type)) throw UnsupportedMediaType("send the body as application/json (UTF-8)");
    const Poco::Dynamic::Var value = readJson(body, _jsonLimits);
    if (value.type() != typeid(Poco::JSON::Object::Ptr))
        throw ValidationError("the body is not a JSON object",
                              {{"body", "type", "a JSON object is expected"}});
    return value.extract<Poco::JSON::Object::Ptr>();
}

void Exchange::checkFraming() const {
    const std::vector<std::string> lengths = headerValues(_request, "Content-Length");
    const std::vector<std::string> encodings = headerValues(_request, "Transfer-Encoding");
    const bool http11 = _request.getVersion() == Poco::Net::HTTPMessage::HTTP_1_1;
    if (lengths.size() > 1) throw BadFraming("Content-Length", "Content-Length is sent more than once");
    std::int64_t length = 0;
    if (!lengths.empty() && !parseWholeNumber(lengths[0], length))
        throw BadFraming("Content-Length", "Content-Length must be a whole number of bytes");
    if (!encodings.empty()) {
        if (!lengths.empty())
            throw BadFraming("Transfer-Encoding", "send Content-Length or Transfer-Encoding, not both");
        if (!http11) throw BadFraming("Transfer-Encoding", "transfer codings need HTTP/1.1");
        const std::vector<std::string> codings = transferCodings(encodings);
        if (codings.empty() || codings.back() != "chunked" ||
            std::count(codings.begin(), codings.end(), "chunked") > 1)
            throw BadFraming("Transfer-Encoding", "chunked must be the last transfer coding, and only once");
        if (codings.size() > 1)
            throw BadFraming("Transfer-Encoding", "only the chunked transfer coding is implemented", true);
    }
    const std::size_t hosts = headerValues(_request, "Host").size();
    if (http11 && hosts != 1)
        throw BadFraming(
            "Host", hosts == 0 ? "an HTTP/1.1 request must name its Host" : "Host is sent more than once");
}

std::string Exchange::bearerToken() const {
    const std::string header = _request.get("Authorization", "");
    if (header.size() < 7 || Poco::icompare(header.substr(0, 7), "Bearer ") != 0) return "";
    return Poco::trim(header.substr(7));
}

const Principal& Exchange::principal() {
    if (!_principal) authenticateWith(bearerToken());
    return *_principal;
}

const Principal& Exchange::authenticateWith(const std::string& token) {
    _principal = _auth.authenticate(token, clientAddress());
    _principal->requestId = _requestId;
    return *_principal;
}

std::string Exchange::formBody() {
    const std::string type = Poco::toLower(_request.getContentType());
    const std::string body = readBody();
    const std::string form = "application/x-www-form-urlencoded";
    if (type.compare(0, form.size(), form) != 0 || (type.size() > form.size() && type[form.size()] != ';'))
        throw UnsupportedMediaType("send the form as application/x-www-form-urlencoded");
    return body;
}

std::int64_t Exchange::expectedVersion(const Poco::JSON::Object::Ptr& body, std::int64_t minimum) {
    std::optional<std::int64_t> fromHeader, fromBody;
    if (_request.has("If-Match")) {
        std::string tag = Poco::trim(_request.get("If-Match"));
        if (tag.rfind("W/", 0) == 0) tag = tag.substr(2);
        std::int64_t v = 0;
        if (tag.size() < 3 || tag.front() != '"' || tag.back() != '"' ||
            !parseWholeNumber(tag.substr(1, tag.size() - 2), v) || v < minimum)
            throw ValidationError(
                "If-Match is not valid",
                {{"If-Match", "invalid", "give the ETag of the record as read, e.g. \"3\""}});
        fromHeader = v;
    }
    if (body && body->has("expected_version")) {
        const Poco::Dynamic::Var v = body->get("expected_version");
        if (v.type() != typeid(Poco::Int64) || v.extract<Poco::Int64>() < minimum)
            throw ValidationError("expected_version is not valid",
                                  {{"expected_version", "type",
                                    minimum > 0 ? "a positive whole number" : "a whole number, 0 or more"}});
        fromBody = v.extract<Poco::Int64>();
    }
    if (fromHeader && fromBody && *fromHeader != *fromBody)
        throw ValidationError("If-Match and expected_version disagree",
                              {{"expected_version", "mismatch", "differs from If-Match"}});
    if (fromHeader) return *fromHeader;
    if (fromBody) return *fromBody;
    throw PreconditionRequired("send the version you read as If-Match or expected_version");
}

bool Exchange::prefersMinimal() const {
    std::vector<std::string> fields;
    for (auto it = _request.find("Prefer"); it != _request.end() && Poco::icompare(it->first, "Prefer") == 0;
         ++it)
        fields.push_back(it->second);
    const std::optional<std::string> wanted = preferenceIn(fields, "return");
    return wanted && Poco::icompare(*wanted, "minimal") == 0;
}

void Exchange::preferenceApplied(const std::string& preference) {
    _response.set("Preference-Applied", preference);
}

void Exchange::sendJson(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& text) {
    send(status, "application/json; charset=utf-8", text, "no-store");
}

void Exchange::reply(Poco::Net::HTTPResponse::HTTPStatus status,
                     const std::function<void(JsonWriter&)>& write) {
    JsonWriter out;
    write(out);
    sendJson(status, out.str());
}

void Exchange::replyRecord(Poco::Net::HTTPResponse::HTTPStatus status, std::int64_t version,
                           const std::function<void(JsonWriter&)>& write, const std::string& location) {
    _response.set("ETag", etagFor(version));
    if (!location.empty()) _response.set("Location", location);
    reply(status, write);
}

void Exchange::sendHtml(const std::string& html) {
    // Text a person wrote is escaped, and the page may run no script of any origin.
    _response.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
    send(Poco::Net::HTTPResponse::HTTP_OK, "text/html; charset=utf-8", html, "no-store");
}

bool Exchange::wantsHtml(const QueryParams& query) const {
    if (const auto format = query.text("format")) {
        if (*format == "html") return true;
        if (*format == "json") return false;
        throw ValidationError("unknown format", {{"format", "unknown", "html or json"}});
    }
    const std::string accept = _request.get("Accept", "");
    return accept.find("text/html") != std::string::npos &&
           accept.find("application/json") == std::string::npos;
}

void Exchange::send(Poco::Net::HTTPResponse::HTTPStatus status, const std::string& contentType,
                    const std::string& text, const std::string& cacheControl,
                    const std::string& contentEncoding) {
    _response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    _response.setStatusAndReason(status);
    _response.setContentType(contentType);
    _response.set("Cache-Control", cacheControl);
    _response.set("X-Content-Type-Options", "nosniff");
    if (!contentEncoding.empty()) _response.set("Content-Encoding", contentEncoding);
    _response.setContentLength(static_cast<std::streamsize>(text.size()));
    beginAnswer();
    _response.send() << text;
}

void Exchange::sendNoContent() {
    _response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    _response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
    _response.set("Cache-Control", "no-store");
    _response.setContentLength(0);
    beginAnswer();
    _response.send();
}

void Exchange::sendProblem(const std::string& instance, std::exception_ptr error) {
    if (_response.sent()) return;
    beginAnswer();
    lacuna::sendProblem(_response, instance, error);
}

void Exchange::beginAnswer() {
    _heldReads.reset();
    // The time the service spent on the answer, for the browser's developer tools and the benchmarks.
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - _started).count();
    _response.set("Server-Timing", "app;dur=" + Poco::NumberFormatter::format(ms, 2));
}

void Router::add(const std::string& method, const std::string& pattern, Handler handler) {
    _routes.push_back({method, pattern, splitPath(pattern), std::move(handler)});
}

const Router::Route& Router::match(const std::string& method, const std::string& path,
                                   std::map<std::string, std::string>& params) const {
    // HEAD is GET without the body (Poco's response sends only the head to a HEAD request).
    if (method == "HEAD") return match("GET", path, params);
    const std::vector<std::string> segments = splitPath(path);
    std::string allowed;
    for (const Route& route : _routes) {
        if (route.segments.size() != segments.size()) continue;
        std::map<std::string, std::string> found;
        bool same = true;
        for (std::size_t i = 0; same && i < segments.size(); ++i) {
            const std::string& p = route.segments[i];
            if (p.size() > 2 && p.front() == '{' && p.back() == '}')
                found[p.substr(1, p.size() - 2)] = segments[i];
            else
                same = p == segments[i];
        }
        if (!same) continue;
        if (route.method == method) {
            params = std::move(found);
            return route;
        }
        allowed += (allowed.empty() ? "" : ", ") + route.method;
    }
    if (!allowed.empty()) throw MethodNotAllowed(allowed);
    throw NotFound("no resource at " + path);
}

}  // namespace lacuna
