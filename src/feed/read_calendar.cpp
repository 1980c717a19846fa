#include <algorithm>

#include "feed/sections.h"
#include "feed/values.h"

namespace hb::feed {
namespace {

// Sorted per weekday, so each period is compared with its neighbour only:
// a calendar with thousands of periods stays fast.
void check_overlaps(Findings& findings, const std::vector<model::OpeningHours>& hours) {
  std::vector<bool> reported(hours.size(), false);
  for (std::size_t d = 0; d < 7; ++d) {
    std::vector<std::size_t> day;
    for (std::size_t i = 0; i < hours.size(); ++i)
      if (hours[i].days[d]) day.push_back(i);
    std::sort(day.begin(), day.end(), [&](std::size_t a, std::size_t b) {
      return hours[a].open < hours[b].open || (hours[a].open == hours[b].open && a < b);
    });
    std::size_t reach = 0;  // the period that closes latest so far
    for (std::size_t k = 1; k < day.size(); ++k) {
      if (hours[day[k - 1]].close > hours[day[reach]].close || k == 1) reach = k - 1;
      const auto& a = hours[day[reach]];
      const auto& b = hours[day[k]];
      if (!(b.open < a.close)) continue;
      const std::size_t later = std::max(day[reach], day[k]);
      const auto& first = hours[std::min(day[reach], day[k])];
      if (reported[later]) continue;
      reported[later] = true;
      const auto& second = hours[later];
      findings.error(second.where,
                     "<hours> " + to_string(second.open) + "-" + to_string(second.close) +
                         " overlaps " + to_string(first.open) + "-" + to_string(first.close) +
                         " on " + to_string(static_cast<model::Weekday>(d)) + " (line " +
                         std::to_string(first.where.line) + "); opening periods may not overlap");
    }
  }
}

bool same_hours(const std::vector<model::OpeningHours>& hours, model::Weekday a, model::Weekday b) {
  const auto ia = static_cast<std::size_t>(a), ib = static_cast<std::size_t>(b);
  return std::all_of(hours.begin(), hours.end(),
                     [&](const auto& h) { return h.days[ia] == h.days[ib]; });
}

}  // namespace

model::Calendar read_calendar(ElementReader& e) {
  model::Calendar cal;
  cal.where = e.where();
  for (const auto& node : e.children("hours")) {
    ElementReader h(e.findings(), node);
    model::OpeningHours hours;
    hours.where = h.where();
    const auto days_text = h.text_attr("days", Need::required);
    std::optional<std::array<bool, 7>> days;
    if (days_text) {
      days = parse_days(*days_text);
      if (!days)
        h.bad_value("days", *days_text, kDaysExpected);
    }
    const auto open = h.time_attr("open", false, Need::required);
    const auto close = h.time_attr("close", true, Need::required);
    h.finish();
    if (!days || !open || !close) continue;
    if (!(*open < *close)) {
      e.findings().error(h.where_of("close"), "<hours> close=\"" + to_string(*close) +
                                                  "\" must be later than open=\"" +
                                                  to_string(*open) + "\"");
      continue;
    }
    hours.days = *days;
    hours.open = *open;
    hours.close = *close;
    cal.hours.push_back(hours);
  }
  check_overlaps(e.findings(), cal.hours);
  // A calendar of holidays alone keeps the format's default hours.
  if (!e.node().child("hours")) cal.hours = model::default_calendar().hours;

  for (const auto& node : e.children("holiday")) {
    ElementReader h(e.findings(), node);
    model::Holiday holiday;
    holiday.where = h.where();
    const auto from = h.date_attr("from", Need::required);
    const auto to = h.date_attr("to", Need::required);
    holiday.name = h.text_attr("name").value_or("");
    h.finish();
    if (!from || !to) continue;
    if (*to < *from) {
      e.findings().error(h.where_of("to"), "<holiday> to=\"" + to_string(*to) +
                                               "\" is before from=\"" + to_string(*from) + "\"");
      continue;
    }
    holiday.from = *from;
    holiday.to = *to;
    cal.holidays.push_back(holiday);
  }

  for (const auto& node : e.children("workday")) {
    ElementReader w(e.findings(), node);
    model::MakeUpWorkday day;
    day.where = w.where();
    const auto date = w.date_attr("date", Need::required);
    const auto as_text = w.value_attr("as");
    day.name = w.text_attr("name").value_or("");
    w.finish();
    if (as_text) {
      const auto as = parse_weekday(*as_text);
      if (!as) {
        w.bad_value("as", *as_text, "a weekday: mon, tue, wed, thu, fri, sat or sun");
        continue;
      }
      day.as = *as;
    }
    if (!date) continue;
    day.date = *date;
    const auto twin = std::find_if(cal.workdays.begin(), cal.workdays.end(),
                                   [&](const auto& other) { return other.date == *date; });
    if (twin != cal.workdays.end()) {
      e.findings().error(w.where_of("date"), "<workday> date=\"" + to_string(*date) +
                                                 "\" is already given at line " +
                                                 std::to_string(twin->where.line));
      continue;
    }
    const auto holiday = std::find_if(cal.holidays.begin(), cal.holidays.end(), [&](const auto& h) {
      return h.from <= *date && *date <= h.to;
    });
    const bool as_has_hours = std::any_of(cal.hours.begin(), cal.hours.end(), [&](const auto& h) {
      return h.days[static_cast<std::size_t>(day.as)];
    });
    // One finding per make-up day: the most serious one.
    if (holiday != cal.holidays.end()) {
      e.findings().error(w.where_of("date"),
                         "<workday> date=\"" + to_string(*date) + "\" falls in the holiday " +
                             (holiday->name.empty() ? "" : "\"" + holiday->name + "\" ") +
                             "(line " + std::to_string(holiday->where.line) +
                             "); a date cannot be both closed and worked");
    } else if (!as_has_hours && !cal.hours.empty()) {
      e.findings().warning(w.where(), "<workday> as=\"" + to_string(day.as) +
                                          "\" names a day without opening hours, so the hall "
                                          "stays closed on " +
                                          to_string(*date));
    } else if (same_hours(cal.hours, model::weekday_of(*date), day.as)) {
      // A make-up day matters when it opens a closed day or changes the day's hours.
      e.findings().warning(w.where_of("date"), "<workday> date=\"" + to_string(*date) + "\" is a " +
                                                   to_string(model::weekday_of(*date)) +
                                                   " with the same hours as " + to_string(day.as) +
                                                   ", so this make-up day changes nothing");
    }
    cal.workdays.push_back(day);
  }
  if (!e.node().child("hours"))
    e.findings().warning(e.where(),
                         "<calendar> has no <hours>, so the default hours apply: "
                         "mon-fri 09:00-17:00");
  e.finish();
  return cal;
}

}  // namespace hb::feed
