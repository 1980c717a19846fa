// Against burn-in: the header, the footer and the frames stand still on a
// screen for years, so the whole page is moved by a pixel now and then. It
// walks back and forth through every offset within `radius` pixels, one
// pixel per step, so the eye never sees it jump, and the caller applies a
// new offset only when a page is drawn anew (a page turn), never to a page
// that stands.
#pragma once

#include "model/time.h"

namespace hb::schedule {

struct PixelShift {
  int dx = 0, dy = 0;
  bool operator==(const PixelShift&) const = default;
};

// radius 0 turns it off. With radius 2 and 5-minute steps the walk covers
// all 25 offsets in 2 hours and comes back in 4.
PixelShift pixel_shift(model::UnixSeconds t, int radius = 2, int step_seconds = 300);

}  // namespace hb::schedule
