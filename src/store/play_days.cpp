#include "store/play_days.h"

#include <algorithm>

namespace hb::store {

std::int64_t local_day_start(std::int64_t t, int utc_offset_minutes) {
  const std::int64_t shift = std::int64_t{utc_offset_minutes} * 60;
  const std::int64_t local = t + shift;
  // Floor division: an instant before 1970 belongs to the day before.
  const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  return days * 86400 - shift;
}

std::vector<DayShare> day_shares(std::int64_t start_unix, std::int64_t end_unix, int utc_offset_minutes) {
  end_unix = std::max(end_unix, start_unix);
  std::int64_t day = local_day_start(start_unix, utc_offset_minutes);
  std::vector<DayShare> out{{day, 1, std::min(end_unix, day + 86400) - start_unix}};
  for (day += 86400; day < end_unix; day += 86400)
    out.push_back({day, 0, std::min(end_unix, day + 86400) - day});
  return out;
}

}  // namespace hb::store
