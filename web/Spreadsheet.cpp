#include "Spreadsheet.h"

#include <Poco/FileStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/TemporaryFile.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "PersianText.h"

namespace lacuna {
namespace {

/// A cell a spreadsheet would take for a formula (or a DDE call) starts with one of these.
bool looksLikeFormula(const std::string& cell) {
    return !cell.empty() && std::string("=+-@\t\r").find(cell.front()) != std::string::npos;
}

std::string csvCell(const std::string& text) {
    const std::string cell = looksLikeFormula(text) ? "'" + text : text;
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (const char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

void csvLine(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csvCell(cells[i]);
    out += "\r\n";
}

void check(lxw_error error, const char* what) {
    if (error != LXW_NO_ERROR) throw std::runtime_error(std::string(what) + ": " + lxw_strerror(error));
}

}  // namespace

std::string toCsv(const SheetTable& table) {
    std::string out = "\xEF\xBB\xBF";
    csvLine(out, table.headings);
    for (const auto& row : table.rows) csvLine(out, row);
    return out;
}

std::string toXlsx(const SheetTable& table) {
    // libxlsxwriter 1.1 writes only to a file: one of our own, removed when done.
    Poco::TemporaryFile file;
    lxw_workbook* book = workbook_new(file.path().c_str());
    if (!book) throw std::runtime_error("cannot start a workbook");
    lxw_worksheet* sheet = workbook_add_worksheet(book, table.sheetName.c_str());
    lxw_format* heading = workbook_add_format(book);
    format_set_bold(heading);
    lxw_format* text = workbook_add_format(book);
    format_set_num_format(text, "@");  // text as written, never read as a number or a date
    if (!sheet || !heading || !text) {
        workbook_close(book);
        throw std::runtime_error("cannot add a worksheet");
    }
    worksheet_right_to_left(sheet);
    std::vector<std::size_t> widths(table.headings.size(), 8);
    const auto widen = [&](std::size_t col, const std::string& cell) {
        if (col < widths.size())
            widths[col] = std::max(widths[col], std::min<std::size_t>(utf8Length(cell), 60));
    };
    for (std::size_t c = 0; c < table.headings.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.headings[c].c_str(), heading);
        widen(c, table.headings[c]);
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
            worksheet_write_string(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                                   table.rows[r][c].c_str(), text);
            widen(c, table.rows[r][c]);
        }
    for (std::size_t c = 0; c < widths.size(); ++c)
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             static_cast<double>(widths[c]) + 2, nullptr);
    worksheet_freeze_panes(sheet, 1, 0);
    if (!table.headings.empty())
        worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                             static_cast<lxw_col_t>(table.headings.size() - 1));
    check(workbook_close(book), "cannot write the workbook");
    Poco::FileInputStream in(file.path());
    std::ostringstream bytes;
    Poco::StreamCopier::copyStream(in, bytes);
    return bytes.str();
}

}  // namespace lacuna
