#pragma once

#include <string>
#include <string_view>

namespace lacuna {

/// `text` as a JSON string literal (quotes included); UTF-8 passes through unescaped.
std::string jsonString(std::string_view text);

/// `text` escaped for HTML element content and attribute values (& < > " ').
std::string htmlEscape(std::string_view text);

}  // namespace lacuna
