#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Gap.h"

namespace lacuna {

/// One city's argument in a request for a uniform precedent, as its legal director last wrote it.
struct PrecedentArgument {
    std::string municipality;
    std::string text;
    std::int64_t authorId = 0;
    std::string authorName;
    std::int64_t at = 0;
};

/// A request for a uniform precedent (درخواست صدور رأی وحدت رویه): the committee asks a General Board to
/// settle a question of law on which courts have ruled both ways for the cities.
struct PrecedentRequest {
    std::int64_t id = 0;
    std::string reference;  ///< P-<Jalali year>-<sequence>
    std::string board;      ///< administrative_justice, supreme_court
    std::string provisionKey;
    Provision provision;  ///< as the conflict named it
    std::string question;
    std::vector<std::int64_t> rulingIds;       ///< the conflicting rulings
    std::vector<std::int64_t> gapIds;          ///< the gaps it concerns
    std::vector<PrecedentArgument> arguments;  ///< one per city, by city
    std::string state;
    bool open = true;  ///< not decided or withdrawn: the one open request on its provision
    std::int64_t version = 0;
    std::string filingNumber;
    std::optional<std::int64_t> filedAt;
    std::optional<std::int64_t> decisionRulingId;  ///< the precedent itself, registered as a ruling
    std::optional<std::int64_t> decidedAt;
    std::optional<std::int64_t> dueAt;
    std::int64_t createdBy = 0;
    std::string createdByName;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;

    const PrecedentArgument* argumentOf(const std::string& municipality) const;
};

namespace precedentvalues {
/// The General Boards a request may be addressed to.
const std::vector<std::string>& boards();
}  // namespace precedentvalues

}  // namespace lacuna
