// When the screen goes dark outside opening hours (the player config's
// blank-outside-hours): from that many minutes after a closing until that
// many minutes before the next opening. A lunch break shorter than twice
// the margin never blanks.
#pragma once

#include <optional>

#include "model/content.h"

namespace hb::schedule {

bool is_blank(const model::Calendar& calendar, model::UnixSeconds t, int utc_offset_minutes,
              int margin_minutes);

// The last instant <= t at which an opening period ended; nothing when none
// did in the 60 days before t (the screen then counts as long closed).
std::optional<model::UnixSeconds> last_closing(const model::Calendar& calendar,
                                               model::UnixSeconds t, int utc_offset_minutes);

}  // namespace hb::schedule
