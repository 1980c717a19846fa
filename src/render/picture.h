// Pictures from the content (staff photos, logos): decoded from bytes the
// caller supplies, within limits, scaled to fill their box. render itself
// reads no files and opens no connections.
#pragma once

#include <SDL2/SDL.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "base/image_header.h"
#include "layout/display_list.h"
#include "render/sdl_surface.h"

namespace hb::render {

struct DecodeResult {
  SurfacePtr surface;  // ARGB8888
  std::string error;   // plain-language reason when surface is null
};

// The box a decoded picture will be scaled to fill (render::cover), when known.
struct DecodeTarget {
  int width = 0;
  int height = 0;
};

// PNG or JPEG only, whatever else SDL_image could read: fewer decoders,
// less exposed to hostile files. Without a target, a picture larger than
// limits.max_kept_side comes back shrunk to within it. With one, it shrinks
// only by as much as still fills the target (a 3840x2160 poster stays sharp
// on a 4K screen), and its longest side to at most
// max(limits.max_kept_side, twice the target's longest side). SDL_image
// decodes the whole picture first, so the peak is the decoded picture (3
// bytes a pixel for a JPEG, up to 4 for a PNG: 256 MB at 8192 x 8192, the
// pixel cap) plus the result (16 MB at 2048, at most as much as the decoded
// one) and a band of about 1 MB; the full-size one is freed before this
// returns, and the canvas keeps only the box-sized copy cover() makes.
DecodeResult decode_picture(std::string_view bytes, const base::PictureLimits& limits = {},
                            DecodeTarget target = {});

// A w x h copy that fills the box: scaled keeping the aspect ratio,
// the overflow cropped evenly from both sides. Null when w or h < 1.
SurfacePtr cover(SDL_Surface& picture, int w, int h);

// What stands in for a picture that cannot be shown: light grey with the
// outline of a person, so the page still reads as "a photo goes here".
void draw_placeholder(SDL_Surface& target, const layout::Box& box);

}  // namespace hb::render
