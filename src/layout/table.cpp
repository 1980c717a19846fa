#include "layout/table.h"

#include <algorithm>

namespace hb::layout {

Table::Table(Typesetter& typeset, std::vector<Column> columns, int width, TableStyle style)
    : typeset_(typeset), columns_(std::move(columns)), width_(width), style_(style) {}

void Table::settle() {
  if (settled_) return;
  settled_ = true;
  // Fitted columns take their widest cell. The others get their widest cell
  // too when that fits, and share the rest; otherwise the room is divided
  // in proportion to what each would need, so no column wraps needlessly.
  std::vector<int> natural(columns_.size(), 0);
  int fitted_total = 0, wanted = 0;
  double shares = 0;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    int w = typeset_.width(columns_[i].title, style_.head);
    for (const auto& [cells, colours] : cells_)
      if (i < cells.size()) w = std::max(w, typeset_.width(cells[i], style_.cell));
    natural[i] = w + 2 * style_.padding;
    // A fitted column wider than 40 % of the table (a very long window name)
    // wraps instead of squeezing the others.
    if (columns_[i].fit) natural[i] = std::min(natural[i], width_ * 2 / 5);
    if (columns_[i].fit) {
      fitted_total += natural[i];
    } else {
      wanted += natural[i];
      shares += columns_[i].share;
    }
  }
  // Fitted columns together take at most half the table: over that, the
  // widest give way (they wrap) so the flexible columns keep room to read.
  if (const int limit = width_ / 2; fitted_total > limit) {
    std::vector<int> widths;
    for (std::size_t i = 0; i < columns_.size(); ++i)
      if (columns_[i].fit) widths.push_back(natural[i]);
    std::sort(widths.begin(), widths.end());
    int cap = 0, below = 0;  // the largest cap with sum(min(w, cap)) <= limit
    for (std::size_t k = 0; k < widths.size(); ++k) {
      const int left = static_cast<int>(widths.size() - k);
      cap = (limit - below) / left;
      if (cap <= widths[k]) break;
      below += widths[k];
      cap = widths[k];
    }
    fitted_total = 0;
    for (std::size_t i = 0; i < columns_.size(); ++i)
      if (columns_[i].fit) {
        natural[i] = std::min(natural[i], cap);
        fitted_total += natural[i];
      }
  }
  const int rest = std::max(0, width_ - fitted_total);
  // Squeezed, a column keeps at least its share of the room (or what it
  // needs, when less): dividing in proportion to need alone left the fee
  // column one pixel wide beside a 5,000-character name.
  std::vector<int> floor(columns_.size(), 0);
  int floors = 0, above = 0;  // the floors' sum, and what the columns want above them
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (!columns_[i].fit) {
      floor[i] =
          std::min(natural[i], static_cast<int>(rest * columns_[i].share / std::max(shares, 1e-9)));
      floors += floor[i];
      above += natural[i] - floor[i];
    }
  const auto flexible = [&](std::size_t i) {
    if (wanted <= rest)
      return natural[i] +
             static_cast<int>((rest - wanted) * columns_[i].share / std::max(shares, 1.0));
    return floor[i] + static_cast<int>(static_cast<long long>(rest - floors) *
                                       (natural[i] - floor[i]) / std::max(above, 1));
  };
  int x = 0;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    int w = columns_[i].fit ? natural[i] : flexible(i);
    if (i + 1 == columns_.size()) w = width_ - x;
    x_.push_back(x);
    w_.push_back(w);
    x += w;
  }
  std::vector<std::string> titles;
  for (const auto& c : columns_)
    titles.push_back(c.title);
  head_ = row(titles, style_.head, std::vector<Color>(titles.size(), style_.head_text),
              style_.head_fill);
  for (std::size_t r = 0; r < cells_.size(); ++r)
    rows_.push_back(row(cells_[r].first, style_.cell, cells_[r].second,
                        r % 2 ? style_.zebra : Color{255, 255, 255, 255}));
}

Block Table::head() {
  settle();
  return head_;
}

const std::vector<Block>& Table::rows() {
  settle();
  return rows_;
}

Block Table::row(const std::vector<std::string>& cells, const TextStyle& s,
                 const std::vector<Color>& colours, Color fill) {
  Block b;
  int h = 0;
  std::vector<std::vector<std::string>> lines;
  for (std::size_t i = 0; i < cells.size() && i < w_.size(); ++i) {
    // A table is a summary (an item's own page has its full text): a cell
    // of more than kMaxCellLines is cut with "…", so no row is taller than
    // a page and has to be split over pages line by line.
    lines.push_back(typeset_.cut_lines(cells[i], s, w_[i] - 2 * style_.padding, kMaxCellLines));
    h = std::max(h, static_cast<int>(lines.back().size()) * typeset_.line_height(s));
  }
  b.height = h + 2 * style_.padding;
  b.elements.push_back(FillRect{Box{0, 0, width_, b.height}, fill, 0});
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Color c = i < colours.size() ? colours[i] : style_.text;
    const int block_h = static_cast<int>(lines[i].size()) * typeset_.line_height(s);
    int y = (b.height - block_h) / 2;
    for (const auto& l : lines[i]) {
      if (!l.empty()) b.elements.push_back(typeset_.line(l, s, c, x_[i] + style_.padding, y));
      y += typeset_.line_height(s);
    }
  }
  b.elements.push_back(LineSegment{0, b.height, width_, b.height, style_.rule, 1});
  return b;
}

void Table::add_row(const std::vector<std::string>& cells, const std::vector<Color>& colours) {
  cells_.emplace_back(cells, colours);
}

}  // namespace hb::layout
