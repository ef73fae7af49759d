// The shipped nginx front (config/nginx/lacuna-*.conf) in front of the service: Debian's nginx started
// unprivileged on loopback ports, the slow-client and framing cases sent through it, TLS terminated
// by it, and the client's address carried to the service's trusted-proxy setting.
#include <Poco/Environment.h>
#include <Poco/FileStream.h>
#include <Poco/Net/AcceptCertificateHandler.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <thread>

#include "RawHttp.h"
#include "TestService.h"

using namespace lacuna;
using namespace lacuna::test;

namespace {

int freePort() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    return socket.address().port();
}

void run(const std::string& program, const std::vector<std::string>& args) {
    Poco::Pipe out;
    Poco::ProcessHandle handle = Poco::Process::launch(program, args, nullptr, &out, &out);
    Poco::PipeInputStream in(out);
    std::string printed;
    Poco::StreamCopier::copyToString(in, printed);
    if (handle.wait() != 0) throw std::runtime_error(program + " failed: " + printed);
}

/// nginx (the binary in LACUNA_NGINX) with the shipped configuration in front of `upstreamPort`: plain
/// HTTP on port(), TLS with a fresh self-signed certificate on tlsPort(). Runs as whoever runs the
/// tests, everything it writes in a temporary directory.
class NginxFront {
public:
    explicit NginxFront(int upstreamPort) : _port(freePort()), _tlsPort(freePort()) {
        const std::string nginx = Poco::Environment::get("LACUNA_NGINX", "");
        REQUIRE_FALSE(nginx.empty());  // set by CTest when nginx is installed (scripts/setup.sh installs it)
        ::chmod(_dir.path().c_str(), 0755);  // nginx's workers run as nobody when the tests run as root
        run("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
                        "/CN=localhost", "-keyout", _dir.file("key.pem"), "-out", _dir.file("cert.pem")});
        const std::string shipped = LACUNA_SOURCE_DIR "/config/nginx/";
        const std::string d = _dir.path() + "/";
        Poco::FileOutputStream conf(_dir.file("nginx.conf"));
        conf << "daemon off;\nworker_processes 1;\npid " << d << "nginx.pid;\nerror_log " << d
             << "error.log info;\nevents { worker_connections 8192; }\nhttp {\n  access_log off;\n"
             << "  client_body_temp_path " << d << "body;\n  proxy_temp_path " << d << "proxy;\n"
             << "  fastcgi_temp_path " << d << "fastcgi;\n  uwsgi_temp_path " << d << "uwsgi;\n"
             << "  scgi_temp_path " << d << "scgi;\n  include " << shipped << "lacuna-http.conf;\n"
             << "  upstream lacuna { server 127.0.0.1:" << upstreamPort << "; keepalive 8; }\n"
             << "  server { listen 127.0.0.1:" << _port << "; include " << shipped
             << "lacuna-server.conf; }\n"
             << "  server { listen 127.0.0.1:" << _tlsPort << " ssl; ssl_certificate " << d
             << "cert.pem; ssl_certificate_key " << d << "key.pem; include " << shipped
             << "lacuna-server.conf; }\n}\n";
        conf.close();
        _handle = std::make_unique<Poco::ProcessHandle>(Poco::Process::launch(
            nginx, {"-p", _dir.path(), "-c", _dir.file("nginx.conf"), "-e", _dir.file("error.log")}, nullptr,
            nullptr, nullptr));
        for (int i = 0; i < 100; ++i) {
            try {
                RawConnection probe(_port);
                return;
            } catch (const std::exception&) {
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        }
        FAIL("nginx did not start; see " << _dir.file("error.log"));
    }
    ~NginxFront() {
        Poco::Process::requestTermination(_handle->id());
        _handle->wait();
    }
    int port() const { return _port; }
    int tlsPort() const { return _tlsPort; }

private:
    TempDir _dir;
    int _port;
    int _tlsPort;
    std::unique_ptr<Poco::ProcessHandle> _handle;
};

/// The service with nginx's loopback address as its trusted proxy.
TestService proxiedService() {
    return TestService(testBackend(), 8,
                       [](AppConfig& c) { c.server.trustedProxies = {Poco::Net::IPAddress("127.0.0.1")}; });
}

}  // namespace

TEST_CASE("through nginx, slow headers keep no one waiting", "[nginx]") {
    TestService t = proxiedService();
    NginxFront front(t.service().port());
    SECTION("1,000 from one address") {
        auto slow = slowHeaders(front.port(), 1000, [](int) { return "127.0.0.1"; });
        requireHealthyBeside(front.port(), "127.0.0.2", "1,000 slow headers from one address, through nginx");
    }
    SECTION("200 from 200 addresses") {
        auto slow = slowHeaders(front.port(), 200, [](int i) { return "127.0.0." + std::to_string(i + 2); });
        requireHealthyBeside(front.port(), "127.0.1.1", "200 slow headers from 200 addresses, through nginx");
    }
}

TEST_CASE("through nginx, a request framed two ways is refused and nothing after it runs", "[nginx]") {
    TestService t = proxiedService();
    NginxFront front(t.service().port());
    for (const FramingCase& c : framingCases(R"({"username":"secretary","password":"correct horse 1"})")) {
        INFO(c.name);
        const std::string answer = exchangeRaw(front.port(), framedThenHealth(c));
        INFO(answer);
        CHECK(
            (isProblem(answer, "400") || isProblem(answer, "501")));  // nginx's own answers, as problem+json
        CHECK(answer.find("HTTP/1.1 200") == std::string::npos);
        CHECK(answer.find("\"token\"") == std::string::npos);
    }
    const std::string version = exchangeRaw(front.port(), "GET /healthz HTTP/2.0\r\nHost: x\r\n\r\n");
    CHECK(isProblem(version, "505"));
    const std::string garbage = exchangeRaw(front.port(), "\x01\x02 nonsense\r\n\r\n");
    CHECK(isProblem(garbage, "400"));
}

TEST_CASE("through nginx, TLS terminates and the service sees the client's own address", "[nginx]") {
    TestService t = proxiedService();
    NginxFront front(t.service().port());

    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_NONE);
    Poco::Net::HTTPSClientSession tls("127.0.0.1", static_cast<Poco::UInt16>(front.tlsPort()), context);
    Poco::Net::HTTPRequest get(Poco::Net::HTTPRequest::HTTP_GET, "/healthz",
                               Poco::Net::HTTPMessage::HTTP_1_1);
    tls.sendRequest(get);
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(tls.receiveResponse(response), body);
    CHECK(response.getStatus() == Poco::Net::HTTPResponse::HTTP_OK);
    CHECK(body.find("\"status\":\"ok\"") != std::string::npos);

    // Five wrong passwords from 127.0.0.5 (each for another name): that address is throttled. A client
    // at 127.0.0.6 claiming to be 127.0.0.5 is not: nginx replaces what it claims with what it is.
    const auto login = [&](const std::string& from, const std::string& name, const std::string& extra) {
        RawConnection c(front.port(), from);
        const std::string body = R"({"username":")" + name + R"(","password":"wrong password"})";
        c.send(
            "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n" +
            extra + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
        return c.read(30000).substr(0, 12);
    };
    for (int i = 0; i < 5; ++i) CHECK(login("127.0.0.5", "nobody" + std::to_string(i), "") == "HTTP/1.1 401");
    CHECK(login("127.0.0.5", "someone", "") == "HTTP/1.1 429");
    CHECK(login("127.0.0.6", "someone.else", "X-Forwarded-For: 127.0.0.5\r\n") == "HTTP/1.1 401");
}

TEST_CASE("through nginx over TLS, a person signs in on the page and the page's form is taken", "[nginx]") {
    TestService t = proxiedService();
    NginxFront front(t.service().port());
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", Poco::Net::Context::VERIFY_NONE);
    const std::string origin = "https://localhost:" + std::to_string(front.tlsPort());
    const auto exchange = [&](const std::string& method, const std::string& path, const std::string& cookie,
                              const std::string& form, Poco::Net::HTTPResponse& response) {
        Poco::Net::HTTPSClientSession tls("127.0.0.1", static_cast<Poco::UInt16>(front.tlsPort()), context);
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setHost("localhost", static_cast<Poco::UInt16>(front.tlsPort()));
        request.set("Origin", origin);  // what a browser sends with a form
        if (!cookie.empty()) request.set("Cookie", cookie);
        if (method == "POST") {
            request.setContentType("application/x-www-form-urlencoded");
            request.setContentLength(static_cast<std::streamsize>(form.size()));
        }
        tls.sendRequest(request) << form;
        std::string body;
        Poco::StreamCopier::copyToString(tls.receiveResponse(response), body);
        return body;
    };
    // nginx passes the host on without its port; the form is still known as this site's own.
    Poco::Net::HTTPResponse signedIn;
    exchange("POST", "/login", "", "username=tehran.director&password=correct+horse+1&next=%2Fgaps",
             signedIn);
    REQUIRE(signedIn.getStatus() == Poco::Net::HTTPResponse::HTTP_SEE_OTHER);
    CHECK(signedIn.get("Location") == "/gaps");
    const std::string setCookie = signedIn.get("Set-Cookie");
    const std::string cookie = setCookie.substr(0, setCookie.find(';'));
    Poco::Net::HTTPResponse desk;
    const std::string page = exchange("GET", "/", cookie, "", desk);
    CHECK(desk.getStatus() == Poco::Net::HTTPResponse::HTTP_OK);
    CHECK(desk.get("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
    const std::size_t at = page.find("name=\"csrf\" value=\"");
    REQUIRE(at != std::string::npos);
    Poco::Net::HTTPResponse out;
    exchange("POST", "/logout", cookie, "csrf=" + page.substr(at + 19, 64), out);
    CHECK(out.getStatus() == Poco::Net::HTTPResponse::HTTP_SEE_OTHER);
    CHECK(out.get("Location") == "/login");
}
