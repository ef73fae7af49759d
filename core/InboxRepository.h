#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Inbox.h"

namespace lacuna {

/// Clocks, inboxes and watches.
class InboxRepository {
public:
    virtual ~InboxRepository() = default;
    /// Gaps and bills whose clock ends at or before `until`, soonest first.
    virtual std::vector<DueItem> dueBefore(std::int64_t until, std::size_t limit) = 0;
    virtual std::vector<Notification> notifications(std::int64_t userId, bool unreadOnly,
                                                    std::size_t limit) = 0;
    /// The user's notifications after `afterId`, oldest first (what a message has not covered yet).
    virtual std::vector<Notification> notificationsAfter(std::int64_t userId, std::int64_t afterId,
                                                         std::size_t limit) = 0;
    /// Marks the user's notifications read (all of them when `ids` is empty); returns how many changed.
    virtual int markRead(std::int64_t userId, const std::vector<std::int64_t>& ids, std::int64_t at) = 0;
    virtual void watch(std::int64_t gapId, std::int64_t userId, bool on) = 0;
    virtual bool watches(std::int64_t gapId, std::int64_t userId) = 0;
    /// Gaps in one of `states`, in `municipality` when set, oldest change first (what someone may act on).
    virtual std::vector<DueItem> gapsInStates(const std::vector<std::string>& states,
                                              const std::optional<std::string>& municipality,
                                              std::size_t limit) = 0;
};

}  // namespace lacuna
