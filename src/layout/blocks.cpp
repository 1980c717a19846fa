#include "layout/blocks.h"

#include <algorithm>

namespace hb::layout {

void offset(Element& e, int dx, int dy) {
  std::visit(
      [&](auto& el) {
        using T = std::decay_t<decltype(el)>;
        if constexpr (std::is_same_v<T, LineSegment>) {
          el.x1 += dx;
          el.x2 += dx;
          el.y1 += dy;
          el.y2 += dy;
        } else {
          el.box.x += dx;
          el.box.y += dy;
        }
      },
      e);
}

std::vector<Block> card_rows(std::vector<Block> cards, int columns, int card_width, int gap) {
  std::vector<Block> rows;
  const auto n = static_cast<std::size_t>(std::max(columns, 1));
  for (std::size_t i = 0; i < cards.size(); i += n) {
    Block row;
    for (std::size_t k = i; k < cards.size() && k < i + n; ++k)
      row.height = std::max(row.height, cards[k].height);
    for (std::size_t k = i; k < cards.size() && k < i + n; ++k) {
      const int x = static_cast<int>(k - i) * (card_width + gap);
      for (auto& e : cards[k].elements) {
        if (auto* r = std::get_if<FillRect>(&e); r && r->box.h == cards[k].height)
          r->box.h = row.height;
        if (auto* r = std::get_if<StrokeRect>(&e); r && r->box.h == cards[k].height)
          r->box.h = row.height;
        offset(e, x, 0);
        row.elements.push_back(std::move(e));
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::vector<Element>> paginate(const std::vector<Block>& blocks, int area_height,
                                           const Block* header, int spacing) {
  std::vector<std::vector<Element>> pages(1);
  int y = 0;
  const auto start_page = [&](bool fresh) {
    if (fresh) pages.emplace_back();
    y = 0;
    if (header) {
      for (auto e : header->elements)
        pages.back().push_back(std::move(e));
      y = header->height + spacing;
    }
  };
  start_page(false);
  bool page_has_blocks = false;
  for (const auto& b : blocks) {
    if (page_has_blocks && y + b.height > area_height) {
      start_page(true);
      page_has_blocks = false;
    }
    for (auto e : b.elements) {
      offset(e, 0, y);
      pages.back().push_back(std::move(e));
    }
    y += b.height + spacing;
    page_has_blocks = true;
  }
  return pages;
}

}  // namespace hb::layout
