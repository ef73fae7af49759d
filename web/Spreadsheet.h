#pragma once

#include <string>
#include <vector>

namespace lacuna {

/// A table people take away to a spreadsheet program: a sheet name, the column headings and the rows,
/// each cell text as a person reads it.
struct SheetTable {
    std::string sheetName;
    std::vector<std::string> headings;
    std::vector<std::vector<std::string>> rows;
};

/// RFC 4180 CSV in UTF-8 with a byte-order mark (so spreadsheet programs read Persian), CRLF line ends,
/// every cell quoted as needed; a cell that a spreadsheet would run as a formula (= + - @, tab, CR) is
/// kept as text with a leading apostrophe.
std::string toCsv(const SheetTable& table);

/// An XLSX workbook of one right-to-left sheet (libxlsxwriter): bold, frozen headings with a filter,
/// columns as wide as their text. Throws std::runtime_error when the library fails.
std::string toXlsx(const SheetTable& table);

}  // namespace lacuna
