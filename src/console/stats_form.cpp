#include "console/stats_form.h"

#include <set>

#include "console/feed_records.h"
#include "feed/values.h"

namespace hb::console {

namespace {

constexpr long long kMaxCount = 9'999'999;  // more than any hall handles in a month

// The counts of a row: all blank → the row is left out, even with its
// window chosen (a new month's table starts with every window's row).
std::vector<const char*> count_fields() {
  std::vector<const char*> out{"handled", "ontime", "rated", "satisfied"};
  for (const auto& l : rating_levels()) out.push_back(l.field);
  return out;
}

void window_values(const pugi::xml_node w, int row, FormValues& out) {
  out[row_field("window", "src", row)] = std::to_string(row);
  for (const char* a : {"id", "handled", "ontime", "rated", "satisfied"}) {
    out[row_field("window", a, row)] = w.attribute(a).as_string();
  }
  const pugi::xml_node ratings = w.child("ratings");
  out[row_field("window", "way", row)] = ratings ? "levels" : "rated";
  for (const auto& l : rating_levels()) out[row_field("window", l.field, row)] = ratings.attribute(l.attribute).as_string();
}

// A count of the row, or nothing with a problem when it is not one.
std::optional<long long> count(const FormValues& form, int row, const char* field, std::vector<FieldProblem>& problems) {
  const auto name = row_field("window", field, row);
  const std::string text = form_value(form, name);
  if (text.empty()) {
    problems.push_back({name, "请填写数字（没有请填 0）"});
    return std::nullopt;
  }
  return whole_in(text, 0, kMaxCount, name, problems);
}

// Problems for fields of the way not chosen: their numbers would be lost.
void refuse_other_way(const FormValues& form, int row, bool levels, std::vector<FieldProblem>& problems) {
  std::vector<const char*> other{"rated", "satisfied"};
  if (!levels) {
    other.clear();
    for (const auto& l : rating_levels()) other.push_back(l.field);
  }
  for (const char* f : other) {
    if (form_value(form, row_field("window", f, row)).empty()) continue;
    problems.push_back({row_field("window", f, row),
                        levels ? "已选“五级好差评”，请清空此格" : "已选“两项计数”，请清空此格"});
  }
}

void write_rated(pugi::xml_node w, const FormValues& form, int row, std::vector<FieldProblem>& problems) {
  w.remove_child("ratings");
  if (row_is_blank(form, "window", row, {"rated", "satisfied"})) {
    w.remove_attribute("rated");
    w.remove_attribute("satisfied");
    return;
  }
  const auto rated = count(form, row, "rated", problems);
  const auto satisfied = count(form, row, "satisfied", problems);
  if (rated && satisfied && *satisfied > *rated) {
    problems.push_back({row_field("window", "satisfied", row), "满意数不能多于评价数"});
  }
  set_attribute(w, "rated", form_value(form, row_field("window", "rated", row)));
  set_attribute(w, "satisfied", form_value(form, row_field("window", "satisfied", row)));
}

void write_levels(pugi::xml_node w, const FormValues& form, int row, std::vector<FieldProblem>& problems) {
  w.remove_attribute("rated");
  w.remove_attribute("satisfied");
  std::vector<const char*> fields;
  for (const auto& l : rating_levels()) fields.push_back(l.field);
  if (row_is_blank(form, "window", row, fields)) {
    w.remove_child("ratings");
    return;
  }
  pugi::xml_node r = w.child("ratings") ? w.child("ratings") : w.append_child("ratings");
  for (const auto& l : rating_levels()) {
    count(form, row, l.field, problems);
    set_attribute(r, l.attribute, form_value(form, row_field("window", l.field, row)));
  }
}

void write_window(pugi::xml_node w, const FormValues& form, int row, std::set<std::string>& ids,
                  std::vector<FieldProblem>& problems) {
  const std::string id = form_value(form, row_field("window", "id", row));
  if (id.empty()) problems.push_back({row_field("window", "id", row), "请选择窗口"});
  if (!id.empty() && !ids.insert(id).second) problems.push_back({row_field("window", "id", row), "这个窗口上面已填过"});
  const auto handled = count(form, row, "handled", problems);
  const auto ontime = count(form, row, "ontime", problems);
  if (handled && ontime && *ontime > *handled) {
    problems.push_back({row_field("window", "ontime", row), "按时办结数不能多于办件量"});
  }
  for (const char* a : {"id", "handled", "ontime"}) set_attribute(w, a, form_value(form, row_field("window", a, row)));
  const bool levels = form_value(form, row_field("window", "way", row)) == "levels";
  refuse_other_way(form, row, levels, problems);
  if (levels) {
    write_levels(w, form, row, problems);
  } else {
    write_rated(w, form, row, problems);
  }
}

void check_month(pugi::xml_node stats, const FormValues& form, std::vector<FieldProblem>& problems) {
  const std::string month = form_value(form, "month");
  if (!feed::parse_month(month)) problems.push_back({"month", "请填写月份，如 2026-10"});
  set_attribute(stats, "month", month);
}

}  // namespace

const std::vector<RatingLevel>& rating_levels() {
  static const std::vector<RatingLevel> levels = {
      {"very-satisfied", "vs", "非常满意"},
      {"satisfied", "s", "满意"},
      {"basic", "basic", "基本满意"},
      {"dissatisfied", "dis", "不满意"},
      {"very-dissatisfied", "vdis", "非常不满意"},
  };
  return levels;
}

FormValues stats_form_values(const std::string& body) {
  pugi::xml_document doc;
  const pugi::xml_node stats = edited_element(doc, body, "stats");
  FormValues out{{"month", stats.attribute("month").as_string()}};
  int row = 0;
  for (const auto& w : stats.children("window")) window_values(w, ++row, out);
  return out;
}

base::Result<std::string, std::vector<FieldProblem>> stats_from_form(const std::string& old_body,
                                                                     const FormValues& form) {
  pugi::xml_document doc;
  pugi::xml_node stats = edited_element(doc, old_body, "stats");
  std::vector<FieldProblem> problems;
  check_month(stats, form, problems);
  pugi::xml_document keep;
  const auto old = take_children(stats, "window", keep);
  std::set<std::string> ids;
  for (int row = 1; row <= row_count(form, "window"); ++row) {
    if (row_is_blank(form, "window", row, count_fields())) continue;
    auto w = row_child(stats, "window", old, form_value(form, row_field("window", "src", row)));
    write_window(w, form, row, ids, problems);
  }
  if (!problems.empty()) return problems;
  return record_body(stats);
}

std::string next_month(const std::string& month) {
  const auto m = feed::parse_month(month);
  if (!m) return "";
  const int year = m->second == 12 ? m->first + 1 : m->first;
  const int next = m->second == 12 ? 1 : m->second + 1;
  return std::to_string(year) + (next < 10 ? "-0" : "-") + std::to_string(next);
}

}  // namespace hb::console
