#include "net/picture.h"

#include <filesystem>

#include "net/fetch.h"
#include "net/local_file.h"

namespace hb::net {
namespace {

unsigned byte_at(std::string_view b, std::size_t at) {
  return static_cast<unsigned char>(b[at]);
}
unsigned be16(std::string_view b, std::size_t at) {
  return (byte_at(b, at) << 8) | byte_at(b, at + 1);
}
unsigned long be32(std::string_view b, std::size_t at) {
  return (static_cast<unsigned long>(be16(b, at)) << 16) | be16(b, at + 2);
}

std::optional<PictureSize> png_size(std::string_view b) {
  if (b.size() < 24 || b.substr(0, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8) ||
      b.substr(12, 4) != "IHDR")
    return std::nullopt;
  const auto w = be32(b, 16), h = be32(b, 20);
  if (w == 0 || h == 0 || w > 0x7FFFFFFF || h > 0x7FFFFFFF) return std::nullopt;
  return PictureSize{true, static_cast<int>(w), static_cast<int>(h)};
}

std::optional<PictureSize> jpeg_size(std::string_view b) {
  if (b.size() < 4 || byte_at(b, 0) != 0xFF || byte_at(b, 1) != 0xD8) return std::nullopt;
  std::size_t at = 2;
  while (at + 4 <= b.size()) {
    if (byte_at(b, at) != 0xFF) return std::nullopt;
    const unsigned marker = byte_at(b, at + 1);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      at += 2;  // markers without a length
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA) return std::nullopt;  // data before any frame header
    const unsigned length = be16(b, at + 2);
    if (length < 2) return std::nullopt;
    // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG), CC (DAC) do not.
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      if (at + 9 > b.size()) return std::nullopt;
      const unsigned h = be16(b, at + 5), w = be16(b, at + 7);
      if (w == 0 || h == 0) return std::nullopt;
      return PictureSize{false, static_cast<int>(w), static_cast<int>(h)};
    }
    at += 2 + length;
  }
  return std::nullopt;
}

}  // namespace

std::optional<PictureSize> picture_size(std::string_view bytes) {
  if (auto png = png_size(bytes)) return png;
  return jpeg_size(bytes);
}

std::string check_picture(std::string_view bytes, const PictureLimits& limits) {
  if (bytes.size() > limits.max_bytes)
    return "larger than " + std::to_string(limits.max_bytes) + " bytes";
  const auto size = picture_size(bytes);
  if (!size) return "not a PNG or JPEG picture";
  if (size->width > limits.max_width || size->height > limits.max_height)
    return std::to_string(size->width) + "x" + std::to_string(size->height) +
           " pixels, more than " + std::to_string(limits.max_width) + "x" +
           std::to_string(limits.max_height);
  return {};
}

std::string pictures_dir(const std::string& cache_dir) {
  return (std::filesystem::path(cache_dir) / "pictures").string();
}

std::string feeds_dir(const std::string& cache_dir) {
  return (std::filesystem::path(cache_dir) / "feeds").string();
}

PictureStore::PictureStore(std::string cache_dir, PictureLimits limits)
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
  if (!bytes || !check_picture(*bytes, limits_).empty()) return std::nullopt;
  return bytes;
}

}  // namespace hb::net
