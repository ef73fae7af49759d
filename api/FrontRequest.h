#pragma once

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>

#include <optional>
#include <sstream>
#include <string>

namespace lacuna {

/// The session of one connection's request, with the byte reads the strict chunk decoder needs.
class FrontSession : public Poco::Net::HTTPServerSession {
public:
    using HTTPServerSession::HTTPServerSession;
    /// The next byte, or -1 at the end of the input.
    int nextByte() { return get(); }
    /// Up to `length` bytes; 0 at the end of the input.
    int readSome(char* buffer, std::streamsize length) { return read(buffer, length); }
};

/// A request whose chunked body is decoded strictly (RFC 9112 7.1): a chunk size of hexadecimal
/// digits, every line ended by CRLF, every chunk followed by CRLF, a bounded trailer. Poco's own
/// decoder ends the body quietly at a malformed size and leaves the rest to be read as the next
/// request; this one refuses it (400 naming Transfer-Encoding) and the connection is closed.
class FrontRequest : public Poco::Net::HTTPServerRequestImpl {
public:
    FrontRequest(Poco::Net::HTTPServerResponseImpl& response, FrontSession& session,
                 Poco::Net::HTTPServerParams* params, std::size_t maxBodyBytes);
    std::istream& stream() override;

private:
    FrontSession& _session;
    std::size_t _maxBodyBytes;
    std::optional<std::istringstream> _decoded;
};

/// The body of a chunked message read from `session`, at most `maxBodyBytes` of it.
std::string decodeChunks(FrontSession& session, std::size_t maxBodyBytes);

}  // namespace lacuna
