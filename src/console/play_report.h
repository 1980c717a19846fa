// The monthly proof-of-play report (第十条: 按月整理上报): per screen, per
// slide type and per item how often and how long it was on screen, and
// the time each screen was dark or offline; as a page and as CSV for
// Excel/WPS. Pure: the store's sums, the month and the clock go in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace hb::console {

struct Month {
  int year = 1970;
  int month = 1;  // 1-12
};

// [from, to): the month's first and next month's first instant in the hall's zone.
struct Window {
  std::int64_t from = 0;
  std::int64_t to = 0;
  std::int64_t length() const { return to > from ? to - from : 0; }
};

std::optional<Month> parse_month_text(std::string_view text);  // YYYY-MM
std::string month_text(const Month& m);                       // 2026-11
Month month_of(std::int64_t now, int utc_offset_minutes);
Month shifted(const Month& m, int months);
Window month_window(const Month& m, int utc_offset_minutes);

// Daily sums of days before this go (retention, docs/console.md): the
// current month and the 12 before it are kept whole, so last year's same
// month can still be reported. Raw lines go after store::kRawPlaysKept.
std::int64_t plays_retention_cutoff(std::int64_t now, int utc_offset_minutes);
inline constexpr std::int64_t kRetentionSweepEvery = 86400;

// The part of the month a screen could have reported in: from its
// registration (or the month's start) to now (or the month's end).
Window watched_window(const Window& month, std::int64_t registered, std::int64_t now);

// Where the seconds lines cover of a part of the watched window come from.
// The daily roll-up answers whole local days exactly; a part of a day (the
// day of registration, today) needs the raw lines, clipped, while they are
// kept, and after that the roll-up's day, capped at the part's length.
enum class CoverSource { days, raw, day_capped };
struct CoverPart {
  Window window;
  CoverSource source = CoverSource::days;
};
// `raw_kept_from`: raw lines of days starting from then on are still stored.
std::vector<CoverPart> cover_parts(const Window& watched, int utc_offset_minutes, std::int64_t raw_kept_from);

struct ScreenMonth {
  std::string screen;
  std::vector<store::PlayTotal> rows;  // in report order: content, waiting, dark
  std::int64_t shown_seconds = 0;      // all rows, dark included
  std::int64_t dark_seconds = 0;
  std::int64_t offline_seconds = 0;    // watched, but covered by no line
};

// `totals` the month's roll-up; `covered` the seconds of `watched` lines cover.
ScreenMonth screen_month(std::string screen, std::vector<store::PlayTotal> totals, const Window& watched,
                         std::int64_t covered);

// Names as the console names slide types elsewhere (playlist form).
std::string slide_type_label(const std::string& slide);
std::string clock_text(std::int64_t seconds);  // 1:02:03, hours unbounded

// CSV as Excel and WPS read it: a cell quoted when it holds a comma, quote
// or line break; one starting with = + - @ (or tab, CR) gets a leading '
// so it is never taken for a formula.
std::string csv_cell(std::string_view text);
std::string csv_line(const std::vector<std::string>& cells);  // ends in CRLF
inline constexpr std::string_view kCsvBom = "\xEF\xBB\xBF";
std::string plays_csv(const std::vector<ScreenMonth>& screens);

}  // namespace hb::console
