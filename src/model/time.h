// Civil dates and times as written in feeds. No clock here: "now" is always
// passed in by the caller.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

namespace hb::model {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  auto operator<=>(const Date&) const = default;
};

enum class Weekday { mon, tue, wed, thu, fri, sat, sun };

// Minutes since midnight; 24:00 (1440) is allowed as a closing time.
struct TimeOfDay {
  int minutes = 0;
  auto operator<=>(const TimeOfDay&) const = default;
};

// A feed timestamp. Without an offset it is in the player's time zone,
// which only the caller knows.
struct DateTime {
  Date date;
  int seconds_of_day = 0;
  std::optional<int> utc_offset_minutes;
  bool seconds_written = false;  // "10:00:00" names a second, "10:00" a minute
};

// The format's default zone (Asia/Shanghai: UTC+8, no daylight saving time).
inline constexpr int kDefaultUtcOffsetMinutes = 8 * 60;

// Seconds since 1970-01-01T00:00Z.
using UnixSeconds = std::int64_t;

std::int64_t days_from_civil(const Date& d);
Date civil_from_days(std::int64_t days);
Weekday weekday_of(const Date& d);
bool is_valid_date(int year, int month, int day);
Date add_days(const Date& d, std::int64_t n);

UnixSeconds to_unix(const DateTime& t, int default_offset_minutes);

// Years 0000-9999 as feeds write them; any other in ISO 8601's expanded
// form (+10000-01-01, -0001-12-31), never a date that reads like another.
std::string to_string(const Date& d);       // 2026-11-27
std::string to_string(const TimeOfDay& t);  // 09:00
std::string to_string(Weekday w);           // mon
// 2026-11-27T08:00:00+08:00: an instant as seen at the given UTC offset.
std::string to_iso_string(UnixSeconds t, int utc_offset_minutes);
// +08:00, -03:30: a UTC offset as feeds and player configs write it.
std::string offset_string(int utc_offset_minutes);

// The years a feed can name, and so the instants a command can work at.
inline constexpr int kFirstYear = 0;
inline constexpr int kLastYear = 9999;
bool in_year_range(UnixSeconds t, int utc_offset_minutes);

}  // namespace hb::model
