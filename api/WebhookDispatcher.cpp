#include "WebhookDispatcher.h"

#include <Poco/Format.h>
#include <Poco/Logger.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <memory>

#include "Errors.h"
#include "JsonText.h"
#include "PersianText.h"

namespace lacuna {
namespace {

constexpr std::size_t BATCH = 32;
constexpr std::int64_t LEASE_MS = 5 * 60 * 1000;  // an instance that dies mid-attempt frees it after this
constexpr std::size_t ERROR_MAX = 500;

std::string hex(const unsigned char* data, unsigned length) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned i = 0; i < length; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 0xF];
    }
    return out;
}

}  // namespace

std::string webhookSignature(const std::string& secret, const std::string& body) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest, &length);
    return "sha256=" + hex(digest, length);
}

WebhookDispatcher::WebhookDispatcher(WebhookRepository& webhooks, const WebhookConfig& config,
                                     const Clock& clock)
    : _webhooks(webhooks), _config(config), _clock(clock) {}

WebhookDispatcher::~WebhookDispatcher() { stop(); }

void WebhookDispatcher::start() {
    if (_config.dispatch) _poller.start(_config.pollMs, [this] { runOnce(); });
}

void WebhookDispatcher::stop() { _poller.stop(); }

int WebhookDispatcher::runOnce() {
    int attempts = 0;
    const std::int64_t now = _clock.nowMs();
    for (const WebhookDelivery& d : _webhooks.due(now, BATCH)) {
        if (!_webhooks.claim(d.id, d.nextAttemptAt, now + LEASE_MS)) continue;  // another instance has it
        attempt(d);
        ++attempts;
    }
    return attempts;
}

void WebhookDispatcher::attempt(const WebhookDelivery& d) {
    int status = 0;
    std::string error;
    try {
        const Poco::URI uri(d.url);
        std::unique_ptr<Poco::Net::HTTPClientSession> session;
        if (uri.getScheme() == "https")
            session = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort());
        else
            session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
        session->setTimeout(Poco::Timespan(_config.timeoutSeconds, 0));
        Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST,
                                       uri.getPathAndQuery().empty() ? "/" : uri.getPathAndQuery(),
                                       Poco::Net::HTTPMessage::HTTP_1_1);
        request.setContentType("application/json; charset=utf-8");
        request.setContentLength(static_cast<std::streamsize>(d.payload.size()));
        request.set("User-Agent", "lacuna-webhooks");
        request.set("X-Lacuna-Event", d.eventType);
        request.set("X-Lacuna-Delivery", std::to_string(d.id));
        request.set("X-Lacuna-Signature", webhookSignature(d.secret, d.payload));
        session->sendRequest(request) << d.payload;
        Poco::Net::HTTPResponse response;
        std::istream& body = session->receiveResponse(response);
        Poco::StreamCopier::copyToString(body, error);
        status = response.getStatus();
        if (status >= 200 && status < 300) {
            _webhooks.delivered(d.id, status, _clock.nowMs());
            _delivered.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        error = "HTTP " + std::to_string(status) + ": " + error;
    } catch (const Poco::Exception& e) {
        error = e.displayText();
    } catch (const std::exception& e) {
        error = e.what();
    }
    // What a receiver answered may be any bytes: kept as valid UTF-8, cut on a character boundary.
    error = utf8Prefix(validUtf8(error), ERROR_MAX);
    const int attemptsMade = d.attempts + 1;
    const std::optional<std::int64_t> retry = retryAt(
        attemptsMade, _config.maxAttempts, _config.backoffBaseMs, _config.backoffMaxMs, _clock.nowMs());
    _webhooks.failed(d.id, status, error, retry);
    _failed.fetch_add(1, std::memory_order_relaxed);
    Poco::Logger::get("lacuna").warning(
        Poco::format("webhook delivery %?d to subscription %?d failed (attempt %d, %s): %s", d.id,
                     d.subscriptionId, attemptsMade, std::string(retry ? "will retry" : "given up"), error));
}

}  // namespace lacuna
