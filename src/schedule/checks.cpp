#include "schedule/checks.h"

#include <set>

#include "schedule/calendar.h"

namespace hb::schedule {
namespace {

// Local seconds since the epoch in the player's zone.
std::int64_t local_seconds(const model::DateTime& t, int offset_minutes) {
  return model::to_unix(t, offset_minutes) + static_cast<std::int64_t>(offset_minutes) * 60;
}

int working_days_touched(const model::Calendar& calendar, std::int64_t from, std::int64_t to) {
  constexpr std::int64_t kMaxDays = 3660;  // absences longer than ten years are not real
  const std::int64_t first_day = from / 86400 - (from % 86400 < 0 ? 1 : 0);
  int touched = 0;
  for (std::int64_t day = first_day; day * 86400 < to && day - first_day < kMaxDays; ++day) {
    const model::Date date = model::civil_from_days(day);
    for (const auto& p : opening_periods(calendar, date)) {
      const std::int64_t open = day * 86400 + p.open.minutes * 60;
      const std::int64_t close = day * 86400 + p.close.minutes * 60;
      if (from < close && open < to) {
        if (++touched >= 2) return touched;
        break;
      }
    }
  }
  return touched;
}

}  // namespace

void check_absence_cover(const model::Content& content, int utc_offset_minutes,
                         model::Diagnostics& out) {
  const model::Calendar calendar = content.calendar ? *content.calendar : model::default_calendar();
  std::set<std::string> post_holders;
  for (const auto& w : content.roster.windows) {
    post_holders.insert(w.a_staff);
    post_holders.insert(w.b_staff);
  }
  for (const auto& a : content.roster.absences) {
    if (!a.substitute.empty() || !post_holders.count(a.staff)) continue;
    const auto from = local_seconds(a.from, utc_offset_minutes);
    const auto to = local_seconds(a.to, utc_offset_minutes);
    if (working_days_touched(calendar, from, to) >= 2)
      out.push_back({a.where, model::Severity::warning,
                     "<absence staff=\"" + a.staff +
                         "\"> covers more than one working day of an A/B post but names no "
                         "substitute; arrange 补岗 cover (substitute=\"…\") before leave is "
                         "granted"});
  }
}

}  // namespace hb::schedule
