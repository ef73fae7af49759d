#include "TextChecks.h"

#include <algorithm>

#include "PersianText.h"

namespace lacuna {

namespace {

/// U+202A–U+202E (embeddings, overrides, their end) and U+2066–U+2069 (isolates): they turn the text
/// a person reads around. Marks (U+200E/F) and ZWNJ stay allowed.
bool hasBidiControl(const std::string& value) {
    std::size_t pos = 0;
    char32_t c = 0;
    while (pos < value.size()) {
        const std::size_t start = pos;
        if (!decodeUtf8(value, pos, c)) {
            pos = start + 1;
            continue;
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) return true;
    }
    return false;
}

}  // namespace

void checkText(FieldErrors& errors, const std::string& field, const std::string& value, std::size_t max,
               bool required) {
    if (!isValidUtf8(value)) {
        errors.add(field, "invalid_utf8", "not valid UTF-8");
        return;
    }
    if (value.find('\0') != std::string::npos) {
        errors.add(field, "nul", "contains a NUL character");
        return;
    }
    if (hasBidiControl(value)) {
        errors.add(field, "bidi_control", "contains a direction embedding, override or isolate control");
        return;
    }
    // Required text must show something: not only spaces, joiners or invisible marks.
    if (required && normalizePersian(value).empty()) errors.add(field, "required", "must not be empty");
    if (utf8Length(value) > max)
        errors.add(field, "too_long", "at most " + std::to_string(max) + " characters");
}

void checkProvisions(FieldErrors& errors, const std::string& field, const std::vector<Provision>& provisions,
                     std::size_t maxCount, std::size_t lawMax, std::size_t articleMax) {
    if (provisions.size() > maxCount)
        errors.add(field, "too_many", "at most " + std::to_string(maxCount) + " provisions");
    else if (provisionsJson(provisions).size() > PROVISIONS_BYTES_MAX)
        errors.add(field, "too_long",
                   "the provisions together take at most " + std::to_string(PROVISIONS_BYTES_MAX) + " bytes");
    for (std::size_t i = 0; i < provisions.size(); ++i) {
        const std::string at = field + "[" + std::to_string(i) + "]";
        checkText(errors, at + ".law", provisions[i].law, lawMax, true);
        checkText(errors, at + ".article", provisions[i].article, articleMax, false);
    }
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace lacuna
