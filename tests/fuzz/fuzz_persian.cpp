// The Persian normaliser and the stemmer behind search: valid UTF-8 in, valid UTF-8 out; normalising
// twice changes nothing; every search term is already normal and stems to something no longer.
#include <vector>

#include "FuzzCommon.h"
#include "PersianText.h"
#include "SearchText.h"

using lacuna::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input = lacuna::fuzz::text(data, size);
    if (!lacuna::isValidUtf8(input)) return 0;  // the edge refuses it before any of this runs
    const std::string normal = lacuna::normalizePersian(input);
    require(lacuna::isValidUtf8(normal), "normalised text is valid UTF-8");
    require(lacuna::normalizePersian(normal) == normal, "normalising is idempotent");
    std::vector<std::string> stems;
    for (const std::string& term : lacuna::searchTerms(input)) {
        require(!term.empty() && lacuna::isValidUtf8(term), "a search term is non-empty UTF-8");
        stems.push_back(lacuna::searchStem(term));
        require(lacuna::isValidUtf8(stems.back()), "a stem is valid UTF-8");
        require(stems.back().size() <= term.size(), "a stem is no longer than its word");
    }
    (void)lacuna::documentTerms(input, input);
    require(lacuna::isValidUtf8(lacuna::searchSnippet(input, stems, 80)), "a snippet is valid UTF-8");
    return 0;
}
