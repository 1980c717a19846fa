// The one owner of an SDL_Surface, and the pixel format every surface in
// render uses: drawing code reads and writes ARGB8888 words directly.
#pragma once

#include <SDL2/SDL.h>

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

}  // namespace hb::render
