#include "layout/shift.h"

#include <type_traits>

namespace hb::layout {
namespace {

void move(Box& b, int dx, int dy) {
  b.x += dx;
  b.y += dy;
}

// A band touching an edge keeps touching it after the move.
void move_band(Box& b, int dx, int dy, int width, int height) {
  const Box was = b;
  move(b, dx, dy);
  if (was.x <= 0 && dx > 0) {
    b.x = was.x;
    b.w += dx;
  }
  if (was.x + was.w >= width && dx < 0) b.w -= dx;
  if (was.y <= 0 && dy > 0) {
    b.y = was.y;
    b.h += dy;
  }
  if (was.y + was.h >= height && dy < 0) b.h -= dy;
}

}  // namespace

Page shifted(const Page& page, int dx, int dy, int width, int height) {
  Page out = page;
  if (dx == 0 && dy == 0) return out;
  for (auto& element : out.elements) {
    std::visit(
        [&](auto& e) {
          using E = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<E, LineSegment>) {
            e.x1 += dx;
            e.x2 += dx;
            e.y1 += dy;
            e.y2 += dy;
          } else if constexpr (std::is_same_v<E, FillRect>) {
            move_band(e.box, dx, dy, width, height);
          } else {
            move(e.box, dx, dy);
          }
        },
        element);
  }
  return out;
}

}  // namespace hb::layout
