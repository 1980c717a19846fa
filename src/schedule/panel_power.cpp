#include "schedule/panel_power.h"

#include <algorithm>

#include "schedule/blanking.h"
#include "schedule/calendar.h"
#include "schedule/local_time.h"
#include "schedule/notices.h"

namespace hb::schedule {
namespace {

constexpr model::UnixSeconds kDay = 86400;
// Notices change at most this many times in the window looked at: the
// content is hostile, and the search stays bounded.
constexpr int kMostNoticeChanges = 10000;

// Dark, and not yet within the wake-up minutes before the screen wakes.
bool dark_before_wake(const model::Calendar& calendar, model::UnixSeconds t, int offset,
                      int margin) {
  if (!is_blank(calendar, t, offset, margin)) return false;
  const auto opens = next_opening(calendar, t, offset);
  if (!opens) return true;  // never opens again: off for good
  const model::UnixSeconds wakes =
      *opens - static_cast<model::UnixSeconds>(margin + kPanelWakeMinutes) * 60;
  return t < wakes;
}

// Every instant in (t0, t1] at which panel_on() may change: where the
// screen goes dark, where the panel wakes, and where a notice starts or
// ends. panel_on() is constant between them.
std::vector<model::UnixSeconds> candidates(const model::Content& content,
                                           const model::Calendar& calendar, model::UnixSeconds t0,
                                           model::UnixSeconds t1, int offset, int margin) {
  std::vector<model::UnixSeconds> out;
  const auto keep = [&](model::UnixSeconds t) {
    if (t > t0 && t <= t1) out.push_back(t);
  };
  const model::UnixSeconds m = static_cast<model::UnixSeconds>(margin) * 60;
  const model::UnixSeconds wake = static_cast<model::UnixSeconds>(kPanelWakeMinutes) * 60;
  // A margin of up to a day moves a time by a day, the wake minutes a bit more.
  const std::int64_t first = model::days_from_civil(to_local(t0, offset).date) - 2;
  const std::int64_t last = model::days_from_civil(to_local(t1, offset).date) + 2;
  for (std::int64_t day = first; day <= last; ++day) {
    const model::Date date = model::civil_from_days(day);
    for (const auto& p : opening_periods(calendar, date)) {
      keep(from_local(date, p.close.minutes * 60, offset) + m);
      keep(from_local(date, p.open.minutes * 60, offset) - m - wake);
    }
  }
  auto t = t0;
  for (int n = 0; n < kMostNoticeChanges; ++n) {
    const auto next = next_notice_change(content, t, offset);
    if (!next || *next > t1 || *next <= t) break;
    keep(*next);
    t = *next;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

bool panel_on(const model::Content& content, const model::Calendar& calendar, model::UnixSeconds t,
              int utc_offset_minutes, int margin_minutes) {
  if (urgent_since(content, t, utc_offset_minutes)) return true;
  return !dark_before_wake(calendar, t, utc_offset_minutes, margin_minutes);
}

std::vector<PowerChange> power_changes(const model::Content& content,
                                       const model::Calendar& calendar, model::UnixSeconds t0,
                                       model::UnixSeconds t1, int utc_offset_minutes,
                                       int margin_minutes) {
  t1 = std::min(t1, t0 + kPowerSearchDays * kDay);
  std::vector<PowerChange> out;
  if (t1 <= t0) return out;
  bool on = panel_on(content, calendar, t0, utc_offset_minutes, margin_minutes);
  for (const auto t :
       candidates(content, calendar, t0, t1, utc_offset_minutes, margin_minutes)) {
    const bool now = panel_on(content, calendar, t, utc_offset_minutes, margin_minutes);
    if (now == on) continue;
    on = now;
    out.push_back({t, on});
  }
  return out;
}

std::optional<PowerChange> next_power_change(const model::Content& content,
                                             const model::Calendar& calendar, model::UnixSeconds t,
                                             int utc_offset_minutes, int margin_minutes) {
  // A week at a time: the next change is nearly always within a day.
  for (model::UnixSeconds from = t; from < t + kPowerSearchDays * kDay; from += 7 * kDay) {
    const auto to = std::min(from + 7 * kDay, t + kPowerSearchDays * kDay);
    const auto changes =
        power_changes(content, calendar, from, to, utc_offset_minutes, margin_minutes);
    if (!changes.empty()) return changes.front();
  }
  return std::nullopt;
}

}  // namespace hb::schedule
