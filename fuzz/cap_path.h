// The path an alerts source (CAP 1.2, issue 20) takes through the player,
// for fuzz_cap and for the unit test that replays its findings (tests/feed/
// test_cap_fuzz_regressions.cpp): parse, judge the alerts in force over a
// day from the first one sent, with and without an area, and lint's reading.
#pragma once

#include <string_view>

#include "feed/cap_parse.h"
#include "feed/feed.h"
#include "schedule/alerts.h"

namespace hb::fuzz {

inline void cap_path(std::string_view bytes) {
  model::Diagnostics out;
  const auto doc = feed::parse_alerts(bytes, "fuzz-cap.xml", out);
  (void)feed::parse_document(bytes, "fuzz-cap.xml", out);
  if (doc) {
    const model::UnixSeconds start = doc->alerts.empty() ? 0 : doc->alerts.front().sent;
    for (model::UnixSeconds t = start - 3600; t < start + 86400 * 2; t += 1800) {
      (void)schedule::alert_notices(*doc, "", t, 480);
      (void)schedule::alert_notices(*doc, "440300", t, 480);
    }
  }
  for (const auto& d : out)
    (void)model::format_diagnostic(d);
}

}  // namespace hb::fuzz
