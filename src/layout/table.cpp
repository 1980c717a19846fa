#include "layout/table.h"

#include <algorithm>

namespace hb::layout {

Table::Table(Typesetter& ts, std::vector<Column> columns, int width, TableStyle style)
    : ts_(ts), columns_(std::move(columns)), width_(width), style_(style) {
  double total = 0;
  for (const auto& c : columns_)
    total += c.share;
  int x = 0;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const int w = i + 1 == columns_.size() ? width_ - x
                                           : static_cast<int>(width_ * columns_[i].share / total);
    x_.push_back(x);
    w_.push_back(w);
    x += w;
  }
  std::vector<std::string> titles;
  for (const auto& c : columns_)
    titles.push_back(c.title);
  head_ = row(titles, style_.head, std::vector<Color>(titles.size(), style_.head_text),
              style_.head_fill);
}

Block Table::row(const std::vector<std::string>& cells, const TextStyle& s,
                 const std::vector<Color>& colours, Color fill) {
  Block b;
  int h = 0;
  std::vector<std::vector<std::string>> lines;
  for (std::size_t i = 0; i < cells.size() && i < w_.size(); ++i) {
    lines.push_back(ts_.lines(cells[i], s, w_[i] - 2 * style_.padding));
    h = std::max(h, static_cast<int>(lines.back().size()) * ts_.line_height(s));
  }
  b.height = h + 2 * style_.padding;
  b.elements.push_back(FillRect{Box{0, 0, width_, b.height}, fill, 0});
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Color c = i < colours.size() ? colours[i] : style_.text;
    const int block_h = static_cast<int>(lines[i].size()) * ts_.line_height(s);
    int y = (b.height - block_h) / 2;
    for (const auto& l : lines[i]) {
      if (!l.empty()) b.elements.push_back(ts_.line(l, s, c, x_[i] + style_.padding, y));
      y += ts_.line_height(s);
    }
  }
  b.elements.push_back(LineSegment{0, b.height, width_, b.height, style_.rule, 1});
  return b;
}

void Table::add_row(const std::vector<std::string>& cells, const std::vector<Color>& colours) {
  const Color fill = rows_.size() % 2 ? style_.zebra : Color{255, 255, 255, 255};
  rows_.push_back(row(cells, style_.cell, colours, fill));
}

}  // namespace hb::layout
