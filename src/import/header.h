// Finding the header row of an uploaded table by the column names halls
// use, wherever it stands (a title row or two above it is usual).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/table.h"

namespace hb::import {

// What a column holds. The names each is known by are in header.cpp.
enum class Field {
  // items
  code, name, kind, department, category, window, basis, promised, statutory, fees, materials,
  procedure, online, result,
  // stats
  stats_window, handled, ontime, rated, satisfied_total, very_satisfied, satisfied, basic,
  dissatisfied, very_dissatisfied,
  count_  // the number of fields, not a field
};

constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::count_);

struct Header {
  std::size_t row_index = 0;  // into Table::rows
  // Per field, the columns (0-based) that hold it, left to right.
  std::array<std::vector<std::size_t>, kFieldCount> columns;
  // Per column, the name as written without its note; the note is what
  // stood in brackets after it, "承诺时限（工作日）" -> "工作日".
  std::vector<std::string> names;
  std::vector<std::string> notes;

  const std::vector<std::size_t>& of(Field f) const {
    return columns[static_cast<std::size_t>(f)];
  }
  bool has(Field f) const { return !of(f).empty(); }
};

// The first row, among the first rows of the table, that names the columns
// `expect` cannot do without (items: 事项名称 and 事项编码; stats: 窗口 and
// 办件量) together with any others.
std::optional<Header> find_header(const Table& table, Expect expect);

// The text of a field in a row: the first of its columns that is not empty.
struct FieldValue {
  std::string_view text;
  std::size_t column = 0;  // 0-based; meaningful when text is not empty
};
FieldValue value_of(const Header& header, const Row& row, Field field);

// A row with none of the header's fields filled: a spacer, skipped.
bool is_blank(const Header& header, const Row& row);

// “text”, as messages quote a cell.
std::string quoted(std::string_view text);

// "事项名称" for messages: the header as the sheet writes it, or the usual name.
std::string field_name(const Header& header, Field field, std::size_t column);

}  // namespace hb::import
