// The workers of HttpFront: each runs one request whose header has arrived whole, then gives the
// connection back to the gate.
#include <Poco/Buffer.h>
#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>

#include "FrontConnection.h"
#include "FrontRequest.h"
#include "HttpErrors.h"
#include "HttpFront.h"
#include "Problem.h"

namespace lacuna {

namespace {

using Poco::Net::HTTPResponse;

constexpr int MAX_REQUESTS_PER_CONNECTION = 1000;
/// How long a worker that has answered waits for the same connection's next request, when no request
/// waits for a worker, before giving the connection back to the gate: a client that sends its next
/// request as soon as it has the answer is then served without two hand-offs between threads.
constexpr int KEEP_ALIVE_WAIT_MS = 2;
/// How much of a body its handler did not read is read and dropped to keep the connection.
constexpr std::streamsize MAX_DRAIN = 64 * 1024;

/// The answer to a header Poco's parser refused, by what it names.
RequestRejected headerRefusal(const Poco::Exception& e) {
    const std::string& what = e.message();
    if (what.find("URI") != std::string::npos)
        return {HTTPResponse::HTTP_REQUEST_URI_TOO_LONG, "target",
                "the request target is malformed or longer than the server reads"};
    if (what.find("field") != std::string::npos || what.find("Field") != std::string::npos)
        return {HTTPResponse::HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE, "header",
                "a header field is too long, or there are too many: " + what};
    return {HTTPResponse::HTTP_BAD_REQUEST, "header", "the request header cannot be read: " + what};
}

/// Whether the request's body has been read to its end, reading (and dropping) up to MAX_DRAIN
/// bytes the handler left: a body left unread would be taken for the next request.
bool bodyFinished(Poco::Net::HTTPServerRequest& request) {
    if (!request.hasContentLength() && !request.getChunkedTransferEncoding()) return true;
    std::istream& body = request.stream();
    try {
        if (body.eof()) return !body.bad();  // the handler read it to its end
        if (!body.good()) return false;
        body.ignore(MAX_DRAIN);
        return body.eof() && !body.bad();
    } catch (const std::exception&) {
        return false;  // a malformed chunk, a body that did not come in time: close
    }
}

}  // namespace

void HttpFront::work() {
    for (;;) {
        Connection c;
        {
            std::unique_lock lock(_mutex);
            _ready.wait(lock, [this] { return !_queue.empty() || _gateStopped; });
            if (_queue.empty()) return;
            c = std::move(_queue.front());
            _queue.pop_front();
            ++_busy;
        }
        serve(std::move(c));
        std::lock_guard lock(_mutex);
        --_busy;
    }
}

void HttpFront::serve(Connection c) {
    for (;;) {
        const bool keepAlive = serveRequest(*c);
        const auto now = SteadyClock::now();
        if (!keepAlive || _stopping) {
            c->closeGently(now);
            break;
        }
        c->deadline = now + std::chrono::seconds(c->buffer.empty() ? _config.keepAliveSeconds
                                                                   : _config.headerTimeoutSeconds);
        if (!nextRequestHere(*c)) break;
        c->primeForWorker(_config);
    }
    giveBack(std::move(c));  // the connection stays open: the gate waits on it or closes it
}

bool HttpFront::serveRequest(FrontConnection& c) {
    bool keepAlive = false;
    Poco::Buffer<char> unread(0);
    FrontSession session(c.socket, _params);
    try {
        keepAlive = serveOne(session, c);
    } catch (const std::exception&) {
        keepAlive = false;  // the connection failed while answering: nothing more can be said
    }
    if (keepAlive) session.drainBuffer(unread);  // bytes of the next request, read already
    (void)session.detachSocket();
    c.buffer.assign(unread.begin(), unread.size());
    c.scanned = 0;
    return keepAlive;
}

bool HttpFront::nextRequestHere(FrontConnection& c) {
    if (headerEnd(c.buffer, 0) != std::string::npos) return true;  // sent before the answer was read
    if (c.buffer.size() >= _config.maxHeaderBytes) return false;
    {
        std::lock_guard lock(_mutex);
        if (!_queue.empty()) return false;  // others wait for a worker: the gate waits for this one
    }
    pollfd ready{c.fd(), POLLIN, 0};
    if (::poll(&ready, 1, KEEP_ALIVE_WAIT_MS) <= 0) return false;
    char chunk[16384];
    const ssize_t n = ::recv(
        c.fd(), chunk, std::min(sizeof chunk, _config.maxHeaderBytes + 1 - c.buffer.size()), MSG_DONTWAIT);
    if (n <= 0) return false;  // closed, or failed: the gate sees it too and closes
    c.buffer.append(chunk, static_cast<std::size_t>(n));
    return headerEnd(c.buffer, 0) != std::string::npos;
}

bool HttpFront::serveOne(FrontSession& session, FrontConnection& c) {
    Poco::Net::HTTPServerResponseImpl response(session);
    try {
        FrontRequest request(response, session, _params, _config.maxBodyBytes);
        response.setDate(Poco::Timestamp());
        response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
        const std::string& version = request.getVersion();
        if (version.size() != 8 || version.rfind("HTTP/1.", 0) != 0 ||
            !std::isdigit(static_cast<unsigned char>(version[7])))
            throw RequestRejected(HTTPResponse::HTTP_VERSION_NOT_SUPPORTED, "version",
                                  "only HTTP/1.0 and HTTP/1.1 are spoken here, not " + version);
        ++c.served;
        response.setKeepAlive(request.getKeepAlive() && c.served < MAX_REQUESTS_PER_CONNECTION);
        response.set("Server", "lacuna");
        const std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(_factory->createRequestHandler(request));
        if (request.getExpectContinue() && response.getStatus() == HTTPResponse::HTTP_OK)
            response.sendContinue();
        handler->handleRequest(request, response);
        return response.getKeepAlive() && bodyFinished(request);
    } catch (const RequestRejected& e) {
        if (!response.sent()) sendProblem(response, "", std::current_exception());
    } catch (const Poco::Net::MessageException& e) {
        if (!response.sent()) sendProblem(response, "", std::make_exception_ptr(headerRefusal(e)));
    } catch (const Poco::SyntaxException&) {  // the one number the request's reader parses
        if (!response.sent())
            sendProblem(
                response, "",
                std::make_exception_ptr(RequestRejected(HTTPResponse::HTTP_BAD_REQUEST, "Content-Length",
                                                        "Content-Length must be one whole number")));
    }
    countRejection(static_cast<int>(response.getStatus()));
    return false;
}

void HttpFront::giveBack(Connection c) {
    {
        std::lock_guard lock(_mutex);
        _returned.push_back(std::move(c));
    }
    wake();
}

}  // namespace lacuna
