#include "render/png_file.h"

#include <SDL2/SDL_image.h>

namespace hb::render {

SaveResult save_png(SDL_Surface& surface, const std::string& path) {
  if (IMG_SavePNG(&surface, path.c_str()) != 0)
    return {false, "cannot write " + path + ": " + IMG_GetError()};
  return {true, {}};
}

LoadResult load_png(const std::string& path) {
  SDL_RWops* in = SDL_RWFromFile(path.c_str(), "rb");
  if (!in) return {nullptr, "cannot open " + path + ": " + SDL_GetError()};
  SurfacePtr decoded(IMG_LoadTyped_RW(in, 1, "PNG"));
  if (!decoded) return {nullptr, "cannot read " + path + " as PNG: " + IMG_GetError()};
  SurfacePtr converted(SDL_ConvertSurfaceFormat(decoded.get(), surface_format, 0));
  if (!converted) return {nullptr, "cannot convert " + path + ": " + SDL_GetError()};
  return {std::move(converted), {}};
}

}  // namespace hb::render
