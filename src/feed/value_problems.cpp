#include "feed/value_problems.h"

#include <optional>
#include <vector>

#include "feed/text.h"
#include "feed/values.h"

namespace hb::feed {
namespace {

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};


bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// "there is no A and no B: note; note". Collected part by part, so that a
// value wrong in two places is told both at once.
class Problems {
 public:
  void missing(std::string what) { missing_.push_back(std::move(what)); }
  void note(std::string why) { notes_.push_back(std::move(why)); }

  std::string text() const {
    std::string r;
    for (std::size_t i = 0; i < missing_.size(); ++i)
      r += (i == 0                     ? "there is no "
            : i + 1 == missing_.size() ? " and no "
                                       : ", no ") +
           missing_[i];
    for (std::size_t i = 0; i < notes_.size(); ++i)
      r += (i == 0 ? (r.empty() ? "" : ": ") : "; ") + notes_[i];
    return r;
  }

 private:
  std::vector<std::string> missing_;
  std::vector<std::string> notes_;
};

void check_day(Problems& p, int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool month_ok = month >= 1 && month <= 12;
  if (day == 0 || day > 31 || !month_ok) {
    if (day == 0 || day > 31) p.missing("day " + two_digits(day));
    return;
  }
  const int last = month == 2 && is_leap(year) ? 29 : kDays[month - 1];
  if (day <= last) return;
  const std::string name = kMonths[month - 1];
  if (month == 2 && day == 29) {
    p.missing("February 29 in " + std::to_string(year));
    p.note(std::to_string(year) + " is not a leap year, February has 28 days");
  } else if (month == 2) {
    p.missing("February " + std::to_string(day));
    p.note("February has " + std::to_string(last) + " days in " + std::to_string(year));
  } else {
    p.missing(name + " " + std::to_string(day));
    p.note(name + " has " + std::to_string(last) + " days");
  }
}

void check_year_month(Problems& p, int year, int month) {
  if (year == 0) p.missing("year 0000");
  if (month < 1 || month > 12) p.missing("month " + two_digits(month));
}

// YYYY-MM-DD at the start of s, checked; false when the shape is wrong.
bool check_date(Problems& p, std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  const auto y = fixed_digits(s, 0, 4), m = fixed_digits(s, 5, 2), d = fixed_digits(s, 8, 2);
  if (!y || !m || !d) return false;
  check_year_month(p, *y, *m);
  if (*y != 0) check_day(p, *y, *m, *d);
  return true;
}

// HH:MM at the start of s, checked; false when the shape is wrong.
bool check_time(Problems& p, std::string_view s, bool allow_24) {
  if (s.size() < 5 || s[2] != ':') return false;
  const auto h = fixed_digits(s, 0, 2), m = fixed_digits(s, 3, 2);
  if (!h || !m) return false;
  if (*h == 24 && allow_24 && *m > 0 && *m <= 59) {
    p.missing(std::string(s.substr(0, 5)));
    p.note("only 24:00 is allowed past 23:59");
    return true;
  }
  if (*h > 24 || (*h == 24 && !allow_24)) p.missing("hour " + two_digits(*h));
  if (*m > 59) p.missing("minute " + two_digits(*m));
  if (*h == 24 && !allow_24) p.note("hours are 00 to 23");
  return true;
}

// ±HH:MM, checked; false when the shape is wrong.
bool check_offset(Problems& p, std::string_view s) {
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return false;
  const auto h = fixed_digits(s, 1, 2), m = fixed_digits(s, 4, 2);
  if (!h || !m) return false;
  if (*h > 14 || *m > 59) {
    p.missing("UTC offset " + std::string(s));
    p.note("offsets run from -14:00 to +14:00");
  }
  return true;
}

}  // namespace

std::string date_problem(std::string_view s) {
  Problems p;
  if (s.size() != 10 || !check_date(p, s)) return {};
  return p.text();
}

std::string time_problem(std::string_view s, bool allow_24) {
  Problems p;
  if (s.size() != 5 || !check_time(p, s, allow_24)) return {};
  return p.text();
}

std::string timestamp_problem(std::string_view s) {
  Problems p;
  if (s.size() < 16 || s[10] != 'T' || !check_date(p, s) || !check_time(p, s.substr(11), false))
    return {};
  std::string_view rest = s.substr(16);
  if (!rest.empty() && rest[0] == ':') {
    const auto sec = fixed_digits(rest, 1, 2);
    if (!sec) return {};
    if (*sec > 59) p.missing("second " + two_digits(*sec));
    rest = rest.substr(3);
  }
  if (!rest.empty() && !check_offset(p, rest)) return {};
  return p.text();
}

std::string month_problem(std::string_view s) {
  Problems p;
  if (s.size() != 7 || s[4] != '-') return {};
  const auto y = fixed_digits(s, 0, 4), m = fixed_digits(s, 5, 2);
  if (!y || !m) return {};
  check_year_month(p, *y, *m);
  return p.text();
}

std::string offset_problem(std::string_view s) {
  Problems p;
  if (!check_offset(p, s)) return {};
  return p.text();
}

}  // namespace hb::feed
