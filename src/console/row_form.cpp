#include "console/row_form.h"

#include "feed/text.h"
#include "feed/values.h"

namespace hb::console {

std::string row_field(const std::string& prefix, const std::string& field, int row) {
  return prefix + "_" + field + "_" + std::to_string(row);
}

std::string form_value(const FormValues& form, const std::string& name) {
  const auto it = form.find(name);
  return it == form.end() ? std::string() : feed::trim(it->second);
}

int row_count(const FormValues& form, const std::string& prefix) {
  int rows = 0;
  while (form.count(row_field(prefix, "src", rows + 1))) ++rows;
  return rows;
}

bool row_is_blank(const FormValues& form, const std::string& prefix, int row,
                  const std::vector<const char*>& fields) {
  for (const char* f : fields) {
    if (!form_value(form, row_field(prefix, f, row)).empty()) return false;
  }
  return true;
}

pugi::xml_node edited_element(pugi::xml_document& doc, const std::string& old_body, const char* name) {
  if (old_body.empty() || !doc.load_string(old_body.c_str()) ||
      std::string_view(doc.document_element().name()) != name) {
    doc.reset();
    doc.append_child(name);
  }
  return doc.document_element();
}

std::vector<pugi::xml_node> take_children(pugi::xml_node parent, const char* child, pugi::xml_document& keep) {
  std::vector<pugi::xml_node> out;
  for (auto c = parent.child(child); c;) {
    const auto next = c.next_sibling(child);
    out.push_back(keep.append_copy(c));
    parent.remove_child(c);
    c = next;
  }
  return out;
}

pugi::xml_node old_child_at(const std::vector<pugi::xml_node>& old, const std::string& src) {
  const auto at = feed::parse_whole_number(src);
  return at && *at >= 1 && *at <= static_cast<long long>(old.size()) ? old[*at - 1] : pugi::xml_node();
}

pugi::xml_node row_child(pugi::xml_node parent, const char* child, const std::vector<pugi::xml_node>& old,
                         const std::string& src) {
  const pugi::xml_node from = old_child_at(old, src);
  return from ? parent.append_copy(from) : parent.append_child(child);
}

void set_attribute(pugi::xml_node e, const char* name, const std::string& value) {
  if (value.empty()) {
    e.remove_attribute(name);
    return;
  }
  (e.attribute(name) ? e.attribute(name) : e.append_attribute(name)) = value.c_str();
}

void set_text(pugi::xml_node e, const std::string& value) {
  if (!value.empty()) {
    e.text().set(value.c_str());
    return;
  }
  for (auto c = e.first_child(); c;) {
    const auto next = c.next_sibling();
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) e.remove_child(c);
    c = next;
  }
}

std::optional<long long> whole_in(const std::string& text, long long min, long long max, const std::string& field,
                                  std::vector<FieldProblem>& problems) {
  const auto n = feed::parse_whole_number(text);
  if (n && *n >= min && *n <= max) return n;
  problems.push_back({field, "应为 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间的整数"});
  return std::nullopt;
}

}  // namespace hb::console
