#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/Net/NameValueCollection.h>

#include <map>
#include <string>

namespace lacuna::test {

/// One HTTP answer as a test reads it.
struct Reply {
    int status = 0;
    std::string contentType;
    std::map<std::string, std::string> headers;
    std::string body;

    /// The body parsed as a JSON object (fails the test if it is not one).
    Poco::JSON::Object::Ptr json() const;
    std::string header(const std::string& name) const;
    /// The `field` of each entry of a problem's `errors`.
    std::vector<std::string> errorFields() const;
};

/// A small client for the in-process server on 127.0.0.1.
class HttpClient {
public:
    explicit HttpClient(int port) : _port(port) {}

    Reply send(const std::string& method, const std::string& path, const std::string& token = "",
               const std::string& body = "", const std::map<std::string, std::string>& headers = {},
               const std::string& contentType = "application/json") const;
    Reply get(const std::string& path, const std::string& token) const { return send("GET", path, token); }
    Reply post(const std::string& path, const std::string& token, const std::string& body) const {
        return send("POST", path, token, body);
    }
    /// Logs in and returns the token (fails the test otherwise).
    std::string login(const std::string& username, const std::string& password) const;

private:
    int _port;
};

}  // namespace lacuna::test
