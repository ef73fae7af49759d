#include "GapRows.h"

#include "ProvisionsJson.h"
#include "UserRows.h"

namespace lacuna::gaprows {

Gap read(const SqlStatement& row) {
    Gap g;
    g.id = row.integer(0);
    g.reference = row.text(1);
    g.fields.title = row.text(2);
    g.fields.description = row.text(3);
    g.fields.kind = row.text(4);
    g.fields.category = row.text(5);
    g.fields.municipality = row.text(6);
    g.fields.priority = row.text(7);
    g.fields.confidential = row.integer(8) != 0;
    g.fields.impact.pendingLawsuits = row.integer(9);
    g.fields.impact.exposureRials = row.integer(10);
    g.fields.provisions = provisionsFromJson(row.text(11));
    g.state = row.text(12);
    g.version = row.integer(13);
    g.createdBy = row.integer(14);
    g.createdByName = row.text(15);
    g.createdAt = row.integer(16);
    g.updatedAt = row.integer(17);
    g.dueAt = row.optionalInteger(18);
    g.coReporters = splitRoles(row.text(19));
    return g;
}

GapAudience readAudience(const SqlStatement& row, int first) {
    return GapAudience{row.integer(first) != 0, row.text(first + 1), splitRoles(row.text(first + 2))};
}

GapSummary readSummary(const SqlStatement& r) {
    return GapSummary{r.integer(0), r.text(1), r.text(2), r.text(3), readAudience(r, 4)};
}

}  // namespace lacuna::gaprows
