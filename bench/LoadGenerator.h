#pragma once

#include <Poco/Net/HTTPClientSession.h>

#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace lacuna::bench {

/// Throughput and latency of one measured run.
struct Stats {
    double requestsPerSecond = 0;
    double p50Ms = 0, p95Ms = 0, p99Ms = 0;
    std::size_t requests = 0;
    std::size_t failures = 0;
};

/// One request of a client; returns false when the answer was not the expected one.
using Request = std::function<bool(Poco::Net::HTTPClientSession& session, int client, std::mt19937& random)>;

/// `clients` threads, each on its own keep-alive connection to 127.0.0.1:`port`, send `request`
/// back to back for `seconds`. With port 0 the request is not HTTP (a raw database call) and the
/// session is unused.
Stats measure(int port, int clients, double seconds, const Request& request);
/// The same with the clients spread over several servers: client c talks to `ports[c % ports.size()]`.
Stats measure(const std::vector<int>& ports, int clients, double seconds, const Request& request);

/// The median run (by throughput) of `runs` runs.
Stats medianOf(int runs, const std::function<Stats()>& run);

/// Sends one request, with `headers` besides, and returns the status; the body goes to `body` when given.
int call(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& path,
         const std::string& token = "", const std::string& json = "", std::string* body = nullptr,
         const std::map<std::string, std::string>& headers = {});

/// A GET as a browser sends it, with `headers` (a session cookie, Accept-Encoding).
struct Fetched {
    int status = 0;
    std::string body;       ///< as received (compressed when the answer was)
    std::size_t bytes = 0;  ///< received in all: status line, header fields and body
    std::string contentEncoding;
    double serverMs = -1;  ///< the service's own time, from Server-Timing (app;dur=…), when it said
};
Fetched fetch(Poco::Net::HTTPClientSession& session, const std::string& path,
              const std::map<std::string, std::string>& headers);

}  // namespace lacuna::bench
