#include "YearlyReference.h"

#include "Reference.h"

namespace lacuna {

std::string nextYearlyReference(SqlSession& s, const std::string& counterTable, const std::string& prefix,
                                int jalaliYear) {
    const std::int64_t year = jalaliYear;
    const std::int64_t sequence = insertGiving(
        s, s.incrementCounterSql(counterTable), "last", [&](SqlStatement& up) { up.bind(year); },
        [&] { return selectInteger(s, "SELECT last FROM " + counterTable + " WHERE year = ?", {year}); });
    return reference::yearly(prefix, jalaliYear, sequence);
}

}  // namespace lacuna
