#include "app/time_text.h"

#include <cstdio>
#include <iostream>

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

std::string local_text(model::UnixSeconds t, int utc_offset_minutes, bool seconds) {
  const auto l = schedule::to_local(t, utc_offset_minutes);
  char buf[64];
  if (seconds)
    std::snprintf(buf, sizeof buf, "%s %02d:%02d:%02d", model::to_string(l.date).c_str(),
                  l.second_of_day / 3600, l.second_of_day / 60 % 60, l.second_of_day % 60);
  else
    std::snprintf(buf, sizeof buf, "%s %02d:%02d", model::to_string(l.date).c_str(),
                  l.second_of_day / 3600, l.second_of_day / 60 % 60);
  return buf;
}

std::string offset_text(int utc_offset_minutes) {
  const int m = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", utc_offset_minutes < 0 ? '-' : '+', m / 60 % 100,
                m % 60);
  return buf;
}

std::optional<model::UnixSeconds> parse_at(const std::string& text, int utc_offset_minutes) {
  if (const auto t = feed::parse_timestamp(text)) return model::to_unix(*t, utc_offset_minutes);
  if (const auto d = feed::parse_date(text))  // a date alone: its start
    return schedule::from_local(*d, 0, utc_offset_minutes);
  return std::nullopt;
}

std::optional<model::UnixSeconds> instant_for(const std::string& command,
                                              const std::string& at_text, int utc_offset_minutes,
                                              model::UnixSeconds now) {
  if (at_text.empty()) return now;
  const auto parsed = parse_at(at_text, utc_offset_minutes);
  if (!parsed)
    std::cerr << "hallboard " << command << ": --at \"" << at_text
              << "\" is not a time; write 2026-11-27T10:00 (or with +08:00)\n";
  return parsed;
}

std::string iso_local_time(model::UnixSeconds t, int utc_offset_minutes) {
  std::string text = local_text(t, utc_offset_minutes);
  text[10] = 'T';
  return text + offset_text(utc_offset_minutes);
}

}  // namespace hb::app
