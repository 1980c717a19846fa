// What kind of picture a byte string holds and how big it claims to be,
// read from the header alone, and the one set of limits a picture must
// keep: the fetcher refuses to cache, and the renderer to decode, whatever
// is outside them, so that a 100 000 x 100 000 PNG is refused before
// anything is decoded, and no picture is downloaded that could not be drawn.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hb::base {

enum class ImageKind { png, jpeg };

struct ImageHeader {
  ImageKind kind = ImageKind::png;
  int width = 0;
  int height = 0;
};

// PNG (IHDR) or baseline/progressive JPEG (the first SOFn); nullopt for
// anything else or a header that ends too soon.
std::optional<ImageHeader> read_image_header(std::string_view bytes);

// True when the bytes are the start of a JPEG whose frame header is not
// among them yet (EXIF, ICC or a thumbnail can take megabytes before it):
// a reader that took only the head must read on to tell the size.
bool image_header_cut_short(std::string_view bytes);

struct PictureLimits {
  std::size_t max_bytes = 8u * 1024u * 1024u;
  // docs/cli.md promises photos up to this size. Decoding one whole takes
  // 4 bytes a pixel: 256 MB at 8192 x 8192, freed as soon as it is scaled
  // down to max_kept_side (render/picture.h).
  int max_width = 8192;
  int max_height = 8192;
  // The longest side a decoded picture is kept at: no box on a screen
  // wants more of a staff photo or a logo, and 2048 x 2048 is 16 MB.
  int max_kept_side = 2048;
};

// Empty when the bytes are a PNG or JPEG within the limits, else why not,
// in plain language.
std::string check_picture(std::string_view bytes, const PictureLimits& limits);

}  // namespace hb::base
