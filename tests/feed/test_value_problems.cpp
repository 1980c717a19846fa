// Dates and times of the right shape that name nothing real are told what
// is wrong ("there is no month 13"), not the shape they already have.
#include <doctest/doctest.h>

#include "app/time_text.h"
#include "feed/value_problems.h"
#include "feed/values.h"
#include "support.h"

namespace hb::test {

TEST_SUITE_BEGIN("unit");

TEST_CASE("value problems: dates") {
  struct Row {
    const char* text;
    const char* problem;  // "" when fine, or not of the shape YYYY-MM-DD
  };
  const Row rows[] = {
      {"2026-11-27", ""},
      {"2028-02-29", ""},
      {"2000-02-29", ""},
      {"2026-13-01", "there is no month 13"},
      {"2026-00-10", "there is no month 00"},
      {"2026-13-40", "there is no month 13 and no day 40"},
      {"2026-11-00", "there is no day 00"},
      {"2026-11-31", "there is no November 31: November has 30 days"},
      {"2026-12-40", "there is no day 40"},
      {"2027-02-29",
       "there is no February 29 in 2027: 2027 is not a leap year, February has 28 days"},
      {"2100-02-29",
       "there is no February 29 in 2100: 2100 is not a leap year, February has 28 days"},
      {"2028-02-30", "there is no February 30: February has 29 days in 2028"},
      {"2027-02-30", "there is no February 30: February has 28 days in 2027"},
      {"0000-01-01", "there is no year 0000"},
      {"0000-13-01", "there is no year 0000 and no month 13"},
      {"2026/11/27", ""},
      {"2026-1-5", ""},
      {"26-11-27", ""},
      {"2026-11-27T00:00", ""},
      {"", ""},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.text));
    CHECK(feed::date_problem(r.text) == r.problem);
    // A problem is said exactly when the value has the shape and is refused.
    if (*r.problem) CHECK_FALSE(feed::parse_date(r.text));
  }
}

TEST_CASE("value problems: times, months, offsets") {
  struct Row {
    const char* text;
    bool allow_24;
    const char* problem;
  };
  const Row times[] = {
      {"09:00", false, ""},
      {"24:00", true, ""},
      {"25:00", true, "there is no hour 25"},
      {"12:60", false, "there is no minute 60"},
      {"25:61", false, "there is no hour 25 and no minute 61"},
      {"24:00", false, "there is no hour 24: hours are 00 to 23"},
      {"24:30", true, "there is no 24:30: only 24:00 is allowed past 23:59"},
      {"99:99", true, "there is no hour 99 and no minute 99"},
      {"9:00", false, ""},
      {"09-00", false, ""},
  };
  for (const auto& r : times) {
    CAPTURE(std::string(r.text));
    CHECK(feed::time_problem(r.text, r.allow_24) == r.problem);
    if (*r.problem) CHECK_FALSE(feed::parse_time_of_day(r.text, r.allow_24));
  }
  CHECK(feed::month_problem("2026-13") == "there is no month 13");
  CHECK(feed::month_problem("2026-10").empty());
  CHECK(feed::month_problem("2026-1").empty());
  CHECK(feed::offset_problem("+15:00") ==
        "there is no UTC offset +15:00: offsets run from -14:00 to +14:00");
  CHECK(feed::offset_problem("+08:00").empty());
  CHECK(feed::offset_problem("8").empty());
}

TEST_CASE("value problems: timestamps") {
  struct Row {
    const char* text;
    const char* problem;
  };
  const Row rows[] = {
      {"2026-11-27T08:00", ""},
      {"2026-11-27T08:00:59+08:00", ""},
      {"2026-11-27T25:00", "there is no hour 25"},
      {"2026-11-27T24:00", "there is no hour 24: hours are 00 to 23"},
      {"2026-11-27T12:60", "there is no minute 60"},
      {"2026-11-27T12:00:60", "there is no second 60"},
      {"2026-13-40T25:00:61", "there is no month 13, no day 40, no hour 25 and no second 61"},
      {"2027-02-29T08:00",
       "there is no February 29 in 2027: 2027 is not a leap year, February has 28 days"},
      {"2026-11-27T08:00+15:00",
       "there is no UTC offset +15:00: offsets run from -14:00 to +14:00"},
      {"2026-11-27T08:00:00-14:60",
       "there is no UTC offset -14:60: offsets run from -14:00 to +14:00"},
      {"2026-11-31T24:00",
       "there is no November 31 and no hour 24: November has 30 days; hours are 00 to 23"},
      {"2026-11-27T08:00Z", ""},
      {"2026-11-27 08:00", ""},
      {"2026-11-27T08:00:0", ""},
      {"2026-13-27T08:00+8", ""},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.text));
    CHECK(feed::timestamp_problem(r.text) == r.problem);
    if (*r.problem) CHECK_FALSE(feed::parse_timestamp(r.text));
  }
}

TEST_CASE("value problems: lint and --at say what is wrong") {
  struct Row {
    const char* name;
    const char* body;
    const char* message;
  };
  const Row rows[] = {
      {"a holiday on day 40 of month 13",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<holiday from=\"2026-13-40\" to=\"2026-10-07\"/></calendar>",
       "<holiday> from=\"2026-13-40\" is not valid: there is no month 13 and no day 40"},
      {"a date not of the form is told the form",
       "<calendar><hours days=\"mon-fri\" open=\"09:00\" close=\"17:00\"/>"
       "<holiday from=\"2026/10/01\" to=\"2026-10-07\"/></calendar>",
       "<holiday> from=\"2026/10/01\" is not valid: expected a date YYYY-MM-DD, such as "
       "2026-11-27"},
      {"opening at 25:00",
       "<calendar><hours days=\"mon-fri\" open=\"25:00\" close=\"17:00\"/></calendar>",
       "<hours> open=\"25:00\" is not valid: there is no hour 25"},
      {"a notice from February 29 of a common year",
       "<notices><notice id=\"n1\" from=\"2027-02-29T08:00\">通知</notice></notices>",
       "<notice id=\"n1\"> from=\"2027-02-29T08:00\" is not valid: there is no February 29 in "
       "2027: 2027 is not a leap year, February has 28 days"},
      {"statistics for month 13", "<stats month=\"2026-13\"/>",
       "<stats> month=\"2026-13\" is not valid: there is no month 13"},
  };
  for (const auto& r : rows) {
    CAPTURE(std::string(r.name));
    const auto found = lint_one(feed_doc(r.body));
    CAPTURE(dump(found));
    bool said = false;
    for (const auto& d : found)
      said = said || (d.severity == model::Severity::error && d.message == r.message);
    CHECK(said);
  }
  CHECK(app::at_problem("2026-13-40") ==
        "--at \"2026-13-40\" is not a time: there is no month 13 and no day 40");
  CHECK(app::at_problem("2026-11-27T25:00") ==
        "--at \"2026-11-27T25:00\" is not a time: there is no hour 25");
  CHECK(app::at_problem("tomorrow") ==
        "--at \"tomorrow\" is not a time: write 2026-11-27T10:00 (or with +08:00)");
}

TEST_SUITE_END();

}  // namespace hb::test
