// 今日在岗, the start page: who is at each window now and at the next
// morning's opening, and why (A角, B角, 补岗, 暂停服务) — computed by the
// same schedule code the screens and `hallboard plan` use — and what
// needs attention.
#include "console/pages.h"
#include "schedule/calendar.h"
#include "console/absence_rules.h"
#include "schedule/duty.h"
#include "schedule/local_time.h"

namespace hb::console {

namespace {

std::string staff_name(const model::Content& c, const std::string& id) {
  for (const auto& s : c.roster.staff) {
    if (s.id == id) return s.name;
  }
  return id;
}

// Why the window has whom it has: the absent post-holders, in words.
std::string why(const model::Content& c, const model::Window& w, model::UnixSeconds t, int offset) {
  std::string out;
  for (const model::Post& p : w.posts) {
    if (!schedule::is_absent(c.roster, p.staff, t, offset)) continue;
    if (!out.empty()) out += "，";
    out += (p.role == model::Role::a ? "A角" : "B角") + staff_name(c, p.staff) + "请假";
  }
  return out;
}

void duty_table(Html& h, const model::Content& c, const model::Calendar& calendar,
                model::UnixSeconds t, int offset) {
  h.literal("<table><tr><th>窗口</th><th>办理业务</th><th>在岗人员</th><th>身份</th><th>说明</th></tr>");
  for (const model::Window& w : c.roster.windows) {
    const auto duty = schedule::duty_at(c.roster, w, t, offset);
    h.open("tr").el("td", w.name.empty() ? w.id : w.name).el("td", w.service);
    if (duty.staff) {
      const char* css = duty.role == schedule::DutyRole::a ? "tag a"
                        : duty.role == schedule::DutyRole::b ? "tag b" : "tag sub";
      h.el("td", duty.staff->name);
      h.open("td").el("span", {{"class", css}}, schedule::role_label(duty.role)).close("td");
    } else {
      h.el("td", "—");
      h.open("td").el("span", {{"class", "tag off"}}, "暂停服务").close("td");
    }
    h.el("td", why(c, w, t, offset)).close("tr");
  }
  h.literal("</table>");
  (void)calendar;
}

model::UnixSeconds start_of_next_day(model::UnixSeconds t, int offset) {
  return schedule::from_local(model::add_days(schedule::to_local(t, offset).date, 1), 0, offset);
}

void warnings(Html& h, const ReadContent& drafts, const model::Content& c, model::UnixSeconds now,
              int offset) {
  std::vector<std::string> lines = error_lines(drafts.findings);
  // Absences still running that 第九条 wants covered and that name no 补岗
  // (imported ones: the console's own rule binds only what it saves).
  const model::Calendar calendar = c.calendar.value_or(model::default_calendar());
  for (const auto& a : c.roster.absences) {
    const auto from = model::to_unix(a.from, offset), to = model::to_unix(a.to, offset);
    if (!a.substitute.empty() || to <= now || working_days_touched(calendar, from, to, offset) < 2) continue;
    lines.push_back(staff_name(c, a.staff) + " " + shown_time(model::to_iso_string(from, offset)) + " 至 " +
                    shown_time(model::to_iso_string(to, offset)) + " 请假，跨两个及以上工作日，未安排补岗（第九条）");
  }
  for (const model::Notice& n : c.notices) {
    if (!n.to) continue;
    const auto end = model::to_unix(*n.to, offset);
    if (end > now && end - now <= 24 * 3600) {
      lines.push_back("公告即将到期（" + model::to_iso_string(end, offset).substr(0, 16) + "）：" +
                      n.text.substr(0, 60));
    }
  }
  if (lines.empty()) {
    h.el("p", {{"class", "muted"}}, "没有需要处理的提醒。");
    return;
  }
  h.open("ul", {{"class", "warning"}});
  for (const auto& l : lines) h.el("li", l);
  h.close("ul");
}

}  // namespace

Response page_home(Console& console, const Request&, const Caller& caller, const Params&) {
  PageContext ctx = page_context(console, caller, "/");
  const auto drafts = current_drafts(console);
  if (!drafts) return drafts.error();
  const model::Content& c = (*drafts)->content;
  const model::Calendar calendar = c.calendar.value_or(model::default_calendar());
  const int offset = console.utc_offset_minutes();
  const auto now = console.now();
  Html h;
  h.el("h2", "需要处理");
  warnings(h, **drafts, c, now, offset);
  const bool open = schedule::is_open(calendar, now, offset);
  h.el("h2", "现在（" + shown_time(model::to_iso_string(now, offset)) + "，" +
                 (open ? "办公时间" : "非办公时间") + "）");
  duty_table(h, c, calendar, now, offset);
  if (const auto next = schedule::next_opening(calendar, start_of_next_day(now, offset), offset)) {
    h.el("h2", "下一个工作日开门时（" + shown_time(model::to_iso_string(*next, offset)) + "）");
    duty_table(h, c, calendar, *next, offset);
  }
  h.el("p", {{"class", "muted"}},
       "按草稿计算，与 hallboard plan 的结果一致；草稿经审核发布后屏幕才会显示。");
  return html_page(ctx, "今日在岗", h);
}

}  // namespace hb::console
