#pragma once

#include <functional>
#include <memory>
#include <string>

#include "AuthService.h"
#include "Clock.h"
#include "HttpFront.h"
#include "Store.h"
#include "WebhookDispatcher.h"

namespace lacuna {

/// What the metrics read when scraped: every part counts its own, and the sampled values (the pool,
/// the webhook queue, the front) are taken at the moment of the scrape.
struct MetricsSources {
    Store& store;
    const AuthService& auth;
    const WebhookDispatcher& dispatcher;
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

    /// One answered request; `route` empty when no route matched.
    void observe(const std::string& method, const std::string& route, int status, double seconds);
    /// The page: what was counted, and the sources sampled now (the store's parts that cannot be read are
    /// left out, and `lacuna_store_up` says so).
    std::string render(const MetricsSources& sources) const;

    /// The Content-Type of render()'s page.
    static const char* const CONTENT_TYPE;

private:
    struct Families;
    std::unique_ptr<Families> _f;
};

}  // namespace lacuna
