// Photos and logos: only PNG and JPEG, only so many bytes and pixels
// (base/image_header.h), told from the header before anything is decoded.
// The renderer draws a placeholder for whatever this refuses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/image_header.h"
#include "net/cache.h"
#include "net/local_file.h"

namespace hb::net {

// What the app's PictureLoader reads: http(s) pictures from the cache the
// fetch thread fills, local ones from their file; checked either way.
// Safe to use from another thread than the one that fills the cache.
class PictureStore {
 public:
  PictureStore(std::string cache_dir, base::PictureLimits limits = {});
  std::optional<std::string> load(const std::string& source) const;
  // What a size needs, without reading (or, for a fetched picture, hashing)
  // the whole file: the stamp of the file `load` would read, and its first
  // `head_bytes` (nothing for a file larger than the limits allow).
  std::optional<FileStamp> stamp(const std::string& source) const;
  std::optional<std::string> head(const std::string& source, std::size_t head_bytes) const;
  const ContentCache& cache() const { return cache_; }
  const base::PictureLimits& limits() const { return limits_; }

 private:
  // The file `load` reads for a source; empty when there is none.
  std::string file_of(const std::string& source) const;
  ContentCache cache_;
  base::PictureLimits limits_;
};

// Where pictures are kept under a player's <cache dir>.
std::string pictures_dir(const std::string& cache_dir);
// Where feeds are kept under a player's <cache dir>.
std::string feeds_dir(const std::string& cache_dir);

}  // namespace hb::net
