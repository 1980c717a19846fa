// Which versions of the feeds may replace the ones on screen, without any
// network: signatures, parse errors, replays, feeds that only make sense
// together, and the cache at start.
#include <doctest/doctest.h>

#include "app/feed_acceptor.h"
#include "app/feed_fetcher.h"
#include "files.h"
#include "net/cache.h"
#include "net/net_support.h"
#include "net/picture.h"

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

std::string log_text(const app::Acceptance& a) {
  std::string s;
  for (const auto& l : a.log)
    s += l + "\n";
  return s;
}

const std::string kGen = "generated=\"2026-11-27T08:00:00+08:00\"";
constexpr double kNov28 = 1795795200;  // 2026-11-28T00:00:00+08:00
constexpr double kDay = 86400;

// The demo hall with another `generated` (and so other bytes).
std::string hall_at(const std::string& generated, const std::string& name = kHallName) {
  return replaced_once(replaced_once(demo("hall.xml"), kGen, "generated=\"" + generated + "\""), kHallName,
                 name);
}

app::FeedVersion signed_version(const TestKey& key, const std::string& name, std::string bytes) {
  auto v = version(name, std::move(bytes));
  v.signature = key.sign(v.bytes);
  return v;
}

bool has(const app::Acceptance& a, const std::string& needle) {
  return log_text(a).find(needle) != std::string::npos;
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
  const std::string items_v2 = replaced_once(demo("items.xml"), "window=\"2\"", "window=\"9\"");
  const std::string roster_v2 =
      replaced_once(demo("roster.xml"), "<window id=\"1\"",
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
       replaced_once(replaced_once(hall, gen, "generated=\"2026-11-27T07:59:59+08:00\""), kHallName, "旧名"),
       {"generated=\"2026-11-27T07:59:59+08:00\" is older than the accepted version's "
        "\"2026-11-27T08:00:00+08:00\"",
        "the last accepted version stays on screen"}},
      {"older generated in another zone",
       replaced_once(replaced_once(hall, gen, "generated=\"2026-11-26T23:59:00+00:00\""), kHallName, "旧名"),
       {"is older than"}},
      {"invalid XML",
       replaced_once(hall, "</hall>", "</hal>"),
       {kBase + "hall.xml:", ": error: ", "it cannot be read as a feed"}},
      {"an error in the content",
       replaced_once(hall, "kind=\"consult\"", "kind=\"hotline\""),
       {kBase + "hall.xml:", "it has errors"}},
      {"GBK with bytes GBK does not have",
       "<?xml version=\"1.0\" encoding=\"GBK\"?>\n<hallboard version=\"1\">\n"
       "<hall name=\"\x81\x20\"/></hallboard>\n",
       {kBase + "hall.xml:3:", "refused"}},
      {"an id that another feed defines too",
       replaced_once(hall, "</hallboard>",
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
  auto same_time = acceptor.consider({version("hall.xml", replaced_once(hall, kHallName, "新名"))});
  REQUIRE(same_time.content);
  CHECK(same_time.content->hall->name == "新名");
  auto later = acceptor.consider(
      {version("hall.xml", replaced_once(replaced_once(hall, gen, "generated=\"2026-11-28T08:00:00+08:00\""),
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

TEST_CASE("acceptor: a feed from the future is refused once, and never blocks a corrected one") {
  const auto config = config_for({"hall.xml"});
  double now = kNov28;
  app::FeedAcceptor acceptor(config, app::core_merge(config), {}, [&now] { return now; });
  REQUIRE(acceptor.consider({version("hall.xml", demo("hall.xml"))}).content);

  const std::string far = hall_at("9999-12-31T00:00:00+08:00", "未来");
  auto a = acceptor.consider({version("hall.xml", far)});
  CAPTURE(log_text(a));
  CHECK_FALSE(a.content);
  CHECK(has(a, kBase + "hall.xml refused: generated=\"9999-12-31T00:00:00+08:00\" is ahead of "
                       "this screen's clock (2026-11-28T00:00:00+08:00) by more than "
                       "clock-skew=\"86400\" seconds"));
  CHECK(has(a, "the last accepted version stays on screen"));
  // Said once per version, not once per poll.
  for (int poll = 0; poll < 3; ++poll)
    CHECK(acceptor.consider({version("hall.xml", far)}).log.empty());
  // The corrected version is newer than the accepted one, and that is all it needs.
  auto fixed =
      acceptor.consider({version("hall.xml", hall_at("2026-11-27T09:00:00+08:00", "改正"))});
  CAPTURE(log_text(fixed));
  REQUIRE(fixed.content);
  CHECK(fixed.content->hall->name == "改正");

  SUBCASE("within the skew: accepted") {
    auto near =
        acceptor.consider({version("hall.xml", hall_at("2026-11-28T23:59:00+08:00", "明天"))});
    CHECK(near.content);
  }
  SUBCASE("two days ahead: refused, then taken once the clock gets there, without a word more") {
    const std::string ahead = hall_at("2026-11-30T00:00:00+08:00", "后天");
    auto first = acceptor.consider({version("hall.xml", ahead)});
    CHECK_FALSE(first.content);
    CHECK(has(first, "it is looked at again from 2026-11-29T00:00:00+08:00"));
    now = kNov28 + kDay - 1;
    CHECK(acceptor.consider({version("hall.xml", ahead)}).log.empty());
    now = kNov28 + kDay;
    auto later = acceptor.consider({version("hall.xml", ahead)});
    REQUIRE(later.content);
    CHECK(later.content->hall->name == "后天");
  }
  SUBCASE("a clock that was never set refuses nothing for being in the future, and says so once") {
    now = 0;
    auto a1 = acceptor.consider({version("hall.xml", hall_at("2026-12-01T00:00:00+08:00", "甲"))});
    CHECK(a1.content);
    CHECK(has(a1, "this screen's clock reads 1970-01-01T08:00:00+08:00, so it has not been set"));
    auto a2 = acceptor.consider({version("hall.xml", hall_at("2026-12-02T00:00:00+08:00", "乙"))});
    CHECK(a2.content);
    CHECK(a2.log.size() == 1);  // accepted; the clock is not mentioned again
  }
}

TEST_CASE(
    "acceptor: a version accepted from the future counts for nothing once the clock is right") {
  const auto config = config_for({"hall.xml"});
  double now = kNov28 + 1000 * kDay;  // a clock years ahead, since corrected
  app::FeedAcceptor acceptor(config, app::core_merge(config), {}, [&now] { return now; });
  REQUIRE(acceptor.consider({version("hall.xml", hall_at("2029-01-01T00:00:00+08:00", "错钟"))})
              .content);
  now = kNov28;
  auto a = acceptor.consider({version("hall.xml", hall_at("2026-11-27T09:00:00+08:00", "对钟"))});
  CAPTURE(log_text(a));
  REQUIRE(a.content);
  CHECK(a.content->hall->name == "对钟");
}

TEST_CASE(
    "acceptor: after a restart the cached copy from the future is refused; the fetched one shows") {
  TempDir dir;
  auto config = config_for({"hall.xml"});
  config.cache_dir = (dir / "cache").string();
  const net::ContentCache cache(net::feeds_dir(config.cache_dir), ".xml");
  REQUIRE(cache.store(kBase + "hall.xml", hall_at("9999-12-31T00:00:00+08:00", "未来"), {}).ok);
  // What FeedFetcher does at start: the cache first, then what the server has.
  app::FeedAcceptor acceptor(config, app::core_merge(config), {}, [] { return kNov28; });
  auto entry = cache.read(kBase + "hall.xml");
  REQUIRE(entry);
  auto cached = version("hall.xml", entry->bytes);
  cached.from_cache = true;
  auto start = acceptor.consider({cached});
  CAPTURE(log_text(start));
  CHECK_FALSE(start.content);
  CHECK(has(start, "the cached copy of " + kBase + "hall.xml refused: generated=\"9999-12-31"));
  auto fetched = acceptor.consider({version("hall.xml", demo("hall.xml"))});
  CAPTURE(log_text(fetched));
  REQUIRE(fetched.content);
  CHECK(fetched.content->hall->name == kHallName);
}

TEST_CASE("acceptor: with a trust key, generated is required and strictly increasing per URL") {
  TempDir dir;
  const TestKey key;
  write_file(dir / "feeds.pub", key.public_pem());
  auto config = config_for({"hall.xml"});
  config.trust_key = (dir / "feeds.pub").string();
  app::FeedAcceptor acceptor(config, app::core_merge(config), {}, [] { return kNov28; });
  const std::string undated = replaced_once(demo("hall.xml"), " " + kGen, "");
  auto a = acceptor.consider({signed_version(key, "hall.xml", undated)});
  CAPTURE(log_text(a));
  CHECK_FALSE(a.content);
  CHECK(has(a, kBase + "hall.xml refused: its root has no generated=\"…\""));
  REQUIRE(acceptor.consider({signed_version(key, "hall.xml", demo("hall.xml"))}).content);

  struct Row {
    const char* name;
    std::string bytes;
    const char* message;
  };
  const Row rows[] = {
      {"the same generated, other bytes", hall_at("2026-11-27T08:00:00+08:00", "同时"),
       "generated=\"2026-11-27T08:00:00+08:00\" is the same as the accepted version's, but the "
       "bytes differ"},
      {"older", hall_at("2026-11-27T07:00:00+08:00", "旧"), "is older than the accepted"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    auto refused = acceptor.consider({signed_version(key, "hall.xml", r.bytes)});
    CAPTURE(log_text(refused));
    CHECK_FALSE(refused.content);
    CHECK(has(refused, r.message));
    CHECK(acceptor.consider({signed_version(key, "hall.xml", r.bytes)}).log.empty());
  }
  // The very same bytes again: kept, and nothing is said.
  auto same = acceptor.consider({signed_version(key, "hall.xml", demo("hall.xml"))});
  CHECK_FALSE(same.content);
  CHECK(same.log.empty());
  // Mirrors that disagree: refused once, then silent however they alternate.
  for (int poll = 0; poll < 3; ++poll) {
    CHECK(acceptor.consider({signed_version(key, "hall.xml", demo("hall.xml"))}).log.empty());
    CHECK(acceptor.consider({signed_version(key, "hall.xml", rows[0].bytes)}).log.empty());
  }
  auto later = acceptor.consider(
      {signed_version(key, "hall.xml", hall_at("2026-11-27T08:00:01+08:00", "新"))});
  REQUIRE(later.content);
  CHECK(later.content->hall->name == "新");

  SUBCASE("after a restart, the cached version is the one to beat") {
    app::FeedAcceptor restarted(config, app::core_merge(config), {}, [] { return kNov28; });
    auto cached = signed_version(key, "hall.xml", hall_at("2026-11-27T08:00:01+08:00", "新"));
    cached.from_cache = true;
    REQUIRE(restarted.consider({cached}).content);
    auto replay = restarted.consider({signed_version(key, "hall.xml", demo("hall.xml"))});
    CHECK_FALSE(replay.content);
    CHECK(has(replay, "is older than the accepted version's"));
  }
}

TEST_CASE("acceptor: <trust hall> refuses a signed feed for another hall, or for none") {
  TempDir dir;
  const TestKey key;
  write_file(dir / "feeds.pub", key.public_pem());
  auto config = config_for({"hall.xml"});
  config.trust_key = (dir / "feeds.pub").string();
  const auto for_hall = [](const std::string& id) {
    return replaced_once(demo("hall.xml"), "<hallboard version=\"1\"",
                   "<hallboard version=\"1\" hall=\"" + id + "\"");
  };
  struct Row {
    const char* name;
    std::string trust_hall;
    std::string bytes;
    const char* message;  // empty: accepted
  };
  const Row rows[] = {
      {"the screen's hall", "530103-zwfw", for_hall("530103-zwfw"), ""},
      {"another hall", "530103-zwfw", for_hall("530102-zwfw"),
       "refused: it is for hall \"530102-zwfw\", and this screen belongs to hall "
       "\"530103-zwfw\" (<trust hall> in /etc/hallboard/player.xml)"},
      {"no hall named", "530103-zwfw", demo("hall.xml"),
       "refused: its root names no hall=\"…\", and this screen belongs to hall \"530103-zwfw\""},
      {"no <trust hall>: any hall, as before", "", for_hall("530102-zwfw"), ""},
      {"no <trust hall>, no hall named", "", demo("hall.xml"), ""},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    config.trust_hall = r.trust_hall;
    app::FeedAcceptor acceptor(config, app::core_merge(config), {}, [] { return kNov28; });
    auto a = acceptor.consider({signed_version(key, "hall.xml", r.bytes)});
    CAPTURE(log_text(a));
    CHECK(a.content.has_value() == (*r.message == '\0'));
    CHECK(has(a, r.message));
  }
}

TEST_CASE("acceptor: unsigned mirrors that disagree do not make the screen jump") {
  const auto config = config_for({"hall.xml"});
  app::FeedAcceptor acceptor(config, app::core_merge(config), {}, [] { return kNov28; });
  const std::string a = demo("hall.xml");
  const std::string b = replaced_once(a, kHallName, "镜像乙");
  REQUIRE(acceptor.consider({version("hall.xml", a)}).content);
  // Without a trust key the same generated may still bring a fix.
  REQUIRE(acceptor.consider({version("hall.xml", b)}).content);
  auto back = acceptor.consider({version("hall.xml", a)});
  CAPTURE(log_text(back));
  CHECK_FALSE(back.content);
  CHECK(has(back, kBase + "hall.xml refused: this version was shown before and replaced"));
  for (int poll = 0; poll < 3; ++poll) {
    CHECK(acceptor.consider({version("hall.xml", b)}).log.empty());
    auto again = acceptor.consider({version("hall.xml", a)});
    CHECK_FALSE(again.content);
    CHECK(again.log.empty());
  }
  // A later generated brings anything back.
  auto later = acceptor.consider({version("hall.xml", hall_at("2026-11-27T09:00:00+08:00"))});
  REQUIRE(later.content);
  CHECK(later.content->hall->name == kHallName);

  SUBCASE("a local file may go back: an editor's undo") {
    auto local = config_for({});
    local.feeds.push_back({"/srv/hallboard/hall.xml", 60, {}});
    app::FeedAcceptor editor(local, app::core_merge(local), {}, [] { return kNov28; });
    for (const auto* bytes : {&a, &b, &a}) {
      app::FeedVersion v;
      v.url = "/srv/hallboard/hall.xml";
      v.bytes = *bytes;
      CHECK(editor.consider({v}).content);
    }
  }
}

TEST_CASE("acceptor: each version's outcome is a value: its kind, why, and where") {
  using K = app::OutcomeKind;
  using R = app::Refusal;
  const auto config = config_for({"hall.xml", "items.xml", "roster.xml"});
  const std::string hall = demo("hall.xml");
  struct Row {
    const char* name;
    std::vector<std::vector<app::FeedVersion>> before;  // calls made first
    app::FeedVersion version;
    K kind;
    R refusal;
    bool said_before;
    bool with_findings;  // FILE:LINE:COL of the errors that refused it or keep it waiting
  };
  const std::vector<app::FeedVersion> demo_feeds = {
      version("hall.xml", hall), version("items.xml", demo("items.xml")),
      version("roster.xml", demo("roster.xml"))};
  const auto cached = [](app::FeedVersion v) {
    v.from_cache = true;
    return v;
  };
  const std::string broken = replaced_once(hall, "</hall>", "</hal>");
  const std::string older = hall_at("2026-11-27T07:59:59+08:00", "旧名");
  const std::string items_v2 = replaced_once(demo("items.xml"), "window=\"2\"", "window=\"9\"");
  const Row rows[] = {
      {"first version", {}, version("hall.xml", hall), K::accepted, R::none, false, false},
      {"from the cache", {}, cached(version("hall.xml", hall)), K::accepted, R::none, false, false},
      {"the same bytes", {demo_feeds}, version("hall.xml", hall), K::unchanged, R::none, false,
       false},
      {"not a feed of the config", {}, version("other.xml", hall), K::ignored, R::none, false,
       false},
      {"invalid XML", {demo_feeds}, version("hall.xml", broken), K::refused, R::unreadable, false,
       true},
      {"an error in the content", {demo_feeds},
       version("hall.xml", replaced_once(hall, "kind=\"consult\"", "kind=\"hotline\"")), K::refused,
       R::has_errors, false, true},
      {"older", {demo_feeds}, version("hall.xml", older), K::refused, R::older, false, false},
      {"from the future", {demo_feeds},
       version("hall.xml", hall_at("9999-12-31T00:00:00+08:00", "未来")), K::refused,
       R::from_future, false, false},
      {"refused again", {demo_feeds, {version("hall.xml", older)}}, version("hall.xml", older),
       K::refused, R::older, true, false},
      {"does not merge", {demo_feeds}, version("items.xml", items_v2), K::waiting, R::none, false,
       true},
      {"waits again", {demo_feeds, {version("items.xml", items_v2)}},
       version("items.xml", items_v2), K::waiting, R::none, true, false},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    app::FeedAcceptor acceptor(config, app::core_merge(config), {}, [] { return kNov28; });
    for (const auto& call : r.before)
      acceptor.consider(call);
    const auto a = acceptor.consider({r.version});
    CAPTURE(log_text(a));
    REQUIRE(a.outcomes.size() == 1);
    const app::FeedOutcome& o = a.outcomes[0];
    CHECK(a.outcome(r.version.url) == &o);
    CHECK(o.url == r.version.url);
    CHECK(o.kind == r.kind);
    CHECK(o.refusal == r.refusal);
    CHECK(o.said_before == r.said_before);
    CHECK(o.from_cache == r.version.from_cache);
    CHECK(o.findings.empty() != r.with_findings);
    for (const auto& d : o.findings) CHECK(d.where.line > 0);
    if (r.kind != K::ignored) CHECK(o.sha256 == net::sha256_hex(r.version.bytes));
    CHECK(o.reason.empty() == (r.kind != K::refused));
    // The log is made from the outcome, and says nothing again.
    CHECK(a.log == app::outcome_lines(o));
    CHECK(a.log.empty() == (r.said_before || r.kind == K::unchanged));
  }
}

TEST_CASE("acceptor: signature refusals are told apart by kind") {
  TempDir dir;
  const TestKey key, other;
  write_file(dir / "feeds.pub", key.public_pem());
  auto config = config_for({"hall.xml"});
  config.trust_key = (dir / "feeds.pub").string();
  config.trust_hall = "530103-zwfw";
  const std::string hall = demo("hall.xml");
  const std::string for_hall = replaced_once(hall, "<hallboard version=\"1\"",
                                       "<hallboard version=\"1\" hall=\"530103-zwfw\"");
  struct Row {
    const char* name;
    std::string bytes;
    std::optional<std::string> sig;
    std::string key_file;
    app::Refusal refusal;
  };
  const Row rows[] = {
      {"unsigned", for_hall, std::nullopt, "feeds.pub", app::Refusal::unsigned_feed},
      {"signed by another key", for_hall, other.sign(for_hall), "feeds.pub",
       app::Refusal::bad_signature},
      {"an unusable key", for_hall, key.sign(for_hall), "missing.pub",
       app::Refusal::key_unusable},
      {"another hall", hall, key.sign(hall), "feeds.pub", app::Refusal::other_hall},
      {"no generated", replaced_once(for_hall, kGen, ""), key.sign(replaced_once(for_hall, kGen, "")),
       "feeds.pub", app::Refusal::no_generated},
      {"signed and for this hall", for_hall, key.sign(for_hall), "feeds.pub",
       app::Refusal::none},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    config.trust_key = (dir / r.key_file).string();
    app::FeedAcceptor acceptor(config, app::core_merge(config), {}, [] { return kNov28; });
    auto v = version("hall.xml", r.bytes);
    v.signature = r.sig;
    const auto a = acceptor.consider({v});
    CAPTURE(log_text(a));
    REQUIRE(a.outcomes.size() == 1);
    CHECK(a.outcomes[0].refusal == r.refusal);
    CHECK(a.outcomes[0].kind ==
          (r.refusal == app::Refusal::none ? app::OutcomeKind::accepted : app::OutcomeKind::refused));
  }
}

TEST_CASE("acceptor: the lines an outcome makes, and the fetcher's last result from it") {
  using K = app::OutcomeKind;
  const std::string url = kBase + "hall.xml";
  const auto outcome = [&](K kind, bool from_cache, bool had_accepted, bool said_before) {
    app::FeedOutcome o;
    o.url = url;
    o.kind = kind;
    o.from_cache = from_cache;
    o.had_accepted = had_accepted;
    o.said_before = said_before;
    if (kind == K::refused) o.reason = "WHY";
    if (kind == K::accepted) o.generated = "2026-11-27T08:00:00+08:00";
    return o;
  };
  struct Row {
    app::FeedOutcome o;
    std::vector<std::string> lines;
    std::string result;  // the heartbeat's last result
  };
  const std::string refused = url + " refused: WHY";
  const std::string waits =
      url + " waits: it is valid alone but does not merge with the other feeds (see above); ";
  const Row rows[] = {
      {outcome(K::accepted, false, false, false),
       {url + ": accepted (generated 2026-11-27T08:00:00+08:00)"}, "ok"},
      {outcome(K::accepted, true, false, false),
       {url + ": shown from the cache (generated 2026-11-27T08:00:00+08:00)"}, "ok"},
      {outcome(K::unchanged, false, true, false), {}, "ok"},
      {outcome(K::ignored, false, false, false),
       {url + ": not a feed of this player's config; ignored"}, "ok"},
      {outcome(K::refused, false, true, false),
       {refused + "; the last accepted version stays on screen"},
       refused + "; the last accepted version stays on screen"},
      {outcome(K::refused, false, false, false),
       {refused + "; nothing from this feed is shown until a good version arrives"},
       refused + "; nothing from this feed is shown until a good version arrives"},
      {outcome(K::refused, true, true, false), {"the cached copy of " + refused},
       "the cached copy of " + refused},
      {outcome(K::refused, false, true, true), {},
       refused + "; the last accepted version stays on screen"},
      {outcome(K::waiting, false, true, false),
       {waits + "the last accepted version stays on screen"},
       waits + "the last accepted version stays on screen"},
      {outcome(K::waiting, false, false, true), {}, waits + "it is shown once the other feeds agree"},
  };
  for (const auto& r : rows) {
    CAPTURE(r.result);
    CHECK(app::outcome_lines(r.o) == r.lines);
    CHECK(app::fetch_result(&r.o) == r.result);
  }
  CHECK(app::fetch_result(nullptr) == "ok");
}

TEST_SUITE_END();

}  // namespace hb::test
