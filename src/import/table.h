// An uploaded spreadsheet as rows of text cells: the one shape the item and
// stats imports read, whatever file (XLSX, or CSV in UTF-8 or GBK) it came in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hb::import {

// What went wrong with a whole file. `row` and `column` are 1-based as a
// spreadsheet program numbers them, 0 when the problem is not at a cell.
enum class ErrorKind {
  too_large,   // the upload itself is over Limits::max_upload_bytes (HTTP 413)
  unreadable,  // neither XLSX nor CSV text, a broken zip or sheet (HTTP 422)
  over_limit,  // readable, but over a bound on work: rows, columns, a zip bomb (HTTP 422)
  no_header,   // no row with the expected column names (HTTP 422)
  no_month,    // statistics whose month the sheet does not say (HTTP 422)
};

struct ImportError {
  ErrorKind kind = ErrorKind::unreadable;
  std::string message;  // Chinese, for the editor
  int row = 0;
  int column = 0;
};

// Bounds that keep any upload's work small in time and memory. A government
// hall lists hundreds to a few thousand items; these leave room for ten
// times that and refuse what no real list needs.
struct Limits {
  std::size_t max_upload_bytes = 10u * 1024u * 1024u;
  // A zip's entries, as its directory declares them and as they inflate.
  std::size_t max_zip_entries = 2000;
  // A sheet of 20,000 rows of 15 cells is about 30 MB of XML; what is read
  // is also parsed (pugixml's tree is about twice the text).
  std::size_t max_entry_bytes = 32u * 1024u * 1024u;
  std::size_t max_uncompressed_bytes = 64u * 1024u * 1024u;
  int max_rows = 20000;  // the last row number with content
  int max_columns = 200;
  std::size_t max_cell_bytes = 32u * 1024u;
  std::size_t max_cells = 2000000;  // merged ranges filled in count too
  // All cell text together, shared strings and merged ranges copied into
  // each cell counted every time: a 2 KB file merging one 32 KB cell over a
  // large range must not take gigabytes.
  std::size_t max_text_bytes = 48u * 1024u * 1024u;
};

struct Row {
  int number = 0;  // as Excel or WPS shows it, 1-based
  std::vector<std::string> cells;  // UTF-8; cells[0] is column A
};

struct Table {
  std::string sheet;  // the sheet's name (XLSX), empty for CSV
  std::vector<Row> rows;  // in order; rows with no cell at all may be missing
};

// Empty when the row has fewer cells.
std::string_view cell(const Row& row, std::size_t column);

// Which header the sheet is chosen by when a workbook has several.
enum class Expect { items, stats };

// XLSX (told by the zip signature) or CSV (UTF-8 with or without BOM, else
// GB18030/GBK). Of a workbook's sheets, the first whose rows hold the header
// `expect` needs; without one, the first sheet.
std::variant<Table, ImportError> read_table(std::string_view bytes, const Limits& limits = {},
                                            Expect expect = Expect::items);

// Column letters: 1 -> "A", 28 -> "AB". For messages.
std::string column_name(int column);

}  // namespace hb::import
