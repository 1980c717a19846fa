// Parsers for the value syntaxes of the feed format. Each returns nothing
// when the text is not exactly of the form; callers say what was expected.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/content.h"
#include "model/time.h"

namespace hb::feed {

// The `count` ASCII digits at `at`, as a number; nothing when any is not a digit.
std::optional<int> fixed_digits(std::string_view s, std::size_t at, std::size_t count);
std::optional<long long> parse_whole_number(std::string_view s);  // ASCII digits, <= 12 of them
std::optional<bool> parse_boolean(std::string_view s);            // true false 1 0
std::optional<model::Date> parse_date(std::string_view s);        // YYYY-MM-DD
std::optional<model::TimeOfDay> parse_time_of_day(std::string_view s, bool allow_24);  // HH:MM
// YYYY-MM-DDTHH:MM[:SS][±HH:MM]
std::optional<model::DateTime> parse_timestamp(std::string_view s);
std::optional<std::pair<int, int>> parse_month(std::string_view s);  // YYYY-MM
std::optional<model::Money> parse_money(std::string_view s);
std::optional<int> parse_utc_offset(std::string_view s);  // ±HH:MM, UTC, Asia/Shanghai
std::optional<model::Weekday> parse_weekday(std::string_view s);
// "mon-fri", "sat", "mon,wed,fri", "mon-wed,fri"; ranges may wrap.
std::optional<std::array<bool, 7>> parse_days(std::string_view s);
// What parse_days reads, for messages about a value it refused.
inline constexpr std::string_view kDaysExpected =
    "days such as mon-fri, sat or mon,wed,fri (mon tue wed thu fri sat sun)";
// "12:00-13:30": two times of day (the second may be 24:00), in any order.
std::optional<std::pair<model::TimeOfDay, model::TimeOfDay>> parse_time_range(std::string_view s);
bool is_http_url(std::string_view s);

// "a, b ,c" -> {"a", "b", "c"}: parts split at commas and trimmed of spaces;
// empty parts are kept, so callers can refuse them.
std::vector<std::string_view> split_list(std::string_view s);

std::string format_money(const model::Money& m);  // 10, 10.50

}  // namespace hb::feed
