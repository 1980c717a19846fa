#include "render/qr_code.h"

#include <algorithm>

#include "render/pixels.h"

namespace hb::render {

QrCodePtr encode_qr(std::string_view data) {
  if (data.empty()) return nullptr;
  // Version 0: the smallest version that holds the data.
  return QrCodePtr(QRcode_encodeData(static_cast<int>(data.size()),
                                     reinterpret_cast<const unsigned char*>(data.data()), 0,
                                     QR_ECLEVEL_M));
}

int qr_module_size(int modules, const layout::Box& box) {
  return std::min(box.w, box.h) / (modules + 2 * qr_quiet_zone);
}

std::string draw_qr(SDL_Surface& target, const layout::QrCode& qr) {
  const ClipScope clip(target, qr.box);
  if (clip.empty()) return {};
  if (qr.data.empty()) {
    fill_rect(target, qr.box, qr.light);
    return "the QR code has no data";
  }
  const auto code = encode_qr(qr.data);
  if (!code) {
    fill_rect(target, qr.box, qr.light);
    return "the QR code's data (" + std::to_string(qr.data.size()) +
           " bytes) does not fit a QR code";
  }
  const int modules = code->width;
  const int m = qr_module_size(modules, qr.box);
  if (m < 1) {
    fill_rect(target, qr.box, qr.light);
    return "the QR code needs " + std::to_string(modules + 2 * qr_quiet_zone) +
           " pixels a side, its box has " + std::to_string(std::min(qr.box.w, qr.box.h));
  }
  const int side = m * (modules + 2 * qr_quiet_zone);
  const int x0 = qr.box.x + (qr.box.w - side) / 2, y0 = qr.box.y + (qr.box.h - side) / 2;
  fill_rect(target, {x0, y0, side, side}, qr.light);
  const int ox = x0 + m * qr_quiet_zone, oy = y0 + m * qr_quiet_zone;
  for (int row = 0; row < modules; ++row) {
    const unsigned char* line = code->data + static_cast<std::ptrdiff_t>(row) * modules;
    // Runs of dark modules as one rectangle each.
    for (int col = 0; col < modules;) {
      if (!(line[col] & 1)) {
        ++col;
        continue;
      }
      int end = col;
      while (end < modules && (line[end] & 1))
        ++end;
      fill_rect(target, {ox + col * m, oy + row * m, (end - col) * m, m}, qr.dark);
      col = end;
    }
  }
  return {};
}

}  // namespace hb::render
