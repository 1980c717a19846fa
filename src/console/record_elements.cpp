#include "console/record_elements.h"

#include <pugixml.hpp>

#include "console/feed_records.h"

namespace hb::console {

namespace {

void set_attribute(pugi::xml_node e, const char* name, const std::string& value) {
  if (!value.empty()) e.append_attribute(name) = value.c_str();
}

}  // namespace

std::string feed_time(model::UnixSeconds t, int utc_offset_minutes) {
  return model::to_iso_string(t, utc_offset_minutes);
}

std::string absence_element(const AbsenceElement& a) {
  pugi::xml_document doc;
  pugi::xml_node e = doc.append_child("absence");
  set_attribute(e, "staff", a.staff);
  set_attribute(e, "from", a.from);
  set_attribute(e, "to", a.to);
  set_attribute(e, "reason", a.reason);
  set_attribute(e, "substitute", a.substitute);
  return record_body(e);
}

std::string notice_element(const NoticeElement& n) {
  pugi::xml_document doc;
  pugi::xml_node e = doc.append_child("notice");
  set_attribute(e, "id", n.id);
  set_attribute(e, "level", n.level);
  set_attribute(e, "from", n.from);
  set_attribute(e, "to", n.to);
  e.text().set(n.text.c_str());
  return record_body(e);
}

}  // namespace hb::console
