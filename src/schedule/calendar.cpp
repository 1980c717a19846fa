#include "schedule/calendar.h"

#include <algorithm>

#include "schedule/local_time.h"

namespace hb::schedule {
namespace {

constexpr int kSearchDays = 400;

}  // namespace

std::vector<Period> opening_periods(const model::Calendar& calendar, const model::Date& date) {
  for (const auto& h : calendar.holidays)
    if (h.from <= date && date <= h.to) return {};
  model::Weekday weekday = model::weekday_of(date);
  for (const auto& w : calendar.workdays)
    if (w.date == date) weekday = w.as;
  std::vector<Period> periods;
  for (const auto& h : calendar.hours)
    if (h.days[static_cast<std::size_t>(weekday)]) periods.push_back(Period{h.open, h.close});
  std::sort(periods.begin(), periods.end(),
            [](const Period& a, const Period& b) { return a.open < b.open; });
  return periods;
}

bool is_working_day(const model::Calendar& calendar, const model::Date& date) {
  return !opening_periods(calendar, date).empty();
}

bool is_open(const model::Calendar& calendar, model::UnixSeconds t, int utc_offset_minutes) {
  return period_end(calendar, t, utc_offset_minutes).has_value();
}

std::optional<model::UnixSeconds> period_end(const model::Calendar& calendar, model::UnixSeconds t,
                                             int utc_offset_minutes) {
  const LocalTime now = to_local(t, utc_offset_minutes);
  for (const auto& p : opening_periods(calendar, now.date))
    if (p.open.minutes * 60 <= now.second_of_day && now.second_of_day < p.close.minutes * 60)
      return from_local(now.date, p.close.minutes * 60, utc_offset_minutes);
  return std::nullopt;
}

std::optional<model::UnixSeconds> next_opening(const model::Calendar& calendar,
                                               model::UnixSeconds t, int utc_offset_minutes) {
  if (is_open(calendar, t, utc_offset_minutes)) return t;
  const LocalTime now = to_local(t, utc_offset_minutes);
  for (int d = 0; d < kSearchDays; ++d) {
    const model::Date date = model::add_days(now.date, d);
    for (const auto& p : opening_periods(calendar, date))
      if (d > 0 || p.open.minutes * 60 > now.second_of_day)
        return from_local(date, p.open.minutes * 60, utc_offset_minutes);
  }
  return std::nullopt;
}

std::optional<model::Date> add_working_days(const model::Calendar& calendar,
                                            const model::Date& start, int n) {
  model::Date date = start;
  for (int scanned = 0; n > 0; ++scanned) {
    if (scanned > 3660) return std::nullopt;
    date = model::add_days(date, 1);
    if (is_working_day(calendar, date)) --n;
  }
  return date;
}

}  // namespace hb::schedule
