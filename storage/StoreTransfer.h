#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "Sql.h"

namespace lacuna {

/// The version of the export format that exportStore() writes and importStore() reads.
///
/// An export is JSON lines, UTF-8. The first line is
/// `{"format":"lacuna-export","version":1,"schema":N,"backend":"sqlite","tables":T}` (N: the store's last
/// migration). Then, table by table in name order, a line `{"table":NAME,"columns":[NAME, …]}` followed by
/// one JSON array per row in primary-key order: integers as numbers, text as strings, NULL as null. The
/// last line is `{"end":{"tables":T,"rows":R}}`, so a file cut short is refused rather than half loaded.
inline constexpr int EXPORT_FORMAT_VERSION = 1;

/// What an export wrote or an import loaded.
struct TransferSummary {
    std::int64_t tables = 0;
    std::int64_t rows = 0;
};

/// Writes every table the service owns from one consistent snapshot (the service goes on serving and
/// writing meanwhile) to `out`, a page of rows at a time. Throws StoreUnavailable when the database or
/// the output fails.
TransferSummary exportStore(SqlDatabase& db, const std::string& backend, std::ostream& out);

/// Loads an export into `db`, which must hold no records yet (a store just created; the rows its own
/// migrations wrote are replaced by the file's), in one transaction: a file that is malformed, cut short,
/// of another schema version, or whose tables or columns do not match this store's leaves the store as
/// it was. Rows keep their ids. Throws ValidationError naming the line, or StoreUnavailable.
TransferSummary importStore(SqlDatabase& db, std::istream& in);

}  // namespace lacuna
