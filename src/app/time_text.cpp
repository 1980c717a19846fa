#include "app/time_text.h"

#include <cstdio>
#include <iostream>

#include "feed/value_problems.h"
#include "feed/values.h"
#include "layout/wording.h"
#include "schedule/local_time.h"

namespace hb::app {

std::string weekday_zh(model::Weekday w) {
  return layout::weekday_text(w);
}

std::string date_zh(const model::Date& d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) +
         "日 " + weekday_zh(model::weekday_of(d));
}

std::string clock_text(model::UnixSeconds t, int utc_offset_minutes, bool seconds) {
  const int s = schedule::to_local(t, utc_offset_minutes).second_of_day;
  char buf[32];
  if (seconds)
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%02d:%02d", s / 3600, s / 60 % 60);
  return buf;
}

std::string local_text(model::UnixSeconds t, int utc_offset_minutes, bool seconds) {
  return model::to_string(schedule::to_local(t, utc_offset_minutes).date) + " " +
         clock_text(t, utc_offset_minutes, seconds);
}

std::string offset_text(int utc_offset_minutes) { return model::offset_string(utc_offset_minutes); }

std::optional<model::UnixSeconds> parse_at(const std::string& text, int utc_offset_minutes) {
  if (const auto t = feed::parse_timestamp(text)) return model::to_unix(*t, utc_offset_minutes);
  if (const auto d = feed::parse_date(text))  // a date alone: its start
    return schedule::from_local(*d, 0, utc_offset_minutes);
  return std::nullopt;
}

std::string at_problem(const std::string& text) {
  // A value of the right shape is told what is wrong with it, not its shape.
  std::string why = feed::timestamp_problem(text);
  if (why.empty()) why = feed::date_problem(text);
  if (why.empty()) why = "write 2026-11-27T10:00 (or with +08:00)";
  return "--at \"" + text + "\" is not a time: " + why;
}

std::optional<model::UnixSeconds> instant_for(const std::string& command,
                                              const std::optional<std::string>& at_text,
                                              int utc_offset_minutes, model::UnixSeconds now) {
  const auto parsed = at_text ? parse_at(*at_text, utc_offset_minutes) : now;
  if (!parsed) {
    std::cerr << "hallboard " << command << ": " << at_problem(*at_text) << "\n";
    return std::nullopt;
  }
  // Out of range, every date on screen and in the logs would be wrong.
  if (!model::in_year_range(*parsed, utc_offset_minutes)) {
    std::cerr << "hallboard " << command << ": "
              << (at_text ? "--at \"" + *at_text + "\" is " : "the clock reads ")
              << model::to_iso_string(*parsed, utc_offset_minutes)
              << ", outside the years 0000-9999 that feeds can name; "
              << (at_text ? "give a time within them\n" : "set the system clock (or give --at)\n");
    return std::nullopt;
  }
  return parsed;
}

std::string iso_local_time(model::UnixSeconds t, int utc_offset_minutes) {
  return model::to_iso_string(t, utc_offset_minutes);
}

}  // namespace hb::app
