#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Gap.h"

namespace lacuna {

/// One version of an opinion's question or answer, as written.
struct OpinionText {
    std::string kind;  ///< question, answer
    std::int64_t version = 0;
    std::string text;
    std::vector<Provision> provisions;
    std::int64_t authorId = 0;
    std::string authorName;
    std::int64_t createdAt = 0;
};

/// A city's question to the committee (استعلام) and the committee's advisory opinion (نظریه مشورتی),
/// published as guidance every city can search.
struct Opinion {
    std::int64_t id = 0;
    std::string reference;  ///< O-<Jalali year>-<sequence>
    std::string municipality;
    std::int64_t askedBy = 0;
    std::string askedByName;
    std::string title;
    std::string assignee;
    std::string state;
    std::int64_t version = 0;
    std::optional<std::int64_t> dueAt;
    std::optional<std::int64_t> publishedAt;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::vector<OpinionText> texts;  ///< every version, oldest first
    std::vector<std::int64_t> gapIds;
    std::vector<std::int64_t> rulingIds;

    const OpinionText* latest(const std::string& kind) const;
};

}  // namespace lacuna
