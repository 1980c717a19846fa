#include "schedule/blanking.h"

#include "schedule/calendar.h"
#include "schedule/local_time.h"

namespace hb::schedule {

std::optional<model::UnixSeconds> last_closing(const model::Calendar& calendar,
                                               model::UnixSeconds t, int utc_offset_minutes) {
  const std::int64_t today = model::days_from_civil(to_local(t, utc_offset_minutes).date);
  for (std::int64_t day = today; day > today - 60; --day) {
    const model::Date date = model::civil_from_days(day);
    const auto periods = opening_periods(calendar, date);
    for (auto p = periods.rbegin(); p != periods.rend(); ++p) {
      const model::UnixSeconds end = from_local(date, p->close.minutes * 60, utc_offset_minutes);
      if (end <= t) return end;
    }
  }
  return std::nullopt;
}

bool is_blank(const model::Calendar& calendar, model::UnixSeconds t, int utc_offset_minutes,
              int margin_minutes) {
  if (is_open(calendar, t, utc_offset_minutes)) return false;
  const model::UnixSeconds margin = static_cast<model::UnixSeconds>(margin_minutes) * 60;
  const auto closed = last_closing(calendar, t, utc_offset_minutes);
  if (closed && t < *closed + margin) return false;
  const auto opens = next_opening(calendar, t, utc_offset_minutes);
  if (opens && t >= *opens - margin) return false;
  return true;
}

}  // namespace hb::schedule
