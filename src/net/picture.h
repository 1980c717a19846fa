// Photos and logos: only PNG and JPEG, only so many bytes and pixels, told
// from the header before anything is decoded. The renderer draws a
// placeholder for whatever this refuses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "net/cache.h"

namespace hb::net {

struct PictureLimits {
  std::size_t max_bytes = 8u * 1024u * 1024u;
  int max_width = 8192;
  int max_height = 8192;
};

struct PictureSize {
  bool png = false;  // else JPEG
  int width = 0;
  int height = 0;
};

// PNG (IHDR) or JPEG (the first SOFn frame header); nothing for anything else.
std::optional<PictureSize> picture_size(std::string_view bytes);

// Empty when the bytes are a picture within the limits, else why not.
std::string check_picture(std::string_view bytes, const PictureLimits& limits);

// What the app's PictureLoader reads: http(s) pictures from the cache the
// fetch thread fills, local ones from their file; checked either way.
// Safe to use from another thread than the one that fills the cache.
class PictureStore {
 public:
  PictureStore(std::string cache_dir, PictureLimits limits = {});
  std::optional<std::string> load(const std::string& source) const;
  const ContentCache& cache() const { return cache_; }
  const PictureLimits& limits() const { return limits_; }

 private:
  ContentCache cache_;
  PictureLimits limits_;
};

// Where pictures are kept under a player's <cache dir>.
std::string pictures_dir(const std::string& cache_dir);
// Where feeds are kept under a player's <cache dir>.
std::string feeds_dir(const std::string& cache_dir);

}  // namespace hb::net
