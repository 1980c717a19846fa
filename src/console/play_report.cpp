#include "console/play_report.h"

#include <algorithm>
#include <tuple>

#include "feed/values.h"
#include "model/slide_type.h"
#include "model/time.h"
#include "store/play_days.h"

namespace hb::console {

std::optional<Month> parse_month_text(std::string_view text) {
  const auto m = feed::parse_month(text);
  if (!m || m->second < 1 || m->second > 12) return std::nullopt;
  return Month{m->first, m->second};
}

std::string month_text(const Month& m) {
  return model::to_string(model::Date{m.year, m.month, 1}).substr(0, 7);
}

Month month_of(std::int64_t now, int utc_offset_minutes) {
  const std::int64_t midnight = store::local_day_start(now, utc_offset_minutes);
  const model::Date d = model::civil_from_days((midnight + std::int64_t{utc_offset_minutes} * 60) / 86400);
  return {d.year, d.month};
}

Month shifted(const Month& m, int months) {
  const int index = m.year * 12 + (m.month - 1) + months;
  const int year = index >= 0 ? index / 12 : (index - 11) / 12;
  return {year, index - year * 12 + 1};
}

Window month_window(const Month& m, int utc_offset_minutes) {
  const auto first = [&](const Month& of) {
    return model::days_from_civil({of.year, of.month, 1}) * 86400 - std::int64_t{utc_offset_minutes} * 60;
  };
  return {first(m), first(shifted(m, 1))};
}

std::int64_t plays_retention_cutoff(std::int64_t now, int utc_offset_minutes) {
  return month_window(shifted(month_of(now, utc_offset_minutes), -12), utc_offset_minutes).from;
}

Window watched_window(const Window& month, std::int64_t registered, std::int64_t now) {
  return {std::max(month.from, registered), std::min(month.to, now)};
}

namespace {

CoverPart day_part(const Window& part, int utc_offset_minutes, std::int64_t raw_kept_from) {
  const bool raw = store::local_day_start(part.from, utc_offset_minutes) >= raw_kept_from;
  return {part, raw ? CoverSource::raw : CoverSource::day_capped};
}

}  // namespace

std::vector<CoverPart> cover_parts(const Window& watched, int utc_offset_minutes, std::int64_t raw_kept_from) {
  if (watched.length() == 0) return {};
  std::int64_t first = store::local_day_start(watched.from, utc_offset_minutes);
  if (first < watched.from) first += 86400;  // the first midnight inside
  const std::int64_t last = store::local_day_start(watched.to, utc_offset_minutes);
  if (first > last) return {day_part(watched, utc_offset_minutes, raw_kept_from)};  // within one day
  std::vector<CoverPart> out;
  if (watched.from < first) out.push_back(day_part({watched.from, first}, utc_offset_minutes, raw_kept_from));
  if (first < last) out.push_back({{first, last}, CoverSource::days});
  if (last < watched.to) out.push_back(day_part({last, watched.to}, utc_offset_minutes, raw_kept_from));
  return out;
}

namespace {

// Content in the playlist form's order, then unknown types, the waiting
// page, and dark last (a night, not content).
int slide_rank(const std::string& slide) {
  for (std::size_t i = 0; i < model::kSlideTypeNames.size(); ++i)
    if (model::kSlideTypeNames[i].word == slide) return static_cast<int>(i);
  if (slide == "waiting") return 101;
  if (slide == "dark") return 102;
  return 100;
}

}  // namespace

ScreenMonth screen_month(std::string screen, std::vector<store::PlayTotal> totals, const Window& watched,
                         std::int64_t covered) {
  ScreenMonth out{std::move(screen), std::move(totals), 0, 0, 0};
  std::stable_sort(out.rows.begin(), out.rows.end(), [](const store::PlayTotal& a, const store::PlayTotal& b) {
    return std::make_tuple(slide_rank(a.slide), a.slide, a.item) <
           std::make_tuple(slide_rank(b.slide), b.slide, b.item);
  });
  for (const auto& r : out.rows) {
    out.shown_seconds += r.seconds;
    if (r.slide == "dark") out.dark_seconds += r.seconds;
  }
  // Lines can overlap only when a player's clock jumped back: never below 0.
  out.offline_seconds = std::max<std::int64_t>(0, watched.length() - covered);
  return out;
}

std::string slide_type_label(const std::string& slide) {
  for (const auto& t : model::kSlideTypeNames)
    if (t.word == slide) return std::string(t.chinese);
  if (slide == "dark") return "黑屏";
  if (slide == "waiting") return "等待页";
  if (slide == "urgent") return "紧急通知";
  if (slide == "call") return "叫号";
  return slide;
}

std::string clock_text(std::int64_t seconds) {
  seconds = std::max<std::int64_t>(0, seconds);
  const auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return std::to_string(seconds / 3600) + ":" + two(seconds % 3600 / 60) + ":" + two(seconds % 60);
}

std::string csv_cell(std::string_view text) {
  std::string cell(text);
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos)
    cell.insert(0, "'");
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (const char c : cell) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string csv_line(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_cell(cells[i]);
  return out + "\r\n";
}

std::string plays_csv(const std::vector<ScreenMonth>& screens) {
  std::string out(kCsvBom);
  out += csv_line({"屏幕", "页面类型", "事项", "次数", "时长(秒)", "时长"});
  for (const auto& s : screens) {
    for (const auto& r : s.rows)
      out += csv_line({s.screen, slide_type_label(r.slide), r.item, std::to_string(r.count),
                       std::to_string(r.seconds), clock_text(r.seconds)});
    out += csv_line({s.screen, "离线", "", "", std::to_string(s.offline_seconds), clock_text(s.offline_seconds)});
  }
  return out;
}

}  // namespace hb::console
