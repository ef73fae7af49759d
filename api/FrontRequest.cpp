#include "FrontRequest.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>

#include <algorithm>
#include <cctype>

#include "HttpErrors.h"

namespace lacuna {

namespace {

constexpr std::size_t MAX_CHUNK_LINE = 1024;
constexpr std::size_t MAX_TRAILER_LINE = 8192;
constexpr int MAX_TRAILER_FIELDS = 32;

[[noreturn]] void malformed(const std::string& why) {
    throw BadFraming("Transfer-Encoding", "the chunks of the body are malformed: " + why);
}

/// One line ended by CRLF, without it; at most `limit` bytes.
std::string readLine(FrontSession& session, std::size_t limit) {
    std::string line;
    for (int c = session.nextByte(); c != '\r'; c = session.nextByte()) {
        if (c < 0) malformed("the body ended inside a line");
        if (c == '\n') malformed("a line ends with LF alone");
        if (line.size() == limit) malformed("a line is longer than " + std::to_string(limit) + " bytes");
        line += static_cast<char>(c);
    }
    if (session.nextByte() != '\n') malformed("CR without LF");
    return line;
}

std::size_t chunkSize(const std::string& line) {
    std::size_t digits = 0;
    while (digits < line.size() && std::isxdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    if (digits == 0 || digits > 8) malformed("a chunk size must be 1 to 8 hexadecimal digits");
    std::size_t rest = line.find_first_not_of(" \t", digits);
    if (rest != std::string::npos && line[rest] != ';')
        malformed("a chunk size is followed by '" + line.substr(rest, 1) + "'");
    unsigned size = 0;
    if (!Poco::NumberParser::tryParseHex(line.substr(0, digits), size))
        malformed("a chunk size is not a number");
    return size;
}

}  // namespace

std::string decodeChunks(FrontSession& session, std::size_t maxBodyBytes) {
    std::string body;
    char buffer[8192];
    for (std::size_t size; (size = chunkSize(readLine(session, MAX_CHUNK_LINE))) > 0;) {
        if (size > maxBodyBytes - body.size())
            throw PayloadTooLarge("the body is larger than " + std::to_string(maxBodyBytes) + " bytes");
        while (size > 0) {
            const int n =
                session.readSome(buffer, static_cast<std::streamsize>(std::min(size, sizeof buffer)));
            if (n <= 0) malformed("the body ended inside a chunk");
            body.append(buffer, static_cast<std::size_t>(n));
            size -= static_cast<std::size_t>(n);
        }
        if (session.nextByte() != '\r' || session.nextByte() != '\n')
            malformed("a chunk is not followed by CRLF");
    }
    for (int fields = 0; !readLine(session, MAX_TRAILER_LINE).empty();)
        if (++fields > MAX_TRAILER_FIELDS) malformed("the trailer has too many fields");
    return body;
}

FrontRequest::FrontRequest(Poco::Net::HTTPServerResponseImpl& response, FrontSession& session,
                           Poco::Net::HTTPServerParams* params, std::size_t maxBodyBytes)
    : HTTPServerRequestImpl(response, session, params), _session(session), _maxBodyBytes(maxBodyBytes) {}

std::istream& FrontRequest::stream() {
    if (!getChunkedTransferEncoding()) return HTTPServerRequestImpl::stream();
    if (!_decoded) {
        try {
            _decoded.emplace(decodeChunks(_session, _maxBodyBytes));
        } catch (const Poco::IOException& e) {
            throwBodyFailure(e);
        } catch (const Poco::TimeoutException& e) {
            throwBodyFailure(e);
        }
    }
    return *_decoded;
}

}  // namespace lacuna
