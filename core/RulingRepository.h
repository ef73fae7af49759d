#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Gap.h"
#include "RecordEvent.h"
#include "Ruling.h"

namespace lacuna {

/// Whom a new ruling alerts in their inbox, and with what line.
struct RulingAlert {
    std::vector<std::int64_t> recipients;  ///< user ids
    std::string summary;
};

/// Court rulings and what is recorded on each provision.
class RulingRepository {
public:
    virtual ~RulingRepository() = default;
    /// Stores the ruling (version 1) with its event and, in the same transaction, the alert's
    /// notifications (`ruling.adverse`, with the ruling's reference) for its recipients.
    virtual Ruling create(const Ruling& ruling, const RecordEvent& event, const RulingAlert& alert) = 0;
    virtual std::optional<Ruling> find(std::int64_t id) = 0;
    virtual std::vector<Ruling> list(const RulingQuery& query) = 0;
    /// Links (or re-notes) a gap, bumping the ruling's version, with the event.
    virtual void link(std::int64_t rulingId, std::int64_t expectedVersion, const RulingLink& link,
                      const RecordEvent& event) = 0;
    /// The provisions both adverse and favourable rulings name, each with the newest of either side and how
    /// many, as the query says; the gaps and the provision as named are left to the caller.
    virtual std::vector<RulingConflict> conflicts(const ConflictQuery& query) = 0;
    /// Gaps that name any of these provision keys.
    virtual std::vector<GapSummary> gapsOnProvisions(const std::vector<std::string>& keys,
                                                     std::size_t limit) = 0;
    /// Everything on provision `key`, newest first, as much as `limits` says; the gaps below `gapsBefore`.
    virtual ProvisionPage provision(const std::string& key, const ProvisionLimits& limits,
                                    std::optional<std::int64_t> gapsBefore = std::nullopt) = 0;
};

}  // namespace lacuna
