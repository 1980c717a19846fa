// 审核发布, 版本 and 审计日志: what publishing would change, section by
// section; the versions with one-click republishing; the audit log.
#include "console/auth.h"
#include "console/draft_diff.h"
#include "console/feed_records.h"
#include "console/pages.h"

namespace hb::console {

namespace {

bool may_publish(const Caller& caller) {
  return caller.session && caller.session->user.role != store::Role::editor;
}

std::vector<store::Record> published_records(Console& console) {
  std::vector<store::Record> out;
  const auto latest = console.store().latest_version();
  if (!latest || !*latest) return out;
  const auto feeds = console.store().version_feeds((*latest)->number);
  if (!feeds) return out;
  for (const auto& f : *feeds) {
    for (auto& r : records_from_feed(f.bytes, [](const std::string&) { return std::string(); }, nullptr)) {
      out.push_back(std::move(r));
    }
  }
  return out;
}

void change_list(Html& h, const char* verb, const std::vector<RecordChange>& changes) {
  if (changes.empty()) return;
  h.open("p").el("strong", std::string(verb) + " " + std::to_string(changes.size()) + " 条：").close("p");
  h.open("ul");
  for (const auto& c : changes) {
    h.open("li").text(c.label);
    if (!c.before.empty() && !c.after.empty()) {
      h.open("details").el("summary", "查看改动");
      h.el("p", "原来：").el("pre", {{"class", "xml"}}, c.before);
      h.el("p", "现在：").el("pre", {{"class", "xml"}}, c.after);
      h.close("details");
    }
    h.close("li");
  }
  h.close("ul");
}

Response publish_page(Console& console, const Caller& caller, const std::vector<std::string>& errors,
                      int status) {
  PageContext ctx = page_context(console, caller, "/publish");
  const auto drafts_records = console.store().all_records();
  if (!drafts_records) return json_error(500, drafts_records.error().message);
  const auto drafts = current_drafts(console);
  if (!drafts) return drafts.error();
  Html h;
  auto lint = error_lines((*drafts)->findings);
  lint.insert(lint.end(), errors.begin(), errors.end());
  if (!lint.empty()) {
    h.el("h2", "必须先改正的问题（改正前不能发布）");
    h.open("ul", {{"class", "errors"}});
    for (const auto& l : lint) h.el("li", l);
    h.close("ul");
  }
  const auto diff = diff_records(published_records(console), *drafts_records);
  bool any = false;
  h.el("h2", "与当前发布版本相比");
  for (const auto& k : diff) {
    if (k.empty()) continue;
    any = true;
    h.open("div", {{"class", "panel"}}).el("h2", k.kind_label);
    change_list(h, "新增", k.added);
    change_list(h, "修改", k.changed);
    change_list(h, "删除", k.removed);
    h.close("div");
  }
  if (!any) h.el("p", {{"class", "muted"}}, "草稿与当前发布版本相同，没有需要发布的改动。");
  if (may_publish(caller)) {
    h.open("form", {{"method", "post"}, {"action", "/publish"},
                    {"data-confirm", "确认发布？发布后所有屏幕将在下次更新时显示新内容。"}});
    csrf_field(h, ctx);
    h.el("button", {{"type", "submit"}, {"class", "primary"}}, "审核通过并发布");
    h.close("form");
  } else {
    h.el("p", {{"class", "warning"}}, "发布需要审核人员操作：请通知审核人员登录后发布。");
  }
  return html_page(ctx, "审核发布", h, status);
}

}  // namespace

Response page_publish(Console& console, const Request&, const Caller& caller, const Params&) {
  return publish_page(console, caller, {}, 200);
}

Response page_publish_post(Console& console, const Request&, const Caller& caller, const Params&) {
  const auto published = publish_drafts(console, caller.session->user.name);
  if (!published) return publish_page(console, caller, published.error().messages, 422);
  return redirect("/versions?published=" + std::to_string(published->version.number));
}

Response page_versions(Console& console, const Request& request, const Caller& caller, const Params&) {
  PageContext ctx = page_context(console, caller, "/versions");
  if (!request.query_value("published").empty()) {
    ctx.notice = "已发布第 " + request.query_value("published") + " 版；屏幕将在下次更新时显示。";
  }
  const auto versions = console.store().versions();
  if (!versions) return json_error(500, versions.error().message);
  const int offset = console.utc_offset_minutes();
  Html h;
  h.literal("<table><tr><th>版本</th><th>发布时间</th><th>发布人</th><th>说明</th><th></th></tr>");
  bool newest = true;
  for (const auto& v : *versions) {
    h.open("tr").el("td", "第 " + std::to_string(v.number) + " 版");
    h.el("td", model::to_iso_string(v.published_at, offset).substr(0, 19)).el("td", v.by);
    h.el("td", v.source ? "重新发布第 " + std::to_string(*v.source) + " 版" : (newest ? "当前版本" : ""));
    h.open("td");
    if (may_publish(caller) && !newest) {
      h.open("form", {{"method", "post"}, {"action", "/versions/" + std::to_string(v.number) + "/republish"},
                      {"class", "inline"},
                      {"data-confirm", "把第 " + std::to_string(v.number) + " 版重新发布为最新版本？未发布的草稿改动将被替换（审计日志中可查）。"}});
      csrf_field(h, ctx);
      h.el("button", {{"type", "submit"}}, "回滚到此版本");
      h.close("form");
    }
    h.close("td").close("tr");
    newest = false;
  }
  h.literal("</table>");
  return html_page(ctx, "版本", h);
}

Response page_republish(Console& console, const Request& request, const Caller& caller,
                        const Params& params) {
  const auto number = version_number(params.at("n"));
  if (!number) return page_refusal(404, "没有这个版本", request.path);
  const auto published = republish_version(console, *number, caller.session->user.name);
  if (!published) {
    std::string message;
    for (const auto& m : published.error().messages) message += m + "\n";
    return page_refusal(422, message, request.path);
  }
  return redirect("/versions?published=" + std::to_string(published->version.number));
}

Response page_audit(Console& console, const Request& request, const Caller& caller, const Params&) {
  PageContext ctx = page_context(console, caller, "/audit");
  std::int64_t before = std::int64_t{1} << 62;
  if (const auto n = version_number(request.query_value("before"))) before = *n;
  const auto log = console.store().audit_log(before, 100);
  if (!log) return json_error(500, log.error().message);
  const int offset = console.utc_offset_minutes();
  Html h;
  h.el("p", {{"class", "muted"}}, "每一次修改、发布和登录都记录在这里，任何人都不能修改或删除。");
  h.literal("<table><tr><th>时间</th><th>用户</th><th>操作</th><th>栏目</th><th>记录</th><th>前后内容</th></tr>");
  for (const auto& e : *log) {
    h.open("tr").el("td", model::to_iso_string(e.at, offset).substr(0, 19)).el("td", e.user);
    h.el("td", e.action).el("td", kind_label(e.kind)).el("td", e.key).open("td");
    if (e.before || e.after) {
      h.open("details").el("summary", "查看");
      if (e.before) h.el("p", "之前：").el("pre", {{"class", "xml"}}, *e.before);
      if (e.after) h.el("p", "之后：").el("pre", {{"class", "xml"}}, *e.after);
      h.close("details");
    }
    h.close("td").close("tr");
  }
  h.literal("</table>");
  if (log->size() == 100) {
    h.open("p").el("a", {{"href", "/audit?before=" + std::to_string(log->back().id)}}, "更早的记录").close("p");
  }
  return html_page(ctx, "审计日志", h);
}

Response page_users(Console& console, const Request&, const Caller& caller, const Params&) {
  PageContext ctx = page_context(console, caller, "/users");
  const auto users = console.store().users();
  if (!users) return json_error(500, users.error().message);
  Html h;
  h.literal("<table><tr><th>用户名</th><th>角色</th></tr>");
  for (const auto& u : *users) h.open("tr").el("td", u.name).el("td", store::role_name(u.role)).close("tr");
  h.literal("</table>");
  h.el("h2", "添加用户");
  h.open("form", {{"method", "post"}, {"action", "/users"}, {"class", "panel"}});
  csrf_field(h, ctx);
  form_field(h, {"name", "用户名", "", "text", "", "字母、数字或汉字，不含空格", true});
  select_field(h, "role", "角色", {{"editor", "编辑（修改草稿）"}, {"approver", "审核（也可发布、回滚）"}, {"admin", "管理员（也可管理用户和屏幕）"}}, "editor", "");
  h.el("button", {{"type", "submit"}, {"class", "primary"}}, "添加");
  h.close("form");
  return html_page(ctx, "用户", h);
}

Response page_user_add(Console& console, const Request& request, const Caller& caller, const Params&) {
  auto form = form_of(request);
  PageContext ctx = page_context(console, caller, "/users");
  const auto role = store::role_from_name(form["role"]);
  const std::string name = form["name"];
  if (!role || !usable_name(name)) return page_refusal(422, "用户名不可用（1-64 字节，不含空格、引号和 <>&）", request.path);
  const std::string password = random_password();
  const auto hash = hash_password(password);
  if (!hash) return page_refusal(500, "无法生成密码", request.path);
  const auto added = console.store().add_user(name, *role, *hash, console.now());
  if (!added) return page_refusal(409, added.error().message, request.path);
  (void)console.store().audit({0, console.now(), caller.session->user.name, "create", "user", name, {}, store::role_name(*role)});
  Html h;
  h.el("p", "用户“" + name + "”已添加。初始密码只显示这一次，请抄下后交给本人：");
  h.el("p", {{"class", "panel"}}, password);
  h.open("p").el("a", {{"href", "/users"}}, "返回用户列表").close("p");
  return html_page(ctx, "用户已添加", h);
}

}  // namespace hb::console
