// Which notices are in force at an instant.
#pragma once

#include <optional>
#include <vector>

#include "model/content.h"

namespace hb::schedule {

// Active from `from` (inclusive) to `to` (inclusive: a notice "to 17:00" is
// still up at 17:00:59 and gone at 17:01); an open end never ends.
bool is_active(const model::Notice& notice, model::UnixSeconds t, int utc_offset_minutes);

std::vector<const model::Notice*> active_notices(const model::Content& content,
                                                 model::NoticeLevel level, model::UnixSeconds t,
                                                 int utc_offset_minutes);

// The next instant after t at which some notice starts or ends, so the
// player knows when to look again.
std::optional<model::UnixSeconds> next_notice_change(const model::Content& content,
                                                     model::UnixSeconds t, int utc_offset_minutes);

// The start of the unbroken stretch of urgent notices active at t: from
// there the urgent page pre-empts the rotation. Nothing when none is active.
std::optional<model::UnixSeconds> urgent_since(const model::Content& content, model::UnixSeconds t,
                                               int utc_offset_minutes);

}  // namespace hb::schedule
