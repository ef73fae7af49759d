#pragma once

#include <cstdint>

#include "Gap.h"

namespace lacuna {

/// Merging a duplicate: in one transaction the merged gap moves to `merged` and points to the
/// survivor; the survivor gains its city, provisions and rulings, and both histories say so.
class MergeRepository {
public:
    virtual ~MergeRepository() = default;
    virtual void merge(const GapStateChange& merged, const Gap& survivor,
                       std::int64_t survivorExpectedVersion, const GapEvent& survivorEvent) = 0;
};

}  // namespace lacuna
