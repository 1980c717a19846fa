#include "layout/blocks.h"

#include <algorithm>
#include <optional>

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

namespace {

int top_of(const Element& e) {
  if (const auto* l = std::get_if<LineSegment>(&e)) return std::min(l->y1, l->y2);
  return std::visit(
      [](const auto& el) -> int {
        if constexpr (requires { el.box; }) return el.box.y;
        return 0;
      },
      e);
}

int bottom_of(const Element& e) {
  if (const auto* l = std::get_if<LineSegment>(&e)) return std::max(l->y1, l->y2);
  return std::visit(
      [](const auto& el) -> int {
        if constexpr (requires { el.box; }) return el.box.y + el.box.h;
        return 0;
      },
      e);
}

bool is_backdrop(const Element& e) {
  return std::holds_alternative<FillRect>(e) || std::holds_alternative<StrokeRect>(e) ||
         std::holds_alternative<LineSegment>(e);
}

// Cuts a block taller than `max` where no text or picture straddles the
// cut; backgrounds and frames are cut in two. Nothing if there is no such
// place (a single picture taller than a page).
std::optional<std::pair<Block, Block>> split(const Block& b, int max) {
  int cut = 0;
  for (const auto& e : b.elements) {
    if (is_backdrop(e)) continue;
    const int bottom = bottom_of(e);
    if (bottom > max) continue;
    bool straddled = false;
    for (const auto& o : b.elements)
      if (!is_backdrop(o) && top_of(o) < bottom && bottom_of(o) > bottom) straddled = true;
    if (!straddled) cut = std::max(cut, bottom);
  }
  if (cut <= 0) return std::nullopt;
  Block first, rest;
  first.height = cut;
  rest.height = b.height - cut;
  for (const auto& e : b.elements) {
    if (is_backdrop(e) && top_of(e) < cut && bottom_of(e) > cut) {
      if (const auto* r = std::get_if<FillRect>(&e)) {
        first.elements.push_back(
            FillRect{Box{r->box.x, r->box.y, r->box.w, cut - r->box.y}, r->color, r->radius});
        rest.elements.push_back(
            FillRect{Box{r->box.x, 0, r->box.w, r->box.y + r->box.h - cut}, r->color, r->radius});
      } else if (const auto* s = std::get_if<StrokeRect>(&e)) {
        first.elements.push_back(StrokeRect{Box{s->box.x, s->box.y, s->box.w, cut - s->box.y},
                                            s->color, s->width, s->radius});
        rest.elements.push_back(StrokeRect{Box{s->box.x, 0, s->box.w, s->box.y + s->box.h - cut},
                                           s->color, s->width, s->radius});
      }
      continue;  // a line across the cut is dropped: it joins nothing on the next page
    }
    if (bottom_of(e) <= cut) {
      first.elements.push_back(e);
    } else {
      Element moved = e;
      offset(moved, 0, -cut);
      rest.elements.push_back(std::move(moved));
    }
  }
  return std::pair{std::move(first), std::move(rest)};
}

}  // namespace

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
  const auto place = [&](const Block& b) {
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
  };
  for (const auto& b : blocks) {
    // A block taller than a whole page (a very long pledge, a huge table
    // cell) is cut between its lines and flows on, so nothing runs off.
    Block rest = b;
    while (rest.height > area_height - (header ? header->height + spacing : 0)) {
      if (page_has_blocks) {
        start_page(true);
        page_has_blocks = false;
      }
      auto parts = split(rest, area_height - y);
      if (!parts) break;
      place(parts->first);
      rest = std::move(parts->second);
    }
    place(rest);
  }
  return pages;
}

}  // namespace hb::layout
