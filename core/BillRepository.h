#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "Bill.h"
#include "Gap.h"
#include "RecordEvent.h"

namespace lacuna {

/// Bills in the Majlis with their sponsors, objections and city positions.
class BillRepository {
public:
    virtual ~BillRepository() = default;
    /// The gap changes that go with a new bill, told its reference once the store has assigned it.
    using GapChangesFor = std::function<std::vector<GapStateChange>(const std::string& billReference)>;

    /// Assigns id and reference B-<jalaliYear>-<sequence>, then applies what `gapChangesFor` says for
    /// that reference in the same transaction.
    virtual Bill create(const Bill& bill, int jalaliYear, const RecordEvent& event,
                        const GapChangesFor& gapChangesFor) = 0;
    virtual std::optional<Bill> find(std::int64_t id) = 0;
    /// The bill whose reference (`B-1405-0003`) is `reference`.
    virtual std::optional<Bill> findByReference(const std::string& reference) = 0;
    /// The newest `limit` bills of each of `states` (of any state when it is empty), newest first, read
    /// with their parts in one go whatever the number of states.
    virtual std::vector<Bill> list(const std::vector<std::string>& states, std::size_t limit) = 0;
    /// The bills a gap is bundled in.
    virtual std::vector<std::int64_t> billsOfGap(std::int64_t gapId) = 0;
    /// Replaces the bill at version expectedVersion + events.size(), appending the events in order.
    virtual void save(const Bill& bill, std::int64_t expectedVersion, const std::vector<RecordEvent>& events,
                      const std::vector<GapStateChange>& gapChanges) = 0;
};

}  // namespace lacuna
