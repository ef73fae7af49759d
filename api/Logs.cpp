#include "Logs.h"

#include <Poco/Message.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <mutex>

#include "JalaliDate.h"
#include "JsonText.h"
#include "PasswordHasher.h"

namespace lacuna::logs {
namespace {

thread_local std::string currentRequest;
std::atomic<int> output{STDOUT_FILENO};

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool allowedInId(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("-_.:/+=@").find(c) != std::string_view::npos;
}

const char* levelOf(Poco::Message::Priority priority) {
    switch (priority) {
        case Poco::Message::PRIO_FATAL:
        case Poco::Message::PRIO_CRITICAL:
        case Poco::Message::PRIO_ERROR:
            return "error";
        case Poco::Message::PRIO_WARNING:
            return "warning";
        case Poco::Message::PRIO_NOTICE:
        case Poco::Message::PRIO_INFORMATION:
            return "info";
        default:
            return "debug";
    }
}

}  // namespace

std::string requestLine(const RequestRecord& r) {
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.3f", r.durationMs);
    std::string line = "{\"time\":\"" + formatIsoUtc(r.at) + "\",\"level\":\"info\",\"event\":\"request\"";
    line += ",\"request_id\":" + jsonString(r.requestId);
    line += ",\"method\":" + jsonString(r.method);
    line += ",\"route\":" + jsonString(r.route);
    line += ",\"status\":" + std::to_string(r.status);
    line += ",\"duration_ms\":";
    line += duration;
    line += ",\"user_id\":" + (r.userId ? std::to_string(*r.userId) : std::string("null"));
    line += ",\"client\":" + jsonString(r.client) + "}";
    return line;
}

std::string eventLine(const std::string& level, const std::string& event, const std::string& message,
                      const std::string& requestId) {
    std::string line = "{\"time\":\"" + formatIsoUtc(nowMs()) + "\",\"level\":" + jsonString(level) +
                       ",\"event\":" + jsonString(event) + ",\"message\":" + jsonString(message);
    if (!requestId.empty()) line += ",\"request_id\":" + jsonString(requestId);
    return line + "}";
}

void write(const std::string& line) {
    static std::mutex mutex;
    const std::string text = line + "\n";
    std::lock_guard lock(mutex);
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(output.load(), text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;  // nowhere to write (a closed output): logs must never stop the service
        done += static_cast<std::size_t>(n);
    }
}

void discardOutput() {
    static const int devNull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (devNull >= 0) output = devNull;
}

void useStandardError() { output = STDERR_FILENO; }

std::string requestIdFrom(const std::string& header) {
    if (!header.empty() && header.size() <= 128 &&
        std::all_of(header.begin(), header.end(), [](char c) { return allowedInId(c); }))
        return header;
    return newRequestId();
}

std::string newRequestId() {
    // 6 random bytes drawn once per process, then a counter: unique within the process by construction
    // and, across instances and restarts, as unlikely to repeat as 48 random bits. A request no longer
    // draws from OpenSSL's generator and encodes through a stream (3–5% of GET /gaps/{id}).
    static const std::string prefix = randomToken(6);  // 8 characters
    static std::atomic<std::uint64_t> counter{0};
    const std::uint64_t n = counter.fetch_add(1, std::memory_order_relaxed);
    static constexpr char URL_SAFE[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string id = prefix + std::string(8, 'A');
    for (std::size_t k = 0; k < 8; ++k) id[prefix.size() + k] = URL_SAFE[(n >> (6 * (7 - k))) & 0x3F];
    return id;
}

RequestScope::RequestScope(const std::string& requestId) { currentRequest = requestId; }
RequestScope::~RequestScope() { currentRequest.clear(); }
const std::string& RequestScope::current() { return currentRequest; }

void JsonLineChannel::log(const Poco::Message& message) {
    write(eventLine(levelOf(message.getPriority()), "log", message.getText(), RequestScope::current()));
}

}  // namespace lacuna::logs
