#include "schedule/slide_schedule.h"

#include <algorithm>
#include <array>

#include "schedule/local_time.h"

namespace hb::schedule {
namespace {

// The seconds of a day at which the slide's state can change: its own and
// its playlist's `between` edges, and midnight (weekday and date).
std::vector<int> edges_of_day(const model::Slide& slide) {
  std::vector<int> r{86400};
  for (const auto* s : {&slide.schedule, &slide.inherited})
    if (s->between_from) {
      r.push_back(s->between_from->minutes * 60);
      r.push_back(s->between_to->minutes * 60);
    }
  std::sort(r.begin(), r.end());
  return r;
}

}  // namespace

bool in_force_weekly(const model::SlideSchedule& s, model::Weekday day, int second_of_day) {
  if (!s.on[static_cast<std::size_t>(day)]) return false;
  if (!s.between_from) return true;
  return s.between_from->minutes * 60 <= second_of_day &&
         second_of_day < s.between_to->minutes * 60;
}

bool in_force(const model::SlideSchedule& s, model::UnixSeconds t, int utc_offset_minutes) {
  const LocalTime local = to_local(t, utc_offset_minutes);
  if (s.from && local.date < *s.from) return false;
  if (s.to && *s.to < local.date) return false;
  return in_force_weekly(s, model::weekday_of(local.date), local.second_of_day);
}

bool in_force(const model::Slide& slide, model::UnixSeconds t, int utc_offset_minutes) {
  return in_force(slide.schedule, t, utc_offset_minutes) &&
         in_force(slide.inherited, t, utc_offset_minutes);
}

std::vector<bool> slides_in_force(const model::Playlist& playlist, model::UnixSeconds t,
                                  int utc_offset_minutes) {
  std::vector<bool> r;
  r.reserve(playlist.slides.size());
  for (const auto& slide : playlist.slides)
    r.push_back(in_force(slide, t, utc_offset_minutes));
  return r;
}

std::optional<model::UnixSeconds> next_schedule_change(const model::Slide& slide,
                                                       model::UnixSeconds t, int utc_offset_minutes,
                                                       int days) {
  // No limit at all: always in force, nothing to walk.
  if (!slide.schedule.any() && !slide.inherited.any()) return std::nullopt;
  const bool now = in_force(slide, t, utc_offset_minutes);
  const model::Date today = to_local(t, utc_offset_minutes).date;
  const std::vector<int> edges = edges_of_day(slide);
  for (int d = 0; d <= days; ++d) {
    const model::Date date = model::add_days(today, d);
    for (const int second : edges) {
      const model::UnixSeconds c = from_local(date, second, utc_offset_minutes);
      if (c > t && in_force(slide, c, utc_offset_minutes) != now) return c;
    }
  }
  return std::nullopt;
}

std::optional<model::UnixSeconds> next_schedule_change(const model::Playlist& playlist,
                                                       model::UnixSeconds t, int utc_offset_minutes,
                                                       int days) {
  std::optional<model::UnixSeconds> first;
  for (const auto& slide : playlist.slides)
    if (const auto c = next_schedule_change(slide, t, utc_offset_minutes, days))
      first = first ? std::min(*first, *c) : *c;
  return first;
}

}  // namespace hb::schedule
