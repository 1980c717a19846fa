// Where a poster's picture goes: scaled to fit its area whole (never
// cropped, never stretched), centred, the rest left in the page's colour.
// Pure, so that the rectangle is tested as numbers and `render` only
// scales the picture into the box it is given.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "layout/display_list.h"

namespace hb::layout {

struct PictureSize {
  int width = 0;
  int height = 0;
  bool operator==(const PictureSize&) const = default;
};

// The pixel size of a picture by its source (as Picture::source names it),
// read from its header by the app; nothing while it cannot be had (not
// fetched yet, not a PNG or JPEG, too large). The layout asks it only for
// poster pictures, which are drawn at their own aspect ratio.
using PictureSizes = std::function<std::optional<PictureSize>(const std::string& source)>;

// The largest box of the picture's aspect ratio inside `area`, centred; an
// empty box for an empty picture or area.
Box contain(const Box& area, const PictureSize& picture);

// How many times a picture is enlarged to fill a screen of this size (the
// factor `contain` scales it by): lint warns about posters blown up past 2x
// on a 1080p screen, which then look blurred.
double fit_scale(const PictureSize& picture, int width, int height);

}  // namespace hb::layout
