// 月度统计 from a CSV or XLSX: one row per window, the month from the
// sheet's title. The month's statistics in the drafts are replaced.
#include "console/feed_records.h"
#include "console/pages.h"
#include "feed/write_feed.h"
#include "import/stats.h"

namespace hb::console {

Response page_stats_import(Console& console, const Request& request, const Caller& caller, const Params&) {
  PageContext ctx = page_context(console, caller, "/records/stats");
  Html h;
  const Upload* file = nullptr;
  for (const auto& u : request.uploads) {
    if (u.field == "file") file = &u;
  }
  import::Limits limits;
  limits.max_upload_bytes = console.options().upload_cap;
  const auto read = file ? import::import_stats_from_file(file->content, limits) : import::StatsImport{};
  if (!file || read.error) {
    ctx.notice = file ? "无法导入“" + file->filename + "”：" + read.error->message : "请选择要导入的文件";
    ctx.notice_is_error = true;
    h.open("p").el("a", {{"href", "/records/stats"}, {"class", "button"}}, "返回").close("p");
    return html_page(ctx, "导入月度统计", h, 422);
  }
  model::Feed feed;
  feed.stats = read.stats();
  store::Record record;
  record.kind = "stats";
  record.key = "stats";
  record.body = element_of_kind(feed::write_feed(feed), "stats").value_or("");
  const auto existing = console.store().record("stats", "stats");
  const auto saved = put_checked_record(console, record, existing ? existing->rev : 0, caller.session->user.name);
  if (!saved) {
    h.open("ul", {{"class", "errors"}});
    for (const auto& p : saved.error().problems) h.el("li", p.message);
    h.close("ul");
    ctx.notice = "未导入：内容不符合规则";
    ctx.notice_is_error = true;
    return html_page(ctx, "导入月度统计", h, saved.error().status);
  }
  ctx.notice = "已导入 " + std::to_string(read.year) + " 年 " + std::to_string(read.month) + " 月的统计（" +
               std::to_string(read.windows.size()) + " 个窗口）到草稿；审核发布后屏幕更新。";
  if (!read.refused.empty()) {
    h.el("h2", "未导入的行");
    h.literal("<table><tr><th>行号</th><th>原因</th></tr>");
    for (const auto& r : read.refused) {
      std::string reasons;
      for (const auto& reason : r.reasons) reasons += (reasons.empty() ? "" : "；") + reason;
      h.open("tr").el("td", std::to_string(r.row)).el("td", reasons).close("tr");
    }
    h.literal("</table>");
  }
  h.open("p").el("a", {{"href", "/records/stats/stats"}, {"class", "button"}}, "查看统计").close("p");
  return html_page(ctx, "导入月度统计", h, 201);
}

}  // namespace hb::console
