#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "Gap.h"

namespace lacuna {

/// The words a text is indexed and searched by: normalised (normalizePersian), split on anything
/// that is not a letter or digit, without stop words, each reduced by light suffix stripping
/// (‌ها/های/ان/ات) so that plural and singular meet. The same function serves the index and the
/// query, so «شهرداری‌ها», «شهرداریها» and «شهرداری» are one term.
std::vector<std::string> searchTerms(const std::string& text);

/// The version of the text rules — normalizePersian, searchStem, provisionKey, courtKey. Raise it with
/// any change to what they give: the store remakes its provision keys, court keys and search index
/// once, at the next start.
inline constexpr std::int64_t TEXT_RULES_VERSION = 2;

/// One word's stem (the word normalised already), or "" when it is a stop word.
std::string searchStem(const std::string& normalisedWord);

/// Terms with their weights in one document: a BM25 term-frequency part (k1 1.2, b 0.75, a fixed
/// average length), ×1000 as an integer so that both backends rank identically. Title words count
/// three times.
struct TermWeight {
    std::string term;
    std::int64_t weight;
};
std::vector<TermWeight> documentTerms(const std::string& title, const std::string& body);

/// The inverse document frequency of a term found in `documentFrequency` documents.
double inverseDocumentFrequency(std::int64_t documentFrequency);

/// A short extract of `text` around the first words whose stems are in `stems`, HTML-escaped, with
/// each matching word in <mark>…</mark>; the start of the text when nothing matches.
std::string searchSnippet(const std::string& text, const std::vector<std::string>& stems,
                          std::size_t maxChars = 240);

/// A provision reference as one normalised key: the law's words (as search stems, without stop
/// words) joined by `_`, then `:` and the article without its «ماده»/«م» prefix, digits in ASCII: «قانون
/// شهرداری», «ماده ۱۰۰» and «قانون  شهرداري», «م. 100» are both `قانون_شهرداری:100`.
std::string provisionKey(const Provision& provision);

/// The key of a provision given as a key (`قانون_شهرداری:100`) or as people write it.
std::string provisionKeyOf(const std::string& keyOrReference);

/// A court as rulings are filtered and compared by it: «دیوان عدالت اداری», «ديوان عدالت اداري» and
/// «دیوان عدالت‌اداری» are one (normalised, spacing ignored).
std::string courtKey(const std::string& court);

/// What the search index holds of each kind of document: a title (weighted more) and a body.
struct IndexedText {
    std::string title;
    std::string body;
};
IndexedText gapIndexText(const std::string& title, const std::string& description);
/// A gap's latest draft.
IndexedText draftIndexText(const std::string& text, const std::string& rationale);
IndexedText rulingIndexText(const std::string& court, const std::string& summary,
                            const std::string& fullText);
/// A published opinion.
IndexedText opinionIndexText(const std::string& title, const std::string& question,
                             const std::string& answer);
/// A request for a uniform precedent: its question, then the provision and the cities' arguments.
IndexedText precedentIndexText(const Provision& provision, const std::string& question,
                               const std::vector<std::string>& arguments);

/// Splits «قانون شهرداری — ماده ۱۰۰» (or «… م ۱۰۰», «…، ماده ۱۰۰») into law and article.
Provision parseProvisionReference(const std::string& text);

}  // namespace lacuna
