#pragma once

#include <string>
#include <vector>

namespace lacuna {

/// One run of a word-level diff: text kept, inserted or deleted.
struct DiffOp {
    enum class Kind { Equal, Insert, Delete };
    Kind kind;
    std::string text;
    bool operator==(const DiffOp&) const = default;
};

const char* diffKindName(DiffOp::Kind kind);

/// Splits Persian (or any) text into words, runs of white space and single punctuation marks
/// (« » ، ؛ ؟ and ASCII). A ZWNJ stays inside its word: «شهرداری‌ها» is one word.
std::vector<std::string> diffTokens(const std::string& text);

/// The word-by-word difference from `before` to `after` (Myers' algorithm over diffTokens).
/// Words compare on their normalised form, so a change of ي to ی, of digits' script, of diacritics
/// or of ZWNJ is not a change; any run of white space equals any other. Runs of the same kind are
/// merged; the texts of Equal and Insert runs are `after`'s, of Delete runs `before`'s.
std::vector<DiffOp> wordDiff(const std::string& before, const std::string& after);

}  // namespace lacuna
