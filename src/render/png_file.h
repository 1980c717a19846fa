// Pages as PNG files: what `render` writes, what golden tests compare.
#pragma once

#include <SDL2/SDL.h>

#include <cstdint>
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

struct EncodeResult {
  std::string png;    // the bytes of a PNG file; empty when it failed
  std::string error;  // plain-language reason, when it failed
};

SaveResult save_png(SDL_Surface& surface, const std::string& path);
LoadResult load_png(const std::string& path);

// A PNG file in memory (the heartbeat's screenshot).
EncodeResult encode_png(SDL_Surface& surface);
// The same for ARGB8888 pixels the caller owns (rows `pitch` bytes apart),
// so code without SDL can hand a frame over.
EncodeResult encode_argb_png(const std::uint8_t* pixels, int width, int height, int pitch);

}  // namespace hb::render
