#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "AppConfig.h"

namespace lacuna {

struct FrontConnection;

/// What the front is doing, for the metrics.
struct FrontStats {
    int open = 0;            ///< connections open
    int busy = 0;            ///< workers serving a request
    std::size_t queued = 0;  ///< requests whose header arrived, waiting for a worker
    /// Requests answered by the front itself before any route ran, by status, since the start.
    std::map<int, std::uint64_t> rejected;
};

/// The HTTP server in front of the routes.
///
/// One thread, the gate, accepts connections and reads each request's header without blocking,
/// against a deadline for the whole header; only a request whose header has arrived whole goes to a
/// worker thread. Slow clients and idle keep-alive connections so hold a file descriptor, never a
/// worker. The gate answers at once, as problem+json, what no worker should wait for: more
/// connections from one address than allowed (429), every worker and the queue busy (503 with
/// Retry-After), a header too large (431, 414) or too slow (408). A worker runs one request, with a
/// deadline for the whole body, then gives the connection back to the gate to wait for the next one
/// or to be closed gently (its unread input drained, so the client reads the answer, not a reset).
class HttpFront {
public:
    HttpFront(Poco::Net::HTTPRequestHandlerFactory::Ptr factory, const ServerConfig& config);
    ~HttpFront();
    HttpFront(const HttpFront&) = delete;
    HttpFront& operator=(const HttpFront&) = delete;

    /// Starts the gate and the workers on a bound, listening socket.
    void start(Poco::Net::ServerSocket listener);
    /// Stops accepting (the listening socket is closed at once), finishes the requests that have
    /// arrived, closes every connection, and returns.
    void stop();
    int port() const { return _port; }
    FrontStats stats();

private:
    friend struct FrontConnection;
    using Connection = std::unique_ptr<FrontConnection>;

    void gate();
    /// Accepts what waits; false when the process is out of file descriptors.
    bool acceptAll(std::vector<Connection>& watched);
    bool admit(const Poco::Net::IPAddress& peer);
    void release(const Poco::Net::IPAddress& peer, bool counted);
    /// Reads what has arrived; true when the connection is still the gate's to watch.
    bool readMore(Connection& c);
    /// Looks for the end of the header in what was read; true when still the gate's to watch.
    bool examine(Connection& c);
    void dispatch(Connection& c);
    void reject(Connection& c, const class RequestRejected& why);
    void countRejection(int status);
    void wake();

    void work();
    /// Serves the connection's request, and the next ones while they come at once.
    void serve(Connection c);
    /// One request; true when the connection stays open (bytes of the next one left in its buffer).
    bool serveRequest(FrontConnection& c);
    /// Whether the next request's header is here, waiting a moment for it when no request waits.
    bool nextRequestHere(FrontConnection& c);
    bool serveOne(class FrontSession& session, FrontConnection& c);
    void giveBack(Connection c);

    Poco::Net::HTTPRequestHandlerFactory::Ptr _factory;
    const ServerConfig _config;
    Poco::Net::HTTPServerParams::Ptr _params;
    Poco::Net::ServerSocket _listener;
    int _port = 0;
    int _wake[2] = {-1, -1};
    std::atomic<bool> _stopping{false};
    std::thread _gate;
    std::vector<std::thread> _workers;

    std::mutex _mutex;  ///< guards what follows
    std::condition_variable _ready;
    std::deque<Connection> _queue;      ///< header arrived whole, waiting for a worker
    std::vector<Connection> _returned;  ///< given back by workers, for the gate to take
    std::map<Poco::Net::IPAddress, int> _perAddress;
    int _open = 0;
    int _busy = 0;  ///< workers serving a request
    bool _gateStopped = false;
    /// Rejections by status; the keys are fixed at construction, so counting needs no lock.
    std::map<int, std::atomic<std::uint64_t>> _rejected;
};

}  // namespace lacuna
