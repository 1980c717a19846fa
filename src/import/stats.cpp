#include "import/stats.h"

#include <map>

#include "feed/text.h"
#include "import/cell_values.h"
#include "import/header.h"
#include "model/unicode.h"

namespace hb::import {
namespace {

// "1,168" as well as "1168": counts exported with thousands separators.
std::optional<long long> read_count(std::string_view text) {
  std::string digits;
  for (const char c : trim_text(text))
    if (c != ',') digits += c;
  for (const std::string_view unit : {"件", "次", "个"})  // "168件"
    if (digits.size() > unit.size() && digits.ends_with(unit))
      digits.resize(digits.size() - unit.size());
  return read_number(digits);
}

struct Counts {
  const Header& header;
  const Row& row;
  std::vector<std::string>& reasons;

  // Nothing for an empty cell; a reason for one that is not a count.
  std::optional<long long> get(Field f) {
    const FieldValue v = value_of(header, row, f);
    if (v.text.empty()) return std::nullopt;
    const auto n = read_count(v.text);
    if (!n)
      reasons.push_back(field_name(header, f, v.column) + quoted(trim_text(v.text)) +
                        "不是整数");
    return n;
  }
  std::string name(Field f) const {
    return field_name(header, f, header.of(f).empty() ? 0 : header.of(f).front());
  }
};

constexpr Field kLevels[] = {Field::very_satisfied, Field::satisfied, Field::basic,
                             Field::dissatisfied, Field::very_dissatisfied};

void read_ratings(Counts& c, model::WindowStats& w) {
  std::optional<long long> levels[5];
  bool any = false;
  for (int i = 0; i < 5; ++i) {
    levels[i] = c.get(kLevels[i]);
    any = any || levels[i];
  }
  if (any) {
    // A level left empty had no ratings: halls leave zeros blank.
    model::Ratings r{levels[0].value_or(0), levels[1].value_or(0), levels[2].value_or(0),
                     levels[3].value_or(0), levels[4].value_or(0)};
    w.ratings = r;
    w.rated = r.very_satisfied + r.satisfied + r.basic + r.dissatisfied + r.very_dissatisfied;
    w.satisfied = r.very_satisfied + r.satisfied + r.basic;
    return;
  }
  const auto rated = c.get(Field::rated), satisfied = c.get(Field::satisfied_total);
  if (rated.has_value() != satisfied.has_value()) {
    c.reasons.push_back(c.name(Field::rated) + "和" + c.name(Field::satisfied_total) +
                        "要么都填，要么都不填");
    return;
  }
  if (rated && satisfied && *satisfied > *rated) {
    c.reasons.push_back(c.name(Field::satisfied_total) + "（" + std::to_string(*satisfied) +
                        "）大于" + c.name(Field::rated) + "（" + std::to_string(*rated) + "）");
    return;
  }
  w.rated = rated;
  w.satisfied = satisfied;
}

bool is_total_row(std::string_view window) {
  std::string s;
  for (const char c : window)
    if (c != ' ') s += c;
  for (const std::string_view w : {"合计", "总计", "小计", "总数", "全部"})
    if (s == w || s.find(w) == 0) return true;
  return false;
}

// "2026年10月", "2026-10", "2026/10", "2026.10" anywhere in `text`.
std::optional<std::pair<int, int>> month_in(std::string_view text) {
  for (std::size_t i = 0; i + 4 < text.size(); ++i) {
    const auto year = read_number(text.substr(i, 4));
    if (!year || *year < 2000 || *year > 2999 || (i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9'))
      continue;
    std::size_t j = i + 4;
    for (const std::string_view sep : {"年", "-", "/", "."})
      if (text.substr(j, sep.size()) == sep) {
        j += sep.size();
        break;
      }
    if (j == i + 4) continue;
    std::size_t k = j;
    while (k < text.size() && k < j + 2 && text[k] >= '0' && text[k] <= '9')
      ++k;
    const auto month = read_number(text.substr(j, k - j));
    if (month && *month >= 1 && *month <= 12)
      return std::pair{static_cast<int>(*year), static_cast<int>(*month)};
  }
  return std::nullopt;
}

}  // namespace

model::Stats StatsImport::stats() const {
  model::Stats s;
  s.year = year;
  s.month = month;
  for (const auto& w : windows)
    s.windows.push_back(w.stats);
  return s;
}

StatsImport import_stats(const Table& table, int year, int month) {
  StatsImport result;
  result.year = year;
  result.month = month;
  const auto header = find_header(table, Expect::stats);
  if (!header) {
    result.error = ImportError{ErrorKind::no_header,
                               "表格中找不到表头行：需要“窗口”和“办件量”两列，以及“按时办结”",
                               0, 0};
    return result;
  }
  std::map<std::string, int> first_row_of;
  for (std::size_t i = header->row_index + 1; i < table.rows.size(); ++i) {
    const Row& row = table.rows[i];
    if (is_blank(*header, row)) continue;
    std::vector<std::string> reasons;
    Counts c{*header, row, reasons};
    model::WindowStats w;
    w.window = read_window(value_of(*header, row, Field::stats_window).text);
    if (is_total_row(w.window)) continue;
    if (w.window.empty()) reasons.push_back("缺少" + c.name(Field::stats_window));
    const auto handled = c.get(Field::handled), ontime = c.get(Field::ontime);
    if (!handled && value_of(*header, row, Field::handled).text.empty())
      reasons.push_back("缺少" + c.name(Field::handled));
    if (!ontime && value_of(*header, row, Field::ontime).text.empty())
      reasons.push_back("缺少" + c.name(Field::ontime));
    if (handled && ontime && *ontime > *handled)
      reasons.push_back(c.name(Field::ontime) + "（" + std::to_string(*ontime) + "）大于" +
                        c.name(Field::handled) + "（" + std::to_string(*handled) + "）");
    w.handled = handled.value_or(0);
    w.ontime = ontime.value_or(0);
    read_ratings(c, w);
    if (!w.window.empty()) {
      const auto [at, fresh] = first_row_of.emplace(w.window, row.number);
      if (!fresh)
        reasons.insert(reasons.begin(), c.name(Field::stats_window) + quoted(w.window) + "与第" +
                                            std::to_string(at->second) + "行重复，保留第" +
                                            std::to_string(at->second) + "行");
    }
    if (!reasons.empty()) {
      result.refused.push_back(RowRefusal{row.number, std::move(reasons)});
      continue;
    }
    result.windows.push_back(ImportedWindow{row.number, std::move(w)});
  }
  return result;
}

StatsImport import_stats(const Table& table) {
  const auto header = find_header(table, Expect::stats);
  // Year and month as plain ints: GCC 12 warns about an optional pair here.
  int year = 0, month = 0;
  const auto take = [&](std::string_view text) {
    if (year != 0) return;
    if (const auto m = month_in(text)) {
      year = m->first;
      month = m->second;
    }
  };
  if (header)
    for (std::size_t i = 0; i < header->row_index; ++i)
      for (const auto& text : table.rows[i].cells)
        take(text);
  take(table.sheet);
  if (header && year == 0) {
    StatsImport result;
    result.error = ImportError{ErrorKind::no_month,
                               "表格中没有写明统计月份：请在表头上方的标题中写明，如“2026年10月”",
                               0, 0};
    return result;
  }
  return import_stats(table, year, month);
}

StatsImport import_stats_from_file(std::string_view bytes, const Limits& limits) {
  auto table = read_table(bytes, limits, Expect::stats);
  if (auto* e = std::get_if<ImportError>(&table)) {
    StatsImport result;
    result.error = std::move(*e);
    return result;
  }
  return import_stats(std::get<Table>(table));
}

}  // namespace hb::import
