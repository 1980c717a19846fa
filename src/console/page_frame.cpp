#include "console/page_frame.h"

#include <vector>

#include "console/handlers.h"
#include "console/http.h"
#include "console/feed_records.h"

namespace hb::console {

namespace {

struct NavEntry {
  const char* path;
  const char* label;
  store::Role least;
};

const std::vector<NavEntry>& navigation() {
  using R = store::Role;
  static const std::vector<NavEntry> entries = {
      {"/", "今日在岗", R::editor},          {"/absences", "请假与补岗", R::editor},
      {"/notices", "公告", R::editor},       {"/items", "事项", R::editor},
      {"/records/result", "办理结果", R::editor}, {"/records/stats", "月度统计", R::editor},
      {"/records/pledge", "党员承诺", R::editor}, {"/records/hall", "大厅与服务承诺", R::editor},
      {"/records/calendar", "日历", R::editor},   {"/records/window", "窗口", R::editor},
      {"/records/staff", "人员", R::editor},      {"/records/playlist", "播放列表", R::editor},
      {"/preview", "预览", R::editor},        {"/publish", "审核发布", R::editor},
      {"/versions", "版本", R::editor},       {"/reports/plays", "播放统计", R::editor},
      {"/audit", "审计日志", R::admin},
      {"/users", "用户", R::admin},          {"/screens", "屏幕", R::admin},
  };
  return entries;
}

const char* role_label(store::Role r) {
  switch (r) {
    case store::Role::editor: return "编辑";
    case store::Role::approver: return "审核";
    case store::Role::admin: return "管理员";
  }
  return "";
}

}  // namespace

PageContext page_context(Console& console, const Caller& caller, const std::string& active) {
  PageContext c;
  c.session = caller.session ? &*caller.session : nullptr;
  c.active = active;
  if (auto hall = console.store().record("hall", "hall")) {
    c.hall_name = record_attribute(*hall, "name");
  }
  return c;
}

Response redirect(const std::string& location) {
  Response r;
  r.status = 303;
  r.set_header("Location", location);
  return r;
}

void csrf_field(Html& h, const PageContext& context) {
  if (context.session) h.empty("input", {{"type", "hidden"}, {"name", "csrf"}, {"value", context.session->csrf}});
}

void form_field(Html& h, const FieldView& f) {
  h.open("div", {{"class", f.error.empty() ? "field" : "field has-error"}});
  h.el("label", {{"for", std::string("f-") + f.name}}, f.label);
  const std::string id = std::string("f-") + f.name;
  if (std::string_view(f.type) == "textarea") {
    h.open("textarea", {{"id", id}, {"name", f.name}, {"rows", "4"}});
    h.text(f.value);
    h.close("textarea");
  } else if (f.required) {
    h.empty("input", {{"id", id}, {"name", f.name}, {"type", f.type}, {"value", f.value}, {"required", ""}});
  } else {
    h.empty("input", {{"id", id}, {"name", f.name}, {"type", f.type}, {"value", f.value}});
  }
  if (*f.hint) h.el("span", {{"class", "hint"}}, f.hint);
  if (!f.error.empty()) h.el("span", {{"class", "error"}, {"role", "alert"}}, f.error);
  h.close("div");
}

void select_field(Html& h, const char* name, const char* label, const Options& options,
                  const std::string& selected, const std::string& error, const char* hint) {
  const std::string id = std::string("f-") + name;
  h.open("div", {{"class", error.empty() ? "field" : "field has-error"}});
  h.el("label", {{"for", id}}, label);
  h.open("select", {{"id", id}, {"name", name}});
  for (const auto& [value, text] : options) {
    if (value == selected) {
      h.open("option", {{"value", value}, {"selected", ""}});
    } else {
      h.open("option", {{"value", value}});
    }
    h.text(text).close("option");
  }
  h.close("select");
  if (*hint) h.el("span", {{"class", "hint"}}, hint);
  if (!error.empty()) h.el("span", {{"class", "error"}, {"role", "alert"}}, error);
  h.close("div");
}

Response html_page(const PageContext& c, const std::string& title, const Html& body, int status) {
  Html h;
  h.literal("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">");
  h.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  h.el("title", title + (c.hall_name.empty() ? "" : " - " + c.hall_name) + " - 内容管理后台");
  h.empty("link", {{"rel", "stylesheet"}, {"href", "/static/console.css"}});
  h.literal("<script src=\"/static/console.js\" defer></script></head><body>");
  h.open("header", {{"class", "top"}});
  h.el("span", {{"class", "hall"}}, c.hall_name.empty() ? "政务服务大厅" : c.hall_name);
  h.el("span", {{"class", "app"}}, "内容管理后台");
  if (c.session) {
    h.open("form", {{"method", "post"}, {"action", "/logout"}, {"class", "logout"}});
    csrf_field(h, c);
    h.el("span", {{"class", "user"}}, c.session->user.name + "（" + role_label(c.session->user.role) + "）");
    h.el("button", {{"type", "submit"}}, "退出");
    h.close("form");
  }
  h.close("header");
  h.open("div", {{"class", "frame"}});
  if (c.session) {
    h.open("nav");
    for (const NavEntry& e : navigation()) {
      if (role_rank(c.session->user.role) < role_rank(e.least)) continue;
      const bool active = c.active == e.path;
      h.el("a", {{"href", e.path}, {"class", active ? "active" : ""}}, e.label);
    }
    h.close("nav");
  }
  h.open("main");
  h.el("h1", title);
  if (!c.notice.empty()) {
    h.el("p", {{"class", c.notice_is_error ? "flash error" : "flash"}, {"role", "status"}}, c.notice);
  }
  h.append(body);
  h.close("main").close("div");
  h.literal("</body></html>\n");
  Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = h.str();
  r.set_header("Cache-Control", "no-store");
  return r;
}

std::string field_message(const std::vector<FieldProblem>& problems, std::string_view field) {
  std::string out;
  for (const FieldProblem& p : problems) {
    if (p.field == field) out += (out.empty() ? "" : "；") + p.message;
  }
  return out;
}

void general_errors(Html& h, const std::vector<FieldProblem>& problems,
                    const std::set<std::string>& shown) {
  bool any = false;
  for (const FieldProblem& p : problems) {
    if (shown.count(p.field)) continue;
    if (!any) h.open("ul", {{"class", "errors"}, {"role", "alert"}});
    any = true;
    h.el("li", p.message);
  }
  if (any) h.close("ul");
}

std::vector<FieldProblem> renamed(std::vector<FieldProblem> problems,
                                  const std::map<std::string, std::string>& names) {
  for (FieldProblem& p : problems) {
    if (const auto it = names.find(p.field); it != names.end()) p.field = it->second;
  }
  return problems;
}

std::string shown_time(const std::string& iso) {
  if (iso.size() < 16 || iso[10] != 'T') return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

Response page_refusal(int status, const std::string& message, const std::string& path) {
  if (status == 401) return redirect("/login?next=" + url_encode(path));
  PageContext c;
  Html body;
  body.el("p", message);
  body.open("p").el("a", {{"href", "/"}}, "返回首页").close("p");
  return html_page(c, status == 403 ? "无权操作" : "出错了", body, status);
}

Options window_choices(Console& console, const std::string& none, bool with_service) {
  Options out{{"", none}};
  if (const auto drafts = current_drafts(console)) {
    for (const auto& w : (*drafts)->content.roster.windows) {
      const std::string name = w.name.empty() ? w.id : w.name;
      out.emplace_back(w.id, with_service && !w.service.empty() ? name + "（" + w.service + "）" : name);
    }
  }
  return out;
}

PageContext edit_context(Console& console, const Caller& caller, const std::string& active,
                         const std::string& notice, int status) {
  PageContext ctx = page_context(console, caller, active);
  ctx.notice = notice;
  ctx.notice_is_error = status >= 400;
  return ctx;
}

void open_edit_form(Html& h, const PageContext& context, const std::string& action, std::int64_t rev,
                    bool multipart) {
  if (multipart) {
    h.open("form", {{"method", "post"}, {"action", action}, {"enctype", "multipart/form-data"}, {"class", "panel"}});
  } else {
    h.open("form", {{"method", "post"}, {"action", action}, {"class", "panel"}});
  }
  csrf_field(h, context);
  h.empty("input", {{"type", "hidden"}, {"name", "rev"}, {"value", std::to_string(rev)}});
}

}  // namespace hb::console
