#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Opinion.h"
#include "RecordEvent.h"

namespace lacuna {

/// Advisory opinions with every version of their texts.
class OpinionRepository {
public:
    virtual ~OpinionRepository() = default;
    /// Assigns id and reference; stores the first question text.
    virtual Opinion create(const Opinion& opinion, int jalaliYear, const RecordEvent& event) = 0;
    virtual std::optional<Opinion> find(std::int64_t id) = 0;
    virtual std::vector<Opinion> list(const std::optional<std::string>& state,
                                      const std::optional<std::string>& municipality, std::size_t limit) = 0;
    /// Saves the opinion at expectedVersion + 1 with the event; appends `text` when given; indexes
    /// the opinion for search when it is published (and removes it when it stops being so).
    virtual void save(const Opinion& opinion, std::int64_t expectedVersion, const RecordEvent& event,
                      const std::optional<OpinionText>& text) = 0;
    /// Published opinions naming this provision key.
    virtual std::vector<Opinion> onProvision(const std::string& key, std::size_t limit) = 0;
    /// The opinions linked to the gap, newest first, at most `limit`.
    virtual std::vector<Opinion> linkedToGap(std::int64_t gapId, std::size_t limit) = 0;
};

}  // namespace lacuna
