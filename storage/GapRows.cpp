#include "GapRows.h"

#include "ProvisionsJson.h"
#include "UserRows.h"

namespace lacuna::gaprows {

const std::string SELECT_COLUMNS = R"(SELECT g.id, g.reference, g.title, g.description, g.kind, g.category,
 g.municipality, g.priority, g.confidential, g.pending_lawsuits, g.exposure_rials, g.provisions, g.state,
 g.version, g.created_by, u.username AS created_by_name, g.created_at, g.updated_at, g.due_at, g.co_reporters
 FROM gaps g )";
const std::string JOIN_CREATOR = "JOIN users u ON u.id = g.created_by ";

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

}  // namespace lacuna::gaprows
