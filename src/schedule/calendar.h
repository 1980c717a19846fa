// The hall's calendar as pure functions of a date: opening periods,
// holidays and 调休 make-up days. Times are civil times in the player's zone.
#pragma once

#include <vector>

#include "model/content.h"

namespace hb::schedule {

struct Period {
  model::TimeOfDay open;
  model::TimeOfDay close;
};

// Opening periods on a date, in order; empty when the hall is closed all day.
std::vector<Period> opening_periods(const model::Calendar& calendar, const model::Date& date);

// A date with opening hours that is not in a holiday.
bool is_working_day(const model::Calendar& calendar, const model::Date& date);

}  // namespace hb::schedule
