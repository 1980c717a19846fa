// 请假与补岗: record an absence in a few clicks. The form is checked (the
// 第九条 rule included) and its effect on each window is shown before
// anything is saved; saving checks everything again.
#include "console/auth.h"
#include "console/feed_records.h"
#include "console/pages.h"
#include "console/record_elements.h"
#include "feed/text.h"
#include "feed/values.h"
#include "schedule/calendar.h"
#include "schedule/duty.h"

namespace hb::console {

namespace {

struct AbsenceForm {
  std::map<std::string, std::string> f;
  std::string get(const char* name) const {
    const auto it = f.find(name);
    return it == f.end() ? "" : feed::trim(it->second);
  }
};

// The form's dates and mode as feed timestamps (in the hall's zone).
AbsenceInput absence_input(const AbsenceForm& form) {
  const std::string mode = form.get("mode");
  const std::string from_date = form.get("from_date");
  std::string to_date = form.get("to_date");
  if (to_date.empty()) to_date = from_date;
  const auto day_after = [](const std::string& date) {
    const auto d = feed::parse_date(date);
    return d ? model::to_string(model::add_days(*d, 1)) : date + "+1";
  };
  AbsenceInput in;
  in.staff = form.get("staff");
  in.reason = feed::normalize_line(form.get("reason"));
  in.substitute = form.get("substitute");
  if (mode == "am") {
    in.from = from_date + "T00:00";
    in.to = from_date + "T12:00";
  } else if (mode == "pm") {
    in.from = from_date + "T12:00";
    in.to = day_after(from_date) + "T00:00";
  } else if (mode == "hours") {
    in.from = from_date + "T" + form.get("from_time");
    in.to = to_date + "T" + form.get("to_time");
  } else {
    in.from = from_date + "T00:00";
    in.to = day_after(to_date) + "T00:00";
  }
  return in;
}

Options staff_options(const model::Content& c, const char* none) {
  Options out;
  if (none) out.emplace_back("", none);
  for (const auto& s : c.roster.staff) {
    std::string windows;
    for (const auto& w : c.roster.windows) {
      for (const auto& p : w.posts) {
        if (p.staff == s.id) windows += (windows.empty() ? "" : "、") + (w.name.empty() ? w.id : w.name);
      }
    }
    out.emplace_back(s.id, s.name + "（" + s.id + (windows.empty() ? "" : "，" + windows) + "）");
  }
  return out;
}

// Staff free for the whole of [from, to): the substitutes one may choose.
Options free_staff(const model::Content& c, model::UnixSeconds from, model::UnixSeconds to,
                   int offset, const std::string& absent) {
  Options out{{"", "（不安排补岗）"}};
  for (const auto& [id, label] : staff_options(c, nullptr)) {
    bool busy = id == absent;
    for (const auto& a : c.roster.absences) {
      if (a.staff == id && model::to_unix(a.from, offset) < to && from < model::to_unix(a.to, offset)) busy = true;
    }
    if (!busy) out.emplace_back(id, label);
  }
  return out;
}

void absence_form(Html& h, const PageContext& ctx, const model::Content& c, const AbsenceForm& form,
                  const std::vector<FieldProblem>& problems, const Options& substitutes) {
  h.open("form", {{"method", "post"}, {"action", "/absences/check"}, {"class", "panel"}});
  csrf_field(h, ctx);
  // The absence's own names (the API's and lint's); from and to are shown at the dates.
  general_errors(h, problems, {"staff", "from", "to", "reason", "substitute"});
  select_field(h, "staff", "请假人员", staff_options(c, "请选择…"), form.get("staff"),
               field_message(problems, "staff"));
  select_field(h, "mode", "请假方式",
               {{"day", "整天（可跨多天）"}, {"am", "上午半天"}, {"pm", "下午半天"}, {"hours", "按小时"}},
               form.get("mode"), "");
  h.open("div", {{"class", "row"}});
  form_field(h, {"from_date", "开始日期", form.get("from_date"), "date", field_message(problems, "from"), "", true});
  form_field(h, {"to_date", "结束日期", form.get("to_date"), "date", field_message(problems, "to"), "整天或按小时时填写；当天可不填"});
  h.close("div").open("div", {{"class", "row"}});
  form_field(h, {"from_time", "开始时间", form.get("from_time"), "time", "", "按小时时填写"});
  form_field(h, {"to_time", "结束时间", form.get("to_time"), "time", "", ""});
  h.close("div");
  form_field(h, {"reason", "事由", form.get("reason"), "text", field_message(problems, "reason"),
                 "只在后台显示，不上屏"});
  select_field(h, "substitute", "补岗人员", substitutes, form.get("substitute"),
               field_message(problems, "substitute"), "跨两个及以上工作日须安排补岗（第九条）");
  h.el("button", {{"type", "submit"}}, "检查并预览影响");
  h.close("form");
}

void absences_table(Html& h, const PageContext& ctx, const std::vector<store::Record>& records,
                    const model::Content& c, model::UnixSeconds now, int offset) {
  h.literal("<table><tr><th>人员</th><th>开始</th><th>结束</th><th>事由</th><th>补岗</th><th></th></tr>");
  const auto name_of = [&](const std::string& id) {
    for (const auto& s : c.roster.staff) {
      if (s.id == id) return s.name + "（" + id + "）";
    }
    return id;
  };
  int shown = 0;
  for (const auto& r : records) {
    const std::string to = record_attribute(r, "to");
    const auto end = feed::parse_timestamp(to);
    if (end && model::to_unix(*end, offset) < now - 7 * 86400) continue;  // long past
    ++shown;
    const std::string sub = record_attribute(r, "substitute");
    h.open("tr").el("td", name_of(record_attribute(r, "staff")));
    h.el("td", shown_time(record_attribute(r, "from"))).el("td", shown_time(to));
    h.el("td", record_attribute(r, "reason"));
    h.el("td", sub.empty() ? "—" : name_of(sub));
    h.open("td");
    h.open("form", {{"method", "post"}, {"action", "/absences/" + r.key + "/delete"}, {"class", "inline"},
                    {"data-confirm", "确定删除这条请假记录？"}});
    csrf_field(h, ctx);
    h.el("button", {{"type", "submit"}, {"class", "danger"}}, "删除");
    h.close("form").close("td").close("tr");
  }
  h.literal("</table>");
  if (shown == 0) h.el("p", {{"class", "muted"}}, "近期没有请假记录。");
}

// Who each window has on every working day of the absence (at opening),
// with the new absence counted: the effect, before saving.
void effect_table(Html& h, model::Content c, const AbsenceInput& in, model::UnixSeconds from,
                  model::UnixSeconds to, int offset) {
  model::Absence a;
  a.staff = in.staff;
  a.from = *feed::parse_timestamp(in.from);
  a.to = *feed::parse_timestamp(in.to);
  a.substitute = in.substitute;
  c.roster.absences.push_back(a);
  const model::Calendar calendar = c.calendar.value_or(model::default_calendar());
  std::vector<model::UnixSeconds> moments;
  auto t = schedule::next_opening(calendar, from, offset);
  while (t && *t < to && moments.size() < 10) {
    moments.push_back(*t);
    t = schedule::next_opening(calendar, *t + 12 * 3600, offset);
  }
  if (moments.empty()) {
    h.el("p", {{"class", "muted"}}, "这段时间大厅不开放，对窗口没有影响。");
    return;
  }
  h.literal("<table><tr><th>窗口</th>");
  for (const auto m : moments) h.el("th", shown_time(model::to_iso_string(m, offset)).substr(5));
  h.literal("</tr>");
  for (const auto& w : c.roster.windows) {
    bool involved = false;
    for (const auto& p : w.posts) involved = involved || p.staff == in.staff;
    if (!involved) continue;
    h.open("tr").el("td", w.name.empty() ? w.id : w.name);
    for (const auto m : moments) {
      const auto d = schedule::duty_at(c.roster, w, m, offset);
      if (d.staff) {
        h.el("td", d.staff->name + "（" + schedule::role_label(d.role) + "）");
      } else {
        h.open("td").el("span", {{"class", "tag off"}}, "暂停服务").close("td");
      }
    }
    h.close("tr");
  }
  h.literal("</table>");
}

Response absences_page(Console& console, const Caller& caller, const AbsenceForm& form,
                       const std::vector<FieldProblem>& problems, bool checked, int status,
                       const std::string& notice) {
  PageContext ctx = page_context(console, caller, "/absences");
  ctx.notice = notice;
  const auto drafts = current_drafts(console);
  if (!drafts) return drafts.error();
  auto records = console.store().records("absence");
  if (!records) return json_error(500, records.error().message);
  // Soonest first, as people plan.
  std::stable_sort(records->begin(), records->end(), [](const auto& a, const auto& b) {
    return record_attribute(a, "from") < record_attribute(b, "from");
  });
  const int offset = console.utc_offset_minutes();
  const AbsenceInput in = absence_input(form);
  const auto from = feed::parse_timestamp(in.from);
  const auto to = feed::parse_timestamp(in.to);
  const bool times_ok = checked && from && to &&
                        model::to_unix(*to, offset) > model::to_unix(*from, offset);
  Options substitutes = times_ok ? free_staff((*drafts)->content, model::to_unix(*from, offset),
                                              model::to_unix(*to, offset), offset, in.staff)
                                 : staff_options((*drafts)->content, "（不安排补岗）");
  Html h;
  h.el("h2", "登记请假");
  absence_form(h, ctx, (*drafts)->content, form, problems, substitutes);
  if (checked && problems.empty() && times_ok) {
    h.open("div", {{"class", "panel"}});
    h.el("h2", "对窗口的影响（保存前预览）");
    effect_table(h, (*drafts)->content, in, model::to_unix(*from, offset), model::to_unix(*to, offset), offset);
    h.open("form", {{"method", "post"}, {"action", "/absences"}});
    csrf_field(h, ctx);
    for (const auto& [name, value] : form.f) {
      if (name != "csrf") h.empty("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
    }
    h.el("button", {{"type", "submit"}, {"class", "primary"}}, "确认保存");
    h.close("form").close("div");
  }
  h.el("h2", "近期请假");
  absences_table(h, ctx, *records, (*drafts)->content, console.now(), offset);
  return html_page(ctx, "请假与补岗", h, status);
}

}  // namespace

Response page_absences(Console& console, const Request& request, const Caller& caller,
                       const Params&) {
  AbsenceForm form;
  form.f["mode"] = "day";
  const std::string notice = request.query_value("saved") == "1"     ? "已保存为草稿；审核发布后屏幕更新。"
                             : request.query_value("deleted") == "1" ? "已删除。"
                                                                      : "";
  return absences_page(console, caller, form, {}, false, 200, notice);
}

Response page_absence_check(Console& console, const Request& request, const Caller& caller,
                            const Params&) {
  const AbsenceForm form{form_of(request)};
  const auto drafts = current_drafts(console);
  if (!drafts) return drafts.error();
  const auto problems = absence_problems((*drafts)->content, absence_input(form), console.utc_offset_minutes());
  return absences_page(console, caller, form, problems, true, problems.empty() ? 200 : 422, "");
}

Response page_absence_save(Console& console, const Request& request, const Caller& caller,
                           const Params&) {
  const AbsenceForm form{form_of(request)};
  std::lock_guard writing(console.drafts_write_mutex());  // checked and saved as one step
  const auto drafts = current_drafts(console);
  if (!drafts) return drafts.error();
  const int offset = console.utc_offset_minutes();
  const AbsenceInput in = absence_input(form);
  const auto problems = absence_problems((*drafts)->content, in, offset);
  if (!problems.empty()) return absences_page(console, caller, form, problems, true, 422, "");
  store::Record record;
  record.kind = "absence";
  record.key = random_key("a");
  record.body = absence_element(
      {in.staff, feed_time(model::to_unix(*feed::parse_timestamp(in.from), offset), offset),
       feed_time(model::to_unix(*feed::parse_timestamp(in.to), offset), offset), in.reason,
       in.substitute});
  auto stored = put_checked_record(console, record, 0, caller.session->user.name);
  if (!stored) return absences_page(console, caller, form, stored.error().problems, true, 422, "");
  return redirect("/absences?saved=1");
}

Response page_absence_delete(Console& console, const Request&, const Caller& caller,
                             const Params& params) {
  (void)console.store().delete_record("absence", params.at("id"), std::nullopt,
                                      caller.session->user.name, console.now());
  return redirect("/absences?deleted=1");
}

}  // namespace hb::console
