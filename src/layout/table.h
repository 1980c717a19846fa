// Tables whose rows are pagination blocks: a head row repeated on every
// page, cells that wrap, zebra stripes.
#pragma once

#include <string>
#include <vector>

#include "layout/blocks.h"
#include "layout/typeset.h"

namespace hb::layout {

struct Column {
  std::string title;
  double share = 1.0;  // of the table's width
};

struct TableStyle {
  TextStyle head;
  TextStyle cell;
  Color head_fill, head_text, text, zebra, rule;
  int padding = 12;
};

class Table {
 public:
  Table(Typesetter& ts, std::vector<Column> columns, int width, TableStyle style);
  Block head() const { return head_; }
  // A row of cells (one per column); a cell's colour may be given.
  void add_row(const std::vector<std::string>& cells, const std::vector<Color>& colours = {});
  const std::vector<Block>& rows() const { return rows_; }

 private:
  Block row(const std::vector<std::string>& cells, const TextStyle& s,
            const std::vector<Color>& colours, Color fill);

  Typesetter& ts_;
  std::vector<Column> columns_;
  std::vector<int> x_, w_;
  int width_;
  TableStyle style_;
  Block head_;
  std::vector<Block> rows_;
};

}  // namespace hb::layout
