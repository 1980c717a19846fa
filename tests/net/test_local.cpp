// Local feeds (paths and file:// URLs) are watched by size and time, not
// fetched: a change is read once it has stood still, a half-written or
// broken file is refused and the last good one stays.
#include <doctest/doctest.h>

#include "app/feed_fetcher.h"
#include "files.h"
#include "support.h"

namespace hb::test {

TEST_SUITE_BEGIN("local");

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

  // Unsigned: refused.
  hall.replace(hall.find(name), name.size(), "本地修改的大厅名称");
  std::filesystem::remove(feeds / "hall.xml.sig");
  write_file(feeds / "hall.xml", hall);
  g = gather(fetcher, 5, [&](const Gathered& n) { return n.log_has("refused: no signature at"); });
  INFO(g.log_text());
  REQUIRE(g.done);
  CHECK(g.accepted.empty());

  // Signed: accepted within a few looks.
  const double signed_at = steady_seconds();
  write_file(feeds / "hall.xml.sig", key.sign(hall));
  g = gather(fetcher, 5, [](const Gathered& n) { return !n.accepted.empty(); });
  INFO(g.log_text());
  REQUIRE(g.done);
  CHECK(steady_seconds() - signed_at < 1.0);
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

TEST_SUITE_END();

}  // namespace hb::test
