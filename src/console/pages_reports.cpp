// 播放统计: the monthly proof-of-play report (第十条: 按月整理上报) as a page
// and as CSV (UTF-8 with BOM, CRLF: what Excel and WPS open as they are).
// The store sums each screen's month from the daily roll-up; play_report.h
// makes the report.
#include "console/pages.h"
#include "console/play_report.h"
#include "store/play_days.h"

namespace hb::console {

namespace {

// The month the query names, else the current one in the hall's zone;
// nullopt for one that is not YYYY-MM.
std::optional<Month> asked_month(Console& console, const Request& request) {
  const std::string text = request.query_value("month");
  if (text.empty()) return month_of(console.now(), console.utc_offset_minutes());
  return parse_month_text(text);
}

// The seconds of one part of the watched window the screen's lines cover.
store::Result<std::int64_t> part_seconds(Console& console, const std::string& screen, const CoverPart& part) {
  const Window& w = part.window;
  switch (part.source) {
    case CoverSource::raw:
      return console.store().play_seconds(screen, w.from, w.to);
    case CoverSource::days:
      return console.store().play_day_seconds(screen, w.from, w.to);
    case CoverSource::day_capped:
      break;
  }
  const std::int64_t day = store::local_day_start(w.from, console.utc_offset_minutes());
  auto seconds = console.store().play_day_seconds(screen, day, day + 86400);
  if (seconds) *seconds = std::min(*seconds, w.length());
  return seconds;
}

// The seconds of `watched` the screen's lines cover, part by part (cover_parts).
base::Result<std::int64_t, std::string> covered_seconds(Console& console, const std::string& screen,
                                                        const Window& watched) {
  std::int64_t covered = 0;
  for (const auto& part : cover_parts(watched, console.utc_offset_minutes(), console.now() - store::kRawPlaysKept)) {
    const auto seconds = part_seconds(console, screen, part);
    if (!seconds) return seconds.error().message;
    covered += *seconds;
  }
  return covered;
}

// Every screen registered before the month ended, revoked ones too (they
// may have shown content before IT took them out). Read from the daily
// roll-up: a month is a few hundred rows per screen, however many lines.
base::Result<std::vector<ScreenMonth>, std::string> month_report(Console& console, const Month& month) {
  const Window window = month_window(month, console.utc_offset_minutes());
  auto screens = console.store().screens();
  if (!screens) return screens.error().message;
  std::vector<ScreenMonth> out;
  for (const auto& s : *screens) {
    if (s.created_at >= window.to) continue;
    auto totals = console.store().play_day_totals(s.id, window.from, window.to);
    if (!totals) return totals.error().message;
    const Window watched = watched_window(window, s.created_at, console.now());
    const auto covered = covered_seconds(console, s.id, watched);
    if (!covered) return covered.error();
    out.push_back(screen_month(s.id, std::move(*totals), watched, *covered));
  }
  return out;
}

void month_links(Html& h, const Month& month) {
  const std::string here = month_text(month);
  h.open("form", {{"method", "get"}, {"action", "/reports/plays"}, {"class", "inline"}});
  h.el("a", {{"href", "/reports/plays?month=" + month_text(shifted(month, -1))}}, "‹ 上个月");
  h.text(" ");
  h.empty("input", {{"type", "month"}, {"name", "month"}, {"value", here}, {"aria-label", "月份"}});
  h.el("button", {{"type", "submit"}}, "查看");
  h.text(" ");
  h.el("a", {{"href", "/reports/plays?month=" + month_text(shifted(month, 1))}}, "下个月 ›");
  h.text(" ");
  h.el("a", {{"class", "button primary"}, {"href", "/reports/plays.csv?month=" + here}}, "下载 CSV");
  h.close("form");
}

void summary_table(Html& h, const std::vector<ScreenMonth>& report) {
  h.literal("<table><tr><th>屏幕</th><th>播放时长</th><th>黑屏</th><th>离线</th></tr>");
  for (const auto& s : report) {
    h.open("tr").el("td", s.screen).el("td", clock_text(s.shown_seconds - s.dark_seconds));
    h.el("td", clock_text(s.dark_seconds)).el("td", {{"class", s.offline_seconds > 0 ? "attention" : ""}},
                                                clock_text(s.offline_seconds));
    h.close("tr");
  }
  h.literal("</table>");
}

void detail_table(Html& h, const std::vector<ScreenMonth>& report) {
  h.literal("<table><tr><th>屏幕</th><th>页面类型</th><th>事项</th><th>次数</th><th>时长(秒)</th>"
            "<th>时长</th></tr>");
  for (const auto& s : report) {
    for (const auto& r : s.rows) {
      h.open("tr").el("td", s.screen).el("td", slide_type_label(r.slide)).el("td", r.item.empty() ? "—" : r.item);
      h.el("td", std::to_string(r.count)).el("td", std::to_string(r.seconds)).el("td", clock_text(r.seconds));
      h.close("tr");
    }
  }
  h.literal("</table>");
}

}  // namespace

Response page_plays_report(Console& console, const Request& request, const Caller& caller, const Params&) {
  const auto month = asked_month(console, request);
  if (!month) return page_refusal(400, "月份应写成 YYYY-MM，例如 2026-11", request.path);
  const auto report = month_report(console, *month);
  if (!report) return page_refusal(500, report.error(), request.path);
  PageContext ctx = page_context(console, caller, "/reports/plays");
  Html h;
  month_links(h, *month);
  if (report->empty()) {
    h.el("p", {{"class", "muted"}}, "这个月还没有登记的屏幕。");
    return html_page(ctx, "播放统计 " + month_text(*month), h);
  }
  h.el("p", {{"class", "muted"}},
       "按屏幕汇总本月的播放记录（跨月的记录只计本月部分的时长，次数计在开始的月份）。黑屏：非开放时间熄屏；"
       "离线：登记以后、到现在为止没有任何播放记录的时间。"
       "每条记录在页面离开屏幕时才写下、随下一次心跳送到，所以本月的最后一段（例如正在进行的夜间黑屏）"
       "在它结束前暂记为离线。");
  summary_table(h, *report);
  h.el("h2", "按页面类型和事项");
  detail_table(h, *report);
  return html_page(ctx, "播放统计 " + month_text(*month), h);
}

Response plays_csv_download(Console& console, const Request& request, const Caller&, const Params&) {
  const auto month = asked_month(console, request);
  if (!month) return page_refusal(400, "月份应写成 YYYY-MM，例如 2026-11", request.path);
  const auto report = month_report(console, *month);
  if (!report) return page_refusal(500, report.error(), request.path);
  Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.set_header("Content-Disposition", "attachment; filename=\"plays-" + month_text(*month) + ".csv\"");
  r.body = plays_csv(*report);
  return r;
}

}  // namespace hb::console
