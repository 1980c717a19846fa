#include "schedule/checks.h"

#include <functional>
#include <set>

#include "schedule/calendar.h"
#include "schedule/local_time.h"
#include "schedule/slide_schedule.h"

namespace hb::schedule {
namespace {

// How many working days' opening hours [from, to) overlaps, counting to 2.
int working_days_touched(const model::Calendar& calendar, model::UnixSeconds from,
                         model::UnixSeconds to, int offset) {
  constexpr int kMaxDays = 3660;  // absences longer than ten years are not real
  const model::Date first = to_local(from, offset).date;
  int touched = 0;
  for (int d = 0; d < kMaxDays; ++d) {
    const model::Date date = model::add_days(first, d);
    if (from_local(date, 0, offset) >= to) break;
    for (const auto& p : opening_periods(calendar, date)) {
      if (from < from_local(date, p.close.minutes * 60, offset) &&
          from_local(date, p.open.minutes * 60, offset) < to) {
        if (++touched >= 2) return touched;
        break;
      }
    }
  }
  return touched;
}

constexpr int kStepSeconds = 15 * 60;

// Calls `f` at each instant of the hall's weekly hours, as (weekday, second
// of day): every 15 minutes from each opening, and at the start of each
// `between` of the playlist inside it (a short one falls between the steps).
// Stops when `f` returns true; says whether it did.
bool any_opening_moment(const model::Calendar& calendar, const model::Playlist& playlist,
                        const std::function<bool(model::Weekday, int)>& f) {
  std::vector<int> starts;
  if (const auto& p = playlist.schedule; p.between_from)
    starts.push_back(p.between_from->minutes * 60);
  for (const auto& slide : playlist.slides)
    if (slide.schedule.between_from) starts.push_back(slide.schedule.between_from->minutes * 60);
  for (const auto& h : calendar.hours)
    for (int d = 0; d < 7; ++d) {
      if (!h.days[static_cast<std::size_t>(d)]) continue;
      const auto day = static_cast<model::Weekday>(d);
      const int open = h.open.minutes * 60, close = h.close.minutes * 60;
      for (int sec = open; sec < close; sec += kStepSeconds)
        if (f(day, sec)) return true;
      for (const int sec : starts)
        if (open <= sec && sec < close && f(day, sec)) return true;
    }
  return false;
}

bool weekly_in_force(const model::Slide& slide, model::Weekday day, int second) {
  return in_force_weekly(slide.schedule, day, second) &&
         in_force_weekly(slide.inherited, day, second);
}

// The slide's and its playlist's date ranges have no day in common.
bool dates_apart(const model::Slide& slide) {
  const auto& a = slide.schedule;
  const auto& b = slide.inherited;
  return (a.from && b.to && *b.to < *a.from) || (b.from && a.to && *a.to < *b.from);
}

std::string slide_label(const model::Slide& slide) {
  return "<slide type=\"" + std::string(model::slide_type_word(slide.type)) + "\">";
}

void check_never_in_force(const model::Calendar& calendar, const model::Playlist& playlist,
                          model::Diagnostics& out) {
  for (const auto& slide : playlist.slides) {
    if (!slide.schedule.any() && !slide.inherited.any()) continue;
    if (dates_apart(slide)) {
      out.push_back({slide.where, model::Severity::warning,
                     slide_label(slide) + " is never in force: its from/to and its "
                                          "playlist's have no day in common"});
      continue;
    }
    const auto plays = [&](model::Weekday d, int sec) { return weekly_in_force(slide, d, sec); };
    if (!any_opening_moment(calendar, playlist, plays))
      out.push_back({slide.where, model::Severity::warning,
                     slide_label(slide) + " is never in force while the hall is open: its "
                                          "on/between (with its playlist's) miss every "
                                          "opening hour"});
  }
}

std::string moment_text(model::Weekday day, int second) {
  return model::to_string(day) + " " + model::to_string(model::TimeOfDay{second / 60});
}

void check_gaps(const model::Calendar& calendar, const model::Playlist& playlist,
                model::Diagnostics& out) {
  if (playlist.slides.empty()) return;  // warned about when read
  std::optional<std::pair<model::Weekday, int>> gap;
  const auto empty = [&](model::Weekday d, int sec) {
    for (const auto& slide : playlist.slides)
      if (weekly_in_force(slide, d, sec)) return false;
    gap = {d, sec};
    return true;
  };
  if (!any_opening_moment(calendar, playlist, empty)) return;
  out.push_back({playlist.where, model::Severity::warning,
                 "<playlist> has no slide in force at " + moment_text(gap->first, gap->second) +
                     " while the hall is open; the screen shows the waiting page then"});
}

}  // namespace

void check_slide_schedules(const model::Content& content, model::Diagnostics& out) {
  const model::Calendar calendar = content.calendar ? *content.calendar : model::default_calendar();
  for (const auto& playlist : content.playlists) {
    check_never_in_force(calendar, playlist, out);
    check_gaps(calendar, playlist, out);
  }
}

void check_absence_cover(const model::Content& content, int utc_offset_minutes,
                         model::Diagnostics& out) {
  const model::Calendar calendar = content.calendar ? *content.calendar : model::default_calendar();
  std::set<std::string> post_holders;
  for (const auto& w : content.roster.windows) {
    post_holders.insert(w.a_staff);
    post_holders.insert(w.b_staff);
  }
  for (const auto& a : content.roster.absences) {
    if (!a.substitute.empty() || !post_holders.count(a.staff)) continue;
    const auto from = model::to_unix(a.from, utc_offset_minutes);
    const auto to = model::to_unix(a.to, utc_offset_minutes);
    if (working_days_touched(calendar, from, to, utc_offset_minutes) >= 2)
      out.push_back({a.where, model::Severity::warning,
                     "<absence staff=\"" + a.staff +
                         "\"> covers more than one working day of an A/B post but names no "
                         "substitute; arrange 补岗 cover (substitute=\"…\") before leave is "
                         "granted"});
  }
}

void check_posters(const model::Content& content, model::Diagnostics& out) {
  // layout::kMaxSlideSeconds; schedule does not include layout.
  constexpr long long kLongPosterSeconds = 600;
  for (const auto& playlist : content.playlists)
    for (const auto& slide : playlist.slides) {
      if (slide.type != model::SlideType::poster) continue;
      long long seconds = 0;
      for (const auto& image : slide.images)
        seconds += image.seconds;
      if (seconds <= kLongPosterSeconds) continue;
      out.push_back(model::Diagnostic{
          slide.where, model::Severity::warning,
          "<slide type=\"poster\"> runs " + std::to_string((seconds + 59) / 60) + " minutes (" +
              std::to_string(slide.images.size()) +
              " pictures); the other slides wait that long: split it, or give its pictures "
              "fewer seconds"});
    }
}

}  // namespace hb::schedule
