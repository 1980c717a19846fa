#include "net/picture.h"

#include <filesystem>

#include "net/fetch.h"
#include "net/local_file.h"

namespace hb::net {

std::string pictures_dir(const std::string& cache_dir) {
  return (std::filesystem::path(cache_dir) / "pictures").string();
}

std::string feeds_dir(const std::string& cache_dir) {
  return (std::filesystem::path(cache_dir) / "feeds").string();
}

PictureStore::PictureStore(std::string cache_dir, base::PictureLimits limits)
    : cache_(cache_dir.empty() ? std::string() : pictures_dir(cache_dir), ".img",
             CacheOptions{{}, limits.max_bytes}),
      limits_(limits) {}

std::optional<std::string> PictureStore::load(const std::string& source) const {
  std::optional<std::string> bytes;
  if (is_http_url(source)) {
    if (cache_.dir().empty()) return std::nullopt;
    if (auto e = cache_.read(source)) bytes = std::move(e->bytes);
  } else {
    bytes = read_local(local_path(source), limits_.max_bytes).bytes;
  }
  if (!bytes || !base::check_picture(*bytes, limits_).empty()) return std::nullopt;
  return bytes;
}

}  // namespace hb::net
