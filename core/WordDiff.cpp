#include "WordDiff.h"

#include <algorithm>
#include <cstdint>

#include "PersianText.h"

namespace lacuna {
namespace {

/// Beyond this many edits the middle is reported as one deletion and one insertion: the trace
/// would grow with the square of the edit count.
constexpr std::int64_t MAX_EDITS = 4000;

bool isSpace(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x3000;
}

bool isPunctuation(char32_t c) {
    if (c < 0x80)
        return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
               (c >= '{' && c <= '~');
    switch (c) {
        case 0xAB:    // «
        case 0xBB:    // »
        case 0x060C:  // ، Arabic comma
        case 0x061B:  // ؛ Arabic semicolon
        case 0x061F:  // ؟ Arabic question mark
        case 0x066A:  // ٪
        case 0x06D4:  // ۔
        case 0x2013:  // –
        case 0x2014:  // —
        case 0x2026:  // …
        case 0x2018:
        case 0x2019:
        case 0x201C:
        case 0x201D:
            return true;
        default:
            return false;
    }
}

enum class TokenClass { Word, Space, Mark };

struct Token {
    std::string text;
    std::string key;
};

std::vector<Token> tokenize(const std::string& text) {
    std::vector<std::string> parts = diffTokens(text);
    std::vector<Token> tokens;
    tokens.reserve(parts.size());
    for (auto& part : parts) {
        std::size_t pos = 0;
        char32_t first = 0;
        decodeUtf8(part, pos, first);
        std::string key = isSpace(first) ? std::string(" ") : normalizePersian(part);
        // A word made only of ZWNJ or marks normalises to nothing; keep it distinct from a space.
        if (key.empty()) key = part;
        tokens.push_back(Token{std::move(part), std::move(key)});
    }
    return tokens;
}

void push(std::vector<DiffOp>& ops, DiffOp::Kind kind, const std::string& text) {
    if (!ops.empty() && ops.back().kind == kind)
        ops.back().text += text;
    else
        ops.push_back(DiffOp{kind, text});
}

}  // namespace

const char* diffKindName(DiffOp::Kind kind) {
    switch (kind) {
        case DiffOp::Kind::Insert:
            return "insert";
        case DiffOp::Kind::Delete:
            return "delete";
        default:
            return "equal";
    }
}

std::vector<std::string> diffTokens(const std::string& text) {
    std::vector<std::string> tokens;
    std::size_t pos = 0;
    TokenClass current = TokenClass::Mark;
    while (pos < text.size()) {
        const std::size_t start = pos;
        char32_t c = 0;
        if (!decodeUtf8(text, pos, c)) {
            pos = start + 1;  // stored text is valid UTF-8; never loop on a bad byte
            c = 0xFFFD;
        }
        const TokenClass cls = isSpace(c)         ? TokenClass::Space
                               : isPunctuation(c) ? TokenClass::Mark
                                                  : TokenClass::Word;
        const bool joins = !tokens.empty() && cls != TokenClass::Mark && cls == current;
        if (joins)
            tokens.back().append(text, start, pos - start);
        else
            tokens.emplace_back(text, start, pos - start);
        current = cls;
    }
    return tokens;
}

std::vector<DiffOp> wordDiff(const std::string& before, const std::string& after) {
    const std::vector<Token> a = tokenize(before);
    const std::vector<Token> b = tokenize(after);
    std::vector<DiffOp> ops;

    // Common prefix and suffix need no search.
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix].key == b[prefix].key) ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix].key == b[b.size() - 1 - suffix].key)
        ++suffix;
    for (std::size_t i = 0; i < prefix; ++i) push(ops, DiffOp::Kind::Equal, b[i].text);

    const auto n = static_cast<std::int64_t>(a.size() - prefix - suffix);
    const auto m = static_cast<std::int64_t>(b.size() - prefix - suffix);
    const auto A = [&](std::int64_t i) -> const Token& { return a[prefix + static_cast<std::size_t>(i)]; };
    const auto B = [&](std::int64_t j) -> const Token& { return b[prefix + static_cast<std::size_t>(j)]; };

    // Myers: trace[d] holds the furthest x on each diagonal k in [-d, d] after d edits.
    std::vector<std::vector<std::int64_t>> trace;
    std::vector<std::int64_t> v(3, 0);  // diagonals -1..1 before the first step
    bool found = n == 0 && m == 0;
    std::int64_t edits = 0;
    if (!found) {
        for (std::int64_t d = 0; d <= n + m && d <= MAX_EDITS; ++d) {
            std::vector<std::int64_t> next(static_cast<std::size_t>(2 * d + 3), 0);
            const auto at = [](std::vector<std::int64_t>& vec, std::int64_t dd,
                               std::int64_t k) -> std::int64_t& {
                return vec[static_cast<std::size_t>(k + dd + 1)];
            };
            for (std::int64_t k = -d; k <= d; k += 2) {
                const std::int64_t prevD = d - 1;
                std::int64_t x;
                if (d == 0)
                    x = 0;
                else if (k == -d || (k != d && at(v, prevD, k - 1) < at(v, prevD, k + 1)))
                    x = at(v, prevD, k + 1);
                else
                    x = at(v, prevD, k - 1) + 1;
                std::int64_t y = x - k;
                while (x < n && y < m && A(x).key == B(y).key) ++x, ++y;
                at(next, d, k) = x;
                if (x >= n && y >= m) {
                    found = true;
                    break;
                }
            }
            trace.push_back(next);
            v = std::move(next);
            if (found) {
                edits = d;
                break;
            }
        }
    }

    std::vector<DiffOp> middle;
    if (!found) {
        for (std::int64_t i = 0; i < n; ++i) push(middle, DiffOp::Kind::Delete, A(i).text);
        for (std::int64_t j = 0; j < m; ++j) push(middle, DiffOp::Kind::Insert, B(j).text);
    } else if (n + m > 0) {
        // Walk back from (n, m) to (0, 0), collecting the path's moves in reverse.
        struct Move {
            DiffOp::Kind kind;
            std::int64_t index;
        };
        std::vector<Move> moves;
        std::int64_t x = n, y = m;
        for (std::int64_t d = edits; d > 0; --d) {
            const std::vector<std::int64_t>& prev = trace[static_cast<std::size_t>(d - 1)];
            const auto get = [&](std::int64_t k) { return prev[static_cast<std::size_t>(k + d)]; };
            const std::int64_t k = x - y;
            const bool down = k == -d || (k != d && get(k - 1) < get(k + 1));
            const std::int64_t prevK = down ? k + 1 : k - 1;
            const std::int64_t prevX = get(prevK);
            const std::int64_t prevY = prevX - prevK;
            while (x > prevX + (down ? 0 : 1) && y > prevY + (down ? 1 : 0)) {
                --x;
                moves.push_back({DiffOp::Kind::Equal, --y});
            }
            if (down)
                moves.push_back({DiffOp::Kind::Insert, --y});
            else
                moves.push_back({DiffOp::Kind::Delete, --x});
        }
        while (x > 0 && y > 0) {
            --x;
            moves.push_back({DiffOp::Kind::Equal, --y});
        }
        // Equal and Insert moves index `after`'s tokens, Delete moves `before`'s.
        for (auto it = moves.rbegin(); it != moves.rend(); ++it)
            push(middle, it->kind, it->kind == DiffOp::Kind::Delete ? A(it->index).text : B(it->index).text);
    }
    for (auto& op : middle) push(ops, op.kind, op.text);
    for (std::size_t i = b.size() - suffix; i < b.size(); ++i) push(ops, DiffOp::Kind::Equal, b[i].text);
    return ops;
}

}  // namespace lacuna
