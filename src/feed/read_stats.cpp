#include "feed/sections.h"
#include "feed/value_problems.h"
#include "feed/values.h"

namespace hb::feed {
namespace {

std::optional<model::Ratings> read_ratings(ElementReader& r) {
  model::Ratings ratings;
  bool ok = true;
  for (const auto& [attr, field] :
       {std::pair{"very-satisfied", &ratings.very_satisfied},
        std::pair{"satisfied", &ratings.satisfied}, std::pair{"basic", &ratings.basic},
        std::pair{"dissatisfied", &ratings.dissatisfied},
        std::pair{"very-dissatisfied", &ratings.very_dissatisfied}}) {
    const auto v = r.whole_attr(attr, Need::required);
    ok = ok && v.has_value();
    *field = v.value_or(0);
  }
  r.finish();
  if (!ok) return std::nullopt;
  return ratings;
}

std::optional<model::WindowStats> read_window_stats(ElementReader& e) {
  model::WindowStats s;
  s.where = e.where();
  s.id_where = e.where_of("id");
  const auto id = e.text_attr("id", Need::required);
  const auto handled = e.whole_attr("handled", Need::required);
  const auto ontime = e.whole_attr("ontime", Need::required);
  const auto rated = e.whole_attr("rated");
  const auto satisfied = e.whole_attr("satisfied");
  std::optional<model::Ratings> ratings;
  if (const auto node = e.single_child("ratings")) {
    ElementReader r(e.findings(), *node);
    ratings = read_ratings(r);
    if (e.node().attribute("rated") || e.node().attribute("satisfied"))
      e.findings().error(r.where(), e.label() +
                                        " gives both rated/satisfied and <ratings>; "
                                        "use one form or the other");
  }
  e.finish();
  if (!id || !handled || !ontime) return std::nullopt;
  s.window = *id;
  s.handled = *handled;
  s.ontime = *ontime;
  if (*ontime > *handled) {
    e.findings().error(e.where_of("ontime"), e.label() + " ontime=\"" + std::to_string(*ontime) +
                                                 "\" is more than handled=\"" +
                                                 std::to_string(*handled) + "\"");
    return std::nullopt;
  }
  if (ratings) {
    s.ratings = ratings;
    s.rated = ratings->very_satisfied + ratings->satisfied + ratings->basic +
              ratings->dissatisfied + ratings->very_dissatisfied;
    s.satisfied = ratings->very_satisfied + ratings->satisfied + ratings->basic;
  } else if (rated && satisfied) {
    if (*satisfied > *rated) {
      e.findings().error(e.where_of("satisfied"),
                         e.label() + " satisfied=\"" + std::to_string(*satisfied) +
                             "\" is more than rated=\"" + std::to_string(*rated) + "\"");
      return std::nullopt;
    }
    s.rated = rated;
    s.satisfied = satisfied;
  } else if (rated || satisfied) {
    e.findings().error(e.where_of(rated ? "rated" : "satisfied"),
                       e.label() + " needs rated and satisfied together");
    return std::nullopt;
  }
  return s;
}

}  // namespace

std::optional<model::Stats> read_stats(ElementReader& section) {
  model::Stats stats;
  stats.where = section.where();
  const auto month_text = section.text_attr("month", Need::required);
  std::optional<std::pair<int, int>> month;
  if (month_text) {
    month = parse_month(*month_text);
    if (!month)
      section.bad_value("month", *month_text, month_problem(*month_text),
                        "a month YYYY-MM, such as 2026-10");
  }
  for (const auto& node : section.children("window")) {
    ElementReader e(section.findings(), node);
    if (auto s = read_window_stats(e)) stats.windows.push_back(std::move(*s));
  }
  section.finish();
  // Even with a bad month the windows are returned, so their references are checked too.
  if (month) {
    stats.year = month->first;
    stats.month = month->second;
  }
  return stats;
}

}  // namespace hb::feed
