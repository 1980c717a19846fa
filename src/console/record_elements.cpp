#include "console/record_elements.h"

#include <pugixml.hpp>

#include "console/feed_records.h"

namespace hb::console {

namespace {

void append_if_given(pugi::xml_node e, const char* name, const std::string& value) {
  if (!value.empty()) e.append_attribute(name) = value.c_str();
}

}  // namespace

std::string feed_time(model::UnixSeconds t, int utc_offset_minutes) {
  return model::to_iso_string(t, utc_offset_minutes);
}

std::string absence_element(const AbsenceElement& a) {
  pugi::xml_document doc;
  pugi::xml_node e = doc.append_child("absence");
  append_if_given(e, "staff", a.staff);
  append_if_given(e, "from", a.from);
  append_if_given(e, "to", a.to);
  append_if_given(e, "reason", a.reason);
  append_if_given(e, "substitute", a.substitute);
  return record_body(e);
}

std::string notice_element(const NoticeElement& n) {
  pugi::xml_document doc;
  pugi::xml_node e = doc.append_child("notice");
  append_if_given(e, "id", n.id);
  append_if_given(e, "level", n.level);
  append_if_given(e, "from", n.from);
  append_if_given(e, "to", n.to);
  e.text().set(n.text.c_str());
  return record_body(e);
}

}  // namespace hb::console
