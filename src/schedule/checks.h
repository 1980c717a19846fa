// Content rules that need the calendar, so they cannot be checked while
// parsing one feed.
#pragma once

#include "model/content.h"
#include "model/diagnostic.h"

namespace hb::schedule {

// An absence of an A or B post-holder that overlaps opening hours on two or
// more working days and names no substitute is a warning: a post must be
// covered before leave is granted.
void check_absence_cover(const model::Content& content, int utc_offset_minutes,
                         model::Diagnostics& out);

// Schedules of slides (`on`, `between`, `from`/`to`): a warning for a slide
// never in force while the hall is open (its values and its playlist's do
// not meet, or only when the hall is closed), and for a playlist with no
// slide in force at some opening hour of a week (the screen shows the
// waiting page then). The week is walked in 15-minute steps, no more.
void check_slide_schedules(const model::Content& content, model::Diagnostics& out);

// Poster slides (宣传海报) whose pictures' seconds add up to more than
// layout::kMaxSlideSeconds: a warning, since citizens wait that long for
// every other slide (a poster is never cut short).
void check_posters(const model::Content& content, model::Diagnostics& out);

}  // namespace hb::schedule
