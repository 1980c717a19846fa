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

}  // namespace hb::schedule
