// The one owner of an SDL_Surface, and the pixel format every surface in
// render uses: drawing code reads and writes ARGB8888 words directly.
#pragma once

#include <SDL2/SDL.h>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace hb::render {

struct SurfaceDeleter {
  void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};
using SurfacePtr = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

inline constexpr Uint32 surface_format = SDL_PIXELFORMAT_ARGB8888;

// A transparent surface; null when SDL cannot allocate it (or w, h < 1).
inline SurfacePtr make_surface(int w, int h) {
  if (w < 1 || h < 1) return nullptr;
  return SurfacePtr(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, surface_format));
}

// Surfaces whose pixels are 32-bit words with the same channel places as
// ours (the window's XRGB8888 too), which code may read and write word by word.
inline bool is_word_format(const SDL_Surface& s) {
  return s.format->format == SDL_PIXELFORMAT_ARGB8888 || s.format->format == SDL_PIXELFORMAT_RGB888;
}

// Row y of such a surface.
inline const std::uint32_t* pixel_row(const SDL_Surface& s, int y) {
  return reinterpret_cast<const std::uint32_t*>(static_cast<const std::uint8_t*>(s.pixels) +
                                                static_cast<std::ptrdiff_t>(y) * s.pitch);
}
inline std::uint32_t* pixel_row(SDL_Surface& s, int y) {
  return reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(s.pixels) +
                                          static_cast<std::ptrdiff_t>(y) * s.pitch);
}

}  // namespace hb::render
