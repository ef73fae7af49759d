#pragma once

// Raw bytes to the service, the way a careless or hostile client sends them: from a chosen loopback
// address, a byte at a time, with framing no library would produce.
#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/NumberFormatter.h>
#include <Poco/String.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace lacuna::test {

/// Sends `raw` bytes on a new connection and returns everything the service answers until it closes
/// or stops answering for `quietSeconds`. With `endInput` the client then sends no more (half-close).
inline std::string exchangeRaw(int port, const std::string& raw, long quietSeconds = 1,
                               bool endInput = false) {
    Poco::Net::StreamSocket socket;
    socket.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)));
    socket.setReceiveTimeout(Poco::Timespan(quietSeconds, 0));
    socket.sendBytes(raw.data(), static_cast<int>(raw.size()));
    if (endInput) socket.shutdownSend();
    std::string out;
    char buffer[4096];
    try {
        for (int n; (n = socket.receiveBytes(buffer, sizeof buffer)) > 0;)
            out.append(buffer, static_cast<std::size_t>(n));
    } catch (const Poco::TimeoutException&) {
    } catch (const Poco::Net::ConnectionResetException&) {
    }
    return out;
}

/// One client connection from a chosen loopback address (any of 127.0.0.0/8).
class RawConnection {
public:
    RawConnection(int port, const std::string& from = "127.0.0.1") : _fd(::socket(AF_INET, SOCK_STREAM, 0)) {
        if (_fd < 0) throw std::runtime_error("socket() failed");
        sockaddr_in local{};
        local.sin_family = AF_INET;
        ::inet_pton(AF_INET, from.c_str(), &local.sin_addr);
        sockaddr_in remote{};
        remote.sin_family = AF_INET;
        remote.sin_port = htons(static_cast<std::uint16_t>(port));
        ::inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
        if (::bind(_fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
            ::connect(_fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
            ::close(_fd);
            throw std::runtime_error("cannot connect from " + from);
        }
    }
    ~RawConnection() { ::close(_fd); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    /// False when the service has closed the connection.
    bool send(const std::string& bytes) {
        return ::send(_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
    }

    /// What arrives within `waitMs` (less if the service closes first); closed() then tells which.
    std::string read(int waitMs) {
        std::string out;
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(waitMs);
        char buffer[4096];
        while (!_closed) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  until - std::chrono::steady_clock::now())
                                  .count();
            pollfd p{_fd, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(std::max<long long>(left, 0))) <= 0) break;
            const ssize_t n = ::recv(_fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                _closed = true;
                break;
            }
            out.append(buffer, static_cast<std::size_t>(n));
        }
        return out;
    }
    /// One whole answer (head and Content-Length body), waiting at most `waitMs`; what came if less.
    std::string readAnswer(int waitMs) {
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(waitMs);
        while (!_closed && std::chrono::steady_clock::now() < until) {
            const std::size_t head = _pending.find("\r\n\r\n");
            if (head != std::string::npos) {
                const std::size_t at = Poco::toLower(_pending.substr(0, head)).find("content-length:");
                const std::size_t length = at == std::string::npos ? 0 : std::stoul(_pending.substr(at + 15));
                if (_pending.size() >= head + 4 + length) {
                    std::string answer = _pending.substr(0, head + 4 + length);
                    _pending.erase(0, head + 4 + length);
                    return answer;
                }
            }
            _pending += read(50);
        }
        return std::exchange(_pending, "");
    }
    /// Whether the service closed the connection (seen by read()).
    bool closed() const { return _closed; }

private:
    int _fd;
    bool _closed = false;
    std::string _pending;  ///< read, not yet returned by readAnswer()
};

using SteadyClock = std::chrono::steady_clock;

inline const std::string HEALTH = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

inline double secondsSince(SteadyClock::time_point start) {
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

/// Seconds a fresh client from `from` waits for the whole answer to GET /healthz; the answer in `answer`.
inline double probeHealth(int port, const std::string& from, std::string& answer) {
    const auto start = SteadyClock::now();
    RawConnection probe(port, from);
    probe.send(HEALTH);
    answer = probe.read(10000);
    return secondsSince(start);
}

/// Five fresh health checks from `from` each answer 200 in under a second (the target).
inline void requireHealthyBeside(int port, const std::string& from, const std::string& what) {
    double worst = 0;
    for (int i = 0; i < 5; ++i) {
        std::string answer;
        worst = std::max(worst, probeHealth(port, from, answer));
        CHECK(answer.rfind("HTTP/1.1 200 ", 0) == 0);
    }
    WARN("GET /healthz beside " << what << ": worst of 5 " << worst * 1000 << " ms");
    CHECK(worst < 1.0);
}

/// Opens `count` connections from `from(i)` that each send the first bytes of a request header.
inline std::vector<std::unique_ptr<RawConnection>> slowHeaders(int port, int count,
                                                               const std::function<std::string(int)>& from) {
    std::vector<std::unique_ptr<RawConnection>> slow;
    for (int i = 0; i < count; ++i) {
        slow.push_back(std::make_unique<RawConnection>(port, from(i)));
        slow.back()->send("GET /healthz HTTP/1.1\r\nHo");
    }
    return slow;
}

/// Whether `answer` is an HTTP/1.1 `status` with a problem+json body.
inline bool isProblem(const std::string& answer, const std::string& status) {
    return answer.rfind("HTTP/1.1 " + status + " ", 0) == 0 &&
           answer.find("application/problem+json") != std::string::npos &&
           answer.find("\"status\":" + status) != std::string::npos;
}

/// A request whose body could be read to end in more than one place, or not at all.
struct FramingCase {
    std::string name, head, body;
    std::string status;  ///< what the service answers
    std::string header;  ///< the header its problem names
};

/// The framing cases, each a POST of `body` (a login) framed badly: head holds the header fields.
inline std::vector<FramingCase> framingCases(const std::string& body) {
    const std::string length = std::to_string(body.size());
    const std::string hexLength = Poco::NumberFormatter::formatHex(body.size());
    return {
        {"two lengths", "Host: x\r\nContent-Length: " + length + "\r\nContent-Length: 2\r\n", body, "400",
         "Content-Length"},
        {"a length and chunks", "Host: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n",
         "400", "Transfer-Encoding"},
        {"a signed length", "Host: x\r\nContent-Length: +" + length + "\r\n", body, "400", "Content-Length"},
        {"a length list", "Host: x\r\nContent-Length: " + length + ", " + length + "\r\n", body, "400",
         "Content-Length"},
        {"a malformed chunk", "Host: x\r\nTransfer-Encoding: chunked\r\n", "zz\r\n" + body + "\r\n0\r\n\r\n",
         "400", "Transfer-Encoding"},
        {"a chunk longer than its size", "Host: x\r\nTransfer-Encoding: chunked\r\n",
         "3\r\n" + body + "\r\n0\r\n\r\n", "400", "Transfer-Encoding"},
        {"chunked not last", "Host: x\r\nTransfer-Encoding: chunked, gzip\r\n", "0\r\n\r\n", "400",
         "Transfer-Encoding"},
        {"chunked twice", "Host: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
         "0\r\n\r\n", "400", "Transfer-Encoding"},
        {"an unknown coding", "Host: x\r\nTransfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n", "501",
         "Transfer-Encoding"},
        {"no host", "Content-Length: " + length + "\r\n", body, "400", "Host"},
        {"two hosts", "Host: x\r\nHost: y\r\nContent-Length: " + length + "\r\n", body, "400", "Host"},
    };
}

/// The bytes of a framing case followed, on the same connection, by a health check that a server
/// reading the first body another way would answer too.
inline std::string framedThenHealth(const FramingCase& c) {
    return "POST /api/v1/session HTTP/1.1\r\nContent-Type: application/json\r\n" + c.head + "\r\n" + c.body +
           "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
}

}  // namespace lacuna::test
