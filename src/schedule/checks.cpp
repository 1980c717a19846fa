#include "schedule/checks.h"

#include <set>

#include "schedule/calendar.h"
#include "schedule/local_time.h"

namespace hb::schedule {
namespace {

// How many working days' opening hours [from, to) overlaps, counting to 2.
int working_days_touched(const model::Calendar& calendar, model::UnixSeconds from,
                         model::UnixSeconds to, int offset) {
  constexpr int kMaxDays = 3660;  // absences longer than ten years are not real
  const model::Date first = to_local(from, offset).date;
  int touched = 0;
  for (int d = 0; d < kMaxDays; ++d) {
    const model::Date date = model::add_days(first, d);
    if (from_local(date, 0, offset) >= to) break;
    for (const auto& p : opening_periods(calendar, date)) {
      if (from < from_local(date, p.close.minutes * 60, offset) &&
          from_local(date, p.open.minutes * 60, offset) < to) {
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
    const auto from = model::to_unix(a.from, utc_offset_minutes);
    const auto to = model::to_unix(a.to, utc_offset_minutes);
    if (working_days_touched(calendar, from, to, utc_offset_minutes) >= 2)
      out.push_back({a.where, model::Severity::warning,
                     "<absence staff=\"" + a.staff +
                         "\"> covers more than one working day of an A/B post but names no "
                         "substitute; arrange 补岗 cover (substitute=\"…\") before leave is "
                         "granted"});
  }
}

}  // namespace hb::schedule
