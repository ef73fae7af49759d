#pragma once

#include <Poco/Channel.h>

#include <cstdint>
#include <optional>
#include <string>

/// Structured logs: one JSON object per line on standard output (time, level, event, …), each line written
/// whole by one write, so the lines of concurrent requests never interleave and a log shipper reads each
/// as it comes.
namespace lacuna::logs {

/// One answered request, as its log line tells it.
struct RequestRecord {
    std::int64_t at = 0;  ///< when it began, ms since the epoch
    std::string requestId;
    std::string method;
    std::string route;  ///< the route template (/api/v1/gaps/{id}); the path only when no route matched
    int status = 0;
    double durationMs = 0;
    std::optional<std::int64_t> userId;
    std::string client;
};

/// {"time","level":"info","event":"request","request_id","method","route","status","duration_ms",
/// "user_id","client"}
std::string requestLine(const RequestRecord& record);

/// {"time","level","event","message"[,"request_id"]}: a notable event (a start, a stop, a failure).
std::string eventLine(const std::string& level, const std::string& event, const std::string& message,
                      const std::string& requestId = "");

/// Writes `line` and a newline to the log output (standard output unless set) in one write.
void write(const std::string& line);

/// Sends the log lines to /dev/null: an in-process service in the tests and the benchmarks does the same
/// work for each line without burying what those programs print.
void discardOutput();

/// Sends the log lines to standard error: a command whose standard output is its product (an export).
void useStandardError();

/// The id a request goes by: the client's X-Request-Id when it is 1–128 characters of letters, digits and
/// `-_.:/+=@`, so that one id can follow a request through a load balancer; otherwise a new random one.
std::string requestIdFrom(const std::string& header);
/// A new request id: 16 URL-safe characters, never the same twice in one process.
std::string newRequestId();

/// While alive, names the request this thread serves, for the log lines written on its behalf.
class RequestScope {
public:
    explicit RequestScope(const std::string& requestId);
    RequestScope(const RequestScope&) = delete;
    RequestScope& operator=(const RequestScope&) = delete;
    ~RequestScope();
    /// The id of the request this thread serves, "" outside one.
    static const std::string& current();
};

/// A Poco channel that writes each message as an event line: level from the priority, event "log", the
/// text as the message, and the id of the request being served.
class JsonLineChannel : public Poco::Channel {
public:
    void log(const Poco::Message& message) override;
};

}  // namespace lacuna::logs
