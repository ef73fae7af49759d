#include "PersianText.h"

#include <cstdint>

namespace lacuna {

bool decodeUtf8(std::string_view s, std::size_t& pos, char32_t& cp) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    std::size_t len;
    char32_t min;
    if (b0 < 0x80) {
        cp = b0;
        ++pos;
        return true;
    } else if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return false;
    }
    if (pos + len > s.size()) return false;
    for (std::size_t i = 1; i < len; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) return false;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    pos += len;
    return true;
}

namespace {
bool decode(std::string_view s, std::size_t& pos, char32_t& cp) { return decodeUtf8(s, pos, cp); }
}  // namespace

void appendUtf8(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

bool isSpace(char32_t cp) {
    return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\f' || cp == U'\v' ||
           cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/// Characters that change nothing a reader sees as a word: joiners, direction marks, BOM.
bool isIgnorable(char32_t cp) {
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F || cp == 0x2060 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x00AD ||
           cp == 0x0640;
}

bool isDiacritic(char32_t cp) {
    return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || (cp >= 0x06D6 && cp <= 0x06ED);
}

char32_t foldLetter(char32_t cp) {
    switch (cp) {
        case 0x064A:  // ARABIC LETTER YEH
        case 0x0649:  // ARABIC LETTER ALEF MAKSURA
        case 0x06D2:  // YEH BARREE
            return 0x06CC;
        case 0x0643:  // ARABIC LETTER KAF
            return 0x06A9;
        case 0x0629:  // TEH MARBUTA
        case 0x06C0:  // HEH WITH YEH ABOVE
        case 0x06D5:  // AE
            return 0x0647;
        case 0x0623:  // ALEF WITH HAMZA ABOVE
        case 0x0625:  // ALEF WITH HAMZA BELOW
        case 0x0671:  // ALEF WASLA
            return 0x0627;
        case 0x0624:  // WAW WITH HAMZA ABOVE
            return 0x0648;
        default:
            break;
    }
    if (cp >= 0x06F0 && cp <= 0x06F9) return U'0' + (cp - 0x06F0);
    if (cp >= 0x0660 && cp <= 0x0669) return U'0' + (cp - 0x0660);
    if (cp >= U'A' && cp <= U'Z') return cp + 32;
    return cp;
}

}  // namespace

std::string utf8Prefix(std::string_view text, std::size_t maxChars) {
    std::size_t pos = 0, count = 0;
    char32_t c = 0;
    while (pos < text.size() && count < maxChars) {
        const std::size_t start = pos;
        if (!decodeUtf8(text, pos, c)) return std::string(text.substr(0, start));
        ++count;
    }
    return std::string(text.substr(0, pos));
}

bool isValidUtf8(std::string_view text) {
    std::size_t pos = 0;
    char32_t cp;
    while (pos < text.size())
        if (!decode(text, pos, cp)) return false;
    return true;
}

std::size_t utf8Length(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string normalizePersian(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        char32_t cp;
        if (!decode(text, pos, cp)) {
            ++pos;  // callers validate; a stray byte is dropped rather than copied
            continue;
        }
        if (isSpace(cp)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (isIgnorable(cp) || isDiacritic(cp)) continue;
        if (pendingSpace) {
            out += ' ';
            pendingSpace = false;
        }
        appendUtf8(foldLetter(cp), out);
    }
    return out;
}

}  // namespace lacuna
