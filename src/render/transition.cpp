#include "render/transition.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

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

const std::uint32_t* row(const SDL_Surface& s, int y) {
  return reinterpret_cast<const std::uint32_t*>(static_cast<const std::uint8_t*>(s.pixels) +
                                                static_cast<std::ptrdiff_t>(y) * s.pitch);
}
std::uint32_t* row(SDL_Surface& s, int y) {
  return reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(s.pixels) +
                                          static_cast<std::ptrdiff_t>(y) * s.pitch);
}

// Two channels at a time in one word: each 8-bit value times a weight of
// at most 256 fits the 16 bits between them.
std::uint32_t mix(std::uint32_t from, std::uint32_t to, std::uint32_t a /* 0..256 */) {
  const std::uint32_t b = 256 - a;
  const std::uint32_t rb = (((from & 0xFF00FFu) * b + (to & 0xFF00FFu) * a) >> 8) & 0xFF00FFu;
  const std::uint32_t ag =
      (((from >> 8) & 0xFF00FFu) * b + ((to >> 8) & 0xFF00FFu) * a) & 0xFF00FF00u;
  return rb | ag;
}

bool word_pixels(const SDL_Surface& s) {
  return s.format->format == SDL_PIXELFORMAT_ARGB8888 || s.format->format == SDL_PIXELFORMAT_RGB888;
}

}  // namespace

bool compose_transition(model::Transition how, double eased, const SDL_Surface& from,
                        const SDL_Surface& to, SDL_Surface& out) {
  const int w = out.w, h = out.h;
  if (from.w != w || from.h != h || to.w != w || to.h != h || !word_pixels(from) ||
      !word_pixels(to) || !word_pixels(out))
    return false;
  switch (how) {
    case model::Transition::fade: {
      const int alpha = fade_alpha(eased);
      const auto a = static_cast<std::uint32_t>(alpha + (alpha >> 7));  // 255 -> 256
      for (int y = 0; y < h; ++y) {
        const std::uint32_t* f = row(from, y);
        const std::uint32_t* t = row(to, y);
        std::uint32_t* o = row(out, y);
        for (int x = 0; x < w; ++x)
          o[x] = mix(f[x], t[x], a);
      }
      return true;
    }
    case model::Transition::slide: {
      const int x0 = std::clamp(slide_x(w, eased), 0, w);
      for (int y = 0; y < h; ++y) {
        std::uint32_t* o = row(out, y);
        std::copy_n(row(from, y) + (w - x0), x0, o);
        std::copy_n(row(to, y), w - x0, o + x0);
      }
      return true;
    }
    case model::Transition::none:
      break;
  }
  for (int y = 0; y < h; ++y)
    std::copy_n(row(to, y), w, row(out, y));
  return true;
}

}  // namespace hb::render
