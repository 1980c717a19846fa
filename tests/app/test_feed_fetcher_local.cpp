// Local feeds (paths and file:// URLs) are watched by size and time, not
// fetched: a change is read once it has stood still, a half-written or
// broken file is refused and the last good one stays.
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

#include "app/feed_fetcher.h"
#include "files.h"
#include "net/cache.h"
#include "net/local_file.h"
#include "net/net_support.h"
#include "net/signature.h"

namespace hb::test {

TEST_SUITE_BEGIN("local");

namespace {

// A Unix socket bound at `path`, closed (the file stays) when this goes.
struct BoundSocket {
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  explicit BoundSocket(const std::string& path) {
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    REQUIRE(path.size() < sizeof a.sun_path);
    std::memcpy(a.sun_path, path.c_str(), path.size() + 1);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  }
  ~BoundSocket() { ::close(fd); }
  BoundSocket(const BoundSocket&) = delete;
  BoundSocket& operator=(const BoundSocket&) = delete;
};

}  // namespace

TEST_CASE("local files: only a regular file is read; anything else says what it is, at once") {
  TempDir dir;
  const std::string fifo = (dir / "fifo.xml").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::filesystem::create_directory(dir / "dir.xml");
  const BoundSocket socket((dir / "socket.xml").string());
  write_file(dir / "small.xml", "<x/>");
  struct Row {
    std::string path;
    const char* reason;  // empty: read
  };
  const Row rows[] = {
      {fifo, "a FIFO, not a regular file"},
      {(dir / "dir.xml").string(), "a directory, not a regular file"},
      {"/dev/zero", "a character device, not a regular file"},
      {(dir / "socket.xml").string(), "a socket, not a regular file"},
      {(dir / "missing.xml").string(), "No such file or directory"},
      {(dir / "small.xml").string(), ""},
  };
  for (const auto& r : rows) {
    CAPTURE(r.path);
    // Without the check, the FIFO would block here for good (no writer).
    const auto read = net::read_local(r.path, 1024);
    CHECK(read.bytes.has_value() == (*r.reason == '\0'));
    CHECK(read.reason == r.reason);
    if (*r.reason) CHECK(read.error == "cannot read " + r.path + ": " + r.reason);
    CHECK(net::read_local_head(r.path, 1024).reason == r.reason);
    // The trust key is read the same way.
    const auto key = net::TrustKey::from_file(r.path);
    CHECK_FALSE(key.key);
    if (*r.reason && r.path.find("missing") == std::string::npos)
      CHECK(key.error == "cannot read the trust key " + r.path + ": " + r.reason);
  }
  SUBCASE("too large: an error, or the first bytes for a caller that says so itself") {
    write_file(dir / "big.xml", std::string(100, 'x'));
    const std::string big = (dir / "big.xml").string();
    CHECK_FALSE(net::read_local(big, 99).bytes);
    CHECK(net::read_local(big, 99).error ==
          big + " is larger than 99 bytes, the most this player accepts");
    CHECK(net::read_local_head(big, 10).bytes == std::string(11, 'x'));
    CHECK(net::read_local(big, 100).bytes == std::string(100, 'x'));
  }
}

TEST_CASE("local feeds: a FIFO named as a feed is refused and said, and the others are read") {
  TempDir dir;
  const auto feeds = dir / "feeds";
  copy_demo_content(feeds);
  std::filesystem::remove(feeds / "items.xml");
  REQUIRE(::mkfifo((feeds / "items.xml").c_str(), 0600) == 0);
  model::PlayerConfig config;
  config.source = (dir / "player.xml").string();
  for (const char* f : {"hall.xml", "items.xml", "roster.xml"})
    config.feeds.push_back({(feeds / f).string(), 60, {}});
  app::FetcherOptions options;
  options.file_check_seconds = 0.05;
  app::FeedFetcher fetcher(config, real_clocks(), app::core_merge(config), options);
  auto g = gather(fetcher, 5, [&](const Gathered& n) {
    return n.log_has("items.xml: a FIFO, not a regular file") && !n.accepted.empty();
  });
  INFO(g.log_text());
  REQUIRE(g.done);
  CHECK(g.accepted.back().content.hall.has_value());
}

TEST_CASE("local feeds: a change is picked up, a broken save refused, a signature required") {
  TempDir dir;
  const TestKey key;
  const auto feeds = dir / "feeds";
  copy_demo_content(feeds);
  for (const char* f : {"hall.xml", "items.xml", "roster.xml"})
    write_file(feeds / (std::string(f) + ".sig"), key.sign(read_file(feeds / f)));
  write_file(dir / "feeds.pub", key.public_pem());

  model::PlayerConfig config;
  config.source = (dir / "player.xml").string();
  config.feeds.push_back({"file://" + (feeds / "hall.xml").string(), 60, {}});
  config.feeds.push_back({(feeds / "items.xml").string(), 60, {}});
  config.feeds.push_back({(feeds / "roster.xml").string(), 60, {}});
  config.cache_dir = (dir / "cache").string();
  config.trust_key = (dir / "feeds.pub").string();
  app::FetcherOptions options;
  options.file_check_seconds = 0.05;
  app::FeedFetcher fetcher(config, real_clocks(), app::core_merge(config), options);

  const std::string name = "昆明市住房和城乡建设局政务服务窗口";
  auto g = gather(fetcher, 5, [](const Gathered& n) {
    return !n.accepted.empty() && n.accepted.back().content.has_roster &&
           n.accepted.back().content.hall && !n.accepted.back().content.items.empty();
  });
  INFO(g.log_text());
  REQUIRE(g.done);
  CHECK(g.accepted.back().content.hall->name == name);

  std::string hall = read_file(feeds / "hall.xml");
  // Saved broken (and signed so: the parser is what refuses it).
  const std::string broken = hall.substr(0, hall.size() / 2);
  write_file(feeds / "hall.xml.sig", key.sign(broken));
  write_file(feeds / "hall.xml", broken);
  g = gather(fetcher, 5, [&](const Gathered& n) { return n.log_has("hall.xml refused"); });
  INFO(g.log_text());
  REQUIRE(g.done);
  CHECK(g.accepted.empty());

  // Unsigned: refused. (A new version, so a later generated: a trust key is set.)
  hall.replace(hall.find(name), name.size(), "本地修改的大厅名称");
  const std::string generated = "generated=\"2026-11-27T08:00:00+08:00\"";
  hall.replace(hall.find(generated), generated.size(), "generated=\"2026-11-27T09:00:00+08:00\"");
  std::filesystem::remove(feeds / "hall.xml.sig");
  write_file(feeds / "hall.xml", hall);
  g = gather(fetcher, 5, [&](const Gathered& n) { return n.log_has("refused: no signature at"); });
  INFO(g.log_text());
  REQUIRE(g.done);
  CHECK(g.accepted.empty());

  // Signed: accepted at a later look (a wait of seconds for looks every
  // file-check interval: a loaded machine is not taken for a missed change).
  write_file(feeds / "hall.xml.sig", key.sign(hall));
  g = gather(fetcher, 5, [](const Gathered& n) { return !n.accepted.empty(); });
  INFO(g.log_text());
  REQUIRE(g.done);
  CHECK(g.accepted.back().content.hall->name == "本地修改的大厅名称");
  CHECK(g.accepted.back().feeds == std::vector<std::string>{config.feeds[0].url});

  // A file that goes away leaves the content as it was, and says so once.
  std::filesystem::remove(feeds / "items.xml");
  g = gather(fetcher, 5, [&](const Gathered& n) { return n.log_has("cannot read"); });
  INFO(g.log_text());
  REQUIRE(g.done);
  CHECK(g.accepted.empty());
  CHECK(g.log_has("the last accepted version stays on screen"));
}

TEST_CASE("a restart with a cached copy from the future: refused, and the feed on disk shows") {
  TempDir dir;
  const auto feeds = dir / "feeds";
  copy_demo_content(feeds);
  model::PlayerConfig config;
  config.source = (dir / "player.xml").string();
  config.feeds.push_back({(feeds / "hall.xml").string(), 60, {}});
  config.cache_dir = (dir / "cache").string();
  // What a screen accepted before generated was checked against its clock.
  std::string future = read_file(feeds / "hall.xml");
  const std::string generated = "generated=\"2026-11-27T08:00:00+08:00\"";
  future.replace(future.find(generated), generated.size(),
                 "generated=\"9999-12-31T00:00:00+08:00\"");
  const net::ContentCache cache(net::feeds_dir(config.cache_dir), ".xml");
  REQUIRE(cache.store(config.feeds[0].url, future, {}).ok);

  app::FetcherOptions options;
  options.file_check_seconds = 0.05;
  app::FeedFetcher fetcher(config, real_clocks(), app::core_merge(config), options);
  auto g = gather(fetcher, 5, [](const Gathered& n) { return !n.accepted.empty(); });
  INFO(g.log_text());
  REQUIRE(g.done);
  CHECK(
      g.log_has("the cached copy of " + config.feeds[0].url + " refused: generated=\"9999-12-31"));
  CHECK_FALSE(g.accepted.back().from_cache);
  CHECK(g.accepted.back().content.hall->name == "昆明市住房和城乡建设局政务服务窗口");
}

TEST_SUITE_END();

}  // namespace hb::test
