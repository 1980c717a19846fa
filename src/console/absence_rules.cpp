#include "console/absence_rules.h"

#include <optional>

#include "feed/values.h"
#include "schedule/calendar.h"
#include "schedule/local_time.h"

namespace hb::console {

namespace {

const model::Staff* find_staff(const model::Content& c, const std::string& id) {
  for (const model::Staff& s : c.roster.staff) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::optional<model::UnixSeconds> read_time(const std::string& text, int offset) {
  const auto t = feed::parse_timestamp(text);
  if (!t) return std::nullopt;
  return model::to_unix(*t, offset);
}

// Times first: the other rules need both ends.
bool check_times(const AbsenceInput& in, int offset, std::vector<FieldProblem>& out,
                 model::UnixSeconds& from, model::UnixSeconds& to) {
  const auto f = read_time(in.from, offset);
  const auto t = read_time(in.to, offset);
  if (!f) out.push_back({"from", "开始时间“" + in.from + "”无法识别，请写成 2026-12-07T09:00"});
  if (!t) out.push_back({"to", "结束时间“" + in.to + "”无法识别，请写成 2026-12-07T17:00"});
  if (!f || !t) return false;
  from = *f;
  to = *t;
  if (to <= from) {
    out.push_back({"to", "结束时间必须晚于开始时间"});
    return false;
  }
  return true;
}

void check_substitute_free(const model::Content& c, const AbsenceInput& in, model::UnixSeconds from,
                           model::UnixSeconds to, int offset, int ignore,
                           std::vector<FieldProblem>& out) {
  for (std::size_t i = 0; i < c.roster.absences.size(); ++i) {
    const model::Absence& a = c.roster.absences[i];
    if (static_cast<int>(i) == ignore || a.staff != in.substitute) continue;
    if (model::to_unix(a.from, offset) < to && from < model::to_unix(a.to, offset)) {
      out.push_back({"substitute", "补岗人员在这段时间内也请假（" + model::to_string(a.from.date) +
                                       " 至 " + model::to_string(a.to.date) + "），请另选他人"});
      return;
    }
  }
}

}  // namespace

int working_days_touched(const model::Calendar& calendar, model::UnixSeconds from,
                         model::UnixSeconds to, int utc_offset_minutes, int cap) {
  const model::Date first = schedule::to_local(from, utc_offset_minutes).date;
  // [from, to): `to` itself is free.
  const model::Date last = schedule::to_local(to - 1, utc_offset_minutes).date;
  int count = 0;
  // Bounded: ten years of dates at most, whatever the times say.
  const auto span = model::days_from_civil(last) - model::days_from_civil(first);
  for (std::int64_t i = 0; i <= span && i <= 3660 && count < cap; ++i) {
    if (schedule::is_working_day(calendar, model::add_days(first, i))) ++count;
  }
  return count;
}

std::vector<FieldProblem> absence_problems(const model::Content& drafts, const AbsenceInput& in,
                                           int utc_offset_minutes, int ignore) {
  std::vector<FieldProblem> out;
  if (in.staff.empty()) {
    out.push_back({"staff", "请选择请假人员"});
  } else if (!find_staff(drafts, in.staff)) {
    out.push_back({"staff", "没有工号为“" + in.staff + "”的工作人员"});
  }
  const bool has_substitute = !in.substitute.empty();
  if (has_substitute && !find_staff(drafts, in.substitute)) {
    out.push_back({"substitute", "没有工号为“" + in.substitute + "”的工作人员"});
  } else if (has_substitute && in.substitute == in.staff) {
    out.push_back({"substitute", "补岗人员不能是请假人员本人"});
  }
  model::UnixSeconds from = 0;
  model::UnixSeconds to = 0;
  if (!check_times(in, utc_offset_minutes, out, from, to)) return out;
  if (has_substitute) check_substitute_free(drafts, in, from, to, utc_offset_minutes, ignore, out);
  const model::Calendar calendar = drafts.calendar.value_or(model::default_calendar());
  if (!has_substitute && working_days_touched(calendar, from, to, utc_offset_minutes) >= 2) {
    out.push_back({"substitute", "请假涉及两个及以上工作日，须先安排补岗人员（第九条）"});
  }
  return out;
}

}  // namespace hb::console
