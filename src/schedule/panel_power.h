// When the panel itself is switched off and on (the player config's
// <display power>, issue 20), as pure functions of the content and time.
// The panel goes off when the page goes dark (blank-outside-hours) and on
// 5 minutes before the page rules bring content back, so it is awake when
// the first page comes (answers.md, issue 20). An urgent notice in force
// keeps it on, or wakes it, at any hour.
#pragma once

#include <optional>
#include <vector>

#include "model/content.h"

namespace hb::schedule {

// How long before the screen wakes the panel is switched on: panels take
// seconds to light up, some (CEC TVs) show their own logo first.
inline constexpr int kPanelWakeMinutes = 5;

// How far ahead power_changes() and next_power_change() look at most.
inline constexpr int kPowerSearchDays = 60;

// Whether the panel should be on at t. Off only inside a dark interval
// (is_blank) more than kPanelWakeMinutes before its end, and with no urgent
// notice in force.
bool panel_on(const model::Content& content, const model::Calendar& calendar, model::UnixSeconds t,
              int utc_offset_minutes, int margin_minutes);

struct PowerChange {
  model::UnixSeconds at = 0;
  bool on = false;
  bool operator==(const PowerChange&) const = default;
};

// The instants in (t0, t1] at which panel_on() changes, in order, with the
// state from there. At most kPowerSearchDays after t0 are looked at.
std::vector<PowerChange> power_changes(const model::Content& content,
                                       const model::Calendar& calendar, model::UnixSeconds t0,
                                       model::UnixSeconds t1, int utc_offset_minutes,
                                       int margin_minutes);

// The first change after t; nothing within kPowerSearchDays.
std::optional<PowerChange> next_power_change(const model::Content& content,
                                             const model::Calendar& calendar, model::UnixSeconds t,
                                             int utc_offset_minutes, int margin_minutes);

}  // namespace hb::schedule
