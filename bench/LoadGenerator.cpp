#include "LoadGenerator.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <thread>

namespace lacuna::bench {

int call(Poco::Net::HTTPClientSession& session, const std::string& method, const std::string& path,
         const std::string& token, const std::string& json, std::string* body,
         const std::map<std::string, std::string>& headers) {
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(true);
    if (!token.empty()) request.set("Authorization", "Bearer " + token);
    for (const auto& [name, value] : headers) request.set(name, value);
    if (!json.empty() || method == "POST") {
        request.setContentType("application/json");
        request.setContentLength(static_cast<std::streamsize>(json.size()));
    }
    session.sendRequest(request) << json;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    std::string text;
    Poco::StreamCopier::copyToString(in, text);
    if (body) *body = std::move(text);
    return response.getStatus();
}

Fetched fetch(Poco::Net::HTTPClientSession& session, const std::string& path,
              const std::map<std::string, std::string>& headers) {
    Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(true);
    for (const auto& [name, value] : headers) request.set(name, value);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    Fetched f;
    Poco::StreamCopier::copyToString(in, f.body);
    f.status = response.getStatus();
    f.contentEncoding = response.get("Content-Encoding", "");
    const std::string timing = response.get("Server-Timing", "");
    if (const std::size_t dur = timing.find("dur="); dur != std::string::npos)
        f.serverMs = std::strtod(timing.c_str() + dur + 4, nullptr);
    f.bytes = 9 + 4 + response.getReason().size() + 2 + 2 + f.body.size();  // "HTTP/1.1 200 OK\r\n" … "\r\n"
    for (const auto& [name, value] : response) f.bytes += name.size() + 2 + value.size() + 2;
    return f;
}

Stats measure(int port, int clients, double seconds, const Request& request) {
    return measure(std::vector<int>{port}, clients, seconds, request);
}

Stats measure(const std::vector<int>& ports, int clients, double seconds, const Request& request) {
    using Clock = std::chrono::steady_clock;
    const auto deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    std::mutex mutex;
    std::vector<double> latencies;
    std::atomic<std::size_t> failures{0};
    std::vector<std::thread> threads;
    const auto start = Clock::now();
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&, c] {
            std::mt19937 random(static_cast<unsigned>(c * 7907 + 1));
            std::vector<double> mine;
            const int port = ports[static_cast<std::size_t>(c) % ports.size()];
            Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port ? port : 1));
            session.setKeepAlive(true);
            session.setTimeout(Poco::Timespan(30, 0));
            while (Clock::now() < deadline) {
                const auto t0 = Clock::now();
                bool ok = false;
                try {
                    ok = request(session, c, random);
                } catch (const std::exception&) {
                    session.reset();
                }
                mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                if (!ok) ++failures;
            }
            std::lock_guard lock(mutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        });
    for (auto& t : threads) t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    Stats s;
    s.requests = latencies.size();
    s.failures = failures;
    s.requestsPerSecond = static_cast<double>(latencies.size() - failures) / elapsed;
    std::sort(latencies.begin(), latencies.end());
    const auto at = [&](double q) {
        return latencies.empty() ? 0.0
                                 : latencies[std::min(latencies.size() - 1,
                                                      static_cast<std::size_t>(q * latencies.size()))];
    };
    s.p50Ms = at(0.50);
    s.p95Ms = at(0.95);
    s.p99Ms = at(0.99);
    return s;
}

Stats medianOf(int runs, const std::function<Stats()>& run) {
    std::vector<Stats> all;
    for (int i = 0; i < runs; ++i) all.push_back(run());
    std::sort(all.begin(), all.end(),
              [](const Stats& a, const Stats& b) { return a.requestsPerSecond < b.requestsPerSecond; });
    return all[all.size() / 2];
}

}  // namespace lacuna::bench
