#include <doctest/doctest.h>

#include "feed/player_config_reader.h"
#include "support.h"

namespace hb::test {
namespace {

std::optional<model::PlayerConfig> config(const std::string& xml, model::Diagnostics& out,
                                          const std::string& file = "/etc/hallboard/player.xml") {
  return feed::parse_player_config(xml, file, out);
}

// A config with one feed and `element`, which must be read without findings.
std::optional<model::PlayerConfig> clean_config_with(const std::string& element) {
  model::Diagnostics out;
  auto c = config("<player><feed url=\"a.xml\"/>" + element + "</player>", out);
  INFO(dump(out));
  CHECK(out.empty());
  return c;
}

}  // namespace

TEST_CASE("the spec's player config") {
  const std::string xml = R"(<player screen="lobby-1" timezone="+08:00">
  <feed url="https://admin.example.gov.cn/hall/content.xml" poll="60"/>
  <feed url="file:///srv/hallboard/roster.xml"/>
  <feed url="items.xml" poll="30"/>
  <cache dir="/var/lib/hallboard"/>
  <trust key="/etc/hallboard/feeds.pub"/>
  <display width="1080" height="1920" rotate="90" blank-outside-hours="30"/>
  <heartbeat url="https://admin.example.gov.cn/hall/heartbeat" interval="300" screenshot="true"/>
</player>)";
  model::Diagnostics out;
  const auto c = config(xml, out);
  INFO(dump(out));
  CHECK(out.empty());
  REQUIRE(c);
  CHECK(c->screen == "lobby-1");
  CHECK(c->utc_offset_minutes == 480);
  REQUIRE(c->feeds.size() == 3);
  CHECK(c->feeds[0].url == "https://admin.example.gov.cn/hall/content.xml");
  CHECK(c->feeds[1].url == "/srv/hallboard/roster.xml");
  CHECK(c->feeds[1].poll_seconds == 60);
  CHECK(c->feeds[2].url == "/etc/hallboard/items.xml");
  CHECK(c->feeds[2].poll_seconds == 30);
  CHECK(c->cache_dir == "/var/lib/hallboard");
  CHECK(c->trust_key == "/etc/hallboard/feeds.pub");
  CHECK(c->display.width == 1080);
  CHECK(c->display.height == 1920);
  CHECK(c->display.rotate == 90);
  CHECK(c->display.blank_outside_hours_minutes == 30);
  CHECK(c->display.renderer == "auto");
  REQUIRE(c->heartbeat);
  CHECK(c->heartbeat->screenshot);
  CHECK(c->trust_hall.empty());
  CHECK(c->clock_skew_seconds == 86400);
}

TEST_CASE("the panel's power (issue 20): none unless asked, dpms or cec with blank-outside-hours") {
  model::Diagnostics out;
  CHECK(config("<player><feed url=\"a.xml\"/><display/></player>", out)->display.power == "none");
  const auto c = config(
      "<player><feed url=\"a.xml\"/><display blank-outside-hours=\"30\" power=\"cec\"/></player>",
      out);
  CHECK(out.empty());
  REQUIRE(c);
  CHECK(c->display.power == "cec");
}

TEST_CASE("hallboard's extensions: the screen's hall and the clock skew") {
  model::Diagnostics out;
  const auto c = config(
      R"(<player clock-skew="3600"><feed url="a.xml"/>
<trust key="/etc/hallboard/feeds.pub" hall="530103-zwfw"/></player>)",
      out);
  INFO(dump(out));
  CHECK(out.empty());
  REQUIRE(c);
  CHECK(c->trust_hall == "530103-zwfw");
  CHECK(c->clock_skew_seconds == 3600);
}

TEST_CASE("the queue source (叫号联动): where, and how often") {
  struct Row {
    const char* element;
    std::optional<std::string> url;
    int poll;
    bool band = false;
  };
  const Row rows[] = {
      {"", std::nullopt, 0},
      {"<queue url=\"queue.xml\" band=\"bottom\"/>", "/etc/hallboard/queue.xml", 1, true},
      {"<queue url=\"queue.xml\" band=\"none\"/>", "/etc/hallboard/queue.xml", 1, false},
      {"<queue url=\"https://queue.example/hall/queue.xml\"/>",
       "https://queue.example/hall/queue.xml", 1},
      {"<queue url=\"http://127.0.0.1:8090/queue\" poll=\"2\"/>", "http://127.0.0.1:8090/queue", 2},
      {"<queue url=\"file:///run/queue/queue.xml\" poll=\"60\"/>", "/run/queue/queue.xml", 60},
      {"<queue url=\"queue.xml\"/>", "/etc/hallboard/queue.xml", 1},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.element));
    const auto c = clean_config_with(row.element);
    REQUIRE(c);
    REQUIRE(c->queue.has_value() == row.url.has_value());
    if (!row.url) continue;
    CHECK(c->queue->url == *row.url);
    CHECK(c->queue->poll_seconds == row.poll);
    CHECK(c->queue->band == row.band);
    CHECK(c->queue->where.line == 1);
  }
}

TEST_CASE("the voice (语音播报): <sound>") {
  struct Row {
    const char* element;
    bool given;
    int volume;
    const char* quiet;  // "from-to" in minutes, or ""
    const char* clips;
    bool urgent;
    int repeat;
  };
  const Row rows[] = {
      {"", false, 0, "", "", false, 0},
      {"<sound/>", true, 80, "", "", true, 10},
      {"<sound volume=\"100\" quiet-from=\"22:00\" quiet-to=\"07:00\" clips=\"clips\" "
       "urgent=\"false\" urgent-repeat=\"0\"/>",
       true, 100, "1320-420", "/etc/hallboard/clips", false, 0},
      {"<sound volume=\"0\" quiet-from=\"18:00\" quiet-to=\"24:00\" clips=\"file:///srv/clips\"/>",
       true, 0, "1080-1440", "/srv/clips", true, 10},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.element));
    const auto c = clean_config_with(row.element);
    REQUIRE(c);
    REQUIRE(c->sound.has_value() == row.given);
    if (!row.given) continue;
    const auto& s = *c->sound;
    CHECK(s.volume == row.volume);
    const std::string quiet = s.quiet_from && s.quiet_to ? std::to_string(s.quiet_from->minutes) + "-" +
                                                               std::to_string(s.quiet_to->minutes)
                                                         : "";
    CHECK(quiet == row.quiet);
    CHECK(s.clips == row.clips);
    CHECK(s.urgent == row.urgent);
    CHECK(s.urgent_repeat_minutes == row.repeat);
  }
}

TEST_CASE("feed locations resolve against the config") {
  const std::pair<const char*, const char*> rows[] = {
      {"hall.xml", "content/hall.xml"},
      {"sub/roster.xml", "content/sub/roster.xml"},
      {"/srv/a.xml", "/srv/a.xml"},
      {"file:///srv/a.xml", "/srv/a.xml"},
      {"http://127.0.0.1:8080/a.xml", "http://127.0.0.1:8080/a.xml"},
  };
  for (const auto& [url, location] : rows) {
    model::Diagnostics out;
    const auto c = config("<player><feed url=\"" + std::string(url) + "\"/></player>", out,
                          "content/player.xml");
    CAPTURE(std::string(url));
    REQUIRE(c);
    REQUIRE(c->feeds.size() == 1);
    CHECK(c->feeds[0].url == location);
  }
}

TEST_CASE("feed locations in a config fetched over http resolve against its URL") {
  const std::pair<const char*, const char*> rows[] = {
      {"hall.xml", "https://admin.example.gov.cn/hall/hall.xml"},
      {"/other/x.xml", "https://admin.example.gov.cn/other/x.xml"},
      {"file://localhost/srv/a.xml", "/srv/a.xml"},
  };
  for (const auto& [url, location] : rows) {
    CAPTURE(std::string(url));
    CHECK(feed::resolve_feed_location(url, "https://admin.example.gov.cn/hall/player.xml") ==
          location);
  }
}

TEST_CASE("config mistakes") {
  struct Row {
    const char* name;
    std::string marked;
    const char* message;
  };
  const std::vector<Row> rows = {
      {"no feeds", "⚑<player screen=\"a\"/>", "needs at least one <feed"},
      {"a feed listed twice",
       "<player><feed url=\"a.xml\"/>\n<feed ⚑url=\"./../hallboard/a.xml\"/></player>",
       "already listed at line 1"},
      {"ftp feed", "<player><feed ⚑url=\"ftp://a.example/x.xml\"/></player>",
       "an http://, https:// or file:/// URL"},
      {"remote file URL", "<player><feed ⚑url=\"file://server/x.xml\"/></player>", "file:///"},
      {"bad time zone", "<player ⚑timezone=\"CST\"><feed url=\"a.xml\"/></player>",
       "a fixed offset"},
      {"bad rotation", "<player><feed url=\"a.xml\"/><display ⚑rotate=\"45\"/></player>",
       "expected 0, 90, 180 or 270"},
      {"tls without its file", "<player><feed url=\"a.xml\"/>⚑<tls/></player>", "ca-file"},
      {"bad renderer", "<player><feed url=\"a.xml\"/><display ⚑renderer=\"fast\"/></player>",
       "auto, gpu or cpu"},
      {"power without blank-outside-hours",
       "<player><feed url=\"a.xml\"/><display ⚑power=\"dpms\"/></player>",
       "<display> power=\"dpms\" needs blank-outside-hours"},
      {"bad power",
       "<player><feed url=\"a.xml\"/><display blank-outside-hours=\"30\" ⚑power=\"hdmi\"/></player>",
       "none, dpms or cec"},
      {"bad poll", "<player><feed url=\"a.xml\" ⚑poll=\"0\"/></player>", "poll=\"0\" is not valid"},
      {"heartbeat needs http", "<player><feed url=\"a.xml\"/><heartbeat ⚑url=\"/hb\"/></player>",
       "absolute http"},
      {"a clock skew below a minute", "<player ⚑clock-skew=\"59\"><feed url=\"a.xml\"/></player>",
       "clock-skew=\"59\" is not valid: expected a whole number from 60 to 31622400"},
      {"queue without url", "<player><feed url=\"a.xml\"/>⚑<queue/></player>",
       "<queue> needs the attribute url"},
      {"queue poll of 0", "<player><feed url=\"a.xml\"/><queue url=\"q.xml\" ⚑poll=\"0\"/></player>",
       "poll=\"0\" is not valid: expected a whole number from 1 to 60"},
      {"queue poll of 61", "<player><feed url=\"a.xml\"/><queue url=\"q.xml\" ⚑poll=\"61\"/></player>",
       "from 1 to 60"},
      {"queue band at the top", "<player><feed url=\"a.xml\"/><queue url=\"q.xml\" ⚑band=\"top\"/></player>",
       "band=\"top\""},
      {"queue over ftp", "<player><feed url=\"a.xml\"/><queue ⚑url=\"ftp://q.example/q.xml\"/></player>",
       "an http://, https:// or file:/// URL"},
      {"queue twice",
       "<player><feed url=\"a.xml\"/><queue url=\"q.xml\"/>⚑<queue url=\"r.xml\"/></player>",
       "<queue> appears more than once"},
      {"the queue is a feed", "<player><feed url=\"a.xml\"/><queue ⚑url=\"./a.xml\"/></player>",
       "is the <feed> at line 1"},
      {"sound louder than full", "<player><feed url=\"a.xml\"/><sound ⚑volume=\"101\"/></player>",
       "volume=\"101\" is not valid: expected a whole number of at most 100"},
      {"sound with only quiet-from",
       "<player><feed url=\"a.xml\"/><sound ⚑quiet-from=\"22:00\"/></player>",
       "<sound> needs both quiet-from and quiet-to, or neither"},
      {"a quiet time of no length",
       "<player><feed url=\"a.xml\"/><sound quiet-from=\"22:00\" ⚑quiet-to=\"22:00\"/></player>",
       "a quiet time of no length"},
      {"quiet-from written 9:00",
       "<player><feed url=\"a.xml\"/><sound ⚑quiet-from=\"9:00\" quiet-to=\"10:00\"/></player>",
       "quiet-from=\"9:00\""},
      {"clips on a web server",
       "<player><feed url=\"a.xml\"/><sound ⚑clips=\"https://a.example/clips\"/></player>",
       "a folder on this computer"},
      {"urgent-repeat over a day",
       "<player><feed url=\"a.xml\"/><sound ⚑urgent-repeat=\"1441\"/></player>", "of at most 1440"},
      {"sound twice", "<player><feed url=\"a.xml\"/><sound/>⚑<sound/></player>",
       "<sound> appears more than once"},
      {"bad screenshot flag",
       "<player><feed url=\"a.xml\"/><heartbeat url=\"https://a.example/hb\" "
       "⚑screenshot=\"y\"/></player>",
       "true or false"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.name));
    const Marked m = unmark(row.marked);
    model::Diagnostics out;
    (void)config(m.text, out);
    INFO(dump(out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].severity == model::Severity::error);
    CHECK(out[0].where.line == m.line);
    CHECK(out[0].where.column == m.column);
    CHECK(out[0].message.find(row.message) != std::string::npos);
  }
}

}  // namespace hb::test

namespace hb::feed {

TEST_CASE("player config: <trust public-key> gives the key inline (console screen add)") {
  const std::string key = "MCowBQYDK2VwAyEAI+9bJilQos1RwVdYOCL2U8APQiyKUd2FEmDUekQFId0=";
  struct Case {
    std::string trust;
    bool ok;
  };
  const Case cases[] = {
      {"<trust public-key=\"" + key + "\"/>", true},
      {"<trust public-key=\"" + key + "\" hall=\"530103-zwfw\"/>", true},
      {"<trust public-key=\"" + key + "\" key=\"/etc/hallboard/feeds.pub\"/>", false},
      {"<trust public-key=\"not a key\"/>", false},
      {"<trust public-key=\"MCowBQYDK2VwAyEAI+9bJilQos1RwVdYOCL2U8APQiyKUd2FEmDUekQFId0\"/>", false},
      {"<trust/>", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.trust);
    model::Diagnostics out;
    const auto config = parse_player_config(
        "<player screen=\"s\"><feed url=\"https://e.example/a.xml\"/>" + c.trust + "</player>", "p.xml", out);
    REQUIRE(config);
    CHECK(model::has_errors(out) == !c.ok);
    if (c.ok) {
      CHECK(config->trust_key_pem == "-----BEGIN PUBLIC KEY-----\n" + key + "\n-----END PUBLIC KEY-----\n");
      CHECK_FALSE(config->trust_key.empty());  // signed feeds are required
    }
  }
}

}  // namespace hb::feed
