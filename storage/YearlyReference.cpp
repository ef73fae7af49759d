#include "YearlyReference.h"

#include "Errors.h"
#include "Reference.h"

namespace lacuna {

std::string nextYearlyReference(SqlSession& s, const std::string& counterTable, const std::string& prefix,
                                int jalaliYear) {
    const std::int64_t year = jalaliYear;
    const std::string increment = s.incrementCounterSql(counterTable);
    if (s.insertReturning()) {  // the new count comes back with the increment
        auto next = s.prepare(increment + " RETURNING last");
        next->bind(year);
        if (!next->step()) throw StoreUnavailable("the counter " + counterTable + " gave no count back");
        return reference::yearly(prefix, jalaliYear, next->integer(0));
    }
    s.prepare(increment)->bind(year).run();
    const std::int64_t sequence =
        selectInteger(s, "SELECT last FROM " + counterTable + " WHERE year = ?", {year});
    return reference::yearly(prefix, jalaliYear, sequence);
}

}  // namespace lacuna
