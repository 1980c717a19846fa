// 日历: opening hours, holidays and 调休 as lines of a form (calendar_form.h).
#include "console/calendar_form.h"
#include "console/feed_records.h"
#include "console/pages.h"
#include "feed/feed.h"
#include "feed/write_feed.h"

namespace hb::console {

namespace {

std::optional<model::Calendar> calendar_of(const store::Record& record) {
  for (const auto& draft : feeds_from_records({record}, "")) {
    if (draft.name != "hall.xml") continue;
    model::Diagnostics ignored;
    const auto feed = feed::parse_feed(draft.bytes(""), "hall.xml", ignored);
    if (feed && feed->calendar) return feed->calendar;
  }
  return std::nullopt;
}

Response calendar_page(Console& console, const Caller& caller, std::int64_t rev,
                       std::map<std::string, std::string> values,
                       const std::vector<FieldProblem>& problems, int status, const std::string& notice) {
  const PageContext ctx = edit_context(console, caller, "/records/calendar", notice, status);
  Html h;
  open_edit_form(h, ctx, "/records/calendar/calendar", rev);
  general_errors(h, problems, {"hours", "holidays", "workdays"});
  form_field(h, {"hours", "开放时间（每行一段）", values["hours"], "textarea", field_message(problems, "hours"),
                 "如 mon-fri 09:00-12:00；mon 周一 … sun 周日"});
  form_field(h, {"holidays", "节假日（每行一个）", values["holidays"], "textarea", field_message(problems, "holidays"),
                 "如 2026-10-01 2026-10-08 国庆节"});
  form_field(h, {"workdays", "调休上班（每行一天）", values["workdays"], "textarea", field_message(problems, "workdays"),
                 "如 2026-09-28 fri 国庆节调休上班（按周五的开放时间上班）"});
  h.el("button", {{"type", "submit"}, {"class", "primary"}}, "保存为草稿").literal(" ");
  h.el("a", {{"href", "/records/calendar/calendar?xml=1"}, {"class", "button"}}, "以 XML 编辑");
  h.close("form");
  h.el("p", {{"class", "muted"}}, "第九条按这里的工作日计算：开放时间内、且不在节假日的日子；调休上班日也算。");
  return html_page(ctx, "日历", h, status);
}

}  // namespace

Response page_calendar(Console& console, const Request& request, const Caller& caller, const Params&) {
  if (request.query_value("xml") == "1") {
    return page_record(console, request, caller, {{"kind", "calendar"}, {"key", "calendar"}});
  }
  const auto record = console.store().record("calendar", "calendar");
  const auto calendar = record ? calendar_of(*record) : std::nullopt;
  return calendar_page(console, caller, record ? record->rev : 0,
                       calendar_form_values(calendar.value_or(model::default_calendar())), {}, 200,
                       record ? "" : "尚未设置日历：下面是默认的周一至周五 09:00-17:00，保存后生效。");
}

Response page_calendar_save(Console& console, const Request& request, const Caller& caller, const Params&) {
  auto form = form_of(request);
  if (form.count("xml")) return page_record_save(console, request, caller, {{"kind", "calendar"}, {"key", "calendar"}});
  const std::int64_t rev = version_number(form["rev"]).value_or(-1);
  const auto calendar = calendar_from_form(form);
  if (!calendar) return calendar_page(console, caller, rev, form, calendar.error(), 422, "未保存：请改正标红的栏目");
  model::Feed feed;
  feed.calendar = *calendar;
  store::Record record;
  record.kind = "calendar";
  record.key = "calendar";
  record.body = element_of_kind(feed::write_feed(feed), "calendar").value_or("");
  const auto saved = put_checked_record(console, record, rev, caller.session->user.name);
  if (!saved) {
    // Lint names the calendar's children (<hours>, <holiday>, <workday>); the
    // form has a field of lines for each kind.
    const auto problems = renamed(saved.error().problems, {{"holiday", "holidays"}, {"workday", "workdays"}});
    return calendar_page(console, caller, rev, form, problems, saved.error().status,
                         saved.error().status == 409 ? "未保存：别人刚改过日历。您填写的内容仍在下面；请在新窗口打开本页看最新内容，核对后在那里保存。"
                                                     : "未保存：内容不符合规则（见下）");
  }
  return redirect("/records/calendar?saved=1");
}

}  // namespace hb::console
