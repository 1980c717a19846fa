// How one proof-of-play line adds to the daily roll-up (play_days): its
// seconds split at each of the hall's local midnights it crosses, its one
// showing counted on the day it started, so a month's sums over whole days
// count every line once and clip its time to the month. Pure: no SQL, no clock.
#pragma once

#include <cstdint>
#include <vector>

namespace hb::store {

struct DayShare {
  std::int64_t day_start = 0;  // Unix seconds of the hall-local midnight
  std::int64_t shown = 0;      // 1 on the day the line started, else 0
  std::int64_t seconds = 0;
};

// The hall-local midnight at or before `t`.
std::int64_t local_day_start(std::int64_t t, int utc_offset_minutes);

// [start_unix, end_unix) by local day, earliest first; a zero-length line
// is one share of 0 seconds. end before start (refused by play_lines.h
// before it gets here) is taken as zero-length.
std::vector<DayShare> day_shares(std::int64_t start_unix, std::int64_t end_unix, int utc_offset_minutes);

}  // namespace hb::store
