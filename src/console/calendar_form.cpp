#include "console/calendar_form.h"

#include <sstream>

#include "feed/text.h"
#include "feed/values.h"
#include "feed/write_feed.h"

namespace hb::console {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    line = feed::trim(line);
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// "a b rest…": the first two words and the rest of the line.
std::vector<std::string> words(const std::string& line, std::size_t count) {
  std::vector<std::string> out;
  std::istringstream in(line);
  std::string w;
  while (out.size() < count && in >> w) out.push_back(w);
  std::string rest;
  std::getline(in, rest);
  out.push_back(feed::trim(rest));
  return out;
}

std::string get(const std::map<std::string, std::string>& form, const char* name) {
  const auto it = form.find(name);
  return it == form.end() ? std::string() : it->second;
}

std::string at_line(std::size_t i) { return "第 " + std::to_string(i + 1) + " 行"; }

void read_hours(const std::string& text, model::Calendar& c, std::vector<FieldProblem>& problems) {
  const auto lines = lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto w = words(lines[i], 1);
    const auto dash = w[1].find('-');
    const auto days = feed::parse_days(w[0]);
    const auto open = dash == std::string::npos ? std::nullopt : feed::parse_time_of_day(w[1].substr(0, dash), false);
    const auto close = dash == std::string::npos ? std::nullopt : feed::parse_time_of_day(w[1].substr(dash + 1), true);
    if (!days || !open || !close || *close <= *open) {
      problems.push_back({"hours", at_line(i) + "“" + lines[i] + "”无法识别，应写成 mon-fri 09:00-12:00"});
      continue;
    }
    c.hours.push_back(model::OpeningHours{*days, *open, *close, {}});
  }
}

void read_holidays(const std::string& text, model::Calendar& c, std::vector<FieldProblem>& problems) {
  const auto lines = lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto w = words(lines[i], 2);
    const auto from = feed::parse_date(w[0]);
    const auto to = feed::parse_date(w[1]);
    if (!from || !to || *to < *from) {
      problems.push_back({"holidays", at_line(i) + "“" + lines[i] + "”无法识别，应写成 2026-10-01 2026-10-08 国庆节"});
      continue;
    }
    c.holidays.push_back(model::Holiday{*from, *to, w[2], {}});
  }
}

void read_workdays(const std::string& text, model::Calendar& c, std::vector<FieldProblem>& problems) {
  const auto lines = lines_of(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto w = words(lines[i], 2);
    const auto date = feed::parse_date(w[0]);
    const auto as = feed::parse_weekday(w[1]);
    if (!date || !as) {
      problems.push_back({"workdays", at_line(i) + "“" + lines[i] + "”无法识别，应写成 2026-09-28 fri 国庆节调休上班"});
      continue;
    }
    c.workdays.push_back(model::MakeUpWorkday{*date, *as, w[2], {}});
  }
}

}  // namespace

std::map<std::string, std::string> calendar_form_values(const model::Calendar& calendar) {
  std::string hours, holidays, workdays;
  for (const auto& h : calendar.hours) {
    hours += feed::days_attribute(h.days) + " " + model::to_string(h.open) + "-" + model::to_string(h.close) + "\n";
  }
  for (const auto& h : calendar.holidays) {
    holidays += model::to_string(h.from) + " " + model::to_string(h.to) + (h.name.empty() ? "" : " " + h.name) + "\n";
  }
  for (const auto& w : calendar.workdays) {
    workdays += model::to_string(w.date) + " " + model::to_string(w.as) + (w.name.empty() ? "" : " " + w.name) + "\n";
  }
  return {{"hours", hours}, {"holidays", holidays}, {"workdays", workdays}};
}

base::Result<model::Calendar, std::vector<FieldProblem>> calendar_from_form(
    const std::map<std::string, std::string>& form) {
  model::Calendar c;
  std::vector<FieldProblem> problems;
  read_hours(get(form, "hours"), c, problems);
  read_holidays(get(form, "holidays"), c, problems);
  read_workdays(get(form, "workdays"), c, problems);
  if (c.hours.empty() && problems.empty()) {
    problems.push_back({"hours", "请至少填写一行开放时间，如 mon-fri 09:00-17:00"});
  }
  if (!problems.empty()) return problems;
  return c;
}

}  // namespace hb::console
