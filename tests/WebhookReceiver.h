#pragma once

// A real HTTP receiver on loopback that records what the webhook dispatcher sends.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>

#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace lacuna::test {

struct ReceivedHook {
    std::string event;
    std::string delivery;
    std::string signature;
    std::string body;
};

class WebhookReceiver {
public:
    WebhookReceiver() : _socket(Poco::Net::SocketAddress("127.0.0.1", 0)) {
        auto* params = new Poco::Net::HTTPServerParams;
        params->setKeepAlive(false);
        _server = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), _socket, params);
        _server->start();
    }
    ~WebhookReceiver() { _server->stopAll(true); }

    std::string url() const {
        return "http://127.0.0.1:" + std::to_string(_socket.address().port()) + "/hooks";
    }
    /// The statuses to answer with, in order; 200 once they are used up.
    void answerWith(std::deque<int> statuses) {
        std::lock_guard lock(_mutex);
        _statuses = std::move(statuses);
    }
    std::vector<ReceivedHook> received() {
        std::lock_guard lock(_mutex);
        return _received;
    }
    std::size_t attempts() {
        std::lock_guard lock(_mutex);
        return _attempts;
    }

private:
    class Handler : public Poco::Net::HTTPRequestHandler {
    public:
        explicit Handler(WebhookReceiver& owner) : _owner(owner) {}
        void handleRequest(Poco::Net::HTTPServerRequest& request,
                           Poco::Net::HTTPServerResponse& response) override {
            ReceivedHook hook{request.get("X-Lacuna-Event", ""), request.get("X-Lacuna-Delivery", ""),
                              request.get("X-Lacuna-Signature", ""), ""};
            Poco::StreamCopier::copyToString(request.stream(), hook.body);
            int status = 200;
            {
                std::lock_guard lock(_owner._mutex);
                ++_owner._attempts;
                if (!_owner._statuses.empty()) {
                    status = _owner._statuses.front();
                    _owner._statuses.pop_front();
                }
                if (status >= 200 && status < 300) _owner._received.push_back(hook);
            }
            response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
            response.setContentLength(0);
            response.send();
        }

    private:
        WebhookReceiver& _owner;
    };
    class Factory : public Poco::Net::HTTPRequestHandlerFactory {
    public:
        explicit Factory(WebhookReceiver& owner) : _owner(owner) {}
        Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
            return new Handler(_owner);
        }

    private:
        WebhookReceiver& _owner;
    };

    Poco::Net::ServerSocket _socket;
    std::unique_ptr<Poco::Net::HTTPServer> _server;
    std::mutex _mutex;
    std::deque<int> _statuses;
    std::vector<ReceivedHook> _received;
    std::size_t _attempts = 0;
};

}  // namespace lacuna::test
