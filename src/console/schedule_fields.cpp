#include "console/schedule_fields.h"

#include <algorithm>

#include "feed/values.h"
#include "model/time.h"

namespace hb::console {

namespace {

const Options& usual_weekdays() {
  static const Options kUsual{{"", "每天"},           {"mon-fri", "周一至周五"}, {"sat,sun", "周六、周日"},
                              {"sat", "周六"},        {"sun", "周日"},           {"mon", "周一"},
                              {"tue", "周二"},        {"wed", "周三"},           {"thu", "周四"},
                              {"fri", "周五"}};
  return kUsual;
}

// Editors type the dash they have at hand: 12:00—13:30, 12:00～13:30, 12:00至13:30.
std::string plain_range(std::string text) {
  for (const std::string dash : {"——", "—", "－", "～", "~", "至", "–"}) {
    for (auto at = text.find(dash); at != std::string::npos; at = text.find(dash)) text.replace(at, dash.size(), "-");
  }
  text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
  return text;
}

void check_on(const std::string& on, const std::string& field, std::vector<FieldProblem>& problems) {
  if (!on.empty() && !feed::parse_days(on)) problems.push_back({field, "请从列表中选择星期"});
}

std::string checked_between(const std::string& typed, const std::string& field, std::vector<FieldProblem>& problems) {
  if (typed.empty()) return "";
  const std::string between = plain_range(typed);
  const auto range = feed::parse_time_range(between);
  if (!range) {
    problems.push_back({field, "请按“12:00-13:30”的样子填写时段"});
  } else if (!(range->first < range->second)) {
    problems.push_back({field, "结束时间要晚于开始时间（时段不能跨过午夜）"});
  }
  return between;
}

void check_dates(const std::string& from, const std::string& to, const ScheduleFieldNames& names,
                 std::vector<FieldProblem>& problems) {
  const auto first = feed::parse_date(from), last = feed::parse_date(to);
  if (!from.empty() && !first) problems.push_back({names.from, "请按“2026-12-01”的样子填写日期"});
  if (!to.empty() && !last) problems.push_back({names.to, "请按“2026-12-31”的样子填写日期"});
  if (first && last && *last < *first) problems.push_back({names.to, "结束日期不能早于开始日期"});
}

}  // namespace

ScheduleFieldNames schedule_field_names(const std::string& prefix, int row) {
  if (row == 0) return {"on", "between", "from", "to"};
  return {row_field(prefix, "on", row), row_field(prefix, "between", row), row_field(prefix, "from", row),
          row_field(prefix, "to", row)};
}

void schedule_values(pugi::xml_node element, const ScheduleFieldNames& names, FormValues& out) {
  out[names.on] = element.attribute("on").as_string();
  out[names.between] = element.attribute("between").as_string();
  out[names.from] = element.attribute("from").as_string();
  out[names.to] = element.attribute("to").as_string();
}

void schedule_from_form(pugi::xml_node element, const FormValues& form, const ScheduleFieldNames& names,
                        std::vector<FieldProblem>& problems) {
  const std::string on = form_value(form, names.on);
  check_on(on, names.on, problems);
  const std::string between = checked_between(form_value(form, names.between), names.between, problems);
  const std::string from = form_value(form, names.from), to = form_value(form, names.to);
  check_dates(from, to, names, problems);
  set_attribute(element, "on", on);
  set_attribute(element, "between", between);
  set_attribute(element, "from", from);
  set_attribute(element, "to", to);
}

Options weekday_choices(const std::vector<std::string>& shown) {
  Options choices = usual_weekdays();
  for (const auto& value : shown) {
    const bool listed = std::any_of(choices.begin(), choices.end(), [&](const auto& c) { return c.first == value; });
    if (!listed) choices.emplace_back(value, value);
  }
  return choices;
}

}  // namespace hb::console
