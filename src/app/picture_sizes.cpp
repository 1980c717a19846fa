#include "app/picture_sizes.h"

#include <memory>
#include <unordered_map>
#include <utility>

namespace hb::app {

std::optional<layout::PictureSize> picture_size_of(std::string_view bytes,
                                                   const base::PictureLimits& limits) {
  if (!base::check_picture(bytes, limits).empty()) return std::nullopt;
  const auto header = base::read_image_header(bytes);
  if (!header) return std::nullopt;
  return layout::PictureSize{header->width, header->height};
}

namespace {

struct RememberedPictureSize {
  net::FileStamp stamp;
  std::optional<layout::PictureSize> size;
};

// Far more than a hall's pictures; past it the book starts again.
constexpr std::size_t kMaxRememberedPictureSizes = 4096;

}  // namespace

layout::PictureSizes picture_sizes_from(PictureBytes head, PictureStamps stamp,
                                        base::PictureLimits limits) {
  auto book = std::make_shared<std::unordered_map<std::string, RememberedPictureSize>>();
  return [head = std::move(head), stamp = std::move(stamp), limits,
          book](const std::string& source) -> std::optional<layout::PictureSize> {
    if (!head || source.empty()) return std::nullopt;
    // The loader is the app's; whatever it throws means "not available".
    try {
      std::optional<net::FileStamp> now = stamp ? stamp(source) : net::FileStamp{};
      if (!now) {
        book->erase(source);
        return std::nullopt;
      }
      if (const auto it = book->find(source); it != book->end() && it->second.stamp == *now)
        return it->second.size;
      const auto bytes = head(source);
      const auto size = bytes ? picture_size_of(*bytes, limits) : std::nullopt;
      if (book->size() >= kMaxRememberedPictureSizes) book->clear();
      (*book)[source] = RememberedPictureSize{*now, size};
      return size;
    } catch (...) {
      return std::nullopt;
    }
  };
}

}  // namespace hb::app
