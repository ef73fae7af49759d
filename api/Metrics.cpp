#include "Metrics.h"

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/metric_family.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <array>
#include <mutex>
#include <optional>
#include <sstream>

namespace lacuna {
namespace {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;

/// Seconds, from half a millisecond (a cached read) to ten seconds (a request that waited for a lock).
const prometheus::Histogram::BucketBoundaries LATENCY_BUCKETS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

/// The method as labelled: HTTP's own methods as they are, anything else `other` (a static string).
const char* methodLabel(const std::string& method) {
    static const std::array<const char*, 7> known = {"GET",   "HEAD",   "POST",   "PUT",
                                                     "PATCH", "DELETE", "OPTIONS"};
    for (const char* m : known)
        if (method == m) return m;
    return "other";
}

/// A family of one sample, or of one sample per label value, built at scrape time.
class Sampled {
public:
    Sampled(std::vector<MetricFamily>& out, std::string name, std::string help, MetricType type) : _out(out) {
        MetricFamily f;
        f.name = std::move(name);
        f.help = std::move(help);
        f.type = type;
        _out.push_back(std::move(f));
        _index = _out.size() - 1;
    }
    Sampled& add(double value, const std::vector<ClientMetric::Label>& labels = {}) {
        ClientMetric m;
        m.label = labels;
        if (_out[_index].type == MetricType::Counter)
            m.counter.value = value;
        else
            m.gauge.value = value;
        _out[_index].metric.push_back(std::move(m));
        return *this;
    }

private:
    std::vector<MetricFamily>& _out;
    std::size_t _index;
};

void sampleStore(std::vector<MetricFamily>& out, Store& store, bool answered) {
    Sampled(out, "lacuna_store_up", "Whether the store answered the scrape's reads", MetricType::Gauge)
        .add(answered ? 1 : 0);
    const StorePoolStats pool = store.poolStats();
    const std::vector<ClientMetric::Label> backend = {{"backend", store.backendName()}};
    Sampled(out, "lacuna_store_pool_size", "Connections the store's pool may open", MetricType::Gauge)
        .add(static_cast<double>(pool.size), backend);
    Sampled(out, "lacuna_store_pool_open", "Connections the store's pool holds open", MetricType::Gauge)
        .add(static_cast<double>(pool.open), backend);
    Sampled(out, "lacuna_store_pool_in_use", "Connections lent to a request now", MetricType::Gauge)
        .add(static_cast<double>(pool.inUse), backend);
    Sampled(out, "lacuna_store_pool_waits_total", "Times a request found no free connection and waited",
            MetricType::Counter)
        .add(static_cast<double>(pool.waits), backend);
    Sampled(out, "lacuna_store_pool_wait_seconds_total", "Time requests spent waiting for a connection",
            MetricType::Counter)
        .add(pool.waitSeconds, backend);
    Sampled(out, "lacuna_store_transaction_retries_total",
            "Transactions run again after a deadlock, a lock wait timeout or a lost connection",
            MetricType::Counter)
        .add(static_cast<double>(pool.retries), backend);
    Sampled(out, "lacuna_store_commits_total", "Write transactions committed", MetricType::Counter)
        .add(static_cast<double>(pool.commits), backend);
    Sampled(out, "lacuna_store_writes_committed_total",
            "Writes those transactions carried (on SQLite, writers that queue share one COMMIT)",
            MetricType::Counter)
        .add(static_cast<double>(pool.writesCommitted), backend);
    Sampled(out, "lacuna_store_writers_waiting",
            "Writes waiting for their turn to join a write transaction (SQLite)", MetricType::Gauge)
        .add(static_cast<double>(pool.writersWaiting), backend);
}

/// What a queue in the store is called in the metrics.
struct QueueNames {
    const char* pending;
    const char* pendingHelp;
    const char* oldestAge;
    const char* oldestAgeHelp;
    const char* failed;
    const char* failedHelp;
};

/// `backlog` is empty when the store did not answer.
void sampleQueue(std::vector<MetricFamily>& out, const Clock& clock,
                 const std::optional<QueueBacklog>& backlog, const QueueNames& names) {
    if (!backlog) return;
    Sampled(out, names.pending, names.pendingHelp, MetricType::Gauge)
        .add(static_cast<double>(backlog->pending));
    const double age =
        backlog->oldestPending
            ? static_cast<double>(std::max<std::int64_t>(0, clock.nowMs() - *backlog->oldestPending)) / 1000.0
            : 0.0;
    Sampled(out, names.oldestAge, names.oldestAgeHelp, MetricType::Gauge).add(age);
    Sampled(out, names.failed, names.failedHelp, MetricType::Gauge).add(static_cast<double>(backlog->failed));
}

void sampleWebhooks(std::vector<MetricFamily>& out, const MetricsSources& s,
                    const std::optional<WebhookBacklog>& backlog) {
    Sampled(out, "lacuna_webhook_attempts_total",
            "Webhook delivery attempts made by this instance, by outcome", MetricType::Counter)
        .add(static_cast<double>(s.dispatcher.deliveredAttempts()), {{"outcome", "delivered"}})
        .add(static_cast<double>(s.dispatcher.failedAttempts()), {{"outcome", "failed"}});
    sampleQueue(
        out, s.clock, backlog,
        {"lacuna_webhook_outbox_pending", "Webhook deliveries waiting to be sent to active subscriptions",
         "lacuna_webhook_outbox_oldest_age_seconds",
         "Age of the oldest webhook delivery waiting to be sent (0 when none waits)",
         "lacuna_webhook_deliveries_failed", "Webhook deliveries given up after their last attempt"});
}

void sampleMail(std::vector<MetricFamily>& out, const MetricsSources& s,
                const std::optional<MailBacklog>& backlog) {
    Sampled(out, "lacuna_mail_composed_total", "E-mail messages this instance composed into the outbox",
            MetricType::Counter)
        .add(static_cast<double>(s.mailer.composedMessages()));
    Sampled(out, "lacuna_mail_attempts_total", "SMTP send attempts made by this instance, by outcome",
            MetricType::Counter)
        .add(static_cast<double>(s.mailer.sentMessages()), {{"outcome", "sent"}})
        .add(static_cast<double>(s.mailer.failedAttempts()), {{"outcome", "failed"}});
    sampleQueue(out, s.clock, backlog,
                {"lacuna_mail_outbox_pending", "E-mail messages waiting to be sent",
                 "lacuna_mail_outbox_oldest_age_seconds",
                 "Age of the oldest e-mail message waiting to be sent (0 when none waits)",
                 "lacuna_mail_messages_failed", "E-mail messages given up after their last attempt"});
}

void sampleFront(std::vector<MetricFamily>& out, HttpFront& front) {
    const FrontStats f = front.stats();
    Sampled(out, "lacuna_http_connections_open", "Client connections open", MetricType::Gauge)
        .add(static_cast<double>(f.open));
    Sampled(out, "lacuna_http_workers_busy", "Worker threads serving a request", MetricType::Gauge)
        .add(static_cast<double>(f.busy));
    Sampled(out, "lacuna_http_requests_queued", "Requests whose header arrived, waiting for a worker",
            MetricType::Gauge)
        .add(static_cast<double>(f.queued));
    Sampled rejected(out, "lacuna_http_front_rejections_total",
                     "Requests answered by the front before any route ran (overload, slow or oversized "
                     "headers, too many connections from one address), by status",
                     MetricType::Counter);
    for (const auto& [status, count] : f.rejected)
        rejected.add(static_cast<double>(count), {{"status", std::to_string(status)}});
}

}  // namespace

const char* const ServiceMetrics::CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

struct ServiceMetrics::Families {
    prometheus::Registry registry;
    prometheus::Family<prometheus::Counter>& requests =
        prometheus::BuildCounter()
            .Name("lacuna_http_requests_total")
            .Help("Requests answered by a route, by method, route template and status")
            .Register(registry);
    prometheus::Family<prometheus::Histogram>& latency =
        prometheus::BuildHistogram()
            .Name("lacuna_http_request_duration_seconds")
            .Help("Time from a request's whole header to its answer, by method and route template")
            .Register(registry);
    prometheus::Gauge& inFlight = prometheus::BuildGauge()
                                      .Name("lacuna_http_requests_in_flight")
                                      .Help("Requests being answered now")
                                      .Register(registry)
                                      .Add({});
};

ServiceMetrics::ServiceMetrics() : _f(std::make_unique<Families>()) {}
ServiceMetrics::~ServiceMetrics() = default;

ServiceMetrics::InFlight::InFlight(ServiceMetrics& metrics) : _metrics(metrics) {
    _metrics._f->inFlight.Increment();
}
ServiceMetrics::InFlight::~InFlight() { _metrics._f->inFlight.Decrement(); }

ServiceMetrics::Series& ServiceMetrics::series(const char* method, std::string_view route, int status) {
    const SeriesKey key{method, route, status};
    {
        const std::shared_lock read(_seriesMutex);
        const auto found = _series.find(key);
        if (found != _series.end()) return found->second;
    }
    // The first request of its kind: its labels are made once, and the series kept for the next ones.
    const std::unique_lock write(_seriesMutex);
    const std::string m = method, r(route);
    return _series
        .try_emplace(
            key, Series{&_f->requests.Add({{"method", m}, {"route", r}, {"status", std::to_string(status)}}),
                        &_f->latency.Add({{"method", m}, {"route", r}}, LATENCY_BUCKETS)})
        .first->second;
}

void ServiceMetrics::observe(const std::string& method, const Router::Route* route, int status,
                             double seconds) {
    Series& s = series(route ? methodLabel(route->method) : methodLabel(method),
                       route ? std::string_view(route->pattern) : std::string_view("unmatched"), status);
    s.requests->Increment();
    s.latency->Observe(seconds);
}

std::string ServiceMetrics::render(const MetricsSources& sources) const {
    std::vector<MetricFamily> families = _f->registry.Collect();
    sampleFront(families, sources.front);
    std::optional<WebhookBacklog> backlog;
    std::optional<MailBacklog> mail;
    try {
        backlog = sources.store.webhooks().backlog();
        mail = sources.store.mail().backlog();
    } catch (const Poco::Exception&) {
        // the page still answers: what is counted in memory is worth reading then most
    }
    sampleStore(families, sources.store, backlog.has_value());
    sampleWebhooks(families, sources, backlog);
    sampleMail(families, sources, mail);
    Sampled(families, "lacuna_login_throttled_total", "Logins refused by the failed-login throttle",
            MetricType::Counter)
        .add(static_cast<double>(sources.auth.throttledLogins()));
    Sampled(families, "lacuna_login_failures_total", "Logins refused for a wrong username or password",
            MetricType::Counter)
        .add(static_cast<double>(sources.auth.failedLogins()));
    std::ostringstream out;
    prometheus::TextSerializer().Serialize(out, families);
    return out.str();
}

}  // namespace lacuna
