// Shared fixtures for the schedule tests.
#pragma once

#include <string>

#include "feed/values.h"
#include "support.h"

namespace hb::test {

inline constexpr int kZone = 480;  // +08:00

// An instant from a feed timestamp; without an offset it is in +08:00.
inline model::UnixSeconds at(const std::string& text) {
  return model::to_unix(*feed::parse_timestamp(text), kZone);
}

// Mon-Fri 09:00-12:00 and 13:00-17:00, Saturday 09:00-12:00, National Day
// and New Year holidays, one make-up Sunday.
inline model::Calendar test_calendar() {
  model::Diagnostics out;
  auto f = feed::parse_feed(feed_doc(R"(<calendar>
  <hours days="mon-fri" open="09:00" close="12:00"/>
  <hours days="mon-fri" open="13:00" close="17:00"/>
  <hours days="sat" open="09:00" close="12:00"/>
  <holiday from="2026-10-01" to="2026-10-07" name="国庆节"/>
  <holiday from="2027-01-01" to="2027-01-03" name="元旦"/>
  <workday date="2026-10-11" as="thu" name="国庆节调休上班"/>
</calendar>)"),
                            "calendar.xml", out);
  return *f->calendar;
}

}  // namespace hb::test
