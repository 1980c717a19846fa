// Calendar questions at the edges: lunch breaks, midnight, holidays, make-up
// days, Saturday half days, leap days, New Year's Eve.
#include <doctest/doctest.h>

#include "feed/values.h"
#include "schedule/calendar.h"
#include "schedule_support.h"
#include "support.h"

namespace hb::test {

TEST_CASE("open or closed, and when the hall next opens") {
  const model::Calendar cal = test_calendar();
  struct Row {
    const char* at;
    bool open;
    const char* next;  // the next opening (equal to `at` when open)
  };
  const Row rows[] = {
      {"2026-11-27T08:59:59", false, "2026-11-27T09:00"},  // Friday morning
      {"2026-11-27T09:00", true, "2026-11-27T09:00"},
      {"2026-11-27T11:59:59", true, "2026-11-27T11:59:59"},
      {"2026-11-27T12:00", false, "2026-11-27T13:00"},  // lunch break
      {"2026-11-27T12:59:59", false, "2026-11-27T13:00"},
      {"2026-11-27T13:00", true, "2026-11-27T13:00"},
      {"2026-11-27T16:59:59", true, "2026-11-27T16:59:59"},
      {"2026-11-27T17:00", false, "2026-11-28T09:00"},  // Saturday half day
      {"2026-11-28T00:00", false, "2026-11-28T09:00"},  // midnight
      {"2026-11-28T11:59", true, "2026-11-28T11:59"},
      {"2026-11-28T12:00", false, "2026-11-30T09:00"},     // Saturday afternoon: Monday
      {"2026-11-29T10:00", false, "2026-11-30T09:00"},     // Sunday
      {"2026-09-30T17:00", false, "2026-10-08T09:00"},     // the eve of National Day
      {"2026-10-01T10:00", false, "2026-10-08T09:00"},     // first day of the holiday
      {"2026-10-07T23:59:59", false, "2026-10-08T09:00"},  // last day of the holiday
      {"2026-10-08T09:00", true, "2026-10-08T09:00"},
      {"2026-10-11T10:00", true, "2026-10-11T10:00"},  // make-up Sunday (as thu)
      {"2026-10-11T12:30", false, "2026-10-11T13:00"},
      {"2028-02-29T10:00", true, "2028-02-29T10:00"},   // a leap day, Tuesday
      {"2026-12-31T16:59", true, "2026-12-31T16:59"},   // New Year's Eve
      {"2026-12-31T17:00", false, "2027-01-04T09:00"},  // New Year holiday to the 3rd
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.at));
    const auto t = at(r.at);
    CHECK(schedule::is_open(cal, t, kZone) == r.open);
    const auto next = schedule::next_opening(cal, t, kZone);
    REQUIRE(next);
    CHECK(*next == at(r.next));
  }
}

TEST_CASE("a date plus N working days (counted from the next day)") {
  const model::Calendar cal = test_calendar();
  struct Row {
    const char* start;
    int n;
    const char* due;
  };
  const Row rows[] = {
      {"2026-11-27", 0, "2026-11-27"},
      {"2026-11-26", 1, "2026-11-27"},
      {"2026-11-27", 1, "2026-11-28"},  // Saturday has hours, so it is a working day here
      {"2026-11-27", 2, "2026-11-30"},
      {"2026-09-30", 1, "2026-10-08"},  // across the National Day holiday
      {"2026-10-09", 1, "2026-10-10"},  // Saturday
      {"2026-10-10", 1, "2026-10-11"},  // the make-up Sunday
      {"2026-12-31", 1, "2027-01-04"},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.start));
    CAPTURE(r.n);
    CHECK(schedule::add_working_days(cal, *feed::parse_date(r.start), r.n) ==
          feed::parse_date(r.due));
  }
}

TEST_CASE("a calendar that never opens answers nothing, without looping forever") {
  model::Calendar closed;
  CHECK_FALSE(schedule::next_opening(closed, at("2026-11-27T10:00"), kZone));
  CHECK_FALSE(schedule::add_working_days(closed, {2026, 11, 27}, 1));
}

TEST_CASE("the zone is the config's offset, never the machine's") {
  const model::Calendar cal = test_calendar();
  // 01:30 UTC is 09:30 in +08:00 (open) and 02:30 in +01:00 (closed).
  const model::UnixSeconds t = at("2026-11-27T01:30+00:00");
  CHECK(schedule::is_open(cal, t, 480));
  CHECK_FALSE(schedule::is_open(cal, t, 60));
}

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
