#pragma once

// A real SMTP server on loopback that records what the mail dispatcher sends: the envelope, the credentials
// and the message as it arrived. It can be told to refuse the next attempts (451, a transient failure). Given
// a TLS context it offers STARTTLS and, as Postfix does, takes no mail over TLS until greeted again.
#include <Poco/Base64Decoder.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/String.h>

#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace lacuna::test {

struct ReceivedMail {
    std::string from;
    std::vector<std::string> to;
    std::string user;
    std::string password;
    std::string data;  ///< headers and body, dot-stuffing undone
    bool overTls = false;
};

class SmtpSink {
public:
    /// With `tls`, a server context, STARTTLS is offered.
    explicit SmtpSink(Poco::Net::Context::Ptr tls = nullptr)
        : _tls(std::move(tls)), _socket(Poco::Net::SocketAddress("127.0.0.1", 0)) {
        _server = std::make_unique<Poco::Net::TCPServer>(new Factory(*this), _socket);
        _server->start();
    }
    ~SmtpSink() { _server->stop(); }

    int port() const { return _socket.address().port(); }
    /// Refuse the next `n` messages at MAIL FROM with 451.
    void refuseNext(int n) {
        std::lock_guard lock(_mutex);
        _refusals = n;
    }
    std::vector<ReceivedMail> received() const {
        std::lock_guard lock(_mutex);
        return _received;
    }

private:
    static std::string decode64(const std::string& text) {
        std::istringstream in(text);
        Poco::Base64Decoder decoder(in);
        std::string out;
        char c;
        while (decoder.get(c)) out += c;
        return out;
    }

    class Session : public Poco::Net::TCPServerConnection {
    public:
        Session(const Poco::Net::StreamSocket& socket, SmtpSink& sink)
            : Poco::Net::TCPServerConnection(socket), _sink(sink) {}

        void run() override {
            try {
                converse();
            } catch (const Poco::Exception&) {  // a TLS handshake the client broke off, a reset
            }
        }

    private:
        void converse() {
            auto io = std::make_unique<Poco::Net::SocketStream>(socket());
            std::optional<Poco::Net::SecureStreamSocket> secure;
            ReceivedMail mail;
            bool greeted = false;
            const auto reply = [&](const std::string& line) { *io << line << "\r\n" << std::flush; };
            const auto read = [&](std::string& line) {
                if (!std::getline(*io, line)) return false;
                if (!line.empty() && line.back() == '\r') line.pop_back();
                return true;
            };
            reply("220 sink.test ESMTP");
            std::string line;
            while (read(line)) {
                const std::string upper = Poco::toUpper(line);
                if (upper.starts_with("EHLO")) {
                    greeted = true;
                    reply("250-sink.test");
                    if (_sink._tls && !mail.overTls) reply("250-STARTTLS");
                    reply("250-AUTH LOGIN PLAIN");
                    reply("250 8BITMIME");
                } else if (upper.starts_with("HELO")) {
                    greeted = true;
                    reply("250 sink.test");
                } else if (upper == "STARTTLS" && _sink._tls && !mail.overTls) {
                    reply("220 2.0.0 ready to start TLS");
                    secure = Poco::Net::SecureStreamSocket::attach(socket(), _sink._tls);
                    io = std::make_unique<Poco::Net::SocketStream>(*secure);
                    mail = ReceivedMail{};
                    mail.overTls = true;
                    greeted = false;  // everything said before is forgotten (RFC 3207 4.2)
                } else if (upper.starts_with("MAIL FROM:") && !greeted) {
                    reply("503 5.5.1 send EHLO first");
                } else if (upper == "AUTH LOGIN") {
                    reply("334 VXNlcm5hbWU6");
                    read(line);
                    mail.user = decode64(line);
                    reply("334 UGFzc3dvcmQ6");
                    read(line);
                    mail.password = decode64(line);
                    reply("235 2.7.0 accepted");
                } else if (upper.starts_with("AUTH PLAIN ")) {
                    const std::string plain = decode64(line.substr(11));
                    const std::size_t second = plain.find('\0', 1);
                    mail.user = plain.substr(1, second - 1);
                    mail.password = plain.substr(second + 1);
                    reply("235 2.7.0 accepted");
                } else if (upper.starts_with("MAIL FROM:")) {
                    bool refuse = false;
                    {
                        std::lock_guard lock(_sink._mutex);
                        if (_sink._refusals > 0) {
                            --_sink._refusals;
                            refuse = true;
                        }
                    }
                    if (refuse) {
                        reply("451 4.3.0 the sink refuses for now");
                        continue;
                    }
                    mail.from = Poco::trim(line.substr(10));
                    reply("250 2.1.0 ok");
                } else if (upper.starts_with("RCPT TO:")) {
                    mail.to.push_back(Poco::trim(line.substr(8)));
                    reply("250 2.1.5 ok");
                } else if (upper == "DATA") {
                    reply("354 end with .");
                    std::string data;
                    while (read(line) && line != ".")
                        data += (line.starts_with("..") ? line.substr(1) : line) + "\r\n";
                    mail.data = data;
                    {
                        std::lock_guard lock(_sink._mutex);
                        _sink._received.push_back(mail);
                    }
                    mail.from.clear();
                    mail.to.clear();
                    reply("250 2.0.0 queued");
                } else if (upper == "QUIT") {
                    reply("221 2.0.0 bye");
                    return;
                } else if (upper == "RSET" || upper == "NOOP") {
                    reply("250 ok");
                } else {
                    reply("502 5.5.2 not implemented");
                }
            }
        }

        SmtpSink& _sink;
    };

    class Factory : public Poco::Net::TCPServerConnectionFactory {
    public:
        explicit Factory(SmtpSink& sink) : _sink(sink) {}
        Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
            return new Session(socket, _sink);
        }

    private:
        SmtpSink& _sink;
    };

    Poco::Net::Context::Ptr _tls;
    Poco::Net::ServerSocket _socket;
    std::unique_ptr<Poco::Net::TCPServer> _server;
    mutable std::mutex _mutex;
    int _refusals = 0;
    std::vector<ReceivedMail> _received;
};

}  // namespace lacuna::test
