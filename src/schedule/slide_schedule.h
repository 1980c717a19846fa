// When slides are in force (dayparting: `on`, `between`, `from`/`to`), as
// pure functions of the schedule and the instant, so that two screens whose
// clocks agree leave out the same slides at the same second.
#pragma once

#include <optional>
#include <vector>

#include "model/content.h"

namespace hb::schedule {

// Whether t falls within the schedule, in the screen's zone: its date in
// [from, to] (both included), its weekday among `on`, its time of day in
// [between_from, between_to).
bool in_force(const model::SlideSchedule& schedule, model::UnixSeconds t, int utc_offset_minutes);

// The weekly part alone (`on` and `between`), dates left aside: for checks
// that walk a typical week.
bool in_force_weekly(const model::SlideSchedule& schedule, model::Weekday day, int second_of_day);

// A slide plays when its own schedule and its playlist's are both in force.
bool in_force(const model::Slide& slide, model::UnixSeconds t, int utc_offset_minutes);

// One flag per slide of the playlist.
std::vector<bool> slides_in_force(const model::Playlist& playlist, model::UnixSeconds t,
                                  int utc_offset_minutes);

// The first instant after t at which the slide comes into force or leaves
// it, looking at most `days` days ahead; nothing when it does not change.
std::optional<model::UnixSeconds> next_schedule_change(const model::Slide& slide,
                                                       model::UnixSeconds t, int utc_offset_minutes,
                                                       int days = 400);

// The first such change of any slide of the playlist.
std::optional<model::UnixSeconds> next_schedule_change(const model::Playlist& playlist,
                                                       model::UnixSeconds t, int utc_offset_minutes,
                                                       int days = 400);

}  // namespace hb::schedule
