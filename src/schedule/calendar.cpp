#include "schedule/calendar.h"

#include <algorithm>

namespace hb::schedule {

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

}  // namespace hb::schedule
