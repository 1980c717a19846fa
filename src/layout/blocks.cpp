#include "layout/blocks.h"

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
