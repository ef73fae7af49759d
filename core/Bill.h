#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Gap.h"

namespace lacuna {

/// An MP who signed an MPs' plan (طرح).
struct Sponsor {
    std::string name;
    std::string constituency;
    std::int64_t signedAt = 0;
    std::optional<std::int64_t> withdrawnAt;
};

/// A Guardian Council objection to one article of a bill.
struct Objection {
    std::int64_t number = 0;  ///< 1, 2, … per bill
    std::string article;
    std::string type;  ///< sharia, constitution, ambiguity
    std::string text;
    std::string response;  ///< the Majlis's response
    bool resolved = false;
    std::int64_t raisedAt = 0;
    std::optional<std::int64_t> resolvedAt;
};

/// A city's position on a bill.
struct BillPosition {
    std::string municipality;
    std::string position;  ///< support, oppose, watch
    std::string note;
    std::int64_t byId = 0;
    std::string byName;
    std::int64_t at = 0;
};

struct BillGap {
    std::int64_t gapId = 0;
    std::string reference;
    std::string title;
    GapAudience audience;
};

/// What goes to the Majlis: one or more endorsed gaps.
struct Bill {
    std::int64_t id = 0;
    std::string reference;  ///< B-<Jalali year>-<4-digit sequence>
    std::string title;
    std::string channel;  ///< mps_plan, government_bill, provinces_council
    std::string registrationNo;
    std::string leadCommission;
    std::vector<std::string> advisoryCommissions;
    std::string urgency = "ordinary";  ///< ordinary, single, double
    std::string state;
    std::int64_t version = 0;
    std::optional<std::int64_t> dueAt;
    int extensions = 0;  ///< clock extensions granted in the current state
    std::int64_t createdBy = 0;
    std::string createdByName;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    std::vector<BillGap> gaps;
    std::vector<Sponsor> sponsors;
    std::vector<Objection> objections;
    std::vector<BillPosition> positions;

    std::size_t activeSponsors() const;
};

namespace billvalues {
const std::vector<std::string>& channels();
const std::vector<std::string>& urgencies();
const std::vector<std::string>& objectionTypes();
const std::vector<std::string>& positions();
}  // namespace billvalues

}  // namespace lacuna
