#include "console/playlist_form.h"

#include "console/feed_records.h"
#include "console/schedule_fields.h"
#include "feed/values.h"
#include "model/slide_type.h"

namespace hb::console {

namespace {

// The slide's attributes the form edits, besides its type.
constexpr const char* kSlideFields[] = {"seconds", "category", "item", "days"};

void slide_values(const pugi::xml_node s, int row, FormValues& out) {
  out[row_field("slide", "src", row)] = std::to_string(row);
  out[row_field("slide", "type", row)] = s.attribute("type").as_string();
  for (const char* f : kSlideFields) out[row_field("slide", f, row)] = s.attribute(f).as_string();
  schedule_values(s, schedule_field_names("slide", row), out);
}

// A slide type this player does not know is kept as it was: a newer tool's.
bool known_or_unchanged(const std::string& type, const pugi::xml_node old_slide) {
  return model::slide_type_of(type) || (old_slide && type == old_slide.attribute("type").as_string());
}

void check_slide(const FormValues& form, int row, const pugi::xml_node old_slide,
                 std::vector<FieldProblem>& problems) {
  const std::string type = form_value(form, row_field("slide", "type", row));
  if (type.empty()) {
    problems.push_back({row_field("slide", "type", row), "请选择内容（不要这一页可清空整行）"});
  } else if (!known_or_unchanged(type, old_slide)) {
    problems.push_back({row_field("slide", "type", row), "没有这种内容"});
  }
  const auto seconds = row_field("slide", "seconds", row);
  if (!form_value(form, seconds).empty()) whole_in(form_value(form, seconds), 1, 3600, seconds, problems);
  const auto days = row_field("slide", "days", row);
  if (!form_value(form, days).empty()) whole_in(form_value(form, days), 1, 3660, days, problems);
}

void read_slides(pugi::xml_node playlist, const FormValues& form, std::vector<FieldProblem>& problems) {
  pugi::xml_document keep;
  const auto old = take_children(playlist, "slide", keep);
  int slides = 0;
  for (int row = 1; row <= row_count(form, "slide"); ++row) {
    if (row_is_blank(form, "slide", row, {"type", "seconds", "category", "item", "days", "on", "between", "from", "to"}))
      continue;
    const std::string src = form_value(form, row_field("slide", "src", row));
    check_slide(form, row, old_child_at(old, src), problems);
    auto s = row_child(playlist, "slide", old, src);
    set_attribute(s, "type", form_value(form, row_field("slide", "type", row)));
    for (const char* f : kSlideFields) set_attribute(s, f, form_value(form, row_field("slide", f, row)));
    schedule_from_form(s, form, schedule_field_names("slide", row), problems);
    ++slides;
  }
  if (slides == 0) problems.push_back({"slide_type_1", "请至少安排一页内容"});
}

void read_head(pugi::xml_node playlist, const FormValues& form, std::vector<FieldProblem>& problems) {
  const std::string typed = form_value(form, "screen");  // split_list views into it
  std::string screen;
  for (const auto part : feed::split_list(typed)) {
    if (!part.empty()) screen += (screen.empty() ? "" : ",") + std::string(part);
  }
  if (screen.empty()) problems.push_back({"screen", "请填写 *（所有屏幕）或屏幕编号，如 lobby-1,lobby-2"});
  set_attribute(playlist, "screen", screen);
  const std::string transition = form_value(form, "transition");
  if (transition != "fade" && transition != "slide" && transition != "none") {
    problems.push_back({"transition", "请选择切换效果"});
  }
  set_attribute(playlist, "transition", transition);
  schedule_from_form(playlist, form, schedule_field_names("", 0), problems);
}

}  // namespace

FormValues playlist_form_values(const std::string& body) {
  pugi::xml_document doc;
  const pugi::xml_node playlist = edited_element(doc, body, "playlist");
  const std::string transition = playlist.attribute("transition").as_string();
  const std::string screen = playlist.attribute("screen").as_string();
  FormValues out{{"screen", screen.empty() ? "*" : screen},  // the reader's default
                 {"transition", transition.empty() ? "fade" : transition}};
  schedule_values(playlist, schedule_field_names("", 0), out);
  int row = 0;
  for (const auto& s : playlist.children("slide")) slide_values(s, ++row, out);
  return out;
}

base::Result<std::string, std::vector<FieldProblem>> playlist_from_form(const std::string& old_body,
                                                                        const FormValues& form) {
  pugi::xml_document doc;
  pugi::xml_node playlist = edited_element(doc, old_body, "playlist");
  std::vector<FieldProblem> problems;
  read_head(playlist, form, problems);
  read_slides(playlist, form, problems);
  if (!problems.empty()) return problems;
  return record_body(playlist);
}

}  // namespace hb::console
