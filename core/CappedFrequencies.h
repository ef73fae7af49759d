#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "Clock.h"

namespace lacuna {

/// Document frequencies that reached their cap, remembered for a while. Counting a word found in most
/// of a million gaps reads the cap's worth of index entries (7 ms on MariaDB at 20,000) on every search,
/// though its IDF is that of the cap whatever the true count. Only such words are remembered: a word
/// under the cap is counted each time, so a word in no document, or a rare one just reported, is never
/// answered from memory. What is remembered only weighs words in the ranking; nothing that decides
/// what a reader may see or whether a document matches comes from here.
class CappedFrequencies {
public:
    CappedFrequencies(const Clock& clock, std::int64_t keepMs, std::size_t maxWords)
        : _clock(clock), _keepMs(keepMs), _maxWords(maxWords) {}

    /// The frequency of `term` among the documents of `type`, up to `cap`: `cap` if it was reached
    /// within the last `keepMs`, else what `count` says (remembered when it reaches `cap`).
    std::int64_t frequency(const std::string& type, const std::string& term, std::int64_t cap,
                           const std::function<std::int64_t()>& count);

private:
    const Clock& _clock;
    const std::int64_t _keepMs;
    const std::size_t _maxWords;
    std::mutex _mutex;
    /// (type, term, cap) → until when the count is taken as reached.
    std::map<std::string, std::int64_t> _until;
};

}  // namespace lacuna
