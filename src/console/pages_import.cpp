// 事项导入: upload the office's list (XLSX, or CSV in UTF-8 or GBK), see a
// dry run (new / changed / unchanged / refused with reasons), then confirm.
#include "console/auth.h"
#include "console/item_import.h"
#include "console/pages.h"

namespace hb::console {

base::Result<ItemImportPlan, Refusal> run_item_import(Console& console, std::string_view bytes,
                                                      bool dry_run, const std::string& user);

namespace {

Html upload_form(const PageContext& ctx) {
  Html h;
  h.open("form", {{"method", "post"}, {"action", "/items/import"}, {"enctype", "multipart/form-data"},
                  {"class", "panel"}});
  csrf_field(h, ctx);
  h.open("div", {{"class", "field"}}).el("label", {{"for", "f-file"}}, "事项清单文件");
  h.empty("input", {{"id", "f-file"}, {"type", "file"}, {"name", "file"}, {"accept", ".xlsx,.csv"}, {"required", ""}});
  h.el("span", {{"class", "hint"}}, "Excel/WPS 的 .xlsx，或 .csv（UTF-8 或 GBK）；不超过 10 MB");
  h.close("div");
  h.el("button", {{"type", "submit"}, {"class", "primary"}}, "检查（不会写入）");
  h.close("form");
  h.el("p", {{"class", "muted"}},
       "按表头名称识别各列（事项编码、事项名称、承诺时限、法定时限、收费标准、申请材料、办理流程……），"
       "表头可以不在第一行；按事项编码与现有事项比对。表格中空着的栏保留原有内容。");
  return h;
}

void plan_table(Html& h, const ItemImportPlan& plan) {
  h.open("div", {{"class", "panel"}});
  h.el("p", "新增 " + std::to_string(plan.added) + " 项，修改 " + std::to_string(plan.changed) +
                " 项，不变 " + std::to_string(plan.unchanged) + " 项，拒绝 " +
                std::to_string(plan.refused.size()) + " 行。");
  if (!plan.refused.empty()) {
    h.literal("<table><tr><th>行号</th><th>拒绝原因</th></tr>");
    for (const auto& r : plan.refused) {
      std::string reasons;
      for (const auto& reason : r.reasons) reasons += (reasons.empty() ? "" : "；") + reason;
      h.open("tr").el("td", std::to_string(r.row)).el("td", reasons).close("tr");
    }
    h.literal("</table>");
  }
  if (!plan.notes.empty()) {
    h.el("h2", "提示（不影响导入）");
    h.open("ul");
    for (const auto& [row, note] : plan.notes) h.el("li", "第 " + std::to_string(row) + " 行：" + note);
    h.close("ul");
  }
  h.close("div");
}

}  // namespace

Response page_import(Console& console, const Request&, const Caller& caller, const Params&) {
  PageContext ctx = page_context(console, caller, "/items");
  return html_page(ctx, "导入事项清单", upload_form(ctx));
}

Response page_import_check(Console& console, const Request& request, const Caller& caller, const Params&) {
  PageContext ctx = page_context(console, caller, "/items");
  Html h = upload_form(ctx);
  const Upload* file = nullptr;
  for (const auto& u : request.uploads) {
    if (u.field == "file") file = &u;
  }
  if (!file || file->content.empty()) {
    ctx.notice = "请选择要导入的文件";
    ctx.notice_is_error = true;
    return html_page(ctx, "导入事项清单", h, 422);
  }
  const std::string& user = caller.session->user.name;
  const auto plan = run_item_import(console, file->content, true, user);
  if (!plan) {
    ctx.notice = "无法导入“" + file->filename + "”：" + plan.error().problems.front().message;
    ctx.notice_is_error = true;
    return html_page(ctx, "导入事项清单", h, plan.error().status);
  }
  h.el("h2", "检查结果：" + file->filename + "（尚未写入）");
  plan_table(h, *plan);
  if (!plan->to_write.empty()) {
    const std::string token = random_token();
    console.uploads().add(token, user, file->content, console.now());
    h.open("form", {{"method", "post"}, {"action", "/items/import/confirm"}});
    csrf_field(h, ctx);
    h.empty("input", {{"type", "hidden"}, {"name", "token"}, {"value", token}});
    h.el("button", {{"type", "submit"}, {"class", "primary"}},
         "确认导入 " + std::to_string(plan->to_write.size()) + " 项到草稿");
    h.close("form");
  }
  return html_page(ctx, "导入事项清单", h);
}

Response page_import_confirm(Console& console, const Request& request, const Caller& caller, const Params&) {
  auto form = form_of(request);
  const std::string& user = caller.session->user.name;
  const auto bytes = console.uploads().take(form["token"], user, console.now());
  PageContext ctx = page_context(console, caller, "/items");
  if (!bytes) {
    ctx.notice = "这次上传已过期或已导入，请重新选择文件";
    ctx.notice_is_error = true;
    return html_page(ctx, "导入事项清单", upload_form(ctx), 410);
  }
  const auto plan = run_item_import(console, *bytes, false, user);
  if (!plan) {
    Html h = upload_form(ctx);
    h.open("ul", {{"class", "errors"}});
    for (const auto& p : plan.error().problems) h.el("li", p.message);
    h.close("ul");
    ctx.notice = "未导入：导入后的内容不符合规则";
    ctx.notice_is_error = true;
    return html_page(ctx, "导入事项清单", h, plan.error().status);
  }
  ctx.notice = "已导入到草稿：新增 " + std::to_string(plan->added) + " 项，修改 " +
               std::to_string(plan->changed) + " 项；审核发布后屏幕更新。";
  Html h;
  plan_table(h, *plan);
  h.open("p").el("a", {{"href", "/items"}, {"class", "button"}}, "查看事项").close("p");
  return html_page(ctx, "导入事项清单", h, 201);
}

}  // namespace hb::console
