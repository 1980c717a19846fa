#include "console/screenshot.h"

#include <sodium.h>

#include "base/image_header.h"

namespace hb::console {

base::Result<store::Screenshot, std::string> screenshot_of(const nlohmann::json& screenshot) {
  if (!screenshot.is_object()) return std::string("screenshot is not an object");
  const auto type = screenshot.find("type");
  if (type == screenshot.end() || *type != "image/png") return std::string("screenshot type is not image/png");
  const auto text = screenshot.find("base64");
  if (text == screenshot.end() || !text->is_string()) return std::string("screenshot has no base64");
  const auto& b64 = text->get_ref<const std::string&>();
  // Checked before decoding: 4 characters carry 3 bytes.
  if (b64.size() / 4 * 3 > kScreenshotCap + 3) return std::string("screenshot over 2 MB");
  std::string png(b64.size() / 4 * 3 + 3, '\0');
  std::size_t size = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(png.data()), png.size(), b64.data(), b64.size(),
                        " \r\n", &size, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::string("screenshot is not base64");
  png.resize(size);
  const auto header = base::read_image_header(png);
  if (!header || header->kind != base::ImageKind::png) return std::string("screenshot is not a PNG");
  // The screenshot's own caps: the player shrinks to 960 px wide (a portrait
  // panel's picture is taller), so 2048 px either way is generous; the
  // default 8192 would let a 2 MB PNG decode to 256 MB in the admin's
  // browser, once per screen on the 屏幕 page.
  base::PictureLimits limits;
  limits.max_bytes = kScreenshotCap;
  limits.max_width = kScreenshotSide;
  limits.max_height = kScreenshotSide;
  if (const auto why = base::check_picture(png, limits); !why.empty()) return "screenshot refused: " + why;
  return store::Screenshot{std::move(png), header->width, header->height, 0};
}

bool screenshot_due(std::optional<std::int64_t> stored_at, std::int64_t now) {
  return !stored_at || now < *stored_at || now - *stored_at >= kScreenshotEvery;
}

}  // namespace hb::console
