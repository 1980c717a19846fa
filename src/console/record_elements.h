// The elements of the records the console makes from its own forms and
// API, written with pugixml (never pasted), in the feed format's spelling.
#pragma once

#include <optional>
#include <string>

#include "model/content.h"

namespace hb::console {

// Times as the feed format writes them, with the hall's offset.
std::string feed_time(model::UnixSeconds t, int utc_offset_minutes);

struct AbsenceElement {
  std::string staff;
  std::string from;  // feed_time()
  std::string to;
  std::string reason;
  std::string substitute;
};
std::string absence_element(const AbsenceElement& a);

struct NoticeElement {
  std::string id;
  std::string level;  // "info" or "urgent"
  std::string from;   // "" for none
  std::string to;
  std::string text;
};
std::string notice_element(const NoticeElement& n);

}  // namespace hb::console
