#pragma once

#include <prometheus/counter.h>
#include <prometheus/histogram.h>

#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "AuthService.h"
#include "Clock.h"
#include "Exchange.h"
#include "HttpFront.h"
#include "MailDispatcher.h"
#include "Store.h"
#include "WebhookDispatcher.h"

namespace lacuna {

/// What the metrics read when scraped: every part counts its own, and the sampled values (the pool,
/// the webhook queue, the front) are taken at the moment of the scrape.
struct MetricsSources {
    Store& store;
    const AuthService& auth;
    const WebhookDispatcher& dispatcher;
    const MailDispatcher& mailer;
    HttpFront& front;
    const Clock& clock;
};

/// The service's metrics in the Prometheus text format (through prometheus-cpp): requests by route
/// template, method and status, their latency, requests in flight, and what MetricsSources holds.
/// Route labels are templates (`/api/v1/gaps/{id}`), a path no route knows is `unmatched`, and methods
/// outside HTTP's own are `other`, so the number of series stays bounded whatever clients send.
class ServiceMetrics {
public:
    ServiceMetrics();
    ~ServiceMetrics();
    ServiceMetrics(const ServiceMetrics&) = delete;
    ServiceMetrics& operator=(const ServiceMetrics&) = delete;

    /// Counts a request in flight for as long as it lives.
    class InFlight {
    public:
        explicit InFlight(ServiceMetrics& metrics);
        ~InFlight();
        InFlight(const InFlight&) = delete;
        InFlight& operator=(const InFlight&) = delete;

    private:
        ServiceMetrics& _metrics;
    };

    /// One answered request; `route` null when no route matched (the route table must outlive this).
    void observe(const std::string& method, const Router::Route* route, int status, double seconds);
    /// The page: what was counted, and the sources sampled now (the store's parts that cannot be read are
    /// left out, and `lacuna_store_up` says so).
    std::string render(const MetricsSources& sources) const;

    /// The Content-Type of render()'s page.
    static const char* const CONTENT_TYPE;

private:
    struct Families;
    /// One request kind's series. A request looks its kind up by views of static and route-table
    /// strings, so the labels are made (and prometheus-cpp's family locked) only for a kind's first.
    struct Series {
        prometheus::Counter* requests;
        prometheus::Histogram* latency;
    };
    struct SeriesKey {
        const char* method;      ///< one of methodLabel's static strings
        std::string_view route;  ///< a route's pattern in the route table, or "unmatched"
        int status;
        bool operator==(const SeriesKey&) const = default;
    };
    struct SeriesKeyHash {
        std::size_t operator()(const SeriesKey& k) const {
            return std::hash<std::string_view>()(k.route) * 31 + std::hash<const void*>()(k.method) * 7 +
                   static_cast<std::size_t>(k.status);
        }
    };
    Series& series(const char* method, std::string_view route, int status);

    std::unique_ptr<Families> _f;
    std::shared_mutex _seriesMutex;
    std::unordered_map<SeriesKey, Series, SeriesKeyHash> _series;
};

}  // namespace lacuna
