#pragma once

// What every harness shares: the input as text, and a failed property reported as a crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace lacuna::fuzz {

inline std::string text(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

/// A property that must hold for every input; libFuzzer keeps the input that broke it.
inline void require(bool holds, const char* property) {
    if (holds) return;
    std::fprintf(stderr, "property broken: %s\n", property);
    std::abort();
}

}  // namespace lacuna::fuzz
