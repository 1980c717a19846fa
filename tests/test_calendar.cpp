#include <doctest/doctest.h>

#include "schedule/calendar.h"
#include "support.h"

namespace hb::test {

TEST_CASE("opening periods follow hours, holidays and make-up days") {
  model::Diagnostics out;
  const auto f = feed::parse_feed(feed_doc(R"(<calendar>
  <hours days="mon-fri" open="13:00" close="17:00"/>
  <hours days="mon-fri" open="09:00" close="12:00"/>
  <hours days="sat" open="09:00" close="12:00"/>
  <holiday from="2026-10-01" to="2026-10-07" name="国庆节"/>
  <workday date="2026-10-11" as="thu" name="国庆节调休上班"/>
</calendar>)"),
                                  "t.xml", out);
  REQUIRE(f);
  REQUIRE(f->calendar);
  const auto& cal = *f->calendar;
  struct Row {
    model::Date date;
    std::size_t periods;
    bool working;
  };
  const Row rows[] = {
      {{2026, 11, 27}, 2, true},   // Friday
      {{2026, 11, 28}, 1, true},   // Saturday half day
      {{2026, 11, 29}, 0, false},  // Sunday
      {{2026, 10, 1}, 0, false},   // first day of the holiday
      {{2026, 10, 7}, 0, false},   // last day of the holiday
      {{2026, 10, 8}, 2, true},    // the day after
      {{2026, 10, 11}, 2, true},   // make-up Sunday, with Thursday's hours
  };
  for (const auto& r : rows) {
    CAPTURE(model::to_string(r.date));
    const auto p = schedule::opening_periods(cal, r.date);
    CHECK(p.size() == r.periods);
    CHECK(schedule::is_working_day(cal, r.date) == r.working);
    if (p.size() == 2) CHECK(p[0].open < p[1].open);
  }
  CHECK(schedule::opening_periods(model::default_calendar(), {2026, 11, 27}).size() == 1);
  CHECK_FALSE(schedule::is_working_day(model::default_calendar(), {2026, 11, 28}));
}

}  // namespace hb::test
