// The heartbeat against a receiver of our own on 127.0.0.1
// (tests/net/heartbeat_receiver.py), which records each POST and decodes
// its screenshot: the report arrives as one JSON document with a PNG of the
// frame, failures are logged without stopping later heartbeats, and a
// receiver that never answers holds up neither the drawing loop nor the end.
// Also the fetcher's per-feed state that the report carries.
#include <doctest/doctest.h>

#include <array>
#include <cstring>
#include <memory>
#include <mutex>

#include "app/feed_fetcher.h"
#include "app/heartbeat.h"
#include "app/play_backlog.h"
#include "net/cache.h"
#include "net/net_support.h"

namespace hb::test {
namespace {

const std::string kReceiver =
    std::string(HALLBOARD_SOURCE_DIR) + "/tests/net/heartbeat_receiver.py";

// The frame: black, with an orange rectangle at x 400-799, y 200-399.
constexpr std::uint32_t kBlack = 0xFF000000u;
constexpr std::uint32_t kOrange = 0xFFFF8000u;

app::Frame test_frame() {
  app::Frame f;
  f.width = 1920;
  f.height = 1080;
  f.pitch = 1920 * 4 + 64;  // padded rows, as SDL may hand them over
  f.pixels.resize(static_cast<std::size_t>(f.pitch) * 1080);
  for (int y = 0; y < f.height; ++y)
    for (int x = 0; x < f.width; ++x) {
      const std::uint32_t v = x >= 400 && x < 800 && y >= 200 && y < 400 ? kOrange : kBlack;
      std::memcpy(f.pixels.data() + y * f.pitch + x * 4, &v, 4);
    }
  return f;
}

// A PNG writer of the simplest kind (RGBA, no filters, zlib stored blocks),
// so the test needs no SDL; the receiver decodes it as it would any PNG.
std::uint32_t crc32(std::string_view bytes, std::uint32_t crc = 0) {
  crc = ~crc;
  for (const char c : bytes) {
    crc ^= static_cast<unsigned char>(c);
    for (int k = 0; k < 8; ++k)
      crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out += static_cast<char>((v >> shift) & 0xFFu);
}

void chunk(std::string& png, const char* kind, const std::string& data) {
  put32(png, static_cast<std::uint32_t>(data.size()));
  const std::string body = kind + data;
  png += body;
  put32(png, crc32(body));
}

app::EncodedPng stored_png(const app::Frame& f) {
  std::string raw;
  for (int y = 0; y < f.height; ++y) {
    raw += '\0';  // filter: none
    for (int x = 0; x < f.width; ++x) {
      std::uint32_t v = 0;
      std::memcpy(&v, f.pixels.data() + y * f.pitch + x * 4, 4);
      raw += {static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v),
              static_cast<char>(v >> 24)};
    }
  }
  std::string z = "\x78\x01";
  for (std::size_t at = 0; at < raw.size(); at += 65535) {
    const std::size_t n = std::min<std::size_t>(65535, raw.size() - at);
    z += static_cast<char>(at + n == raw.size() ? 1 : 0);
    z += {static_cast<char>(n & 0xFF), static_cast<char>(n >> 8), static_cast<char>(~n & 0xFF),
          static_cast<char>((~n >> 8) & 0xFF)};
    z.append(raw, at, n);
  }
  std::uint32_t a = 1, b = 0;
  for (const char c : raw) {
    a = (a + static_cast<unsigned char>(c)) % 65521;
    b = (b + a) % 65521;
  }
  put32(z, (b << 16) | a);
  std::string png = "\x89PNG\r\n\x1a\n";
  std::string header;
  put32(header, static_cast<std::uint32_t>(f.width));
  put32(header, static_cast<std::uint32_t>(f.height));
  header += std::string("\x08\x06\x00\x00\x00", 5);  // 8 bits, RGBA
  chunk(png, "IHDR", header);
  chunk(png, "IDAT", z);
  chunk(png, "IEND", "");
  return {png, {}};
}

struct Receiver {
  TempDir dir;
  std::unique_ptr<Child> server;
  int port = 0;

  explicit Receiver(int wanted = 0) {
    server = std::make_unique<Child>(
        std::vector<std::string>{HALLBOARD_TEST_PYTHON3, kReceiver, "--dir", dir.path().string(),
                                 "--port", std::to_string(wanted)},
        true);
    const auto line = server->read_line(10);
    REQUIRE(line);
    port = std::stoi(*line);
    REQUIRE(wait_for_port(port, 5));
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port) + "/heartbeat"; }
  void set_mode(const std::string& mode) { write_file(dir / "_mode", mode); }
  bool has(int n, const std::string& ext) const {
    return std::filesystem::exists(dir / ("post-" + std::to_string(n) + ext));
  }
  std::string read(int n, const std::string& ext) const {
    return read_file(dir / ("post-" + std::to_string(n) + ext));
  }
};

app::HeartbeatReport report() {
  app::HeartbeatReport r;
  r.screen = "lobby-1 \"一楼\"";
  r.version = "0.1.0";
  r.time = 1795744800;
  r.uptime_seconds = 42;
  r.renderer = "cpu compositor (dummy)";
  r.page = {"showing", "roster", 1, 2, ""};
  r.memory = app::read_process_memory();
  r.feeds.push_back({"http://127.0.0.1/hall.xml", "2026-11-27T08:00:00+08:00", std::string(64, 'c'),
                     "not modified", 1795744790});
  return r;
}

struct Loop {
  app::HeartbeatSender& sender;
  std::string log;
  // The drawing loop's part, every 50 ms, until `done` or `seconds` pass.
  bool run(double seconds, const std::function<bool()>& done, bool with_frame = false) {
    const double end = steady_seconds() + seconds;
    while (steady_seconds() < end) {
      const double now = steady_seconds();
      if (sender.due(now))
        sender.submit(report(), with_frame ? std::optional<app::Frame>(test_frame()) : std::nullopt,
                      now);
      for (const auto& line : sender.take_log())
        log += line + "\n";
      if (done()) return true;
      sleep_seconds(0.05);
    }
    return false;
  }
  bool logged(const std::string& part) const { return log.find(part) != std::string::npos; }
};

app::HeartbeatOptions options(const std::string& url) {
  app::HeartbeatOptions o;
  o.url = url;
  o.interval_seconds = 1;
  o.first_after_seconds = 0;
  o.connect_timeout_seconds = 2;
  o.total_timeout_seconds = 30;  // as in production: the abort flag must end a hang
  return o;
}

std::array<std::uint8_t, 4> rgba_at(const std::string& rgba, int width, int x, int y) {
  const auto at = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                   static_cast<std::size_t>(x)) *
                  4;
  REQUIRE(at + 4 <= rgba.size());
  return {static_cast<std::uint8_t>(rgba[at]), static_cast<std::uint8_t>(rgba[at + 1]),
          static_cast<std::uint8_t>(rgba[at + 2]), static_cast<std::uint8_t>(rgba[at + 3])};
}

}  // namespace

TEST_SUITE_BEGIN("heartbeat");

TEST_CASE("heartbeat: the report arrives as JSON with a shrunken PNG of the frame") {
  Receiver receiver;
  auto o = options(receiver.url());
  o.screenshot = true;
  std::mutex rotation;
  app::HeartbeatSender sender(o, stored_png, steady_seconds(), rotation);
  Loop loop{sender, {}};
  REQUIRE(loop.run(
      15, [&] { return receiver.has(1, ".body") && loop.logged(": sent ("); }, true));
  CAPTURE(loop.log);
  CHECK(loop.logged("heartbeat to " + receiver.url() + ": sent ("));

  CHECK(receiver.read(1, ".type") == "application/json");
  CHECK_FALSE(receiver.has(1, ".invalid"));
  const std::string body = receiver.read(1, ".body");
  for (const std::string part : {
           "\"format\": \"hallboard-heartbeat-2\"",
           "\"screen\": \"lobby-1 \\\"一楼\\\"\"",
           "\"time\": \"2026-11-27T10:00:00+08:00\"",
           "\"uptime_seconds\": 42",
           "\"renderer\": \"cpu compositor (dummy)\"",
           "\"page\": {\"state\": \"showing\", \"slide_type\": \"roster\", \"page\": 1",
           "\"last_result\": \"not modified\", \"last_fetch\": \"2026-11-27T09:59:50+08:00\"",
           "\"screenshot\": {\"type\": \"image/png\", \"width\": 960, \"height\": 540,",
       }) {
    CAPTURE(part);
    CHECK(body.find(part) != std::string::npos);
  }

  REQUIRE(receiver.has(1, ".png"));
  CHECK_FALSE(receiver.has(1, ".png-error"));
  if (receiver.has(1, ".png-error")) FAIL(receiver.read(1, ".png-error"));
  const std::string png = receiver.read(1, ".png");
  REQUIRE(png.size() > 24);
  CHECK(png.compare(12, 4, "IHDR") == 0);
  const auto be32 = [&](std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(png[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 3]));
  };
  CHECK(be32(16) == 960);
  CHECK(be32(20) == 540);
  const std::string rgba = receiver.read(1, ".rgba");
  REQUIRE(rgba.size() == 960u * 540u * 4u);
  using Px = std::array<std::uint8_t, 4>;
  const Px orange{255, 128, 0, 255}, black{0, 0, 0, 255};
  struct Probe {
    int x, y;
    Px colour;
  };
  // The rectangle at half size: x 200-399, y 100-199.
  const Probe probes[] = {{200, 100, orange}, {399, 199, orange}, {300, 150, orange},
                          {199, 150, black},  {400, 150, black},  {300, 99, black},
                          {300, 200, black},  {0, 0, black},      {959, 539, black}};
  for (const auto& p : probes) {
    CAPTURE(p.x);
    CAPTURE(p.y);
    CHECK(rgba_at(rgba, 960, p.x, p.y) == p.colour);
  }
}

TEST_CASE("heartbeat: refused, 500 and redirects are logged, later heartbeats still go") {
  const int port = free_port();
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/heartbeat";
  std::mutex rotation;
  app::HeartbeatSender sender(options(url), stored_png, steady_seconds(), rotation);
  Loop loop{sender, {}};
  // Nobody listens yet.
  CHECK(loop.run(15, [&] { return loop.logged("heartbeat to " + url + ": "); }));
  CAPTURE(loop.log);
  CHECK(loop.logged("onnect"));
  CHECK_FALSE(loop.logged("sent"));

  Receiver receiver(port);
  receiver.set_mode("500");
  CHECK(loop.run(15, [&] {
    return receiver.has(1, ".body") &&
           loop.logged("heartbeat to " + url + ": the server answered HTTP 500");
  }));
  CHECK_FALSE(loop.logged("sent"));

  // A redirect is not followed, not even one that keeps the method.
  receiver.set_mode("redirect");
  CHECK(loop.run(15, [&] {
    return loop.logged("heartbeat to " + url + ": the server answered HTTP 307 (a redirect");
  }));

  receiver.set_mode("ok");
  CHECK(loop.run(15, [&] { return loop.logged("heartbeat to " + url + ": sent ("); }));
  for (int n = 1; receiver.has(n, ".body"); ++n)
    CHECK(receiver.read(n, ".path") == "/heartbeat");
  // Said once after the failures, not at every heartbeat.
  CHECK(loop.run(3, [] { return false; }) == false);
  CHECK(loop.log.find(": sent (") == loop.log.rfind(": sent ("));
  // No screenshot unless the config asks for one.
  CHECK(receiver.read(1, ".body").find("screenshot") == std::string::npos);
}

namespace {

std::string numbered(int from, int to) {
  std::string s;
  for (int i = from; i <= to; ++i)
    s += app::with_sequence("{\"screen\":\"a\",\"seconds\":15}", i) + "\n";
  return s;
}

int posts(const Receiver& r) {
  int n = 0;
  while (r.has(n + 1, ".body"))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("heartbeat-2: proof of play is resent until a 200 {\"ack\": N}, then forgotten") {
  Receiver receiver;
  TempDir cache;
  std::filesystem::create_directories(cache.path());
  write_file(cache / "play.jsonl", numbered(1, 3));
  auto o = options(receiver.url());
  o.play_dir = cache.path().string();
  // A receiver that never acknowledges (a plain 200, or a 2xx other than
  // 200 with an ack's body) gets no lines: not the same ones every report.
  receiver.set_mode("ok");
  {
    std::mutex rotation;
    app::HeartbeatSender sender(o, stored_png, steady_seconds(), rotation);
    Loop loop{sender, {}};
    REQUIRE(loop.run(15, [&] { return posts(receiver) >= 2; }));
    receiver.set_mode("ack-202");
    const int plain = posts(receiver);
    REQUIRE(loop.run(15, [&] { return posts(receiver) >= plain + 2; }));
    for (int n = 1; n <= plain + 2; ++n) {
      const std::string body = receiver.read(n, ".body");
      CAPTURE(body);
      CHECK_FALSE(receiver.has(n, ".invalid"));
      CHECK(body.find("\"interval_seconds\": 1,") != std::string::npos);
      CHECK(body.find("\"play\": [],") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(cache / "play.ack"));
    // The first {"ack": 0} (to a report without lines) says the receiver
    // acknowledges: the next report carries the lines.
    receiver.set_mode("ack");
    const int before = posts(receiver);
    REQUIRE(loop.run(15, [&] { return std::filesystem::exists(cache / "play.ack"); }));
    CHECK(receiver.read(before + 1, ".body").find("\"play\": [],") != std::string::npos);
    REQUIRE(loop.run(15, [&] { return read_file(cache / "play.ack") == "3\n"; }));
    const std::string body = receiver.read(before + 2, ".body");
    CAPTURE(body);
    CHECK(body.find("{\"seq\":1,") != std::string::npos);
    CHECK(body.find("{\"seq\":3,") != std::string::npos);
  }
  // Restarted: play.ack says the receiver acknowledges; only the new line goes.
  write_file(cache / "play.jsonl", read_file(cache / "play.jsonl") + numbered(4, 4));
  const int before = posts(receiver);
  std::mutex rotation;
  app::HeartbeatSender sender(o, stored_png, steady_seconds(), rotation);
  Loop loop{sender, {}};
  REQUIRE(loop.run(15, [&] { return posts(receiver) > before; }));
  const std::string body = receiver.read(before + 1, ".body");
  CAPTURE(body);
  CHECK(body.find("{\"seq\":4,") != std::string::npos);
  CHECK(body.find("{\"seq\":3,") == std::string::npos);
  REQUIRE(loop.run(15, [&] { return read_file(cache / "play.ack") == "4\n"; }));
}

TEST_CASE("heartbeat: a console that knows only -1 gets -1 reports, said once") {
  Receiver receiver;
  receiver.set_mode("v1-only");
  TempDir cache;
  std::filesystem::create_directories(cache.path());
  write_file(cache / "play.jsonl", numbered(1, 3));
  write_file(cache / "play.ack", "0\n");
  auto o = options(receiver.url());
  o.play_dir = cache.path().string();
  std::mutex rotation;
  app::HeartbeatSender sender(o, stored_png, steady_seconds(), rotation);
  Loop loop{sender, {}};
  REQUIRE(loop.run(15, [&] { return posts(receiver) >= 4; }));
  CAPTURE(loop.log);
  CHECK(receiver.read(1, ".body").find("\"hallboard-heartbeat-2\"") != std::string::npos);
  for (int n = 2; n <= 4; ++n) {
    const std::string body = receiver.read(n, ".body");
    CAPTURE(body);
    CHECK(body.find("\"format\": \"hallboard-heartbeat-1\"") != std::string::npos);
    CHECK(body.find("\"play") == std::string::npos);
    CHECK(body.find("interval_seconds") == std::string::npos);
  }
  const auto said = loop.log.find("refuses hallboard-heartbeat-2");
  CHECK(said != std::string::npos);
  CHECK(loop.log.find("refuses hallboard-heartbeat-2", said + 1) == std::string::npos);
  CHECK(read_file(cache / "play.ack") == "0\n");  // the lines wait on disk
}

TEST_CASE("heartbeat: a receiver that never answers blocks neither submit nor the end") {
  Receiver receiver;
  receiver.set_mode("hang");
  auto o = options(receiver.url());
  o.screenshot = true;
  std::mutex rotation;
  auto sender = std::make_unique<app::HeartbeatSender>(o, stored_png, steady_seconds(), rotation);
  Loop loop{*sender, {}};
  REQUIRE(loop.run(
      15, [&] { return receiver.has(1, ".body"); }, true));
  // The post hangs now (a minute; its own timeout is 30 s); more reports,
  // with frames, are handed over while it still hangs: the order, not the
  // machine's speed, says submit never waits for the post.
  constexpr double kLongBeforeTheTimeout = 15;
  for (int i = 0; i < 5; ++i) {
    std::optional<app::Frame> frame = test_frame();
    CHECK(ends_before(kLongBeforeTheTimeout,
                      [&] { sender->submit(report(), std::move(frame), steady_seconds()); }));
    sleep_seconds(0.1);
  }
  for (const auto& line : sender->take_log())
    loop.log += line + "\n";
  CAPTURE(loop.log);
  CHECK(loop.logged("the previous report is still being sent"));
  CHECK_FALSE(receiver.has(2, ".body"));  // never queued up behind the hanging one

  // Ended while the post still hangs, long before its own timeout.
  CHECK(ends_before(kLongBeforeTheTimeout, [&] { sender.reset(); }));
  CHECK_FALSE(receiver.has(2, ".body"));
}

TEST_CASE("heartbeat: the fetcher's state of each feed") {
  TempDir dir;
  const auto www = dir / "www";
  copy_demo_content(www);
  int port = 0;
  const auto server = start_fault_server(www, port);
  const auto url = [&](const std::string& name) {
    return "http://127.0.0.1:" + std::to_string(port) + "/" + name;
  };
  model::PlayerConfig config;
  config.source = (dir / "player.xml").string();
  config.screen = "lobby-1";
  for (const char* f : {"hall.xml", "items.xml", "roster.xml"})
    config.feeds.push_back({url(f), 1, {}});
  config.cache_dir = (dir / "cache").string();
  app::FetcherOptions fo;
  fo.fetch.connect_timeout_seconds = 2;
  fo.fetch.total_timeout_seconds = 3;
  fo.backoff = {0.2, 0};
  fo.seed = 1;
  // The screen's clock, injected: the time of each attempt is known exactly.
  constexpr double kWall = 1795744800;  // 2026-11-27T10:00:00+08:00
  app::FeedFetcher fetcher(config, {[] { return kWall; }, steady_seconds}, app::core_merge(config),
                           fo);

  const auto state_of = [&](const std::string& name) {
    for (const auto& s : fetcher.feed_states())
      if (s.url == url(name)) return s;
    FAIL("no state for " << name);
    return app::FeedState{};
  };
  const auto wait_for = [&](const std::function<bool()>& done) {
    const double end = steady_seconds() + 15;
    while (steady_seconds() < end && !done()) {
      fetcher.take();
      sleep_seconds(0.05);
    }
    return done();
  };

  REQUIRE(fetcher.feed_states().size() == 3);
  // Accepted, and the attempt recorded (a moment later, on a loaded machine).
  REQUIRE(wait_for([&] {
    for (const auto& s : fetcher.feed_states())
      if (s.sha256.empty() || s.last_result.empty()) return false;
    return true;
  }));
  const auto hall = state_of("hall.xml");
  CHECK(hall.sha256 == net::sha256_hex(read_file(www / "hall.xml")));
  CHECK(hall.generated == "2026-11-27T08:00:00+08:00");
  CHECK((hall.last_result == "ok" || hall.last_result == "not modified"));
  CHECK(hall.last_fetch == kWall);
  CHECK(wait_for([&] { return state_of("hall.xml").last_result == "not modified"; }));

  write_file(www / "_fault", "500");
  CHECK(wait_for([&] {
    return state_of("hall.xml").last_result == url("hall.xml") + ": the server answered HTTP 500";
  }));
  CHECK(state_of("hall.xml").sha256 == hall.sha256);  // the accepted version stays

  // Broken bytes: refused, and said so while they are served.
  write_file(www / "hall.xml", "<hallboard version=\"1\"><oops");
  write_file(www / "_fault", "ok");
  CHECK(wait_for([&] {
    return state_of("hall.xml").last_result.rfind(url("hall.xml") + " refused: ", 0) == 0;
  }));
  sleep_seconds(2.5);  // more polls of the same bytes
  CAPTURE(state_of("hall.xml").last_result);
  CHECK(state_of("hall.xml").last_result.rfind(url("hall.xml") + " refused: ", 0) == 0);
  CHECK(state_of("hall.xml").sha256 == hall.sha256);
}

TEST_SUITE_END();

}  // namespace hb::test
