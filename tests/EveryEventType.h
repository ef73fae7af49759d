#pragma once

// Whether every event the service sends can be asked for by name: a subscription to "*" and one naming
// each type of WebhookService::eventTypes() must receive the same events. A type the service emits but
// does not list reaches only "*", and shows as a difference.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "ApiHelpers.h"
#include "WebhookReceiver.h"
#include "WebhookService.h"

namespace lacuna::test {

class EveryEventType {
public:
    /// Subscribes, as the admin, one receiver to "*" and one to every type by name. The service must be
    /// configured with `webhooks.dispatch: false` (the test delivers).
    explicit EveryEventType(TestService& t) : _t(t) {
        std::string named;
        for (const std::string& type : WebhookService::eventTypes())
            named += std::string(named.empty() ? "" : ",") + "\"" + type + "\"";
        subscribe(_all, "\"*\"");
        subscribe(_named, named);
        // From here on both are subscribed: what came before (the subscriptions themselves) is not compared.
        deliver();
        _allBefore = _all.received().size();
        _namedBefore = _named.received().size();
    }

    /// Delivers what is due; checks that both receivers got the same events since the start, and returns
    /// their types.
    std::multiset<std::string> check() {
        deliver();
        const std::multiset<std::string> everything = typesSince(_all, _allBefore);
        const std::multiset<std::string> byName = typesSince(_named, _namedBefore);
        CHECK(byName == everything);
        return everything;
    }

private:
    void subscribe(WebhookReceiver& receiver, const std::string& events) {
        const Reply r = _t.client->post("/api/v1/webhooks", _t.token("admin"),
                                        R"({"url":")" + receiver.url() + R"(","events":[)" + events + "]}");
        INFO(r.body);
        REQUIRE(r.status == 201);
    }
    void deliver() {
        while (_t.service().deliverWebhooks() > 0) {
        }
    }
    static std::multiset<std::string> typesSince(WebhookReceiver& receiver, std::size_t from) {
        std::multiset<std::string> types;
        const auto received = receiver.received();
        for (std::size_t i = from; i < received.size(); ++i) types.insert(received[i].event);
        return types;
    }

    TestService& _t;
    WebhookReceiver _all, _named;
    std::size_t _allBefore = 0, _namedBefore = 0;
};

}  // namespace lacuna::test
