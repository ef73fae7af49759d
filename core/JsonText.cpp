#include "JsonText.h"

#include <Poco/Format.h>

#include "PersianText.h"

namespace lacuna {
namespace {

/// Calls `ascii(c)` for each ASCII byte and appends every other well-formed character as it is; a
/// malformed byte becomes U+FFFD, so that nothing the service writes for a reader is invalid UTF-8,
/// whatever bytes reached it (a receiver's error text, a percent-decoded query).
template <typename Ascii>
std::string escapeText(std::string_view text, std::string out, Ascii ascii) {
    out.reserve(out.size() + text.size() + 2);
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80) {
            ascii(static_cast<char>(byte), out);
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        char32_t cp = 0;
        if (decodeUtf8(text, pos, cp)) {
            out.append(text.substr(start, pos - start));
        } else {
            out += "\xEF\xBF\xBD";
            pos = start + 1;
        }
    }
    return out;
}

}  // namespace

std::string jsonString(std::string_view text) {
    return escapeText(text, "\"",
                      [](char c, std::string& out) {
                          switch (c) {
                              case '"':
                                  out += "\\\"";
                                  break;
                              case '\\':
                                  out += "\\\\";
                                  break;
                              case '\n':
                                  out += "\\n";
                                  break;
                              case '\r':
                                  out += "\\r";
                                  break;
                              case '\t':
                                  out += "\\t";
                                  break;
                              default:
                                  if (static_cast<unsigned char>(c) < 0x20)
                                      out += Poco::format("\\u%04x", static_cast<unsigned>(c));
                                  else
                                      out += c;
                          }
                      }) +
           "\"";
}

std::string htmlEscape(std::string_view text) {
    return escapeText(text, "", [](char c, std::string& out) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    });
}

std::string validUtf8(std::string_view text) {
    return escapeText(text, "", [](char c, std::string& out) { out += c; });
}

}  // namespace lacuna
