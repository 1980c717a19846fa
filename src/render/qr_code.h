// QR codes drawn with libqrencode: error correction M, the data as 8-bit
// bytes (UTF-8 survives unchanged), whole-pixel modules, 4-module quiet zone.
#pragma once

#include <SDL2/SDL.h>

#include <memory>
#include <string>
#include <string_view>

#include <qrencode.h>

#include "layout/display_list.h"

namespace hb::render {

struct QrCodeDeleter {
  void operator()(QRcode* q) const { QRcode_free(q); }
};
using QrCodePtr = std::unique_ptr<QRcode, QrCodeDeleter>;

inline constexpr int qr_quiet_zone = 4;  // modules, as ISO/IEC 18004 asks

// Null when the data does not fit a QR code (more than ~2300 bytes at M).
QrCodePtr encode_qr(std::string_view data);

// The square's side in pixels for a code of `modules` modules (quiet zone
// included), fitted into the box; 0 when a module would be under a pixel.
int qr_module_size(int modules, const layout::Box& box);

// Draws the code centred in the box. Returns an error when it cannot (the
// data is too long, or the box too small for one pixel a module); the box
// then shows only the light colour, never a code that will not scan.
std::string draw_qr(SDL_Surface& target, const layout::QrCode& qr);

}  // namespace hb::render
