// The panel's power (issue 20): off while dark, on 5 minutes before the
// screen wakes, on for an urgent notice; the changes `plan` lists.
#include <doctest/doctest.h>

#include "feed/feed.h"
#include "schedule/panel_power.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

model::Content no_notices() {
  return {};
}

// An urgent notice on Friday night, 22:00 to 23:00 (that minute included).
model::Content urgent_at_night() {
  model::Diagnostics out;
  std::vector<model::Feed> feeds;
  feeds.push_back(*feed::parse_feed(feed_doc(R"(<notices>
  <notice id="u1" level="urgent" from="2026-11-27T22:00" to="2026-11-27T23:00">停水通知</notice>
  <notice id="i1" from="2026-11-28T02:00" to="2026-11-28T03:00">系统升级</notice>
</notices>)"),
                                    "n.xml", out));
  auto c = feed::merge(std::move(feeds), out);
  REQUIRE(out.empty());
  return c;
}

}  // namespace

TEST_CASE("the panel is off while dark, and on 5 minutes before the screen wakes") {
  const auto cal = test_calendar();  // Mon-Fri 09-12, 13-17; Sat 09-12
  const auto none = no_notices();
  const auto urgent = urgent_at_night();
  struct Row {
    const char* at;
    int margin;
    bool on;
    bool with_urgent = false;
  };
  const Row rows[] = {
      {"2026-11-27T10:00:00", 30, true},   // Friday, open
      {"2026-11-27T17:29:59", 30, true},   // closed, not dark yet
      {"2026-11-27T17:30:00", 30, false},  // the page goes dark: the panel off
      {"2026-11-28T08:24:59", 30, false},  // Saturday opens at 09:00
      {"2026-11-28T08:25:00", 30, true},   // 09:00 - 30 min - 5 min
      {"2026-11-28T08:30:00", 30, true},   // the first page comes
      {"2026-11-27T12:30:00", 30, true},   // lunch: 60 min < 2 x 30 min, never dark
      {"2026-11-27T12:20:00", 20, false},  // dark 12:20-12:40: off 12:20-12:35
      {"2026-11-27T12:34:59", 20, false},
      {"2026-11-27T12:35:00", 20, true},
      {"2026-11-27T12:28:00", 28, true},  // dark 12:28-12:32, within the wake minutes
      {"2026-11-29T12:00:00", 30, false},  // Sunday
      {"2026-10-04T12:00:00", 30, false},  // National Day
      {"2026-10-08T08:24:59", 30, false},  // the first working day after it
      {"2026-10-08T08:25:00", 30, true},
      {"2026-10-11T08:24:59", 30, false},  // 调休: a Sunday worked as a Thursday
      {"2026-10-11T08:25:00", 30, true},
      {"2026-10-11T17:30:00", 30, false},
      {"2026-11-27T17:00:00", 0, false},  // no margin: off at closing
      {"2026-11-30T08:54:59", 0, false},  // Monday: on at 08:55
      {"2026-11-30T08:55:00", 0, true},
      {"2026-11-27T21:59:59", 30, false, true},  // an urgent notice wakes it
      {"2026-11-27T22:00:00", 30, true, true},
      {"2026-11-27T23:00:59", 30, true, true},  // "to 23:00" includes that minute
      {"2026-11-27T23:01:00", 30, false, true},
      {"2026-11-28T02:30:00", 30, false, true},  // an info notice does not
      // Another zone, with the same local hours (no DST: fixed offsets).
      {"2026-11-27T17:29:59-05:00", 30, true},
      {"2026-11-27T17:30:00-05:00", 30, false},
  };
  for (const auto& r : rows) {
    CAPTURE(r.at);
    CAPTURE(r.margin);
    const std::string text = r.at;
    const int zone = text.size() > 19 ? -300 : kZone;
    CHECK(schedule::panel_on(r.with_urgent ? urgent : none, cal, at(r.at), zone, r.margin) ==
          r.on);
  }
}

TEST_CASE("the power changes over a weekend, with an urgent notice at night") {
  const auto cal = test_calendar();
  using C = schedule::PowerChange;
  const auto from = at("2026-11-27T12:00:00");
  const auto to = at("2026-11-30T12:00:00");
  CHECK(schedule::power_changes(no_notices(), cal, from, to, kZone, 30) ==
        std::vector<C>{{at("2026-11-27T17:30:00"), false},
                       {at("2026-11-28T08:25:00"), true},
                       {at("2026-11-28T12:30:00"), false},
                       {at("2026-11-30T08:25:00"), true}});
  CHECK(schedule::power_changes(urgent_at_night(), cal, from, to, kZone, 30) ==
        std::vector<C>{{at("2026-11-27T17:30:00"), false},
                       {at("2026-11-27T22:00:00"), true},
                       {at("2026-11-27T23:01:00"), false},
                       {at("2026-11-28T08:25:00"), true},
                       {at("2026-11-28T12:30:00"), false},
                       {at("2026-11-30T08:25:00"), true}});
  // A margin of a whole day: dark only where closed for more than two days.
  CHECK(schedule::power_changes(no_notices(), cal, at("2026-09-30T00:00:00"),
                                at("2026-10-09T00:00:00"), kZone, 1440) ==
        std::vector<C>{{at("2026-10-01T17:00:00"), false}, {at("2026-10-07T08:55:00"), true}});
  // The end is included, the start not.
  CHECK(schedule::power_changes(no_notices(), cal, at("2026-11-27T17:30:00"),
                                at("2026-11-28T08:25:00"), kZone, 30) ==
        std::vector<C>{{at("2026-11-28T08:25:00"), true}});
}

TEST_CASE("the next power change, over a holiday, and for a hall that never opens") {
  const auto cal = test_calendar();
  using C = schedule::PowerChange;
  CHECK(schedule::next_power_change(no_notices(), cal, at("2026-11-27T10:00:00"), kZone, 30) ==
        C{at("2026-11-27T17:30:00"), false});
  CHECK(schedule::next_power_change(no_notices(), cal, at("2026-10-02T10:00:00"), kZone, 30) ==
        C{at("2026-10-08T08:25:00"), true});
  model::Calendar never;
  CHECK(schedule::panel_on(no_notices(), never, at("2026-11-27T10:00:00"), kZone, 30) == false);
  CHECK_FALSE(schedule::next_power_change(no_notices(), never, at("2026-11-27T10:00:00"), kZone, 30));
  CHECK(schedule::power_changes(no_notices(), never, at("2026-11-27T10:00:00"),
                                at("2027-11-27T10:00:00"), kZone, 30)
            .empty());
}

}  // namespace hb::test
