// blank-outside-hours at its edges: the minute it goes dark, the minute it
// wakes, lunch, a weekend and a holiday.
#include <doctest/doctest.h>

#include "schedule/blanking.h"
#include "schedule_support.h"

namespace hb::test {

TEST_CASE("the screen is dark from closing + margin to opening - margin") {
  const auto cal = test_calendar();  // Mon-Fri 09-12, 13-17; Sat 09-12
  struct Row {
    const char* at;
    int margin;
    bool blank;
  };
  const Row rows[] = {
      {"2026-11-27T10:00:00", 30, false},  // open
      {"2026-11-27T17:00:00", 30, false},  // just closed
      {"2026-11-27T17:29:59", 30, false},
      {"2026-11-27T17:30:00", 30, true},  // closing + 30 min
      {"2026-11-27T23:00:00", 30, true},
      {"2026-11-28T08:29:59", 30, true},   // Saturday opens at 09:00
      {"2026-11-28T08:30:00", 30, false},  // opening - 30 min
      {"2026-11-27T12:10:00", 30, false},  // lunch: 60 min < 2 x 30 min
      {"2026-11-27T12:30:00", 30, false},
      {"2026-11-27T12:30:00", 20, true},  // a 20 min margin darkens 12:20-12:40
      {"2026-11-27T12:40:00", 20, false},
      {"2026-11-29T12:00:00", 30, true},  // Sunday
      {"2026-10-04T12:00:00", 30, true},  // National Day
      {"2026-10-07T23:30:00", 30, true},
      {"2026-10-08T08:30:00", 30, false},  // the first working day after
      {"2026-11-27T17:00:00", 0, true},    // no margin: dark at closing
      {"2026-11-27T08:59:59", 0, true},
      {"2026-11-27T09:00:00", 0, false},
  };
  for (const auto& r : rows) {
    CAPTURE(r.at);
    CAPTURE(r.margin);
    CHECK(schedule::is_blank(cal, at(r.at), kZone, r.margin) == r.blank);
  }
}

TEST_CASE("the last closing looks back over weekends and holidays") {
  const auto cal = test_calendar();
  CHECK(schedule::last_closing(cal, at("2026-11-30T08:00:00"), kZone) ==
        at("2026-11-28T12:00:00"));  // Monday morning: Saturday noon
  CHECK(schedule::last_closing(cal, at("2026-10-05T10:00:00"), kZone) == at("2026-09-30T17:00:00"));
  CHECK(schedule::last_closing(cal, at("2026-11-27T17:00:00"), kZone) == at("2026-11-27T17:00:00"));
  model::Calendar never;  // no hours at all: long closed, and never opens
  CHECK_FALSE(schedule::last_closing(never, at("2026-11-27T10:00:00"), kZone).has_value());
  CHECK(schedule::is_blank(never, at("2026-11-27T10:00:00"), kZone, 30));
}

}  // namespace hb::test
