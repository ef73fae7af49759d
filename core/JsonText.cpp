#include "JsonText.h"

#include <Poco/Format.h>

#include "PersianText.h"

namespace lacuna {
namespace {

/// Appends `text` to `out`: calls `ascii(c, out)` for each ASCII byte and appends every other
/// well-formed character as it is; a malformed byte becomes U+FFFD, so that nothing the service writes
/// for a reader is invalid UTF-8, whatever bytes reached it (a receiver's error text, a percent-decoded
/// query).
template <typename Ascii>
void escapeText(std::string_view text, std::string& out, Ascii ascii) {
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
}

}  // namespace

void appendJsonString(std::string& out, std::string_view text) {
    out += '"';
    escapeText(text, out, [](char c, std::string& out) {
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
    });
    out += '"';
}

std::string jsonString(std::string_view text) {
    std::string out;
    appendJsonString(out, text);
    return out;
}

std::string htmlEscape(std::string_view text) {
    std::string out;
    escapeText(text, out, [](char c, std::string& out) {
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
    return out;
}

std::string validUtf8(std::string_view text) {
    std::string out;
    escapeText(text, out, [](char c, std::string& out) { out += c; });
    return out;
}

}  // namespace lacuna
