// The player.xml `console screen add` prints: the console's feeds, the
// heartbeat with the screen's token, and the trust key when feeds are
// signed. Written by pugixml.
#pragma once

#include <string>

namespace hb::console {

struct PlayerXmlSettings {
  std::string screen;
  std::string base_url;          // the console as the screen reaches it
  std::string token;             // the heartbeat's bearer token
  std::string trust_public_key;  // base64 of the Ed25519 key, "" when feeds are unsigned
  std::string hall_id;           // the hall the trust is for, "" for none
  int utc_offset_minutes = 8 * 60;
};

std::string player_xml(const PlayerXmlSettings& s);

}  // namespace hb::console
