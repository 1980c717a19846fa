// Values of an item's cells read as people write them in a hall's list
// (answers.md, Issue 17): "三个工作日", "即办", "按件收取，每件80元",
// "身份证（原件1份）", "受理→审查→决定". Each reader returns nothing for a
// value it cannot read; the caller decides whether that refuses the row.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/content.h"

namespace hb::import {

// "10", "三", "二十", "１５" -> the number; nothing for anything else.
std::optional<long long> read_number(std::string_view text);

// One time limit: a number and its unit, or 即办 (immediate, no number).
struct Duration {
  bool immediate = false;
  long long amount = 0;
  model::DeadlineUnit unit = model::DeadlineUnit::workday;
};

// "10个工作日", "三个工作日", "15个自然日", "15天", "2小时", "即办",
// "当场办结". A bare number takes the unit of `header_note` (the header's
// bracket, "承诺时限（工作日）"), else working days.
std::optional<Duration> read_duration(std::string_view text, std::string_view header_note = {});

// What a fee cell says: free, fees, or nothing readable.
struct FeeReading {
  bool free = false;
  std::vector<model::Fee> fees;
  bool readable() const { return free || !fees.empty(); }
};
FeeReading read_fees(std::string_view text);

std::vector<model::Material> read_materials(std::string_view text);

// Steps split at arrows (→ -> —>), else at line ends and semicolons.
std::vector<model::Step> read_steps(std::string_view text, model::DeadlineUnit item_unit);

// "3号窗口" -> "3": the roster's window ids are the numbers halls paint on
// the counters. Anything else stays as written.
std::string read_window(std::string_view text);

// Text with the ends trimmed, also of full-width and no-break spaces.
std::string_view trim_text(std::string_view text);

}  // namespace hb::import
