// Instants and the civil time of the player's zone. The zone is always a
// fixed offset from the player config, never the machine's TZ.
#pragma once

#include "model/time.h"

namespace hb::schedule {

struct LocalTime {
  model::Date date;
  int second_of_day = 0;
};

LocalTime to_local(model::UnixSeconds t, int utc_offset_minutes);
model::UnixSeconds from_local(const model::Date& date, int second_of_day, int utc_offset_minutes);

}  // namespace hb::schedule
