#include "schedule/local_time.h"

namespace hb::schedule {

LocalTime to_local(model::UnixSeconds t, int utc_offset_minutes) {
  const model::UnixSeconds local = t + static_cast<model::UnixSeconds>(utc_offset_minutes) * 60;
  model::UnixSeconds days = local / 86400;
  model::UnixSeconds rest = local % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  return LocalTime{model::civil_from_days(days), static_cast<int>(rest)};
}

model::UnixSeconds from_local(const model::Date& date, int second_of_day, int utc_offset_minutes) {
  return model::days_from_civil(date) * 86400 + second_of_day -
         static_cast<model::UnixSeconds>(utc_offset_minutes) * 60;
}

}  // namespace hb::schedule
