// The player.xml `screen add` and the new-token page give out: a config the
// player reads without a problem, with everything the issue lists.
#include <doctest/doctest.h>

#include "console/player_xml.h"
#include "feed/feed.h"
#include "model/diagnostic.h"

using namespace hb;

TEST_CASE(
    "player.xml: a clean player config with feeds, heartbeat, token, trust and display defaults") {
  struct Case {
    const char* name;
    std::string key;
  };
  for (const Case& c :
       {Case{"unsigned", ""},
        Case{"signed", "MCowBQYDK2VwAyEAlGp5xDtoXTXsH46GxcF2Nwl34RrxI4+u9Vs8JgKBPjo="}}) {
    CAPTURE(c.name);
    console::PlayerXmlSettings s;
    s.screen = "1楼-大厅";
    s.base_url = "http://console.hall.lan:8080";
    s.token = "tok-123";
    s.trust_public_key = c.key;
    const std::string xml = console::player_xml(s);
    model::Diagnostics found;
    const auto config = feed::parse_player_config(xml, "player.xml", found);
    REQUIRE(config);
    for (const auto& d : found)
      MESSAGE(d.message);
    CHECK(found.empty());
    CHECK(config->screen == "1楼-大厅");
    CHECK(config->feeds.size() == 6);
    REQUIRE(config->heartbeat);
    CHECK(config->heartbeat->url == "http://console.hall.lan:8080/api/v1/heartbeat");
    CHECK(config->heartbeat->token == "tok-123");
    CHECK(config->heartbeat->screenshot);
    CHECK(config->display.width == 1920);
    CHECK(config->display.height == 1080);
    CHECK(config->display.blank_outside_hours_minutes == 30);
    CHECK((xml.find("<trust") != std::string::npos) == !c.key.empty());
  }
}
