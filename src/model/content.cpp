#include "model/content.h"

namespace hb::model {

Calendar default_calendar() {
  Calendar c;
  OpeningHours h;
  for (int d = 0; d < 5; ++d)
    h.days[static_cast<std::size_t>(d)] = true;
  h.open = TimeOfDay{9 * 60};
  h.close = TimeOfDay{17 * 60};
  c.hours.push_back(h);
  return c;
}

}  // namespace hb::model
