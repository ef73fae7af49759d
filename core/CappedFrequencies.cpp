#include "CappedFrequencies.h"

namespace lacuna {

std::int64_t CappedFrequencies::frequency(const std::string& type, const std::string& term, std::int64_t cap,
                                          const std::function<std::int64_t()>& count) {
    const std::string key = type + '\t' + std::to_string(cap) + '\t' + term;
    {
        std::lock_guard lock(_mutex);
        const auto found = _until.find(key);
        if (found != _until.end()) {
            if (_clock.nowMs() < found->second) return cap;
            _until.erase(found);
        }
    }
    const std::int64_t counted = count();  // not under the lock: other searches go on meanwhile
    if (counted < cap) return counted;
    std::lock_guard lock(_mutex);
    const std::int64_t now = _clock.nowMs();
    if (_until.size() >= _maxWords)  // full: the lapsed go first, and everything if none has lapsed
        std::erase_if(_until, [&](const auto& word) { return word.second <= now; });
    if (_until.size() >= _maxWords) _until.clear();
    _until[key] = now + _keepMs;
    return counted;
}

}  // namespace lacuna
