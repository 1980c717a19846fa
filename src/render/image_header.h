// What kind of picture a byte string holds and how big it claims to be,
// read from the header alone: a 100 000 x 100 000 PNG is refused before
// anything is decoded.
#pragma once

#include <optional>
#include <string_view>

namespace hb::render {

enum class ImageKind { png, jpeg };

struct ImageHeader {
  ImageKind kind = ImageKind::png;
  int width = 0;
  int height = 0;
};

// PNG (IHDR) or baseline/progressive JPEG (the first SOFn); nullopt for
// anything else or a header that ends too soon.
std::optional<ImageHeader> read_image_header(std::string_view bytes);

}  // namespace hb::render
