// How long a slide would run, estimated from the volume of its text: lint
// has no fonts (docs/cli.md, "Two programs"), so it counts characters, not
// pixels, for a 1920x1080 screen.
#pragma once

#include "model/content.h"
#include "model/diagnostic.h"

namespace hb::layout {

// About how many pages `slide` takes on a 1920x1080 screen; of an item
// slide, those of its longest item (one showing shows one item).
long long estimate_slide_pages(const model::Content& content, const model::Slide& slide);

// A warning for every slide that would run longer than kMaxSlideSeconds:
// the screen shows max_slide_pages of it, the last saying where the rest is.
void check_slide_lengths(const model::Content& content, model::Diagnostics& out);

}  // namespace hb::layout
