// Which versions of the feeds may replace the ones on screen, without any
// network: signatures, parse errors, replays, feeds that only make sense
// together, and the cache at start.
#include <doctest/doctest.h>

#include "app/feed_acceptor.h"
#include "app/feed_fetcher.h"
#include "files.h"
#include "net/cache.h"
#include "net/picture.h"
#include "support.h"

namespace hb::test {

TEST_SUITE_BEGIN("unit");
namespace {

const std::string kBase = "https://admin.example.gov.cn/hall/";
const std::string kHallName = "昆明市住房和城乡建设局政务服务窗口";

std::string demo(const char* name) {
  return read_bytes(source_dir() / "content" / name);
}

model::PlayerConfig config_for(std::vector<std::string> names) {
  model::PlayerConfig c;
  c.source = "/etc/hallboard/player.xml";
  c.screen = "lobby-1";
  for (const auto& n : names)
    c.feeds.push_back({kBase + n, 60, {}});
  return c;
}

app::FeedVersion version(const std::string& name, std::string bytes) {
  app::FeedVersion v;
  v.url = kBase + name;
  v.bytes = std::move(bytes);
  return v;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

std::string log_text(const app::Acceptance& a) {
  std::string s;
  for (const auto& l : a.log)
    s += l + "\n";
  return s;
}

}  // namespace

TEST_CASE("acceptor: the demo feeds are accepted together, and the same bytes again are no news") {
  const auto config = config_for({"hall.xml", "items.xml", "roster.xml"});
  app::FeedAcceptor acceptor(config, app::core_merge(config));
  auto a = acceptor.consider({version("hall.xml", demo("hall.xml")),
                              version("items.xml", demo("items.xml")),
                              version("roster.xml", demo("roster.xml"))});
  CAPTURE(log_text(a));
  REQUIRE(a.content);
  CHECK(a.content->hall->name == kHallName);
  CHECK(a.accepted.size() == 3);
  CHECK(a.accepted[0].generated == "2026-11-27T08:00:00+08:00");
  CHECK(acceptor.complete());
  auto again = acceptor.consider({version("hall.xml", demo("hall.xml"))});
  CHECK_FALSE(again.content);
  CHECK(again.log.empty());
}

TEST_CASE("acceptor: an item naming a window the new roster brings waits for that roster") {
  const auto config = config_for({"hall.xml", "items.xml", "roster.xml"});
  app::FeedAcceptor acceptor(config, app::core_merge(config));
  REQUIRE(
      acceptor
          .consider({version("hall.xml", demo("hall.xml")), version("items.xml", demo("items.xml")),
                     version("roster.xml", demo("roster.xml"))})
          .content);
  const std::string items_v2 = replace(demo("items.xml"), "window=\"2\"", "window=\"9\"");
  const std::string roster_v2 =
      replace(demo("roster.xml"), "<window id=\"1\"",
              "<window id=\"9\" name=\"W9\"><post role=\"A\" staff=\"s01\"/>"
              "<post role=\"B\" staff=\"s02\"/></window>\n    <window id=\"1\"");
  auto first = acceptor.consider({version("items.xml", items_v2)});
  CAPTURE(log_text(first));
  CHECK_FALSE(first.content);
  CHECK(log_text(first).find("window=\"9\": no roster <window> has this id") != std::string::npos);
  CHECK(log_text(first).find(kBase + "items.xml waits") != std::string::npos);
  REQUIRE(acceptor.newest(kBase + "items.xml"));
  CHECK(acceptor.newest(kBase + "items.xml")->bytes == items_v2);
  CHECK(acceptor.accepted(kBase + "items.xml")->bytes == demo("items.xml"));
  auto second = acceptor.consider({version("roster.xml", roster_v2)});
  CAPTURE(log_text(second));
  REQUIRE(second.content);
  CHECK(second.accepted.size() == 2);
  CHECK(acceptor.accepted(kBase + "items.xml")->bytes == items_v2);
  bool nine = false;
  for (const auto& w : second.content->roster.windows)
    nine |= w.id == "9";
  CHECK(nine);
}

TEST_CASE("acceptor: each refused version leaves the accepted one and says why") {
  const auto config = config_for({"hall.xml", "items.xml", "roster.xml"});
  app::FeedAcceptor acceptor(config, app::core_merge(config));
  REQUIRE(
      acceptor
          .consider({version("hall.xml", demo("hall.xml")), version("items.xml", demo("items.xml")),
                     version("roster.xml", demo("roster.xml"))})
          .content);
  const std::string hall = demo("hall.xml");
  const std::string gen = "generated=\"2026-11-27T08:00:00+08:00\"";
  struct Row {
    const char* name;
    std::string bytes;
    std::vector<std::string> log;  // each appears in the log
  };
  const Row rows[] = {
      {"older generated: a replay",
       replace(replace(hall, gen, "generated=\"2026-11-27T07:59:59+08:00\""), kHallName, "旧名"),
       {"generated=\"2026-11-27T07:59:59+08:00\" is older than the accepted version's "
        "\"2026-11-27T08:00:00+08:00\"",
        "the last accepted version stays on screen"}},
      {"older generated in another zone",
       replace(replace(hall, gen, "generated=\"2026-11-26T23:59:00+00:00\""), kHallName, "旧名"),
       {"is older than"}},
      {"invalid XML",
       replace(hall, "</hall>", "</hal>"),
       {kBase + "hall.xml:", ": error: ", "it cannot be read as a feed"}},
      {"an error in the content",
       replace(hall, "kind=\"consult\"", "kind=\"hotline\""),
       {kBase + "hall.xml:", "it has errors"}},
      {"GBK with bytes GBK does not have",
       "<?xml version=\"1.0\" encoding=\"GBK\"?>\n<hallboard version=\"1\">\n"
       "<hall name=\"\x81\x20\"/></hallboard>\n",
       {kBase + "hall.xml:3:", "refused"}},
      {"an id that another feed defines too",
       replace(hall, "</hallboard>",
               "<items><item id=\"JS-0001\"><name>重复</name><deadline unit=\"immediate\"/>"
               "</item></items></hallboard>"),
       {"JS-0001", "waits: it is valid alone but does not merge",
        "the last accepted version stays on screen"}},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    auto a = acceptor.consider({version("hall.xml", r.bytes)});
    CAPTURE(log_text(a));
    CHECK_FALSE(a.content);
    for (const auto& needle : r.log)
      CHECK(log_text(a).find(needle) != std::string::npos);
    // Refused once, said once.
    CHECK(acceptor.consider({version("hall.xml", r.bytes)}).log.empty());
  }
  // The same moment again, or a later one, is accepted.
  auto same_time = acceptor.consider({version("hall.xml", replace(hall, kHallName, "新名"))});
  REQUIRE(same_time.content);
  CHECK(same_time.content->hall->name == "新名");
  auto later = acceptor.consider(
      {version("hall.xml", replace(replace(hall, gen, "generated=\"2026-11-28T08:00:00+08:00\""),
                                   kHallName, "更新名"))});
  REQUIRE(later.content);
  CHECK(later.content->hall->name == "更新名");
}

TEST_CASE("acceptor: with a trust key every feed must be signed by it") {
  TempDir dir;
  const TestKey key, other;
  write_file(dir / "feeds.pub", key.public_pem());
  auto config = config_for({"hall.xml"});
  config.trust_key = (dir / "feeds.pub").string();
  const std::string hall = demo("hall.xml");
  struct Row {
    const char* name;
    std::optional<std::string> sig;
    const char* message;  // empty: accepted
  };
  const Row rows[] = {
      {"unsigned", std::nullopt, "no signature at "},
      {"signed by another key", other.sign(hall), "does not match"},
      {"a signature of other bytes", key.sign(hall + " "), "does not match"},
      {"a truncated signature", key.sign(hall).substr(0, 40), "is not an Ed25519 signature"},
      {"signed, base64", net::base64_encode(key.sign(hall)), ""},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    app::FeedAcceptor acceptor(config, app::core_merge(config));
    auto v = version("hall.xml", hall);
    v.signature = r.sig;
    auto a = acceptor.consider({v});
    CAPTURE(log_text(a));
    CHECK(a.content.has_value() == (*r.message == '\0'));
    CHECK(log_text(a).find(r.message) != std::string::npos);
  }
  SUBCASE("a trust key that cannot be read refuses everything") {
    config.trust_key = (dir / "missing.pub").string();
    app::FeedAcceptor acceptor(config, app::core_merge(config));
    auto v = version("hall.xml", hall);
    v.signature = key.sign(hall);
    auto a = acceptor.consider({v});
    CHECK_FALSE(a.content);
    CHECK(log_text(a).find("the trust key cannot be used (cannot read the trust key") !=
          std::string::npos);
  }
}

TEST_CASE("start from the cache: what was accepted shows at once, checked again") {
  TempDir dir;
  const TestKey key;
  write_file(dir / "feeds.pub", key.public_pem());
  auto config = config_for({"hall.xml", "items.xml", "roster.xml"});
  config.cache_dir = (dir / "cache").string();
  const net::ContentCache cache(net::feeds_dir(config.cache_dir), ".xml");
  for (const char* f : {"hall.xml", "items.xml", "roster.xml"}) {
    net::CacheMeta meta;
    meta.signature = net::base64_encode(key.sign(demo(f)));
    REQUIRE(cache.store(kBase + f, demo(f), meta).ok);
  }
  const auto cached = app::load_cached_content(config, app::core_merge(config));
  REQUIRE(cached.content);
  CHECK(cached.content->hall->name == kHallName);

  SUBCASE("signed copies pass the trust key") {
    config.trust_key = (dir / "feeds.pub").string();
    const auto c = app::load_cached_content(config, app::core_merge(config));
    CHECK(c.content);
    CHECK(c.content->roster.windows.size() > 0);
  }
  SUBCASE("a copy whose metadata was lost has no signature, so it is refused") {
    config.trust_key = (dir / "feeds.pub").string();
    write_file(cache.meta_path(kBase + "roster.xml"), "garbage");
    const auto c = app::load_cached_content(config, app::core_merge(config));
    std::string log;
    for (const auto& l : c.log)
      log += l + "\n";
    CAPTURE(log);
    REQUIRE(c.content);  // the hall; items wait for the roster they name
    CHECK(c.content->roster.windows.empty());
    CHECK(log.find("the cached copy of " + kBase + "roster.xml refused: no signature") !=
          std::string::npos);
  }
  SUBCASE("no cache dir: nothing, and it says so") {
    config.cache_dir.clear();
    const auto c = app::load_cached_content(config, app::core_merge(config));
    CHECK_FALSE(c.content);
    REQUIRE(c.log.size() == 1);
    CHECK(c.log[0].find("no <cache dir") != std::string::npos);
  }
}

TEST_SUITE_END();

}  // namespace hb::test
