#include "render/pixels.h"

#include <algorithm>
#include <cmath>

namespace hb::render {
namespace {

// A locked view of the surface's pixels within its clip rectangle.
class Pixels {
 public:
  explicit Pixels(SDL_Surface& s) : s_(s), locked_(SDL_LockSurface(&s) == 0) {
    SDL_GetClipRect(&s, &clip_);
  }
  ~Pixels() {
    if (locked_) SDL_UnlockSurface(&s_);
  }
  Pixels(const Pixels&) = delete;
  Pixels& operator=(const Pixels&) = delete;

  bool ok() const { return locked_ && s_.format->BytesPerPixel == 4; }
  int x0() const { return clip_.x; }
  int y0() const { return clip_.y; }
  int x1() const { return clip_.x + clip_.w; }
  int y1() const { return clip_.y + clip_.h; }
  Uint32* row(int y) const {
    return reinterpret_cast<Uint32*>(static_cast<Uint8*>(s_.pixels) +
                                     static_cast<std::ptrdiff_t>(y) * s_.pitch);
  }

 private:
  SDL_Surface& s_;
  bool locked_;
  SDL_Rect clip_{};
};

Uint32 pack(unsigned a, unsigned r, unsigned g, unsigned b) {
  return (a << 24) | (r << 16) | (g << 8) | b;
}

// Source-over with straight alpha; alpha256 in 0..256.
void blend(Uint32& dst, layout::Color c, unsigned alpha256) {
  if (alpha256 == 0) return;
  if (alpha256 >= 256) {
    dst = pack(255, c.r, c.g, c.b);
    return;
  }
  const unsigned inv = 256 - alpha256;
  const unsigned da = dst >> 24, dr = (dst >> 16) & 0xFF, dg = (dst >> 8) & 0xFF, db = dst & 0xFF;
  dst = pack((255 * alpha256 + da * inv) >> 8, (c.r * alpha256 + dr * inv) >> 8,
             (c.g * alpha256 + dg * inv) >> 8, (c.b * alpha256 + db * inv) >> 8);
}

unsigned alpha_of(layout::Color c, double coverage) {
  return static_cast<unsigned>(std::lround(std::clamp(coverage, 0.0, 1.0) * c.a * 256.0 / 255.0));
}

// Pixels [x0, x1) of row y, clipped, all at one coverage.
void span(const Pixels& px, int y, int x0, int x1, layout::Color c, double coverage = 1.0) {
  if (y < px.y0() || y >= px.y1()) return;
  x0 = std::max(x0, px.x0());
  x1 = std::min(x1, px.x1());
  if (x0 >= x1) return;
  Uint32* row = px.row(y);
  const unsigned a = alpha_of(c, coverage);
  if (a >= 256) {
    std::fill(row + x0, row + x1, pack(255, c.r, c.g, c.b));
    return;
  }
  for (int x = x0; x < x1; ++x)
    blend(row[x], c, a);
}

// The fraction of the pixel whose centre is (px, py) covered by a rounded
// box with edges on the grid: whole inside the straight edges, a distance
// ramp one pixel wide across the curved corners.
double rounded_box_coverage(double px, double py, double x0, double y0, double x1, double y1,
                            double r) {
  if (px < x0 || px > x1 || py < y0 || py > y1) return 0.0;
  const double cx = std::clamp(px, x0 + r, x1 - r);
  const double cy = std::clamp(py, y0 + r, y1 - r);
  const double dx = px - cx, dy = py - cy;
  if (dx == 0.0 && dy == 0.0) return 1.0;
  return std::clamp(r - std::sqrt(dx * dx + dy * dy) + 0.5, 0.0, 1.0);
}

struct Rounded {
  double x0, y0, x1, y1, r;
  double coverage(int x, int y) const {
    return rounded_box_coverage(x + 0.5, y + 0.5, x0, y0, x1, y1, r);
  }
};

Rounded rounded(const layout::Box& b, int radius) {
  const int r = std::clamp(radius, 0, std::min(b.w, b.h) / 2);
  return {double(b.x), double(b.y), double(b.x + b.w), double(b.y + b.h), double(r)};
}

}  // namespace

ClipScope::ClipScope(SDL_Surface& s, const layout::Box& box) : s_(s) {
  SDL_GetClipRect(&s, &saved_);
  const SDL_Rect wanted{box.x, box.y, box.w, box.h};
  SDL_Rect both{};
  empty_ = box.w <= 0 || box.h <= 0 || !SDL_IntersectRect(&saved_, &wanted, &both);
  if (empty_) both = {0, 0, 0, 0};
  SDL_SetClipRect(&s, &both);
}

void fill_rect(SDL_Surface& s, const layout::Box& box, layout::Color color) {
  fill_rounded_rect(s, box, 0, color);
}

void fill_rounded_rect(SDL_Surface& s, const layout::Box& box, int radius, layout::Color color) {
  if (box.w <= 0 || box.h <= 0 || color.a == 0) return;
  Pixels px(s);
  if (!px.ok()) return;
  const auto shape = rounded(box, radius);
  const int r = static_cast<int>(shape.r);
  const int top = std::max(box.y, px.y0()), bottom = std::min(box.y + box.h, px.y1());
  for (int y = top; y < bottom; ++y) {
    if (y >= box.y + r && y < box.y + box.h - r) {
      span(px, y, box.x, box.x + box.w, color);
      continue;
    }
    // A corner row: the curve at both ends, straight in between.
    for (int x = box.x; x < box.x + r; ++x)
      span(px, y, x, x + 1, color, shape.coverage(x, y));
    span(px, y, box.x + r, box.x + box.w - r, color);
    for (int x = box.x + box.w - r; x < box.x + box.w; ++x)
      span(px, y, x, x + 1, color, shape.coverage(x, y));
  }
}

void stroke_rounded_rect(SDL_Surface& s, const layout::Box& box, int width, int radius,
                         layout::Color color) {
  if (box.w <= 0 || box.h <= 0 || width <= 0 || color.a == 0) return;
  if (width * 2 >= std::min(box.w, box.h)) return fill_rounded_rect(s, box, radius, color);
  Pixels px(s);
  if (!px.ok()) return;
  const auto outer = rounded(box, radius);
  const layout::Box hole{box.x + width, box.y + width, box.w - 2 * width, box.h - 2 * width};
  const auto inner = rounded(hole, std::max(0, static_cast<int>(outer.r) - width));
  // Columns within k of a side may hold a curve; the rest of a row is
  // either all stroke (top and bottom bands) or all hole.
  const int k = std::max(static_cast<int>(outer.r), width);
  const int top = std::max(box.y, px.y0()), bottom = std::min(box.y + box.h, px.y1());
  for (int y = top; y < bottom; ++y) {
    const auto edge = [&](int x) {
      span(px, y, x, x + 1, color, outer.coverage(x, y) - inner.coverage(x, y));
    };
    for (int x = box.x; x < box.x + k; ++x)
      edge(x);
    if (y < box.y + width || y >= box.y + box.h - width)
      span(px, y, box.x + k, box.x + box.w - k, color);
    for (int x = std::max(box.x + k, box.x + box.w - k); x < box.x + box.w; ++x)
      edge(x);
  }
}

void draw_line(SDL_Surface& s, int x1, int y1, int x2, int y2, int width, layout::Color color) {
  if (width <= 0 || color.a == 0) return;
  if (y1 == y2 || x1 == x2) {
    const layout::Box b =
        y1 == y2 ? layout::Box{std::min(x1, x2), y1 - width / 2, std::abs(x2 - x1), width}
                 : layout::Box{x1 - width / 2, std::min(y1, y2), width, std::abs(y2 - y1)};
    return fill_rect(s, b, color);
  }
  Pixels px(s);
  if (!px.ok()) return;
  // Distance from the rectangle the line sweeps, along and across it.
  const double dx = x2 - x1, dy = y2 - y1, length = std::hypot(dx, dy);
  const double ux = dx / length, uy = dy / length, half = width / 2.0;
  const int pad = width / 2 + 2;
  const int top = std::max(std::min(y1, y2) - pad, px.y0());
  const int bottom = std::min(std::max(y1, y2) + pad, px.y1());
  const int left = std::min(x1, x2) - pad, right = std::max(x1, x2) + pad;
  for (int y = top; y < bottom; ++y)
    for (int x = std::max(left, px.x0()); x < std::min(right, px.x1()); ++x) {
      const double qx = x + 0.5 - x1, qy = y + 0.5 - y1;
      const double along = qx * ux + qy * uy, across = std::abs(qx * uy - qy * ux);
      const double outside = std::max(across - half, std::abs(along - length / 2) - length / 2);
      if (outside < 0.5) span(px, y, x, x + 1, color, 0.5 - outside);
    }
}

void fill_disc(SDL_Surface& s, double cx, double cy, double radius, layout::Color color) {
  if (radius <= 0 || color.a == 0) return;
  Pixels px(s);
  if (!px.ok()) return;
  const int top = std::max(static_cast<int>(std::floor(cy - radius)) - 1, px.y0());
  const int bottom = std::min(static_cast<int>(std::ceil(cy + radius)) + 1, px.y1());
  for (int y = top; y < bottom; ++y) {
    const double ry = y + 0.5 - cy;
    const int left = static_cast<int>(std::floor(cx - radius)) - 1;
    const int right = static_cast<int>(std::ceil(cx + radius)) + 1;
    for (int x = left; x < right; ++x) {
      const double rx = x + 0.5 - cx;
      const double coverage = radius - std::sqrt(rx * rx + ry * ry) + 0.5;
      if (coverage > 0) span(px, y, x, x + 1, color, coverage);
    }
  }
}

}  // namespace hb::render
