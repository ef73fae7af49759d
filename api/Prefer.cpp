#include "Prefer.h"

#include <Poco/String.h>

namespace lacuna {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t'; }

/// Reads one Prefer field: its preferences in order, as (name, value).
class PreferField {
public:
    explicit PreferField(const std::string& text) : _text(text) {}

    /// The next preference; false at the end of the field.
    bool next(std::string& name, std::string& value) {
        for (;;) {
            while (_at < _text.size() && (isSpace(_text[_at]) || _text[_at] == ',')) ++_at;
            if (_at >= _text.size()) return false;
            name = token();
            value.clear();
            skipSpace();
            if (_at < _text.size() && _text[_at] == '=') {
                ++_at;
                skipSpace();
                value = word();
            }
            skipToNextPreference();  // its parameters, and whatever cannot be read
            if (!name.empty()) return true;
        }
    }

private:
    void skipSpace() {
        while (_at < _text.size() && isSpace(_text[_at])) ++_at;
    }
    std::string token() {
        const std::size_t from = _at;
        while (_at < _text.size() && !isSpace(_text[_at]) && _text[_at] != '=' && _text[_at] != ';' &&
               _text[_at] != ',' && _text[_at] != '"')
            ++_at;
        return _text.substr(from, _at - from);
    }
    /// A token or a quoted string (unquoted, its backslash escapes undone).
    std::string word() {
        if (_at >= _text.size() || _text[_at] != '"') return token();
        std::string out;
        for (++_at; _at < _text.size() && _text[_at] != '"'; ++_at) {
            if (_text[_at] == '\\' && _at + 1 < _text.size()) ++_at;
            out += _text[_at];
        }
        if (_at < _text.size()) ++_at;  // the closing quote
        return out;
    }
    /// Past the rest of this preference, up to the comma before the next one; a comma inside a quoted
    /// parameter value does not end it.
    void skipToNextPreference() {
        bool quoted = false;
        for (; _at < _text.size(); ++_at) {
            const char c = _text[_at];
            if (quoted && c == '\\')
                ++_at;
            else if (c == '"')
                quoted = !quoted;
            else if (!quoted && c == ',')
                return;
        }
    }

    const std::string& _text;
    std::size_t _at = 0;
};

}  // namespace

std::optional<std::string> preferenceIn(const std::vector<std::string>& fields, std::string_view name) {
    std::string found, value;
    for (const std::string& field : fields) {
        PreferField reader(field);
        while (reader.next(found, value))
            if (Poco::icompare(found, std::string(name)) == 0) return value;
    }
    return std::nullopt;
}

}  // namespace lacuna
