// The pixel sizes of pictures, for the layout of posters
// (layout::PictureSizes), told from the header of the bytes the renderer
// would draw: a picture the renderer would refuse has no size, so the
// layout shows its alt text rather than a box the renderer cannot fill.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "base/image_header.h"
#include "layout/poster_fit.h"

namespace hb::app {

// Whatever reads a picture's bytes by its source (render::PictureLoader's shape).
using PictureBytes = std::function<std::optional<std::string>(const std::string& source)>;

// Reads the picture each time it is asked: the pages that ask are laid out
// at most once a minute, and a picture's bytes may change at any fetch.
layout::PictureSizes picture_sizes_from(PictureBytes load, base::PictureLimits limits = {});

// The size of a picture's bytes; nothing for what base::check_picture refuses.
std::optional<layout::PictureSize> picture_size_of(std::string_view bytes,
                                                   const base::PictureLimits& limits);

}  // namespace hb::app
