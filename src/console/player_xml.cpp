#include "console/player_xml.h"

#include <pugixml.hpp>

#include <sstream>

#include "console/feed_records.h"
#include "model/time.h"

namespace hb::console {

std::string player_xml(const PlayerXmlSettings& s) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  doc.append_child(pugi::node_comment)
      .set_value((" player.xml for screen " + s.screen + ", made by hallboard console screen add ")
                     .c_str());
  pugi::xml_node player = doc.append_child("player");
  player.append_attribute("screen") = s.screen.c_str();
  player.append_attribute("timezone") = model::offset_string(s.utc_offset_minutes).c_str();
  for (const std::string& name : feed_names()) {
    player.append_child("feed").append_attribute("url") = (s.base_url + "/feeds/" + name).c_str();
  }
  player.append_child("cache").append_attribute("dir") = "/var/cache/hallboard";
  if (!s.trust_public_key.empty()) {
    // The key itself, so the printed player.xml is complete on its own.
    pugi::xml_node trust = player.append_child("trust");
    trust.append_attribute("public-key") = s.trust_public_key.c_str();
    if (!s.hall_id.empty()) trust.append_attribute("hall") = s.hall_id.c_str();
  }
  // The display defaults of the demo's player.xml: a 1080p panel, upright,
  // dark from 30 minutes after closing to 30 minutes before opening (the
  // panel need not light an empty hall). IT staff edit them per screen.
  pugi::xml_node display = player.append_child("display");
  display.append_attribute("width") = "1920";
  display.append_attribute("height") = "1080";
  display.append_attribute("rotate") = "0";
  display.append_attribute("blank-outside-hours") = "30";
  pugi::xml_node heartbeat = player.append_child("heartbeat");
  heartbeat.append_attribute("url") = (s.base_url + "/api/v1/heartbeat").c_str();
  heartbeat.append_attribute("interval") = "60";
  // The 屏幕 page shows the latest screenshot: about 200 KB a minute per screen.
  heartbeat.append_attribute("screenshot") = "true";
  heartbeat.append_attribute("token") = s.token.c_str();
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return out.str();
}

}  // namespace hb::console
