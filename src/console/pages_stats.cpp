// 月度统计: one month's counts per window as a table (stats_form.h decides).
// The drafts hold one month (a feed has one <stats>): "新的月份" starts an
// empty table for the month after, which replaces it when saved; the
// months before stay in the published versions. The list and the CSV
// import are the generic records page and pages_stats_import.cpp.
#include "console/pages.h"
#include "console/row_pages.h"
#include "console/stats_form.h"

namespace hb::console {

namespace {

std::vector<RowColumn> window_columns(Console& console) {
  std::vector<RowColumn> out = {
      {"id", "窗口", window_choices(console, "（选择窗口）", false)},
      {"handled", "办件量", {}, "num"},
      {"ontime", "按时办结", {}, "num"},
      {"way", "评价填法", {{"rated", "两项计数"}, {"levels", "五级好差评"}}},
      {"rated", "评价数", {}, "num"},
      {"satisfied", "满意数", {}, "num"},
  };
  for (const auto& l : rating_levels()) out.push_back({l.field, l.label, {}, "num"});
  return out;
}

Response stats_page(Console& console, const Caller& caller, const std::string& action, std::int64_t rev,
                    const FormValues& values, const std::vector<FieldProblem>& problems, int status,
                    const std::string& notice) {
  const PageContext ctx = edit_context(console, caller, "/records/stats", notice, status);
  Html h;
  open_edit_form(h, ctx, action, rev);
  general_errors(h, problems, shown_fields(problems, {"month"}, {"window"}));
  form_field(h, {"month", "月份", form_value(values, "month"), "text", field_message(problems, "month"),
                 "如 2026-10", true});
  h.el("p", {{"class", "muted"}},
       "每个窗口一行。评价按窗口二选一：选“两项计数”填“评价数/满意数”两格，或选“五级好差评”填“非常满意 … 非常不满意”五格（没有的填 0）；"
       "另一种的格子留空。不填数字的行不保存。");
  row_table(h, "window", window_columns(console), values, problems);
  h.open("p").el("button", {{"type", "submit"}, {"class", "primary"}}, "保存为草稿").literal(" ");
  h.el("a", {{"href", "/records/stats"}, {"class", "button"}}, "返回").literal(" ");
  h.el("a", {{"href", "/records/stats/stats?xml=1"}, {"class", "button"}}, "以 XML 编辑（高级）").close("p");
  h.close("form");
  return html_page(ctx, "月度统计：" + form_value(values, "month"), h, status);
}

// A new month's table: the month after the drafts' one, a row per window.
FormValues new_month_values(Console& console, const std::string& current_month) {
  FormValues out{{"month", next_month(current_month)}};
  int row = 0;
  for (const auto& [id, label] : window_choices(console, "（选择窗口）", false)) {
    if (id.empty()) continue;
    ++row;
    out[row_field("window", "src", row)] = "";
    out[row_field("window", "id", row)] = id;
  }
  return out;
}

}  // namespace

Response page_stats(Console& console, const Request& request, const Caller& caller, const Params&) {
  const auto record = console.store().record("stats", "stats");
  if (request.query_value("xml") == "1") {
    return page_record(console, request, caller, {{"kind", "stats"}, {"key", record ? "stats" : "new"}});
  }
  const std::int64_t rev = record ? record->rev : 0;
  if (request.path == "/records/stats/new" || !record) {
    const std::string month = record ? stats_form_values(record->body)["month"] : "";
    return stats_page(console, caller, "/records/stats/new", rev, new_month_values(console, month), {}, 200,
                      record ? "新的月份：保存后替换草稿中 " + month + " 的统计（已发布的版本仍保留）。" : "");
  }
  return stats_page(console, caller, "/records/stats/stats", rev, stats_form_values(record->body), {}, 200, "");
}

Response page_stats_save(Console& console, const Request& request, const Caller& caller, const Params&) {
  auto form = form_of(request);
  if (form.count("xml")) return page_record_save(console, request, caller, {{"kind", "stats"}, {"key", "stats"}});
  const std::int64_t rev = version_number(form["rev"]).value_or(-1);
  const bool new_month = request.path == "/records/stats/new";
  const auto stored = console.store().record("stats", "stats");
  // A new month keeps nothing of the old one's windows.
  const auto element = stats_from_form(stored && !new_month ? stored->body : "", form);
  if (!element) return stats_page(console, caller, request.path, rev, form, element.error(), 422, "未保存：请改正标红的栏目");
  if (const auto refused = save_form_record(console, caller, "stats", "stats", *element, rev)) {
    return stats_page(console, caller, request.path, rev, form, refused->refusal.problems, refused->refusal.status,
                      refused->notice);
  }
  return redirect("/records/stats?saved=1");
}

}  // namespace hb::console
