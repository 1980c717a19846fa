// The two file formats behind read_table (table.h), and the bounds they share.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "import/table.h"

namespace hb::import {

// CSV text in UTF-8 (a BOM is dropped) or else GB18030, RFC 4180 quoting.
std::variant<Table, ImportError> read_csv(std::string_view bytes, const Limits& limits);

// Every worksheet of an XLSX workbook, in the workbook's order.
std::variant<std::vector<Table>, ImportError> read_xlsx(std::string_view bytes,
                                                        const Limits& limits);

ImportError error(ErrorKind kind, std::string message, int row = 0, int column = 0);

// Checks a cell against the limits before it is stored: nothing, or the error.
std::variant<std::monostate, ImportError> check_cell(const Limits& limits, int row, int column,
                                                     std::size_t bytes);

// Text as people see it in a cell: control characters (pasted from Word or
// a web page, and not allowed in XML) removed, CR LF and lone CR as LF.
std::string clean_cell(std::string_view text);

}  // namespace hb::import
