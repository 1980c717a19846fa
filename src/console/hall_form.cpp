#include "console/hall_form.h"

#include "console/feed_records.h"
#include "feed/text.h"
#include "feed/values.h"

namespace hb::console {

namespace {

bool one_of(const std::string& value, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (value == w) return true;
  }
  return false;
}

void phone_values(const pugi::xml_node hall, FormValues& out) {
  int row = 0;
  for (const auto& p : hall.children("phone")) {
    ++row;
    out[row_field("phone", "src", row)] = std::to_string(row);
    out[row_field("phone", "kind", row)] = p.attribute("kind").as_string();
    out[row_field("phone", "number", row)] = p.text().as_string();
  }
}

void commitment_values(const pugi::xml_node hall, FormValues& out) {
  int row = 0;
  for (const auto& c : hall.children("commitment")) {
    ++row;
    out[row_field("commitment", "src", row)] = std::to_string(row);
    out[row_field("commitment", "title", row)] = c.attribute("title").as_string();
    out[row_field("commitment", "text", row)] = c.text().as_string();
  }
}

void link_values(const pugi::xml_node hall, FormValues& out) {
  int row = 0;
  for (const auto& l : hall.children("link")) {
    ++row;
    out[row_field("link", "src", row)] = std::to_string(row);
    out[row_field("link", "kind", row)] = l.attribute("kind").as_string();
    out[row_field("link", "url", row)] = l.attribute("url").as_string();
    out[row_field("link", "text", row)] = l.text().as_string();
  }
}

void read_phones(pugi::xml_node hall, const FormValues& form, std::vector<FieldProblem>& problems) {
  pugi::xml_document keep;
  const auto old = take_children(hall, "phone", keep);
  for (int row = 1; row <= row_count(form, "phone"); ++row) {
    if (row_is_blank(form, "phone", row, {"number"})) continue;
    const std::string kind = form_value(form, row_field("phone", "kind", row));
    const std::string number = form_value(form, row_field("phone", "number", row));
    if (!one_of(kind, {"consult", "supervise", "complaint"})) {
      problems.push_back({row_field("phone", "kind", row), "请选择电话类型"});
    }
    if (number.find_first_of("0123456789") == std::string::npos) {
      problems.push_back({row_field("phone", "number", row), "电话号码应含数字，如 0871-63123456"});
    }
    auto p = row_child(hall, "phone", old, form_value(form, row_field("phone", "src", row)));
    set_attribute(p, "kind", kind);
    set_text(p, number);
  }
}

void read_commitments(pugi::xml_node hall, const FormValues& form, std::vector<FieldProblem>& problems) {
  pugi::xml_document keep;
  const auto old = take_children(hall, "commitment", keep);
  for (int row = 1; row <= row_count(form, "commitment"); ++row) {
    if (row_is_blank(form, "commitment", row, {"title", "text"})) continue;
    const auto text_field = row_field("commitment", "text", row);
    const std::string text = feed::normalize_text(form_value(form, text_field));
    if (text.empty()) problems.push_back({text_field, "请填写承诺内容（不要承诺可清空整行）"});
    auto c = row_child(hall, "commitment", old, form_value(form, row_field("commitment", "src", row)));
    set_attribute(c, "title", form_value(form, row_field("commitment", "title", row)));
    set_text(c, text);
  }
}

void read_links(pugi::xml_node hall, const FormValues& form, std::vector<FieldProblem>& problems) {
  pugi::xml_document keep;
  const auto old = take_children(hall, "link", keep);
  for (int row = 1; row <= row_count(form, "link"); ++row) {
    if (row_is_blank(form, "link", row, {"url", "text"})) continue;
    const std::string kind = form_value(form, row_field("link", "kind", row));
    const std::string url = form_value(form, row_field("link", "url", row));
    if (!one_of(kind, {"feedback", "online"})) problems.push_back({row_field("link", "kind", row), "请选择链接类型"});
    if (!feed::is_http_url(url)) {
      problems.push_back({row_field("link", "url", row), "应为完整网址，以 http:// 或 https:// 开头"});
    }
    auto l = row_child(hall, "link", old, form_value(form, row_field("link", "src", row)));
    set_attribute(l, "kind", kind);
    set_attribute(l, "url", url);
    set_text(l, form_value(form, row_field("link", "text", row)));
  }
}

}  // namespace

FormValues hall_form_values(const std::string& body) {
  pugi::xml_document doc;
  const pugi::xml_node hall = edited_element(doc, body, "hall");
  FormValues out{{"name", hall.attribute("name").as_string()},
                 {"subtitle", hall.attribute("subtitle").as_string()},
                 {"logo", hall.attribute("logo").as_string()}};
  phone_values(hall, out);
  commitment_values(hall, out);
  link_values(hall, out);
  return out;
}

base::Result<std::string, std::vector<FieldProblem>> hall_from_form(const std::string& old_body,
                                                                    const FormValues& form) {
  pugi::xml_document doc;
  pugi::xml_node hall = edited_element(doc, old_body, "hall");
  std::vector<FieldProblem> problems;
  const std::string name = form_value(form, "name");
  if (name.empty()) problems.push_back({"name", "请填写大厅名称（每块屏幕的标题）"});
  set_attribute(hall, "name", name);
  set_attribute(hall, "subtitle", form_value(form, "subtitle"));
  set_attribute(hall, "logo", form_value(form, "logo"));
  read_phones(hall, form, problems);
  read_commitments(hall, form, problems);
  read_links(hall, form, problems);
  if (!problems.empty()) return problems;
  return record_body(hall);
}

}  // namespace hb::console
