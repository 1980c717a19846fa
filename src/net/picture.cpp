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

std::string PictureStore::file_of(const std::string& source) const {
  if (!is_http_url(source)) return local_path(source);
  return cache_.dir().empty() ? std::string() : cache_.bytes_path(source);
}

std::optional<FileStamp> PictureStore::stamp(const std::string& source) const {
  const std::string path = file_of(source);
  if (path.empty()) return std::nullopt;
  return stamp_of(path);
}

std::optional<std::string> PictureStore::head(const std::string& source,
                                              std::size_t head_bytes) const {
  const std::string path = file_of(source);
  if (path.empty()) return std::nullopt;
  const auto s = stamp_of(path);
  if (!s || s->size > limits_.max_bytes) return std::nullopt;
  auto read = read_local_head(path, head_bytes);
  if (!read.bytes) return std::nullopt;
  // A JPEG's metadata can push its frame header past the head: then the
  // whole file, within the limits, as the renderer would read it.
  if (read.bytes->size() > head_bytes && base::image_header_cut_short(*read.bytes))
    return read_local(path, limits_.max_bytes).bytes;
  if (read.bytes->size() > head_bytes) read.bytes->resize(head_bytes);
  return std::move(read.bytes);
}

}  // namespace hb::net
