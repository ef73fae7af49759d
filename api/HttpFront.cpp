#include "HttpFront.h"

#include <Poco/Exception.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

#include "FrontConnection.h"
#include "HttpErrors.h"
#include "Problem.h"

namespace lacuna {

namespace {

using Poco::Net::HTTPResponse;

/// Writes as much of `bytes` as the socket takes now; the gate never waits on a client.
void sendNow(int fd, const std::string& bytes) {
    (void)::send(fd, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
}

/// Lets the process keep as many connections open as its hard limit allows (the soft limit is
/// often 1024, fewer than the slow clients the gate is meant to survive).
void raiseOpenFileLimit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        (void)::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

}  // namespace

HttpFront::HttpFront(Poco::Net::HTTPRequestHandlerFactory::Ptr factory, const ServerConfig& config)
    : _factory(std::move(factory)), _config(config), _params(new Poco::Net::HTTPServerParams) {
    _params->setKeepAlive(true);
    _params->setTimeout(Poco::Timespan(config.timeoutSeconds, 0));
    _params->setServerName("lacuna");
    for (const int status : {400, 408, 413, 414, 429, 431, 503, 505}) _rejected[status];
}

HttpFront::~HttpFront() { stop(); }

void HttpFront::start(Poco::Net::ServerSocket listener) {
    raiseOpenFileLimit();
    _listener = std::move(listener);
    _listener.setBlocking(false);
    _port = _listener.address().port();
    if (::pipe2(_wake, O_CLOEXEC | O_NONBLOCK) != 0) throw Poco::IOException("cannot create the gate's pipe");
    _stopping = false;
    _gateStopped = false;
    for (int i = 0; i < _config.threads; ++i) _workers.emplace_back([this] { work(); });
    _gate = std::thread([this] { gate(); });
}

void HttpFront::stop() {
    if (!_gate.joinable()) return;
    _stopping = true;
    wake();
    _gate.join();  // the gate closes the listener and every connection it watches
    {
        std::lock_guard lock(_mutex);
        _gateStopped = true;
    }
    _ready.notify_all();
    for (std::thread& w : _workers) w.join();  // they finish the requests queued first
    _workers.clear();
    std::vector<Connection> returned;
    {
        std::lock_guard lock(_mutex);
        returned.swap(_returned);
    }
    returned.clear();
    ::close(_wake[0]);
    ::close(_wake[1]);
    _wake[0] = _wake[1] = -1;
}

void HttpFront::wake() {
    const char byte = 1;
    (void)::write(_wake[1], &byte, 1);
}

void HttpFront::gate() {
    std::vector<Connection> watched;
    std::vector<pollfd> fds;
    auto acceptPausedUntil = SteadyClock::time_point::min();
    while (!_stopping) {
        std::vector<Connection> back;
        {
            std::lock_guard lock(_mutex);
            back.swap(_returned);
        }
        for (Connection& c : back)
            if (c->lingering || examine(c)) watched.push_back(std::move(c));

        const bool accepting = SteadyClock::now() >= acceptPausedUntil;
        fds.assign({{_wake[0], POLLIN, 0},
                    {accepting ? static_cast<int>(_listener.impl()->sockfd()) : -1, POLLIN, 0}});
        auto next = SteadyClock::now() + std::chrono::seconds(1);
        if (!accepting) next = std::min(next, acceptPausedUntil);
        for (const Connection& c : watched) {
            fds.push_back({c->fd(), POLLIN, 0});
            next = std::min(next, c->deadline);
        }
        const auto wait = std::chrono::ceil<std::chrono::milliseconds>(next - SteadyClock::now()).count();
        if (::poll(fds.data(), fds.size(), static_cast<int>(std::max<long long>(wait, 0))) < 0 &&
            errno != EINTR)
            break;
        if (fds[0].revents != 0) {
            char drain[64];
            while (::read(_wake[0], drain, sizeof drain) > 0) {
            }
        }
        const auto now = SteadyClock::now();
        for (std::size_t i = 0; i < watched.size(); ++i) {
            Connection& c = watched[i];
            if (fds[i + 2].revents != 0 && !readMore(c)) continue;
            if (now < c->deadline) continue;
            if (!c->lingering && !c->buffer.empty())
                reject(c, RequestRejected(HTTPResponse::HTTP_REQUEST_TIMEOUT, "header",
                                          "the request header did not arrive within " +
                                              std::to_string(_config.headerTimeoutSeconds) + " s"));
            else
                c.reset();  // idle, or drained long enough: closed without a word
        }
        std::erase(watched, nullptr);
        // Out of file descriptors: the listener stays readable, so wait a little instead of spinning.
        if (fds[1].revents != 0 && !acceptAll(watched))
            acceptPausedUntil = now + std::chrono::milliseconds(100);
    }
    _listener.close();
}

bool HttpFront::acceptAll(std::vector<Connection>& watched) {
    const int listener = static_cast<int>(_listener.impl()->sockfd());
    for (int i = 0; i < 256; ++i) {
        sockaddr_storage address{};
        socklen_t length = sizeof address;
        const int fd = ::accept4(listener, reinterpret_cast<sockaddr*>(&address), &length, SOCK_CLOEXEC);
        if (fd < 0) return errno != EMFILE && errno != ENFILE && errno != ENOBUFS && errno != ENOMEM;
        const Poco::Net::SocketAddress peerAddress(reinterpret_cast<const sockaddr*>(&address), length);
        const Poco::Net::IPAddress peer = peerAddress.host();
        const auto now = SteadyClock::now();
        {
            std::lock_guard lock(_mutex);
            if (_open >= _config.maxConnections) {
                sendNow(fd, rejectionResponse(RequestRejected(HTTPResponse::HTTP_SERVICE_UNAVAILABLE,
                                                              "connection", "too many open connections", 1)));
                countRejection(HTTPResponse::HTTP_SERVICE_UNAVAILABLE);
                ::close(fd);
                continue;
            }
            ++_open;
        }
        const bool admitted = admit(peer);
        auto c = std::make_unique<FrontConnection>(*this, fd, peerAddress, admitted);
        c->socket.setNoDelay(true);
        c->deadline = now + std::chrono::seconds(_config.headerTimeoutSeconds);
        if (!admitted)
            reject(c, RequestRejected(HTTPResponse::HTTP_TOO_MANY_REQUESTS, "connection",
                                      "more than " + std::to_string(_config.maxConnectionsPerAddress) +
                                          " connections from one address",
                                      1));
        if (c) watched.push_back(std::move(c));
    }
    return true;
}

bool HttpFront::admit(const Poco::Net::IPAddress& peer) {
    if (std::find(_config.trustedProxies.begin(), _config.trustedProxies.end(), peer) !=
        _config.trustedProxies.end())
        return true;
    std::lock_guard lock(_mutex);
    int& count = _perAddress[peer];
    if (count >= _config.maxConnectionsPerAddress) {
        if (count == 0) _perAddress.erase(peer);
        return false;
    }
    ++count;
    return true;
}

void HttpFront::release(const Poco::Net::IPAddress& peer, bool counted) {
    std::lock_guard lock(_mutex);
    --_open;
    if (!counted) return;
    const auto it = _perAddress.find(peer);
    if (it != _perAddress.end() && --it->second <= 0) _perAddress.erase(it);
}

bool HttpFront::readMore(Connection& c) {
    char chunk[16384];
    for (;;) {
        const std::size_t room = c->lingering
                                     ? sizeof chunk
                                     : std::min(sizeof chunk, _config.maxHeaderBytes + 1 - c->buffer.size());
        const ssize_t n = ::recv(c->fd(), chunk, room, MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            c.reset();  // the client closed, or the connection failed: nobody to answer
            return false;
        }
        if (n < 0) return c->lingering || examine(c);
        if (c->lingering) continue;
        if (c->buffer.empty() &&
            c->served > 0)  // an idle connection's next request: its header's time starts
            c->deadline = SteadyClock::now() + std::chrono::seconds(_config.headerTimeoutSeconds);
        c->buffer.append(chunk, static_cast<std::size_t>(n));
        if (!examine(c)) return false;
        if (static_cast<std::size_t>(n) < room) return true;
    }
}

bool HttpFront::examine(Connection& c) {
    if (c->buffer.empty()) return true;
    if (headerEnd(c->buffer, c->scanned) != std::string::npos) {
        dispatch(c);
        return false;
    }
    c->scanned = c->buffer.size();
    if (c->buffer.size() <= _config.maxHeaderBytes) return true;
    const bool lineEnded = c->buffer.find('\n') != std::string::npos;
    reject(c, RequestRejected(lineEnded ? HTTPResponse::HTTP_REQUEST_HEADER_FIELDS_TOO_LARGE
                                        : HTTPResponse::HTTP_REQUEST_URI_TOO_LONG,
                              lineEnded ? "header" : "target",
                              "the request line and header are longer than " +
                                  std::to_string(_config.maxHeaderBytes) + " bytes"));
    return c != nullptr;
}

void HttpFront::dispatch(Connection& c) {
    std::unique_lock lock(_mutex);
    // Room for as many as the idle workers take at once, and maxQueued more.
    if (_stopping || _queue.size() >= static_cast<std::size_t>(_config.threads - _busy + _config.maxQueued)) {
        lock.unlock();
        reject(c, RequestRejected(HTTPResponse::HTTP_SERVICE_UNAVAILABLE, "connection",
                                  "every worker is busy; try again shortly", 1));
        return;
    }
    c->primeForWorker(_config);
    _queue.push_back(std::move(c));
    lock.unlock();
    _ready.notify_one();
}

void HttpFront::reject(Connection& c, const RequestRejected& why) {
    sendNow(c->fd(), rejectionResponse(why));
    countRejection(why.status());
    c->buffer.clear();
    c->closeGently(SteadyClock::now());
}

void HttpFront::countRejection(int status) {
    const auto counter = _rejected.find(status);
    if (counter != _rejected.end()) counter->second.fetch_add(1, std::memory_order_relaxed);
}

FrontStats HttpFront::stats() {
    FrontStats s;
    {
        std::lock_guard lock(_mutex);
        s.open = _open;
        s.busy = _busy;
        s.queued = _queue.size();
    }
    for (const auto& [status, count] : _rejected) s.rejected[status] = count.load(std::memory_order_relaxed);
    return s;
}

}  // namespace lacuna
