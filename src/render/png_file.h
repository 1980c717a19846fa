// Pages as PNG files: what `render` writes, what golden tests compare.
#pragma once

#include <SDL2/SDL.h>

#include <string>

#include "render/sdl_surface.h"

namespace hb::render {

struct SaveResult {
  bool ok = false;
  std::string error;  // plain-language reason, naming the file, when not ok
};

struct LoadResult {
  SurfacePtr surface;  // ARGB8888
  std::string error;   // plain-language reason, naming the file, when null
};

SaveResult save_png(SDL_Surface& surface, const std::string& path);
LoadResult load_png(const std::string& path);

}  // namespace hb::render
