// The fetcher's own duties beside fetching: what it keeps on disk for the
// next start.
#include <doctest/doctest.h>

#include <filesystem>

#include "app/feed_fetcher.h"
#include "files.h"
#include "net/cache.h"
#include "net/net_support.h"
#include "net/picture.h"

namespace hb::test {

TEST_SUITE_BEGIN("fetcher");

TEST_CASE("fetcher: a cache directory deleted while running is written back, feed by feed") {
  TempDir dir;
  const auto feeds = dir / "feeds";
  copy_demo_content(feeds);
  model::PlayerConfig config;
  config.source = (dir / "player.xml").string();
  for (const char* f : {"hall.xml", "items.xml", "roster.xml"})
    config.feeds.push_back({(feeds / f).string(), 60, {}});
  config.cache_dir = (dir / "cache").string();
  app::FetcherOptions options;
  options.file_check_seconds = 0.05;
  app::FeedFetcher fetcher(config, real_clocks(), app::core_merge(config), options);
  auto g = gather(fetcher, 5, [](const Gathered& n) {
    return !n.accepted.empty() && n.accepted.back().content.has_roster &&
           n.accepted.back().content.hall && !n.accepted.back().content.items.empty();
  });
  INFO(g.log_text());
  REQUIRE(g.done);
  const net::ContentCache cache(net::feeds_dir(config.cache_dir), ".xml");
  for (const auto& f : config.feeds)
    REQUIRE(cache.read(f.url));

  // No feed changes after this: each is written back although none is new.
  // Moved away first: the fetch threads may write it back while it is removed.
  std::filesystem::rename(config.cache_dir, dir / "cache-gone");
  std::filesystem::remove_all(dir / "cache-gone");
  g = gather(fetcher, 5, [&](const Gathered& n) {
    int lines = 0;
    for (const auto& f : config.feeds)
      lines += n.log_has("the cache had lost " + f.url) ? 1 : 0;
    return lines == 3;
  });
  INFO(g.log_text());
  REQUIRE(g.done);
  CHECK(g.accepted.empty());
  for (const auto& f : config.feeds) {
    const auto e = cache.read(f.url);
    REQUIRE(e);
    CHECK(e->meta);
    CHECK(e->bytes == read_file(f.url));
  }
  // Said once: the next looks find the files in place.
  g = gather(fetcher, 0.5, [](const Gathered&) { return false; });
  CHECK_FALSE(g.log_has("the cache had lost"));
}

TEST_SUITE_END();

}  // namespace hb::test
