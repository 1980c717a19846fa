// 公告: info and urgent notices with from/to. An urgent notice is this one
// form and one approval away from every screen.
#include "console/auth.h"
#include "console/feed_records.h"
#include "console/pages.h"
#include "console/record_elements.h"
#include "feed/text.h"
#include "feed/values.h"

namespace hb::console {

namespace {

// <input type="datetime-local"> sends 2026-12-07T09:00, which is the feed's form.
std::string canonical_time(const std::string& text, int offset) {
  const auto t = feed::parse_timestamp(text);
  return t ? feed_time(model::to_unix(*t, offset), offset) : text;
}

Response notices_page(Console& console, const Caller& caller, std::map<std::string, std::string> form,
                      const std::vector<FieldProblem>& problems, int status, const std::string& notice) {
  PageContext ctx = page_context(console, caller, "/notices");
  ctx.notice = notice;
  const auto records = console.store().records("notice");
  if (!records) return json_error(500, records.error().message);
  Html h;
  h.el("h2", "发布新公告");
  h.open("form", {{"method", "post"}, {"action", "/notices"}, {"class", "panel"}});
  csrf_field(h, ctx);
  general_errors(h, problems, {"level", "text", "from", "to"});
  select_field(h, "level", "级别", {{"info", "一般公告"}, {"urgent", "紧急公告（全屏横幅）"}},
               form["level"], field_message(problems, "level"));
  form_field(h, {"text", "内容", form["text"], "textarea", field_message(problems, "text"), "", true});
  h.open("div", {{"class", "row"}});
  form_field(h, {"from", "开始显示", form["from"], "datetime-local", field_message(problems, "from"), "不填：发布后立即"});
  form_field(h, {"to", "停止显示", form["to"], "datetime-local", field_message(problems, "to"), "不填：一直显示"});
  h.close("div");
  h.el("button", {{"type", "submit"}, {"class", "primary"}}, "保存为草稿");
  h.close("form");
  h.el("h2", "全部公告");
  h.literal("<table><tr><th>级别</th><th>内容</th><th>开始</th><th>结束</th><th></th></tr>");
  for (const auto& r : *records) {
    const bool urgent = record_attribute(r, "level") == "urgent";
    h.open("tr").open("td").el("span", {{"class", urgent ? "tag urgent" : "tag a"}}, urgent ? "紧急" : "一般").close("td");
    h.el("td", element_text_of(r)).el("td", shown_time(record_attribute(r, "from")));
    h.el("td", shown_time(record_attribute(r, "to")));
    h.open("td").open("form", {{"method", "post"}, {"action", "/notices/" + r.key + "/delete"},
                               {"class", "inline"}, {"data-confirm", "确定删除这条公告？"}});
    csrf_field(h, ctx);
    h.el("button", {{"type", "submit"}, {"class", "danger"}}, "删除").close("form").close("td").close("tr");
  }
  h.literal("</table>");
  return html_page(ctx, "公告", h, status);
}

}  // namespace

Response page_notices(Console& console, const Request& request, const Caller& caller, const Params&) {
  std::string notice;
  if (request.query_value("saved") == "urgent") {
    notice = "紧急公告已保存为草稿。请审核人员在“审核发布”中发布，发布后所有屏幕显示。";
  } else if (request.query_value("saved") == "1") {
    notice = "已保存为草稿；审核发布后屏幕更新。";
  } else if (request.query_value("deleted") == "1") {
    notice = "已删除。";
  }
  return notices_page(console, caller, {{"level", "info"}}, {}, 200, notice);
}

Response page_notice_save(Console& console, const Request& request, const Caller& caller, const Params&) {
  auto form = form_of(request);
  const std::string level = feed::trim(form["level"]);
  const std::string text = feed::normalize_text(form["text"]);
  const std::string from = feed::trim(form["from"]);
  const std::string to = feed::trim(form["to"]);
  auto problems = notice_problems(level, text, from, to);
  if (!problems.empty()) return notices_page(console, caller, form, problems, 422, "");
  const int offset = console.utc_offset_minutes();
  store::Record record;
  record.kind = "notice";
  record.key = random_key("n");
  record.body = notice_element({record.key, level, from.empty() ? "" : canonical_time(from, offset),
                                to.empty() ? "" : canonical_time(to, offset), text});
  auto stored = put_checked_record(console, record, 0, caller.session->user.name);
  if (!stored) return notices_page(console, caller, form, stored.error().problems, 422, "");
  return redirect(level == "urgent" ? "/notices?saved=urgent" : "/notices?saved=1");
}

Response page_notice_delete(Console& console, const Request&, const Caller& caller, const Params& params) {
  (void)console.store().delete_record("notice", params.at("id"), std::nullopt,
                                      caller.session->user.name, console.now());
  return redirect("/notices?deleted=1");
}

}  // namespace hb::console
