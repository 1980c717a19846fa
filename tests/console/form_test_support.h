// What the row-form tests share: an element as a record's body, and the
// fields a form's problems name.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <vector>

#include "console/feed_records.h"
#include "console/row_form.h"

namespace hb::console::test_forms {

// XML written by hand as pugixml writes a record (compact, UTF-8).
inline std::string body(const std::string& xml) {
  pugi::xml_document doc;
  doc.load_string(xml.c_str());
  return record_body(doc.document_element());
}

inline std::vector<std::string> fields(const std::vector<FieldProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field);
  return out;
}

}  // namespace hb::console::test_forms
