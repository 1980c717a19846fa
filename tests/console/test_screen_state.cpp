// screen_state, read_report and listed_before: online/offline after three
// intervals, content_current against the latest published feeds, and the
// 屏幕 page's order (answers.md issue 18), as tables.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "console/screen_state.h"

namespace hb::console {

namespace {

const std::vector<PublishedFeed> kLatest = {{"roster.xml", "aa"}, {"items.xml", "bb"}};

std::string report(const std::string& feeds) {
  return R"({"format":"hallboard-heartbeat-1","feeds":[)" + feeds + "]}";
}

const std::string kCurrent = report(R"({"url":"http://c/feeds/roster.xml","sha256":"aa"},)"
                                    R"({"url":"http://c/feeds/items.xml","sha256":"bb"})");

}  // namespace

TEST_CASE("screen_state: offline after three intervals without a heartbeat") {
  struct Case {
    const char* what;
    std::optional<std::int64_t> last_seen;
    int interval;
    std::int64_t now;
    bool online;
  };
  const Case cases[] = {
      {"never reported", std::nullopt, 60, 1000, false},
      {"just now", 1000, 60, 1000, true},
      {"one second before three intervals", 1000, 60, 1179, true},
      {"exactly three intervals", 1000, 60, 1180, false},
      {"long ago", 1000, 60, 100000, false},
      {"a 10 s screen is offline after 30 s", 1000, 10, 1030, false},
      {"a 10 s screen at 29 s is online", 1000, 10, 1029, true},
      {"a 300 s screen at 600 s is online", 1000, 300, 1600, true},
      {"a nonsense interval counts as 60 s", 1000, 0, 1179, true},
      {"a negative interval counts as 60 s", 1000, -5, 1180, false},
      {"the console's clock went back: still online", 1000, 60, 900, true},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const ScreenState s = screen_state({"s1", c.last_seen, c.interval, kCurrent}, c.now, kLatest);
    CHECK(s.online == c.online);
    CHECK(s.seconds_since_contact.has_value() == c.last_seen.has_value());
    if (c.last_seen) CHECK(*s.seconds_since_contact == std::max<std::int64_t>(0, c.now - *c.last_seen));
  }
}

TEST_CASE("screen_state: content_current when every reported feed is the latest published") {
  struct Case {
    const char* what;
    std::string report;
    std::vector<PublishedFeed> latest;
    bool current;
  };
  const Case cases[] = {
      {"both feeds latest", kCurrent, kLatest, true},
      {"one feed only, latest", report(R"({"url":"http://c/feeds/roster.xml","sha256":"aa"})"), kLatest, true},
      {"an old roster", report(R"({"url":"http://c/feeds/roster.xml","sha256":"old"})"), kLatest, false},
      {"a feed never published", report(R"({"url":"http://c/feeds/other.xml","sha256":"aa"})"), kLatest, false},
      {"no feeds reported", report(""), kLatest, false},
      {"nothing published yet", kCurrent, {}, false},
      {"no report yet", "", kLatest, false},
      {"a report that is not JSON", "{not json", kLatest, false},
      {"a feed that is not an object", report(R"("roster.xml")"), kLatest, false},
      {"sha256 missing", report(R"({"url":"http://c/feeds/roster.xml"})"), kLatest, false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    CHECK(screen_state({"s1", 1000, 60, c.report}, 1000, c.latest).content_current == c.current);
  }
}

TEST_CASE("listed_before: offline first, then out of date, then a wrong clock, then by id") {
  std::vector<std::pair<ScreenFacts, ScreenState>> screens = {
      {{"a-ok", 1, 60, ""}, {true, true, 0, {}}},
      {{"b-old", 1, 60, ""}, {true, false, 0, {}}},
      {{"c-down", 1, 60, ""}, {false, true, 0, {}}},
      {{"d-down-old", 1, 60, ""}, {false, false, 0, {}}},
      {{"a-down-old", 1, 60, ""}, {false, false, 0, {}}},
      {{"a-late-clock", 1, 60, ""}, {true, true, 0, -10800}},
      {{"a-close-clock", 1, 60, ""}, {true, true, 0, 90}},
  };
  std::sort(screens.begin(), screens.end(), [](const auto& a, const auto& b) {
    return listed_before(a.first, a.second, b.first, b.second);
  });
  std::vector<std::string> order;
  for (const auto& s : screens) order.push_back(s.first.id);
  CHECK(order == std::vector<std::string>{"a-down-old", "d-down-old", "c-down", "b-old", "a-late-clock",
                                          "a-close-clock", "a-ok"});
  CHECK(screens[4].second.needs_attention());
  CHECK_FALSE(screens[5].second.needs_attention());
  CHECK(screens.front().second.needs_attention());
  CHECK_FALSE(screens.back().second.needs_attention());
}

TEST_CASE("clock skew: the player's time against the receive time; shown beyond two minutes") {
  struct Case {
    const char* what;
    std::string time;  // the report's `time`
    std::optional<std::int64_t> skew;
    const char* shown;
  };
  // Received at 2026-11-27T02:00:00Z = 10:00 in Beijing.
  constexpr std::int64_t kReceived = 1795744800;
  const Case cases[] = {
      {"right", "2026-11-27T10:00:00+08:00", 0, ""},
      {"the same instant at UTC+0", "2026-11-27T02:00:00+00:00", 0, ""},
      {"two minutes ahead: not shown", "2026-11-27T10:02:00+08:00", 120, ""},
      {"two minutes and a second behind", "2026-11-27T09:57:59+08:00", -121, "时钟偏差 -2分钟"},
      {"three hours ahead", "2026-11-27T13:00:00+08:00", 10800, "时钟偏差 +3小时"},
      {"a day and a half behind", "2026-11-25T22:30:00+08:00", -127800, "时钟偏差 -35小时30分钟"},
      {"no offset: unknown", "2026-11-27T13:00:00", std::nullopt, ""},
      {"no time", "", std::nullopt, ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const std::string report = R"({"format":"hallboard-heartbeat-2","time":")" + c.time + R"("})";
    const auto skew = clock_skew(report, kReceived);
    CHECK(skew == c.skew);
    CHECK(skew_text(skew) == c.shown);
  }
  const ScreenState s = screen_state({"s1", kReceived, 60, R"({"time":"2026-11-27T13:00:00+08:00"})"}, kReceived + 5, {});
  CHECK(s.clock_skew_seconds == std::optional<std::int64_t>(10800));
}

TEST_CASE("read_report: the parts the page shows, absent when not reported") {
  const ScreenReport r = read_report(
      R"({"uptime_seconds":3600,"renderer":"opengl","page":{"state":"showing","slide_type":"roster",)"
      R"("page":2,"page_count":3,"item":"x"},"memory":{"rss_bytes":1048576},)"
      R"("feeds":[{"url":"http://c/feeds/roster.xml"}]})");
  CHECK(r.uptime_seconds == 3600);
  CHECK(r.renderer == "opengl");
  CHECK(r.page_state == "showing");
  CHECK(r.slide_type == "roster");
  CHECK(r.page == 2);
  CHECK(r.page_count == 3);
  CHECK(r.rss_bytes == 1048576);
  CHECK(r.feeds == std::vector<std::string>{"roster.xml"});
  for (const char* odd : {"", "[]", "{\"page\":7,\"memory\":\"big\",\"uptime_seconds\":\"1\"}"}) {
    CAPTURE(odd);
    const ScreenReport e = read_report(odd);
    CHECK_FALSE(e.uptime_seconds);
    CHECK_FALSE(e.rss_bytes);
    CHECK(e.page_state.empty());
    CHECK(e.renderer.empty());
  }
}

}  // namespace hb::console

namespace hb::console {

TEST_CASE("read_report: the queue source, when the screen has one") {
  const struct {
    const char* report;
    std::optional<bool> live;
    const char* result;
  } rows[] = {
      {R"({"feeds":[]})", std::nullopt, ""},
      {R"({"queue":{"url":"u","last_result":"ok","live":true}})", true, "ok"},
      {R"({"queue":{"url":"u","last_result":"timed out","live":false}})", false, "timed out"},
      {R"({"queue":{"live":"yes"}})", false, ""},
      {R"({"queue":7})", std::nullopt, ""},
  };
  for (const auto& row : rows) {
    CAPTURE(row.report);
    const ScreenReport r = read_report(row.report);
    CHECK(r.queue_live == row.live);
    CHECK(r.queue_result == row.result);
  }
}

}  // namespace hb::console
