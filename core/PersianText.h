#pragma once

#include <string>
#include <string_view>

namespace lacuna {

/// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view text);

/// Decodes the code point at `pos` and advances past it; false on malformed input.
bool decodeUtf8(std::string_view text, std::size_t& pos, char32_t& cp);

/// Appends the UTF-8 encoding of code point `cp` (which must be a valid scalar value).
void appendUtf8(char32_t cp, std::string& out);

/// Number of code points in well-formed UTF-8 text.
std::size_t utf8Length(std::string_view text);

/// At most the first `maxChars` code points of valid UTF-8 text (never cuts a character).
std::string utf8Prefix(std::string_view text, std::size_t maxChars);

/// The form Persian text is searched and compared on; the text as written is stored separately.
/// Arabic yeh/kaf/heh/teh marbuta/alef variants become their Persian letters, diacritics and
/// tatweel go, Persian and Arabic-Indic digits become ASCII, ZWNJ and other joiners and
/// direction marks are removed (so «شهرداری‌ها» meets «شهرداریها»), every run of
/// white space becomes one space, ASCII letters are lower-cased and the ends are trimmed.
std::string normalizePersian(std::string_view text);

}  // namespace lacuna
