#pragma once

#include <string>
#include <string_view>

namespace lacuna {

/// `text` as a JSON string literal (quotes included); UTF-8 passes through unescaped, a malformed byte
/// becomes U+FFFD.
std::string jsonString(std::string_view text);
/// jsonString(text) appended to `out`, without a string of its own.
void appendJsonString(std::string& out, std::string_view text);

/// `text` escaped for HTML element content and attribute values (& < > " '); a malformed byte becomes
/// U+FFFD.
std::string htmlEscape(std::string_view text);

/// `text` with every malformed byte replaced by U+FFFD.
std::string validUtf8(std::string_view text);

}  // namespace lacuna
