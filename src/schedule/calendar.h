// The hall's calendar as pure functions: opening periods, holidays, 调休
// make-up days, and the questions a lobby screen asks of them. Instants are
// Unix seconds; the zone is the player's fixed offset.
#pragma once

#include <optional>
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

bool is_open(const model::Calendar& calendar, model::UnixSeconds t, int utc_offset_minutes);

// The first instant >= t at which the hall opens (t itself when it is open at
// t). Nothing when it does not open within the next 400 days.
std::optional<model::UnixSeconds> next_opening(const model::Calendar& calendar,
                                               model::UnixSeconds t, int utc_offset_minutes);

// When the current opening period ends (t must be inside one).
std::optional<model::UnixSeconds> period_end(const model::Calendar& calendar, model::UnixSeconds t,
                                             int utc_offset_minutes);

// The date that is n working days after `start`, not counting `start` itself
// (次日起算): a case accepted on Friday with a 1-working-day promise is due on
// the next working day. n = 0 gives `start`. Nothing if the calendar has no
// working day within ten years.
std::optional<model::Date> add_working_days(const model::Calendar& calendar,
                                            const model::Date& start, int n);

}  // namespace hb::schedule
