// lint's look at the pictures of poster slides (宣传海报) on the screen's
// own disk: what the screen would only find out when the page comes
// round (a missing file, not a PNG or JPEG, too large to draw, so small
// it is blown up blurred). Pictures at http(s) URLs are not fetched by
// lint; the screen's picture cache checks them with the same limits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/image_header.h"
#include "model/content.h"
#include "model/diagnostic.h"

namespace hb::app {

// Poster pictures with more pixels than this take too much of the screen's
// memory to decode (4 bytes a pixel: 160 MB), whatever their sides.
inline constexpr long long kMaxPosterPixels = 40'000'000;
// A picture enlarged more than this to fill a 1920x1080 screen looks blurred.
inline constexpr double kMaxPosterUpscale = 2.0;
// lint reads at most this many distinct poster pictures, each only its head.
inline constexpr std::size_t kMaxPostersChecked = 200;
inline constexpr std::size_t kPosterHeadBytes = 256u * 1024u;

// What is wrong with a picture of `file_bytes` bytes whose first bytes read
// as `header` (nothing: not a PNG or JPEG header), by the screen's limits:
// messages without the picture's name. Pure: the table tests call it with
// made-up sizes. Each is a warning, even for a picture the screen cannot
// draw: the screen still runs the content, showing the alt text in its
// place, so a missing picture must not make `plan` or `render` refuse it.
std::vector<std::string> poster_picture_findings(const std::optional<base::ImageHeader>& header,
                                                 std::uint64_t file_bytes,
                                                 const base::PictureLimits& limits);

// Each poster picture on the local disk, looked at once; findings at its <image>.
void check_poster_pictures(const model::Content& content, model::Diagnostics& out);

}  // namespace hb::app
