#include "base/image_header.h"

#include <cstdint>

namespace hb::base {
namespace {

std::uint32_t be16(std::string_view b, std::size_t at) {
  return (std::uint32_t{static_cast<unsigned char>(b[at])} << 8) |
         static_cast<unsigned char>(b[at + 1]);
}
std::uint32_t be32(std::string_view b, std::size_t at) {
  return (be16(b, at) << 16) | be16(b, at + 2);
}

std::optional<ImageHeader> png_header(std::string_view b) {
  // Signature, then the IHDR chunk: length, type, width, height.
  if (b.size() < 24 || b.substr(0, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8) ||
      b.substr(12, 4) != "IHDR")
    return std::nullopt;
  const auto w = be32(b, 16), h = be32(b, 20);
  if (w == 0 || h == 0 || w > 0x7FFFFFFF || h > 0x7FFFFFFF) return std::nullopt;
  return ImageHeader{ImageKind::png, static_cast<int>(w), static_cast<int>(h)};
}

// `cut` is set when the bytes end before a frame header could be found.
std::optional<ImageHeader> jpeg_header(std::string_view b, bool* cut = nullptr) {
  if (cut) *cut = false;
  if (b.size() < 4 || static_cast<unsigned char>(b[0]) != 0xFF ||
      static_cast<unsigned char>(b[1]) != 0xD8)
    return std::nullopt;
  std::size_t at = 2;
  while (at + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) return std::nullopt;
    const auto marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
      at += 2;
      continue;
    }
    if (marker == 0xD9 || marker == 0xDA)
      return std::nullopt;  // image data before any frame header
    const auto length = be16(b, at + 2);
    if (length < 2) return std::nullopt;
    // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) do not.
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      if (at + 9 > b.size()) {
        if (cut) *cut = true;
        return std::nullopt;
      }
      const auto h = be16(b, at + 5), w = be16(b, at + 7);
      if (w == 0 || h == 0) return std::nullopt;
      return ImageHeader{ImageKind::jpeg, static_cast<int>(w), static_cast<int>(h)};
    }
    at += 2 + length;
  }
  if (cut) *cut = true;  // the walk ran off the end: the frame header may come later
  return std::nullopt;
}

}  // namespace

std::optional<ImageHeader> read_image_header(std::string_view bytes) {
  if (auto png = png_header(bytes)) return png;
  return jpeg_header(bytes);
}

bool image_header_cut_short(std::string_view bytes) {
  bool cut = false;
  return !png_header(bytes) && !jpeg_header(bytes, &cut) && cut;
}

std::string check_picture(std::string_view bytes, const PictureLimits& limits) {
  if (bytes.size() > limits.max_bytes)
    return "the picture is larger than " + std::to_string(limits.max_bytes) + " bytes (" +
           std::to_string(bytes.size()) + ")";
  const auto header = read_image_header(bytes);
  if (!header) return "not a PNG or JPEG picture";
  if (header->width > limits.max_width || header->height > limits.max_height)
    return "the picture is " + std::to_string(header->width) + "x" +
           std::to_string(header->height) + " pixels, more than " +
           std::to_string(limits.max_width) + "x" + std::to_string(limits.max_height);
  return {};
}

}  // namespace hb::base
