// A page moved by a few pixels (see schedule/pixel_shift.h). Bands that
// reach an edge of the screen (the header, the footer, a coloured
// background) are stretched so they still reach it: a shifted page shows
// no strip of another colour along its edges.
#pragma once

#include "layout/display_list.h"

namespace hb::layout {

Page shifted(const Page& page, int dx, int dy, int width, int height);

}  // namespace hb::layout
