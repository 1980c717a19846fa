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
  double share = 1.0;  // of the width the fitted columns leave
  bool fit = false;    // as wide as its widest cell (a date, a window), never wrapped
};

struct TableStyle {
  TextStyle head;
  TextStyle cell;
  Color head_fill, head_text, text, zebra, rule;
  int padding = 12;
};

class Table {
 public:
  static constexpr int kMaxCellLines = 4;

  Table(Typesetter& typeset, std::vector<Column> columns, int width, TableStyle style);
  // A row of cells (one per column); a cell's colour may be given.
  void add_row(const std::vector<std::string>& cells, const std::vector<Color>& colours = {});
  // Column widths are settled once every row is known.
  Block head();
  const std::vector<Block>& rows();

 private:
  Block row(const std::vector<std::string>& cells, const TextStyle& s,
            const std::vector<Color>& colours, Color fill);
  void settle();

  Typesetter& typeset_;
  std::vector<Column> columns_;
  std::vector<int> x_, w_;
  int width_;
  TableStyle style_;
  Block head_;
  std::vector<Block> rows_;
  std::vector<std::pair<std::vector<std::string>, std::vector<Color>>> cells_;
  bool settled_ = false;
};

}  // namespace hb::layout
