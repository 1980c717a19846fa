#include "app/picture_sizes.h"

namespace hb::app {

std::optional<layout::PictureSize> picture_size_of(std::string_view bytes,
                                                   const base::PictureLimits& limits) {
  if (!base::check_picture(bytes, limits).empty()) return std::nullopt;
  const auto header = base::read_image_header(bytes);
  if (!header) return std::nullopt;
  return layout::PictureSize{header->width, header->height};
}

layout::PictureSizes picture_sizes_from(PictureBytes load, base::PictureLimits limits) {
  return [load = std::move(load),
          limits](const std::string& source) -> std::optional<layout::PictureSize> {
    if (!load || source.empty()) return std::nullopt;
    // The loader is the app's; whatever it throws means "not available".
    try {
      const auto bytes = load(source);
      if (!bytes) return std::nullopt;
      return picture_size_of(*bytes, limits);
    } catch (...) {
      return std::nullopt;
    }
  };
}

}  // namespace hb::app
