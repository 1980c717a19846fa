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

int bottom_of(const Element& e) {
  if (const auto* l = std::get_if<LineSegment>(&e)) return std::max(l->y1, l->y2);
  return std::visit(
      [](const auto& el) -> int {
        if constexpr (requires { el.box; }) return el.box.y + el.box.h;
        return 0;
      },
      e);
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

bool is_backdrop(const Element& e) {
  return std::holds_alternative<FillRect>(e) || std::holds_alternative<StrokeRect>(e) ||
         std::holds_alternative<LineSegment>(e);
}

// Whether any text or picture of the block reaches below y.
bool content_below(const Block& b, int y) {
  for (const auto& e : b.elements)
    if (!is_backdrop(e) && bottom_of(e) > y) return true;
  return false;
}

// The block cut to `max` when all its text and pictures lie above: only the
// frames and the padding below them are lost (a row of cards a little
// taller than a page).
Block trimmed(const Block& b, int max) {
  Block r;
  r.height = max;
  for (const auto& e : b.elements) {
    if (top_of(e) >= max) continue;
    if (bottom_of(e) <= max) {
      r.elements.push_back(e);
    } else if (const auto* f = std::get_if<FillRect>(&e)) {
      r.elements.push_back(
          FillRect{Box{f->box.x, f->box.y, f->box.w, max - f->box.y}, f->color, f->radius});
    } else if (const auto* s = std::get_if<StrokeRect>(&e)) {
      r.elements.push_back(StrokeRect{Box{s->box.x, s->box.y, s->box.w, max - s->box.y}, s->color,
                                      s->width, s->radius});
    }
  }
  return r;
}

// Cuts a block taller than `max` where no text or picture straddles the
// cut; backgrounds and frames are cut in two. Where every such place is
// straddled (the lines of two table cells, each centred in its row, never
// line up) the first part keeps what ends above `max` and the rest starts
// with the highest line left over, so each column reads on unbroken.
// Nothing if not even that is possible (a single picture taller than a page).
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
  int resume = cut;  // where the rest starts
  if (cut <= 0) {
    for (const auto& e : b.elements)
      if (!is_backdrop(e) && bottom_of(e) <= max) cut = std::max(cut, bottom_of(e));
    resume = b.height;
    for (const auto& e : b.elements)
      if (!is_backdrop(e) && bottom_of(e) > cut) resume = std::min(resume, top_of(e));
    if (cut <= 0 || resume <= 0) return std::nullopt;
  }
  Block first, rest;
  first.height = cut;
  rest.height = b.height - resume;
  for (const auto& e : b.elements) {
    if (is_backdrop(e) && top_of(e) < cut && bottom_of(e) > resume) {
      if (const auto* r = std::get_if<FillRect>(&e)) {
        first.elements.push_back(
            FillRect{Box{r->box.x, r->box.y, r->box.w, cut - r->box.y}, r->color, r->radius});
        rest.elements.push_back(FillRect{Box{r->box.x, 0, r->box.w, r->box.y + r->box.h - resume},
                                         r->color, r->radius});
      } else if (const auto* s = std::get_if<StrokeRect>(&e)) {
        first.elements.push_back(StrokeRect{Box{s->box.x, s->box.y, s->box.w, cut - s->box.y},
                                            s->color, s->width, s->radius});
        rest.elements.push_back(StrokeRect{Box{s->box.x, 0, s->box.w, s->box.y + s->box.h - resume},
                                           s->color, s->width, s->radius});
      }
      continue;  // a line across the cut is dropped: it joins nothing on the next page
    }
    if (bottom_of(e) <= cut && (!is_backdrop(e) || top_of(e) < resume)) {
      first.elements.push_back(e);
    } else if (top_of(e) >= resume || !is_backdrop(e)) {
      Element moved = e;
      offset(moved, 0, -resume);
      rest.elements.push_back(std::move(moved));
    }
  }
  return std::pair{std::move(first), std::move(rest)};
}

// A block, or a part of one cut to fit a page.
struct Piece {
  Block part;  // height and elements
  bool keep_with_next = false;
  const std::vector<Element>* joins_next = nullptr;
  const Block* continues = nullptr;
};

std::vector<Piece> pieces_of(const std::vector<Block>& blocks, int area_height, int top,
                             int spacing) {
  std::vector<Piece> pieces;
  for (const auto& b : blocks) {
    const Block* continues = b.continues.get();
    // Room on a page after the repeated header and the continuation head.
    const int room = area_height - top - (continues ? continues->height + spacing : 0);
    Block rest;
    rest.height = b.height;
    rest.elements = b.elements;
    // A block taller than a whole page (a very long pledge, a huge table
    // cell) is cut between its lines and flows on, so nothing runs off.
    while (rest.height > room && room > 0) {
      if (!content_below(rest, room)) {
        rest = trimmed(rest, room);
        break;
      }
      auto parts = split(rest, room);
      if (!parts) break;
      pieces.push_back(Piece{std::move(parts->first), false, nullptr, continues});
      rest = std::move(parts->second);
    }
    pieces.push_back(Piece{std::move(rest), b.keep_with_next, &b.joins_next, continues});
  }
  return pieces;
}

}  // namespace

namespace {

// Which pieces go on which page.
using Assignment = std::vector<std::vector<std::size_t>>;

int head_height(const Piece& piece, int spacing) {
  return piece.continues ? piece.continues->height + spacing : 0;
}

Assignment assign(const std::vector<Piece>& pieces, int area_height, int top, int spacing) {
  Assignment pages(1);
  int y = top;
  const auto place = [&](std::size_t i) {
    if (pages.back().empty() && pages.size() > 1) y += head_height(pieces[i], spacing);
    pages.back().push_back(i);
    y += pieces[i].part.height + spacing;
  };
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    auto& page = pages.back();
    if (!page.empty() && y + pieces[i].part.height > area_height) {
      // Pieces kept with this one go over with it, when they fit there
      // together and leave at least one piece behind.
      std::size_t k = page.size();
      while (k > 1 && pieces[page[k - 1]].keep_with_next)
        --k;
      std::vector<std::size_t> moved(page.begin() + static_cast<std::ptrdiff_t>(k), page.end());
      int need = top + head_height(pieces[moved.empty() ? i : moved.front()], spacing) +
                 pieces[i].part.height;
      for (const std::size_t j : moved)
        need += pieces[j].part.height + spacing;
      if (need > area_height) moved.clear();
      page.resize(page.size() - moved.size());
      pages.emplace_back();
      y = top;
      for (const std::size_t j : moved)
        place(j);
    }
    place(i);
  }
  return pages;
}

// The space between pieces that spreads them down pages of `area_height`:
// the same on every page, so rows keep their pitch from page to page; as
// much as the fullest page allows, and at most half a piece's mean height,
// so that a short list does not fall apart.
int spread_spacing(const std::vector<Piece>& pieces, const Assignment& pages, int area_height,
                   int top, int spacing) {
  if (pieces.empty()) return 0;
  long long total = 0;
  for (const auto& piece : pieces)
    total += piece.part.height;
  int extra = static_cast<int>(total / static_cast<long long>(pieces.size()) / 2);
  bool spaced = false;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (pages[p].size() < 2) continue;
    long long used = top;
    if (p > 0) used += head_height(pieces[pages[p].front()], spacing);
    for (const std::size_t i : pages[p])
      used += pieces[i].part.height + spacing;
    used -= spacing;
    const long long gaps = static_cast<long long>(pages[p].size()) - 1;
    extra = static_cast<int>(std::min<long long>(extra, (area_height - used) / gaps));
    spaced = true;
  }
  return spaced ? std::max(extra, 0) : 0;
}

// The pages' elements, pieces `spacing` + `extra` apart.
std::vector<std::vector<Element>> emit(const std::vector<Piece>& pieces, const Assignment& pages,
                                       const Block* header, int top, int spacing, int extra = 0) {
  std::vector<std::vector<Element>> out;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    auto& elements = out.emplace_back();
    const auto add = [&](const std::vector<Element>& from, int at) {
      for (auto e : from) {
        offset(e, 0, at);
        elements.push_back(std::move(e));
      }
    };
    int at = 0;
    if (header) {
      add(header->elements, 0);
      at = top;
    }
    for (std::size_t k = 0; k < pages[p].size(); ++k) {
      const Piece& piece = pieces[pages[p][k]];
      if (k == 0 && p > 0 && piece.continues) {
        add(piece.continues->elements, at);
        at += piece.continues->height + spacing;
      }
      add(piece.part.elements, at);
      if (k + 1 < pages[p].size() && piece.joins_next) add(*piece.joins_next, at);
      at += piece.part.height + spacing + extra;
    }
  }
  return out;
}

}  // namespace

std::vector<std::vector<Element>> paginate(const std::vector<Block>& blocks, int area_height,
                                           const Block* header, int spacing) {
  const int top = header ? header->height + spacing : 0;
  const auto pieces = pieces_of(blocks, area_height, top, spacing);
  return emit(pieces, assign(pieces, area_height, top, spacing), header, top, spacing);
}

std::vector<std::vector<Element>> paginate_evenly(const std::vector<Block>& blocks, int area_height,
                                                  const Block* header, int spacing, bool spread) {
  const int top = header ? header->height + spacing : 0;
  const auto pages_at = [&](int height) {
    const auto pieces = pieces_of(blocks, height, top, spacing);
    return assign(pieces, height, top, spacing).size();
  };
  const std::size_t fewest = pages_at(area_height);
  // Pages only get fewer as the area grows (give or take a cut block), so
  // search for the smallest height that still needs no more pages.
  int height = area_height;
  if (fewest > 1) {
    int lo = area_height / 2, hi = area_height;
    while (hi - lo > 1) {
      const int mid = lo + (hi - lo) / 2;
      if (pages_at(mid) <= fewest)
        hi = mid;
      else
        lo = mid;
    }
    if (pages_at(hi) == fewest) height = hi;
  }
  const auto pieces = pieces_of(blocks, height, top, spacing);
  const auto pages = assign(pieces, height, top, spacing);
  const int extra = spread ? spread_spacing(pieces, pages, area_height, top, spacing) : 0;
  return emit(pieces, pages, header, top, spacing, extra);
}

std::vector<std::size_t> balanced_counts(std::size_t count, std::size_t pages) {
  std::vector<std::size_t> counts;
  for (std::size_t p = 0; p < pages; ++p)
    counts.push_back(count / pages + (p < count % pages ? 1 : 0));
  return counts;
}

std::vector<std::vector<Element>> paginate_cards(const std::vector<Block>& cards, int columns,
                                                 int card_width, int gap, int area_height,
                                                 int spacing, bool spread) {
  auto by_rows = paginate_evenly(card_rows(cards, columns, card_width, gap), area_height, nullptr,
                                 spacing, spread);
  if (by_rows.size() < 2) return by_rows;
  std::vector<std::vector<Element>> pages;
  auto start = cards.begin();
  for (const std::size_t count : balanced_counts(cards.size(), by_rows.size())) {
    const auto end = start + static_cast<std::ptrdiff_t>(count);
    auto page = paginate_evenly(card_rows(std::vector<Block>(start, end), columns, card_width, gap),
                                area_height, nullptr, spacing, spread);
    if (page.size() != 1) return by_rows;  // a card taller than a page
    pages.push_back(std::move(page.front()));
    start = end;
  }
  return pages;
}

}  // namespace hb::layout
