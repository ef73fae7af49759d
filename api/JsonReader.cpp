#include "JsonReader.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/NumberParser.h>

#include <set>

#include "Errors.h"
#include "PersianText.h"

namespace lacuna {
namespace {

class Reader {
public:
    Reader(const std::string& text, const JsonLimits& limits) : _s(text), _limits(limits) {}

    Poco::Dynamic::Var document() {
        skipSpace();
        if (_pos >= _s.size()) fail("body", "empty", "the body is empty; a JSON value is expected");
        Poco::Dynamic::Var value = parseValue(0, "body");
        skipSpace();
        if (_pos != _s.size()) fail("body", "trailing_data", "unexpected data after the JSON value");
        return value;
    }

private:
    [[noreturn]] void fail(const std::string& field, const std::string& code,
                           const std::string& detail) const {
        throw ValidationError("the body is not acceptable JSON",
                              {{field, code, detail + " (at byte " + std::to_string(_pos) + ")"}});
    }

    void skipSpace() {
        while (_pos < _s.size() &&
               (_s[_pos] == ' ' || _s[_pos] == '\t' || _s[_pos] == '\n' || _s[_pos] == '\r'))
            ++_pos;
    }

    bool consume(char c) {
        skipSpace();
        if (_pos < _s.size() && _s[_pos] == c) {
            ++_pos;
            return true;
        }
        return false;
    }

    void expect(char c, const std::string& at) {
        if (!consume(c)) fail(at, "malformed", std::string("expected '") + c + "'");
    }

    Poco::Dynamic::Var parseValue(std::size_t depth, const std::string& at) {
        skipSpace();
        if (_pos >= _s.size()) fail(at, "malformed", "unexpected end of the body");
        const char c = _s[_pos];
        if (c == '{' || c == '[') {
            if (depth + 1 > _limits.maxDepth)
                fail(at, "too_deep", "nesting deeper than " + std::to_string(_limits.maxDepth) + " levels");
            return c == '{' ? parseObject(depth + 1, at) : parseArray(depth + 1, at);
        }
        if (c == '"') return parseString(at);
        if (c == '-' || (c >= '0' && c <= '9')) return parseNumber(at);
        if (literal("true")) return true;
        if (literal("false")) return false;
        if (literal("null")) return Poco::Dynamic::Var();
        fail(at, "malformed", "not a JSON value");
    }

    bool literal(const char* word) {
        const std::string w = word;
        if (_s.compare(_pos, w.size(), w) != 0) return false;
        _pos += w.size();
        return true;
    }

    Poco::Dynamic::Var parseObject(std::size_t depth, const std::string& at) {
        ++_pos;
        // Keys in a map (found in log n), not Poco's insertion-ordered list, whose linear lookups made
        // a body of many keys cost time quadratic in its size.
        Poco::JSON::Object::Ptr object = new Poco::JSON::Object();
        std::set<std::string> keys;
        if (consume('}')) return object;
        do {
            skipSpace();
            if (_pos >= _s.size() || _s[_pos] != '"') fail(at, "malformed", "expected a quoted key");
            const std::string key = parseString(at);
            const std::string child = at == "body" ? key : at + "." + key;
            if (!keys.insert(key).second) fail(child, "duplicate_key", "the key '" + key + "' appears twice");
            if (keys.size() > _limits.maxMembers)
                fail(at, "too_many_members",
                     "at most " + std::to_string(_limits.maxMembers) + " members in an object");
            expect(':', child);
            object->set(key, parseValue(depth, child));
        } while (consume(','));
        expect('}', at);
        return object;
    }

    Poco::Dynamic::Var parseArray(std::size_t depth, const std::string& at) {
        ++_pos;
        Poco::JSON::Array::Ptr array = new Poco::JSON::Array();
        if (consume(']')) return array;
        do {
            if (array->size() >= _limits.maxItems)
                fail(at, "too_many_items",
                     "at most " + std::to_string(_limits.maxItems) + " items in a list");
            array->add(parseValue(depth, at + "[" + std::to_string(array->size()) + "]"));
        } while (consume(','));
        expect(']', at);
        return array;
    }

    unsigned hex4(const std::string& at) {
        if (_pos + 4 > _s.size()) fail(at, "malformed", "short \\u escape");
        unsigned v = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = _s[_pos++];
            v <<= 4;
            if (c >= '0' && c <= '9')
                v |= c - '0';
            else if (c >= 'a' && c <= 'f')
                v |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                v |= c - 'A' + 10;
            else
                fail(at, "malformed", "bad \\u escape");
        }
        return v;
    }

    std::string parseString(const std::string& at) {
        ++_pos;  // opening quote
        std::string out;
        for (;;) {
            if (_pos >= _s.size()) fail(at, "malformed", "unterminated string");
            const char c = _s[_pos++];
            if (c == '"') break;
            if (c == '\0') fail(at, "nul", "strings must not contain NUL");
            if (static_cast<unsigned char>(c) < 0x20) fail(at, "malformed", "control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (_pos >= _s.size()) fail(at, "malformed", "unterminated escape");
            const char e = _s[_pos++];
            switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    unsigned cp = hex4(at);
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (_s.compare(_pos, 2, "\\u") != 0) fail(at, "invalid_unicode", "lone surrogate");
                        _pos += 2;
                        const unsigned low = hex4(at);
                        if (low < 0xDC00 || low > 0xDFFF) fail(at, "invalid_unicode", "lone surrogate");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        fail(at, "invalid_unicode", "lone surrogate");
                    }
                    if (cp == 0) fail(at, "nul", "strings must not contain NUL");
                    appendUtf8(cp, out);
                    break;
                }
                default:
                    fail(at, "malformed", "unknown escape");
            }
            if (out.size() > _limits.maxStringBytes) fail(at, "too_long", "string too long");
        }
        if (!isValidUtf8(out)) fail(at, "invalid_utf8", "the string is not valid UTF-8");
        return out;
    }

    Poco::Dynamic::Var parseNumber(const std::string& at) {
        const std::size_t start = _pos;
        if (_s[_pos] == '-') ++_pos;
        const auto digits = [&] {
            const std::size_t from = _pos;
            while (_pos < _s.size() && _s[_pos] >= '0' && _s[_pos] <= '9') ++_pos;
            return _pos - from;
        };
        const std::size_t intStart = _pos;
        if (digits() == 0) fail(at, "malformed", "bad number");
        if (_s[intStart] == '0' && _pos - intStart > 1) fail(at, "malformed", "leading zero in a number");
        bool integral = true;
        if (_pos < _s.size() && _s[_pos] == '.') {
            ++_pos;
            integral = false;
            if (digits() == 0) fail(at, "malformed", "bad fraction");
        }
        if (_pos < _s.size() && (_s[_pos] == 'e' || _s[_pos] == 'E')) {
            ++_pos;
            integral = false;
            if (_pos < _s.size() && (_s[_pos] == '+' || _s[_pos] == '-')) ++_pos;
            if (digits() == 0) fail(at, "malformed", "bad exponent");
        }
        const std::string text = _s.substr(start, _pos - start);
        Poco::Int64 i = 0;
        if (integral && Poco::NumberParser::tryParse64(text, i)) return i;
        double d = 0;
        if (!Poco::NumberParser::tryParseFloat(text, d)) fail(at, "malformed", "bad number");
        return d;
    }

    const std::string& _s;
    const JsonLimits& _limits;
    std::size_t _pos = 0;
};

}  // namespace

Poco::Dynamic::Var readJson(const std::string& text, const JsonLimits& limits) {
    return Reader(text, limits).document();
}

}  // namespace lacuna
