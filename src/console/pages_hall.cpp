// 大厅信息与服务承诺: the hall's name and its phones, commitments and links
// as a form with a table per kind of row (hall_form.h decides).
#include "console/hall_form.h"
#include "console/pages.h"
#include "console/row_pages.h"

namespace hb::console {

namespace {

void hall_fields(Html& h, const FormValues& values, const std::vector<FieldProblem>& problems) {
  form_field(h, {"name", "大厅名称", form_value(values, "name"), "text", field_message(problems, "name"),
                 "每块屏幕顶部的标题", true});
  form_field(h, {"subtitle", "副标题", form_value(values, "subtitle"), "text", field_message(problems, "subtitle")});
  form_field(h, {"logo", "标志图片", form_value(values, "logo"), "text", field_message(problems, "logo"),
                 "图片文件的地址，如 assets/logo.png；可不填"});
  h.el("h2", "电话").el("p", {{"class", "muted"}}, "显示在滚动字幕和服务承诺页。清空号码即删除该行。");
  row_table(h, "phone",
            {{"kind", "类型", {{"consult", "咨询电话"}, {"supervise", "监督电话"}, {"complaint", "投诉电话"}}},
             {"number", "号码"}},
            values, problems);
  h.el("h2", "服务承诺").el("p", {{"class", "muted"}}, "由“服务承诺”页显示。清空标题和内容即删除该行。");
  row_table(h, "commitment", {{"title", "标题", {}, ""}, {"text", "内容", {}, "area"}}, values, problems);
  h.el("h2", "二维码链接").el("p", {{"class", "muted"}}, "每个链接在屏幕上显示为二维码，说明文字印在下面。清空网址和说明即删除该行。");
  row_table(h, "link",
            {{"kind", "类型", {{"feedback", "评价/意见箱"}, {"online", "网上办事大厅"}}},
             {"url", "网址", {}, "wide"},
             {"text", "说明文字"}},
            values, problems);
}

Response hall_page(Console& console, const Caller& caller, std::int64_t rev, const FormValues& values,
                   const std::vector<FieldProblem>& problems, int status, const std::string& notice) {
  const PageContext ctx = edit_context(console, caller, "/records/hall", notice, status);
  Html h;
  open_edit_form(h, ctx, "/records/hall/hall", rev);
  general_errors(h, problems, shown_fields(problems, {"name", "subtitle", "logo"}, {"phone", "commitment", "link"}));
  hall_fields(h, values, problems);
  h.open("p").el("button", {{"type", "submit"}, {"class", "primary"}}, "保存为草稿").literal(" ");
  h.el("a", {{"href", "/records/hall/hall?xml=1"}, {"class", "button"}}, "以 XML 编辑（高级）").close("p");
  h.close("form");
  return html_page(ctx, "大厅信息与服务承诺", h, status);
}

}  // namespace

Response page_hall(Console& console, const Request& request, const Caller& caller, const Params&) {
  const auto record = console.store().record("hall", "hall");
  if (request.query_value("xml") == "1") {
    return page_record(console, request, caller, {{"kind", "hall"}, {"key", record ? "hall" : "new"}});
  }
  const std::string notice = request.query_value("saved") == "1" ? "已保存为草稿；审核发布后屏幕更新。"
                             : record                             ? ""
                                                                  : "尚未填写大厅信息：填好后保存。";
  return hall_page(console, caller, record ? record->rev : 0, hall_form_values(record ? record->body : ""), {},
                   200, notice);
}

Response page_hall_save(Console& console, const Request& request, const Caller& caller, const Params&) {
  auto form = form_of(request);
  if (form.count("xml")) return page_record_save(console, request, caller, {{"kind", "hall"}, {"key", "hall"}});
  const std::int64_t rev = version_number(form["rev"]).value_or(-1);
  const auto stored = console.store().record("hall", "hall");
  const auto element = hall_from_form(stored ? stored->body : "", form);
  if (!element) return hall_page(console, caller, rev, form, element.error(), 422, "未保存：请改正标红的栏目");
  if (const auto refused = save_form_record(console, caller, "hall", "hall", *element, rev)) {
    return hall_page(console, caller, rev, form, refused->refusal.problems, refused->refusal.status, refused->notice);
  }
  return redirect("/records/hall/hall?saved=1");
}

}  // namespace hb::console
