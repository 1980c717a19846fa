#include "feed/values.h"

namespace hb::feed {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int digits_value(std::string_view s) {
  int v = 0;
  for (char c : s)
    v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<int> fixed_digits(std::string_view s, std::size_t at, std::size_t count) {
  if (at + count > s.size()) return std::nullopt;
  const std::string_view part = s.substr(at, count);
  if (!all_digits(part)) return std::nullopt;
  return digits_value(part);
}

std::optional<long long> parse_whole_number(std::string_view s) {
  if (!all_digits(s) || s.size() > 12) return std::nullopt;
  long long v = 0;
  for (char c : s)
    v = v * 10 + (c - '0');
  return v;
}

std::optional<bool> parse_boolean(std::string_view s) {
  if (s == "true" || s == "1") return true;
  if (s == "false" || s == "0") return false;
  return std::nullopt;
}

std::optional<model::Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const auto y = fixed_digits(s, 0, 4), m = fixed_digits(s, 5, 2), d = fixed_digits(s, 8, 2);
  if (!y || !m || !d || !model::is_valid_date(*y, *m, *d)) return std::nullopt;
  return model::Date{*y, *m, *d};
}

std::optional<model::TimeOfDay> parse_time_of_day(std::string_view s, bool allow_24) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  const auto h = fixed_digits(s, 0, 2), m = fixed_digits(s, 3, 2);
  if (!h || !m || *m > 59) return std::nullopt;
  if (*h == 24 && *m == 0 && allow_24) return model::TimeOfDay{24 * 60};
  if (*h > 23) return std::nullopt;
  return model::TimeOfDay{*h * 60 + *m};
}

std::optional<model::DateTime> parse_timestamp(std::string_view s) {
  if (s.size() < 16 || s[10] != 'T') return std::nullopt;
  const auto date = parse_date(s.substr(0, 10));
  const auto time = parse_time_of_day(s.substr(11, 5), false);
  if (!date || !time) return std::nullopt;
  model::DateTime t{*date, time->minutes * 60, std::nullopt};
  std::string_view rest = s.substr(16);
  if (!rest.empty() && rest[0] == ':') {
    const auto sec = fixed_digits(rest, 1, 2);
    if (!sec || *sec > 59) return std::nullopt;
    t.seconds_of_day += *sec;
    t.seconds_written = true;
    rest = rest.substr(3);
  }
  if (!rest.empty()) {
    const auto offset = parse_utc_offset(rest);
    if ((rest[0] != '+' && rest[0] != '-') || !offset) return std::nullopt;
    t.utc_offset_minutes = *offset;
  }
  return t;
}

std::optional<std::pair<int, int>> parse_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return std::nullopt;
  const auto y = fixed_digits(s, 0, 4), m = fixed_digits(s, 5, 2);
  if (!y || !m || *y < 1 || *m < 1 || *m > 12) return std::nullopt;
  return std::pair{*y, *m};
}

std::optional<model::Money> parse_money(std::string_view s) {
  const std::size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  if (!all_digits(whole) || whole.size() > 12) return std::nullopt;
  long long fen = 0;
  for (char c : whole)
    fen = fen * 10 + (c - '0');
  fen *= 100;
  if (dot != std::string_view::npos) {
    const std::string_view frac = s.substr(dot + 1);
    if (frac.empty() || frac.size() > 2 || !all_digits(frac)) return std::nullopt;
    fen += digits_value(frac) * (frac.size() == 1 ? 10 : 1);
  }
  return model::Money{fen};
}

std::optional<int> parse_utc_offset(std::string_view s) {
  if (s == "UTC") return 0;
  if (s == "Asia/Shanghai") return 8 * 60;
  if (s.size() != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':') return std::nullopt;
  const auto h = fixed_digits(s, 1, 2), m = fixed_digits(s, 4, 2);
  if (!h || !m || *h > 14 || *m > 59) return std::nullopt;
  const int minutes = *h * 60 + *m;
  return s[0] == '-' ? -minutes : minutes;
}

std::optional<model::Weekday> parse_weekday(std::string_view s) {
  static constexpr std::string_view kNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (int i = 0; i < 7; ++i)
    if (s == kNames[i]) return static_cast<model::Weekday>(i);
  return std::nullopt;
}

std::vector<std::string_view> split_list(std::string_view s) {
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t comma = s.find(',');
    std::string_view part = s.substr(0, comma);
    while (!part.empty() && part.front() == ' ')
      part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ')
      part.remove_suffix(1);
    parts.push_back(part);
    if (comma == std::string_view::npos) return parts;
    s = s.substr(comma + 1);
  }
}

std::optional<std::array<bool, 7>> parse_days(std::string_view s) {
  std::array<bool, 7> days{};
  if (s.empty()) return std::nullopt;
  for (const std::string_view part : split_list(s)) {
    const std::size_t dash = part.find('-');
    const auto first = parse_weekday(part.substr(0, dash));
    const auto last = dash == std::string_view::npos ? first : parse_weekday(part.substr(dash + 1));
    if (!first || !last) return std::nullopt;
    for (int d = static_cast<int>(*first);; d = (d + 1) % 7) {
      days[static_cast<std::size_t>(d)] = true;
      if (d == static_cast<int>(*last)) break;
    }
  }
  return days;
}

std::optional<std::pair<model::TimeOfDay, model::TimeOfDay>> parse_time_range(std::string_view s) {
  const std::size_t dash = s.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto from = parse_time_of_day(s.substr(0, dash), false);
  const auto to = parse_time_of_day(s.substr(dash + 1), true);
  if (!from || !to) return std::nullopt;
  return std::pair{*from, *to};
}

bool is_http_url(std::string_view s) {
  const auto rest_ok = [&](std::size_t scheme_len) {
    return s.size() > scheme_len && s.find_first_of(" \t\r\n") == std::string_view::npos;
  };
  if (s.substr(0, 7) == "http://") return rest_ok(7);
  if (s.substr(0, 8) == "https://") return rest_ok(8);
  return false;
}

std::string format_money(const model::Money& m) {
  std::string r = std::to_string(m.fen / 100);
  const long long frac = m.fen % 100;
  if (frac != 0) {
    r += '.';
    r += static_cast<char>('0' + frac / 10);
    r += static_cast<char>('0' + frac % 10);
  }
  return r;
}

}  // namespace hb::feed
