#pragma once

// What the gate (HttpFront.cpp) and the workers (FrontWorkers.cpp) share about one connection.
#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/StreamSocketImpl.h>
#include <Poco/Timespan.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <optional>
#include <string>

#include "HttpFront.h"

namespace lacuna {

using SteadyClock = std::chrono::steady_clock;

/// How long a connection being closed is drained, so that the client reads the answer before the
/// close (closing a socket with unread input sends a reset, which can destroy the answer in flight).
constexpr auto LINGER = std::chrono::seconds(2);

/// Where the request header ends in `text` (searching from `from`), or npos.
inline std::size_t headerEnd(const std::string& text, std::size_t from) {
    from = from > 3 ? from - 3 : 0;
    for (std::size_t i = text.find('\n', from); i != std::string::npos; i = text.find('\n', i + 1)) {
        if (i + 1 < text.size() && text[i + 1] == '\n') return i + 2;
        if (i + 2 < text.size() && text[i + 1] == '\r' && text[i + 2] == '\n') return i + 3;
    }
    return std::string::npos;
}

/// A connected socket whose reads first return the bytes the gate already read, and never wait past
/// the request's deadline nor longer than one read's timeout.
///
/// Poco asks every request's socket for both its addresses and sets its receive timeout: three system
/// calls a request that answer the same on every request of a connection. Here the peer's address is the
/// one `accept` gave, the local one is asked once, and the receive timeout is kept without setting it
/// on the socket, since every read waits with `poll` for at most the request's own timeout first.
class GatedSocketImpl : public Poco::Net::StreamSocketImpl {
public:
    GatedSocketImpl(poco_socket_t fd, Poco::Net::SocketAddress peer)
        : StreamSocketImpl(fd), _peer(std::move(peer)) {}

    Poco::Net::SocketAddress peerAddress() override { return _peer; }
    Poco::Net::SocketAddress address() override {
        if (!_local) _local = StreamSocketImpl::address();
        return *_local;
    }
    void setReceiveTimeout(const Poco::Timespan& timeout) override { _receiveTimeout = timeout; }
    Poco::Timespan getReceiveTimeout() override { return _receiveTimeout; }

    void prime(std::string prefix, SteadyClock::time_point deadline, std::chrono::seconds readTimeout) {
        _prefix = std::move(prefix);
        _offset = 0;
        _deadline = deadline;
        _readTimeout = readTimeout;
    }

    using StreamSocketImpl::receiveBytes;
    int receiveBytes(void* buffer, int length, int flags) override {
        if (_offset < _prefix.size()) {
            const std::size_t n = std::min(_prefix.size() - _offset, static_cast<std::size_t>(length));
            std::memcpy(buffer, _prefix.data() + _offset, n);
            if ((flags & MSG_PEEK) == 0) _offset += n;
            return static_cast<int>(n);
        }
        const auto left = std::min<SteadyClock::duration>(_deadline - SteadyClock::now(), _readTimeout);
        const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(left).count();
        if (micros <= 0 || !poll(Poco::Timespan(micros), SELECT_READ | SELECT_ERROR))
            throw Poco::TimeoutException("the request did not arrive in time");
        return StreamSocketImpl::receiveBytes(buffer, length, flags);
    }

private:
    const Poco::Net::SocketAddress _peer;
    std::optional<Poco::Net::SocketAddress> _local;
    Poco::Timespan _receiveTimeout;
    std::string _prefix;
    std::size_t _offset = 0;
    SteadyClock::time_point _deadline = SteadyClock::time_point::max();
    std::chrono::seconds _readTimeout{10};
};

/// One client connection, watched by the gate or served by one worker.
struct FrontConnection {
    FrontConnection(HttpFront& front, int fd, const Poco::Net::SocketAddress& peerAddress, bool counted)
        : front(front),
          impl(new GatedSocketImpl(fd, peerAddress)),
          socket(impl),
          peer(peerAddress.host()),
          counted(counted) {}
    ~FrontConnection() {
        socket.close();
        front.release(peer, counted);
    }
    FrontConnection(const FrontConnection&) = delete;
    FrontConnection& operator=(const FrontConnection&) = delete;

    int fd() const { return static_cast<int>(impl->sockfd()); }
    /// Sends no more; reads what still comes until the client closes or LINGER passes.
    void closeGently(SteadyClock::time_point now) {
        ::shutdown(fd(), SHUT_WR);
        lingering = true;
        deadline = now + LINGER;
    }

    /// Hands the header read so far to the socket, for a worker to read, with the body's deadline.
    void primeForWorker(const ServerConfig& config) {
        impl->prime(std::move(buffer), SteadyClock::now() + std::chrono::seconds(config.bodyTimeoutSeconds),
                    std::chrono::seconds(config.timeoutSeconds));
        buffer.clear();
        scanned = 0;
    }

    HttpFront& front;
    GatedSocketImpl* impl;  ///< owned by `socket`
    Poco::Net::StreamSocket socket;
    const Poco::Net::IPAddress peer;
    const bool counted;  ///< against the per-address limit
    std::string buffer;  ///< the next request's bytes read so far
    std::size_t scanned = 0;
    SteadyClock::time_point deadline;
    bool lingering = false;
    int served = 0;
};

}  // namespace lacuna
