#include "render/transition.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>
#include <vector>

#include "render/sdl_surface.h"

namespace hb::render {

double transition_progress(double elapsed_s, double duration_s) {
  if (!(duration_s > 0)) return 1.0;
  if (!(elapsed_s > 0)) return 0.0;  // NaN included
  return std::min(1.0, elapsed_s / duration_s);
}

double ease_in_out(double p) {
  p = std::clamp(p, 0.0, 1.0);
  if (p < 0.5) return 4 * p * p * p;
  const double q = -2 * p + 2;
  return 1 - q * q * q / 2;
}

int fade_alpha(double eased) {
  return static_cast<int>(std::lround(std::clamp(eased, 0.0, 1.0) * 255));
}

int slide_x(int width, double eased) {
  return static_cast<int>(std::lround(width * (1 - std::clamp(eased, 0.0, 1.0))));
}

namespace {

// Two channels at a time in one word: each 8-bit value times a weight of
// at most 256 fits the 16 bits between them. W is a pixel or a vector of
// them, b = 256 - a.
template <class W>
W mix(W from, W to, std::uint32_t a /* 0..256 */, std::uint32_t b) {
  const W rb = (((from & 0xFF00FFu) * b + (to & 0xFF00FFu) * a) >> 8) & 0xFF00FFu;
  const W ag = (((from >> 8) & 0xFF00FFu) * b + ((to >> 8) & 0xFF00FFu) * a) & 0xFF00FF00u;
  return rb | ag;
}

// Four pixels in a vector register (SSE2 on any x86-64, NEON on ARM): a
// fade touches every pixel of the screen 60 times a second, and this does
// it in a third of the time word by word took.
using FourPixels = std::uint32_t __attribute__((vector_size(16)));

void mix_row(const std::uint32_t* from, const std::uint32_t* to, std::uint32_t* out, int w,
             std::uint32_t a) {
  const std::uint32_t b = 256 - a;
  int x = 0;
  for (; x + 4 <= w; x += 4) {
    FourPixels f, t;
    std::memcpy(&f, from + x, sizeof f);
    std::memcpy(&t, to + x, sizeof t);
    const FourPixels o = mix(f, t, a, b);
    std::memcpy(out + x, &o, sizeof o);
  }
  for (; x < w; ++x)
    out[x] = mix(from[x], to[x], a, b);
}

}  // namespace

std::vector<RowSpan> differing_spans(const SDL_Surface& a, const SDL_Surface& b,
                                     const std::vector<SDL_Rect>& ignore) {
  if (a.w != b.w || a.h != b.h || a.format->BytesPerPixel != 4 || b.format->BytesPerPixel != 4)
    return {};
  std::vector<RowSpan> spans(static_cast<std::size_t>(a.h));
  std::vector<std::pair<int, int>> parts;  // the row's columns not ignored
  for (int y = 0; y < a.h; ++y) {
    parts.assign(1, {0, a.w});
    for (const auto& r : ignore) {
      if (y < r.y || y >= r.y + r.h || r.w <= 0) continue;
      std::vector<std::pair<int, int>> kept;
      for (const auto& [x0, x1] : parts) {
        if (x0 < r.x) kept.push_back({x0, std::min(x1, r.x)});
        if (x1 > r.x + r.w) kept.push_back({std::max(x0, r.x + r.w), x1});
      }
      parts = std::move(kept);
    }
    const std::uint32_t* pa = pixel_row(a, y);
    const std::uint32_t* pb = pixel_row(b, y);
    RowSpan span{a.w, 0};
    for (const auto& [x0, x1] : parts) {
      int l = x0, r = x1;
      while (l < r && pa[l] == pb[l])
        ++l;
      if (l == r) continue;
      while (pa[r - 1] == pb[r - 1])
        --r;
      span.x0 = std::min(span.x0, l);
      span.x1 = std::max(span.x1, r);
    }
    if (span.x0 >= span.x1) span = {};
    spans[static_cast<std::size_t>(y)] = span;
  }
  return spans;
}

SDL_Rect spans_bounds(const std::vector<RowSpan>& spans) {
  int x0 = std::numeric_limits<int>::max(), x1 = 0, y0 = -1, y1 = 0;
  for (std::size_t y = 0; y < spans.size(); ++y) {
    if (spans[y].x0 >= spans[y].x1) continue;
    if (y0 < 0) y0 = static_cast<int>(y);
    y1 = static_cast<int>(y) + 1;
    x0 = std::min(x0, spans[y].x0);
    x1 = std::max(x1, spans[y].x1);
  }
  if (y0 < 0) return {0, 0, 0, 0};
  return {x0, y0, x1 - x0, y1 - y0};
}

bool compose_transition(model::Transition how, double eased, const SDL_Surface& from,
                        const SDL_Surface& to, SDL_Surface& out, const std::vector<RowSpan>* only) {
  const int w = out.w, h = out.h;
  if (from.w != w || from.h != h || to.w != w || to.h != h || !is_word_format(from) ||
      !is_word_format(to) || !is_word_format(out))
    return false;
  if (only && only->size() != static_cast<std::size_t>(h)) only = nullptr;
  switch (how) {
    case model::Transition::fade: {
      const int alpha = fade_alpha(eased);
      const auto a = static_cast<std::uint32_t>(alpha + (alpha >> 7));  // 255 -> 256
      for (int y = 0; y < h; ++y) {
        const RowSpan span = only ? (*only)[static_cast<std::size_t>(y)] : RowSpan{0, w};
        const int x0 = std::clamp(span.x0, 0, w), x1 = std::clamp(span.x1, x0, w);
        if (x0 < x1)
          mix_row(pixel_row(from, y) + x0, pixel_row(to, y) + x0, pixel_row(out, y) + x0, x1 - x0,
                  a);
      }
      return true;
    }
    case model::Transition::slide: {
      const int x0 = std::clamp(slide_x(w, eased), 0, w);
      for (int y = 0; y < h; ++y) {
        std::uint32_t* o = pixel_row(out, y);
        std::copy_n(pixel_row(from, y) + (w - x0), x0, o);
        std::copy_n(pixel_row(to, y), w - x0, o + x0);
      }
      return true;
    }
    case model::Transition::none:
      break;
  }
  for (int y = 0; y < h; ++y)
    std::copy_n(pixel_row(to, y), w, pixel_row(out, y));
  return true;
}

}  // namespace hb::render
