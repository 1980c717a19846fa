// What is wrong with a date or time that has the right shape but names
// something that does not exist ("2026-13-40", "25:00"), said instead of
// the shape the value already has. Each returns an empty string when the
// value is fine, or when it is not of the shape at all: then the caller says
// what was expected (such as "a date YYYY-MM-DD").
#pragma once

#include <string>
#include <string_view>

namespace hb::feed {

// "there is no month 13 and no day 40",
// "there is no February 29 in 2027: 2027 is not a leap year, February has 28 days"
std::string date_problem(std::string_view s);                 // YYYY-MM-DD
std::string time_problem(std::string_view s, bool allow_24);  // HH:MM
std::string timestamp_problem(std::string_view s);            // YYYY-MM-DDTHH:MM[:SS][±HH:MM]
std::string month_problem(std::string_view s);                // YYYY-MM
std::string offset_problem(std::string_view s);               // ±HH:MM

}  // namespace hb::feed
