#include "model/time.h"

#include <cstdio>

namespace hb::model {

// Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
std::int64_t days_from_civil(const Date& d) {
  const std::int64_t y = static_cast<std::int64_t>(d.year) - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (d.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

Weekday weekday_of(const Date& d) {
  // 1970-01-01 was a Thursday.
  const std::int64_t days = days_from_civil(d);
  const std::int64_t from_monday = ((days % 7) + 7 + 3) % 7;
  return static_cast<Weekday>(from_monday);
}

bool is_valid_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int max = month == 2 && leap ? 29 : kDays[month - 1];
  return day <= max;
}

Date add_days(const Date& d, std::int64_t n) {
  return civil_from_days(days_from_civil(d) + n);
}

UnixSeconds to_unix(const DateTime& t, int default_offset_minutes) {
  const int offset = t.utc_offset_minutes.value_or(default_offset_minutes);
  return days_from_civil(t.date) * 86400 + t.seconds_of_day -
         static_cast<std::int64_t>(offset) * 60;
}

std::string to_string(const Date& d) {
  char buf[48];
  if (d.year >= kFirstYear && d.year <= kLastYear)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  else
    std::snprintf(buf, sizeof buf, "%+05d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

namespace {

// Floor division: the day an instant falls on, before 1970 too.
std::int64_t day_of(UnixSeconds local) {
  return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}

}  // namespace

std::string to_iso_string(UnixSeconds t, int utc_offset_minutes) {
  const UnixSeconds local = t + utc_offset_minutes * 60;
  const std::int64_t days = day_of(local);
  const auto secs = static_cast<int>(local - days * 86400);
  const int off = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  char text[48];
  std::snprintf(text, sizeof text, "T%02d:%02d:%02d%c%02d:%02d", secs / 3600, secs / 60 % 60,
                secs % 60, utc_offset_minutes < 0 ? '-' : '+', off / 60 % 100, off % 60);
  return to_string(civil_from_days(days)) + text;
}

std::string offset_string(int utc_offset_minutes) {
  const int m = utc_offset_minutes < 0 ? -utc_offset_minutes : utc_offset_minutes;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", utc_offset_minutes < 0 ? '-' : '+', m / 60 % 100,
                m % 60);
  return buf;
}

bool in_year_range(UnixSeconds t, int utc_offset_minutes) {
  const int year = civil_from_days(day_of(t + utc_offset_minutes * 60)).year;
  return year >= kFirstYear && year <= kLastYear;
}

std::string to_string(const TimeOfDay& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", t.minutes / 60, t.minutes % 60);
  return buf;
}

std::string to_string(Weekday w) {
  static constexpr const char* kNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  return kNames[static_cast<int>(w)];
}

}  // namespace hb::model
