// The heartbeat's JSON body, the frame shrinking, the memory reading and
// when a report falls due. The network side: tests/app/test_heartbeat.cpp.
#include <doctest/doctest.h>

#include <chrono>
#include <cstring>
#include <mutex>
#include <thread>

#include "app/feed_fetcher.h"
#include "app/heartbeat.h"
#include "app/heartbeat_report.h"
#include "app/process_memory.h"

namespace hb::app {
namespace {

HeartbeatReport sample() {
  HeartbeatReport r;
  r.screen = "lobby-1";
  r.version = "0.1.0";
  r.time = 1795744800;  // 2026-11-27T10:00:00+08:00
  r.utc_offset_minutes = 480;
  r.uptime_seconds = 3600;
  r.renderer = "cpu compositor (x11)";
  r.page = {"showing", "items", 2, 3, "居民身份证换领"};
  r.memory = {123456789, 98765432};
  r.feeds.push_back({"https://a.example/hall.xml", "2026-11-27T08:00:00+08:00",
                     std::string(64, 'a'), "ok", 1795744740});
  r.feeds.push_back({"https://a.example/items.xml", "", "", "", std::nullopt});
  return r;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

Frame solid(int width, int height, std::uint32_t argb, int pad = 0) {
  Frame f;
  f.width = width;
  f.height = height;
  f.pitch = width * 4 + pad;
  f.pixels.assign(static_cast<std::size_t>(f.pitch) * static_cast<std::size_t>(height), 0);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      std::memcpy(f.pixels.data() + y * f.pitch + x * 4, &argb, 4);
  return f;
}

std::uint32_t at(const Frame& f, int x, int y) {
  std::uint32_t v = 0;
  std::memcpy(&v, f.pixels.data() + y * f.pitch + x * 4, 4);
  return v;
}

}  // namespace

TEST_CASE("heartbeat JSON: every field, in the player's zone") {
  const std::string j = heartbeat_json(sample());
  CAPTURE(j);
  const char* expected[] = {
      "\"format\": \"hallboard-heartbeat-2\"",
      "\"screen\": \"lobby-1\"",
      "\"version\": \"0.1.0\"",
      "\"time\": \"2026-11-27T10:00:00+08:00\"",
      "\"uptime_seconds\": 3600",
      "\"renderer\": \"cpu compositor (x11)\"",
      "\"page\": {\"state\": \"showing\", \"slide_type\": \"items\", \"page\": 2, "
      "\"page_count\": 3, \"item\": \"居民身份证换领\"}",
      "\"memory\": {\"rss_bytes\": 123456789, \"pss_bytes\": 98765432}",
      "{\"url\": \"https://a.example/hall.xml\", \"generated\": \"2026-11-27T08:00:00+08:00\", "
      "\"sha256\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", "
      "\"last_result\": \"ok\", \"last_fetch\": \"2026-11-27T09:59:00+08:00\"}",
      "{\"url\": \"https://a.example/items.xml\", \"generated\": \"\", \"sha256\": \"\", "
      "\"last_result\": \"\", \"last_fetch\": null}",
  };
  for (const std::string part : expected) {
    CAPTURE(part);
    CHECK(has(j, part));
  }
  CHECK_FALSE(has(j, "screenshot"));
  CHECK(j.front() == '{');
  CHECK(j.substr(j.size() - 2) == "}\n");
}

TEST_CASE("heartbeat-2 JSON: the interval and the proof-of-play lines as they are") {
  struct Row {
    const char* name;
    std::vector<std::string> play;
    bool more;
    std::vector<std::string> expected;
  };
  const std::vector<Row> rows = {
      {"no lines", {}, false, {"\"play\": [],\n  \"play_more\": false\n}"}},
      {"two lines, more waiting",
       {"{\"seq\":4,\"screen\":\"a\"}", "{\"seq\":6,\"item\":\"x\"}"},
       true,
       {"\"play\": [\n    {\"seq\":4,\"screen\":\"a\"},\n    {\"seq\":6,\"item\":\"x\"}\n  ]",
        "\"play_more\": true"}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    HeartbeatReport r = sample();
    r.interval_seconds = 60;
    r.play = row.play;
    r.play_more = row.more;
    const std::string j = heartbeat_json(r);
    CAPTURE(j);
    CHECK(has(j, "\"format\": \"hallboard-heartbeat-2\""));
    CHECK(has(j, "\"interval_seconds\": 60,"));
    for (const auto& part : row.expected)
      CHECK(has(j, part));
  }
}

TEST_CASE("heartbeat-1 JSON: for an older console, without what -2 added") {
  HeartbeatReport r = sample();
  r.format = 1;
  r.interval_seconds = 60;
  r.play = {"{\"seq\":4,\"screen\":\"a\"}"};
  const std::string j = heartbeat_json(r);
  CAPTURE(j);
  CHECK(has(j, "\"format\": \"hallboard-heartbeat-1\""));
  CHECK_FALSE(has(j, "interval_seconds"));
  CHECK_FALSE(has(j, "\"play"));
  CHECK(has(j, "\"feeds\": ["));
  CHECK(has(j, "\n}\n"));
}

TEST_CASE("heartbeat format: -1 after a 400, 415 or 422 to a -2, -2 again an hour later") {
  const HeartbeatFormat fresh;
  const HeartbeatFormat fell_back{1, 1000.0 + kHeartbeatFormatRetrySeconds};
  struct Row {
    const char* name;
    HeartbeatFormat before;
    int sent;
    long status;
    double now;
    HeartbeatFormat after;
  };
  const std::vector<Row> rows = {
      {"-2 taken", fresh, 2, 200, 1000, fresh},
      {"-2 taken without ack", fresh, 2, 204, 1000, fresh},
      {"-2 refused: 400", fresh, 2, 400, 1000, fell_back},
      {"-2 refused: 415", fresh, 2, 415, 1000, fell_back},
      {"-2 refused: 422", fresh, 2, 422, 1000, fell_back},
      {"a 500 says nothing of the layout", fresh, 2, 500, 1000, fresh},
      {"no answer says nothing", fresh, 2, 0, 1000, fresh},
      {"a 401 (token) is not about the layout", fresh, 2, 401, 1000, fresh},
      {"-1 taken: the retry time stays", fell_back, 1, 204, 2000, fell_back},
      {"-1 refused: still -1", fell_back, 1, 400, 2000, fell_back},
      {"-2 tried again, taken", fell_back, 2, 200, 4700, fresh},
      {"-2 tried again, refused: an hour more",
       fell_back,
       2,
       400,
       4700,
       {1, 4700 + kHeartbeatFormatRetrySeconds}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    const HeartbeatFormat after = heartbeat_format_after(row.before, row.sent, row.status, row.now);
    CHECK(after.version == row.after.version);
    CHECK(after.retry_at == row.after.retry_at);
  }
  struct Version {
    HeartbeatFormat format;
    double now;
    int version;
  };
  const std::vector<Version> versions = {
      {fresh, 0, 2}, {fell_back, 1001, 1}, {fell_back, 4599.9, 1}, {fell_back, 4600, 2}};
  for (const auto& v : versions) {
    CAPTURE(v.now);
    CHECK(heartbeat_version(v.format, v.now) == v.version);
  }
}

TEST_CASE("heartbeat JSON: pages that are not a slide say only their state") {
  struct Row {
    const char* state;
    const char* expected;
  };
  const Row rows[] = {
      {"dark", "\"page\": {\"state\": \"dark\"}"},
      {"waiting", "\"page\": {\"state\": \"waiting\"}"},
  };
  for (const auto& row : rows) {
    HeartbeatReport r = sample();
    r.page = {};
    r.page.state = row.state;
    CAPTURE(row.state);
    CHECK(has(heartbeat_json(r), row.expected));
  }
}

TEST_CASE("heartbeat page: from the page on screen") {
  struct Row {
    const char* slide_type;
    int page, page_count;
    const char* item;
    bool dark;
    HeartbeatPage expected;
  };
  const Row rows[] = {
      {"items", 1, 3, "", false, {"showing", "items", 2, 3, ""}},
      {"item", 0, 1, "JS-001", false, {"showing", "item", 1, 1, "JS-001"}},
      {"urgent", 0, 1, "", false, {"urgent", "urgent", 1, 1, ""}},
      {"waiting", 0, 1, "", false, {"waiting", "", 1, 1, ""}},
      {"roster", 0, 2, "", true, {"dark", "", 1, 1, ""}},
  };
  for (const auto& row : rows) {
    layout::Page page;
    page.slide_type = row.slide_type;
    page.page = row.page;
    page.page_count = row.page_count;
    page.item = row.item;
    const HeartbeatPage p = heartbeat_page(page, row.dark);
    CAPTURE(std::string(row.slide_type));
    CHECK(p.state == row.expected.state);
    CHECK(p.slide_type == row.expected.slide_type);
    CHECK(p.page == row.expected.page);
    CHECK(p.page_count == row.expected.page_count);
    CHECK(p.item == row.expected.item);
  }
}

TEST_CASE("heartbeat JSON: text is escaped, Chinese kept as UTF-8") {
  struct Row {
    std::string screen;
    std::string expected;
  };
  const Row rows[] = {
      {"a\"b", "\"screen\": \"a\\\"b\""},
      {"line\nnext", "\"screen\": \"line\\nnext\""},
      {"back\\slash", "\"screen\": \"back\\\\slash\""},
      {"tab\there", "\"screen\": \"tab\\there\""},
      {std::string("bell\x07", 5), "\"screen\": \"bell\\u0007\""},
      {"一楼大厅", "\"screen\": \"一楼大厅\""},
  };
  for (const auto& row : rows) {
    HeartbeatReport r = sample();
    r.screen = row.screen;
    CAPTURE(row.expected);
    CHECK(has(heartbeat_json(r), row.expected));
  }
  HeartbeatReport r = sample();
  r.feeds[0].last_result = "https://a.example/hall.xml refused: \"generated\"\nis older";
  CHECK(
      has(heartbeat_json(r),
          "\"last_result\": \"https://a.example/hall.xml refused: \\\"generated\\\"\\nis older\""));
}

TEST_CASE("heartbeat JSON: the screenshot as base64 PNG") {
  struct Row {
    std::string bytes;
    std::string base64;
  };
  const Row rows[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {std::string("\x89PNG\r\n\x1a\n", 8), "iVBORw0KGgo="},
      {std::string("\x00\xff\xfe", 3), "AP/+"},
  };
  for (const auto& row : rows) {
    HeartbeatReport r = sample();
    r.screenshot = HeartbeatScreenshot{row.bytes, 960, 540};
    CAPTURE(row.base64);
    CHECK(has(heartbeat_json(r),
              "\"screenshot\": {\"type\": \"image/png\", \"width\": 960, "
              "\"height\": 540, \"base64\": \"" +
                  row.base64 + "\"}"));
  }
}

TEST_CASE("heartbeat feeds: the fetcher's state, never-fetched as null") {
  const std::vector<FeedState> states = {
      {"https://a.example/hall.xml", "2026-11-27T08:00:00+08:00", "ab", "ok", 1795744740.7},
      {"https://a.example/items.xml", "", "", "", 0},
  };
  const auto feeds = heartbeat_feeds(states);
  REQUIRE(feeds.size() == 2);
  CHECK(feeds[0].url == "https://a.example/hall.xml");
  CHECK(feeds[0].generated == "2026-11-27T08:00:00+08:00");
  CHECK(feeds[0].sha256 == "ab");
  CHECK(feeds[0].last_result == "ok");
  CHECK(feeds[0].last_fetch == model::UnixSeconds{1795744740});
  CHECK_FALSE(feeds[1].last_fetch);
}

TEST_CASE("heartbeat times: ISO 8601 with the player's offset") {
  struct Row {
    model::UnixSeconds t;
    int offset;
    const char* text;
  };
  const Row rows[] = {
      {0, 0, "1970-01-01T00:00:00+00:00"},
      {1795744800, 480, "2026-11-27T10:00:00+08:00"},
      {1795744800, -330, "2026-11-26T20:30:00-05:30"},
      {-1, 0, "1969-12-31T23:59:59+00:00"},
  };
  for (const auto& row : rows) {
    CAPTURE(std::string(row.text));
    CHECK(iso_local_time(row.t, row.offset) == row.text);
  }
}

TEST_CASE("shrink_frame: box filter to the width asked, aspect kept") {
  // Left half red, right half blue, one blue pixel in the red half that a
  // 2x2 box averages.
  Frame f = solid(1920, 1080, 0xFFFF0000u, 8);
  for (int y = 0; y < 1080; ++y)
    for (int x = 960; x < 1920; ++x) {
      const std::uint32_t blue = 0xFF0000FFu;
      std::memcpy(f.pixels.data() + y * f.pitch + x * 4, &blue, 4);
    }
  const std::uint32_t blue = 0xFF0000FFu;
  std::memcpy(f.pixels.data() + 100 * f.pitch + 100 * 4, &blue, 4);
  const Frame s = shrink_frame(f, 960);
  CHECK(s.width == 960);
  CHECK(s.height == 540);
  CHECK(s.pitch == 960 * 4);
  CHECK(s.pixels.size() == 960u * 4u * 540u);
  CHECK(at(s, 0, 0) == 0xFFFF0000u);
  CHECK(at(s, 479, 539) == 0xFFFF0000u);
  CHECK(at(s, 480, 0) == 0xFF0000FFu);
  CHECK(at(s, 959, 539) == 0xFF0000FFu);
  // (3 red + 1 blue) / 4, rounded: red 191, blue 64.
  CHECK(at(s, 50, 50) == 0xFFBF0040u);

  struct Row {
    int w, h, max, out_w, out_h;
  };
  const Row rows[] = {
      {1080, 1920, 960, 960, 1707},  // portrait
      {800, 600, 960, 800, 600},     // narrow enough: unchanged
      {3840, 2160, 960, 960, 540},  {1366, 768, 960, 960, 540}, {5000, 1, 960, 960, 1},
  };
  for (const auto& row : rows) {
    CAPTURE(row.w);
    const Frame r = shrink_frame(solid(row.w, row.h, 0xFF102030u), row.max);
    CHECK(r.width == row.out_w);
    CHECK(r.height == row.out_h);
    CHECK(at(r, r.width - 1, r.height - 1) == 0xFF102030u);
  }
}

TEST_CASE("process memory: smaps_rollup is read, SwapPss is not Pss") {
  const char* text =
      "5624aaca2000-7ffcd5dad000 ---p 00000000 00:00 0  [rollup]\n"
      "Rss:                1816 kB\n"
      "Pss:                 339 kB\n"
      "Pss_Dirty:           116 kB\n"
      "SwapPss:               7 kB\n";
  const ProcessMemory m = parse_smaps_rollup(text);
  CHECK(m.rss_bytes == 1816u * 1024u);
  CHECK(m.pss_bytes == 339u * 1024u);
  const ProcessMemory swap_first = parse_smaps_rollup("SwapPss: 7 kB\nRss: 2 kB\n");
  CHECK(swap_first.rss_bytes == 2048u);
  CHECK(swap_first.pss_bytes == 0u);
  CHECK(parse_smaps_rollup("").rss_bytes == 0u);
  const ProcessMemory self = read_process_memory();
  CHECK(self.rss_bytes > 1024u * 1024u);
}

TEST_CASE("heartbeat: due soon after start, then every interval from the last submit") {
  HeartbeatOptions o;
  o.url = "unused://nowhere";  // refused without a request: no network here
  o.interval_seconds = 300;
  o.first_after_seconds = 10;
  std::mutex rotation;
  HeartbeatSender sender(o, {}, 1000.0, rotation);
  struct Row {
    double now;
    bool due;
    bool submit;
  };
  const Row rows[] = {
      {1000.0, false, false}, {1009.9, false, false}, {1010.0, true, true},
      {1011.0, false, false}, {1309.0, false, false}, {1310.0, true, false},
      {1400.0, true, true},   {1699.5, false, false}, {1700.0, true, false},
  };
  for (const auto& row : rows) {
    CAPTURE(row.now);
    CHECK(sender.due(row.now) == row.due);
    if (row.submit) sender.submit(HeartbeatReport{}, std::nullopt, row.now);
  }
  // The refusal comes back as a log line, naming the URL.
  std::string log;
  for (int i = 0; i < 500 && !has(log, "only http and https"); ++i) {
    for (const auto& line : sender.take_log())
      log += line + "\n";
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  CAPTURE(log);
  CHECK(has(log, "heartbeat to unused://nowhere: only http and https"));
}

}  // namespace hb::app

namespace hb::app {

TEST_CASE("heartbeat JSON: the alerts source, only with <alerts>, escaped as JSON") {
  HeartbeatReport r = sample();
  CHECK_FALSE(has(heartbeat_json(r), "\"alerts\""));
  r.alerts = HeartbeatAlerts{"https://alerts.example.gov.cn/cap/atom.xml", "HTTP 503 \"busy\""};
  const std::string j = heartbeat_json(r);
  CAPTURE(j);
  CHECK(has(j, "\"alerts\": {\"url\": \"https://alerts.example.gov.cn/cap/atom.xml\", "
               "\"last_result\": \"HTTP 503 \\\"busy\\\"\"}"));
}

TEST_CASE("heartbeat JSON: the queue source, only with a <queue>, escaped as JSON") {
  HeartbeatReport r = sample();
  CHECK_FALSE(has(heartbeat_json(r), "\"queue\""));
  r.queue = HeartbeatQueue{"http://10.0.0.5/queue.xml", "timed out \"5 s\"", false};
  const std::string j = heartbeat_json(r);
  CAPTURE(j);
  CHECK(has(j, "\"queue\": {\"url\": \"http://10.0.0.5/queue.xml\", "
               "\"last_result\": \"timed out \\\"5 s\\\"\", \"live\": false}"));
}

}  // namespace hb::app

namespace hb::app {

TEST_CASE("heartbeat JSON: the panel's power, only with <display power>") {
  HeartbeatReport r = sample();
  CHECK_FALSE(has(heartbeat_json(r), "\"panel\""));
  r.panel = "off";
  const std::string j = heartbeat_json(r);
  CAPTURE(j);
  CHECK(has(j, ",\n  \"panel\": \"off\""));
}

}  // namespace hb::app
