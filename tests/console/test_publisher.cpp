// Publishing: which feeds change, their `generated`, and the files written
// (console.md "Feeds"; answers.md Issue 17).
#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "console/auth.h"
#include "console/drafts.h"
#include "console/feed_files.h"
#include "console/feed_records.h"
#include "console/publisher.h"
#include "console/record_elements.h"
#include "feed/encoding.h"
#include "files.h"

namespace hb::console {

namespace {

constexpr std::int64_t kNow = 1796083200;  // 2026-12-01T00:00:00Z

std::vector<store::Record> demo_records() {
  std::vector<store::Record> out;
  int next_key = 0;
  const KeyMaker keys = [&](const std::string& kind) { return kind + std::to_string(++next_key); };
  for (const char* name : {"hall.xml", "items.xml", "roster.xml"}) {
    const auto path = test::source_dir() / "content" / name;
    model::Diagnostics findings;
    const auto decoded = feed::decode(test::read_bytes(path), path.string(), findings);
    REQUIRE(decoded);
    for (auto& r : records_from_feed(decoded->utf8, keys, nullptr)) out.push_back(std::move(r));
  }
  std::map<std::string, std::int64_t> position;
  for (auto& r : out) r.position = ++position[r.kind];
  return out;
}

store::Record absence(const std::string& key, const std::string& staff, const std::string& from,
                      const std::string& to) {
  store::Record r;
  r.kind = "absence";
  r.key = key;
  r.position = 1000;
  r.body = absence_element({staff, from, to, "年休假", ""});
  return r;
}

const store::FeedFile& named(const std::vector<store::FeedFile>& files, const std::string& name) {
  for (const auto& f : files) {
    if (f.name == name) return f;
  }
  FAIL("no feed " << name);
  throw std::logic_error("unreachable");
}

// The latest generated each name had, over every version given.
struct History {
  std::map<std::string, std::int64_t> last;
  void add(const std::vector<store::FeedFile>& files) {
    for (const auto& f : files) last[f.name] = std::max(last[f.name], f.generated_unix);
  }
  std::function<std::optional<std::int64_t>(const std::string&)> lookup() const {
    return [this](const std::string& name) -> std::optional<std::int64_t> {
      const auto it = last.find(name);
      if (it == last.end()) return std::nullopt;
      return it->second;
    };
  }
};

PublishSettings settings_in(const std::filesystem::path& dir) {
  PublishSettings s;
  s.feeds_dir = dir / "feeds";
  s.hall_id = "km-zjj";
  return s;
}

}  // namespace

TEST_CASE("next_feed_files: the first version gets now everywhere") {
  const auto records = demo_records();
  const History none;
  const auto files = next_feed_files(records, settings_in("/nonexistent"), {}, none.lookup(), kNow);
  REQUIRE(files.size() == feed_names().size());
  for (const auto& f : files) {
    CAPTURE(f.name);
    CHECK(f.generated_unix == kNow);
    CHECK(f.generated == "2026-12-01T08:00:00+08:00");
    CHECK(f.bytes.find("generated=\"2026-12-01T08:00:00+08:00\"") != std::string::npos);
    CHECK(f.bytes.find("hall=\"km-zjj\"") != std::string::npos);
    CHECK(f.sha256 == sha256_hex(f.bytes));
  }
}

TEST_CASE("next_feed_files: unchanged feeds keep bytes and generated; changed ones get a later one") {
  const auto records = demo_records();
  const auto settings = settings_in("/nonexistent");
  History history;
  const auto v1 = next_feed_files(records, settings, {}, history.lookup(), kNow);
  history.add(v1);

  SUBCASE("nothing changed, much later: every feed as it was") {
    const auto v2 = next_feed_files(records, settings, v1, history.lookup(), kNow + 86400);
    REQUIRE(v2.size() == v1.size());
    for (std::size_t i = 0; i < v1.size(); ++i) {
      CAPTURE(v1[i].name);
      CHECK(v2[i].bytes == v1[i].bytes);
      CHECK(v2[i].generated == v1[i].generated);
      CHECK(v2[i].generated_unix == v1[i].generated_unix);
      CHECK(v2[i].sha256 == v1[i].sha256);
    }
  }

  struct Row {
    const char* what;
    std::int64_t now;
    std::int64_t expected;
  };
  const std::vector<Row> rows = {
      {"the clock moved on", kNow + 600, kNow + 600},
      {"the same second", kNow, kNow + 1},
      {"the clock went back an hour", kNow - 3600, kNow + 1},
  };
  for (const Row& row : rows) {
    CAPTURE(row.what);
    auto changed = records;
    changed.push_back(absence("a-new", "s05", "2026-12-07T09:00:00+08:00", "2026-12-07T12:00:00+08:00"));
    const auto v2 = next_feed_files(changed, settings, v1, history.lookup(), row.now);
    const auto& roster = named(v2, "roster.xml");
    CHECK(roster.generated_unix == row.expected);
    CHECK(roster.generated_unix > named(v1, "roster.xml").generated_unix);
    CHECK(roster.bytes != named(v1, "roster.xml").bytes);
    CHECK(roster.bytes.find("s05") != std::string::npos);
    CHECK(roster.generated == model::to_iso_string(row.expected, 8 * 60));
    for (const auto& f : v2) {
      if (f.name == "roster.xml") continue;
      CAPTURE(f.name);
      CHECK(f.bytes == named(v1, f.name).bytes);
      CHECK(f.generated_unix == kNow);
    }
  }
}

TEST_CASE("next_feed_files: republishing old content gives it a generated later than any before") {
  const auto records = demo_records();
  const auto settings = settings_in("/nonexistent");
  History history;
  const auto v1 = next_feed_files(records, settings, {}, history.lookup(), kNow);
  history.add(v1);
  auto changed = records;
  changed.push_back(absence("a-new", "s05", "2026-12-07T09:00:00+08:00", "2026-12-07T12:00:00+08:00"));
  const auto v2 = next_feed_files(changed, settings, v1, history.lookup(), kNow + 100);
  history.add(v2);
  // v1's content again, with the clock back before v2 was made.
  const auto v3 = next_feed_files(records, settings, v2, history.lookup(), kNow + 50);
  const auto& roster = named(v3, "roster.xml");
  CHECK(roster.generated_unix == kNow + 101);
  CHECK(roster.bytes != named(v1, "roster.xml").bytes);  // a new generated …
  // … with v1's content: the same bytes once the generated is v1's.
  const auto drafts = feeds_from_records(records, settings.hall_id);
  for (const auto& d : drafts) {
    if (d.name == "roster.xml") CHECK(d.bytes(named(v1, "roster.xml").generated) == named(v1, "roster.xml").bytes);
  }
  // The feeds v2 did not change stay as they are.
  CHECK(named(v3, "items.xml").bytes == named(v1, "items.xml").bytes);
  CHECK(named(v3, "items.xml").generated_unix == kNow);
  // And republishing exactly what is published changes nothing.
  const auto v4 = next_feed_files(records, settings, v3, history.lookup(), kNow + 200);
  for (const auto& f : v4) CHECK(f.bytes == named(v3, f.name).bytes);
}

TEST_CASE("publish_records writes only the changed files; sync repairs the folder") {
  test::TempDir dir;
  auto store = store::Store::create((dir.path() / "console.db").string()).value();
  const auto settings = settings_in(dir.path());
  const auto records = demo_records();

  const auto v1 = publish_records(store, records, settings, std::nullopt, "admin", kNow);
  REQUIRE(v1.ok());
  CHECK(v1->version.number == 1);
  CHECK(v1->feed_names == feed_names());
  CHECK(v1->changed.size() == feed_names().size());
  const auto v1_files = store.version_feeds(1).value();
  for (const auto& f : v1_files) {
    CAPTURE(f.name);
    CHECK(read_whole_file(settings.feeds_dir / f.name) == f.bytes);
  }

  auto changed = records;
  changed.push_back(absence("a-new", "s05", "2026-12-07T09:00:00+08:00", "2026-12-07T12:00:00+08:00"));
  const auto items_time = std::filesystem::last_write_time(settings.feeds_dir / "items.xml");
  const auto v2 = publish_records(store, changed, settings, std::nullopt, "approver", kNow);
  REQUIRE(v2.ok());
  CHECK(v2->version.number == 2);
  CHECK(v2->changed == std::vector<std::string>{"roster.xml"});
  CHECK(std::filesystem::last_write_time(settings.feeds_dir / "items.xml") == items_time);
  const auto v2_files = store.version_feeds(2).value();
  CHECK(named(v2_files, "roster.xml").generated_unix == kNow + 1);
  CHECK(read_whole_file(settings.feeds_dir / "roster.xml") == named(v2_files, "roster.xml").bytes);
  CHECK(store.last_generated("roster.xml").value() == kNow + 1);

  // Republish version 1: a new version 3 whose roster is v1's content, later.
  const auto v3 = publish_records(store, records, settings, 1, "approver", kNow);
  REQUIRE(v3.ok());
  CHECK(v3->version.number == 3);
  CHECK(v3->changed == std::vector<std::string>{"roster.xml"});
  const auto v3_files = store.version_feeds(3).value();
  CHECK(named(v3_files, "roster.xml").generated_unix == kNow + 2);
  const auto versions = store.versions().value();
  REQUIRE(versions.size() == 3);
  CHECK(versions[0].number == 3);
  CHECK(versions[0].source == 1);

  // No temporary is left beside the feeds.
  for (const auto& entry : std::filesystem::directory_iterator(settings.feeds_dir)) {
    CAPTURE(entry.path().filename().string());
    CHECK(entry.path().extension() == ".xml");
  }

  // A damaged or missing file is put back by sync; the others are left alone.
  {
    std::ofstream half(settings.feeds_dir / "roster.xml", std::ios::trunc);
    half << "<hallboard version=\"1\"><roster>";
  }
  std::filesystem::remove(settings.feeds_dir / "stats.xml");
  CHECK_FALSE(sync_published_files(store, settings));
  for (const auto& f : v3_files) {
    CAPTURE(f.name);
    CHECK(read_whole_file(settings.feeds_dir / f.name) == f.bytes);
  }
}

TEST_CASE("publish_records refuses content with lint errors and publishes nothing") {
  test::TempDir dir;
  auto store = store::Store::create((dir.path() / "console.db").string()).value();
  const auto settings = settings_in(dir.path());
  auto records = demo_records();
  // An absence of somebody the roster does not have.
  records.push_back(absence("a-bad", "s99", "2026-12-07T09:00:00+08:00", "2026-12-07T12:00:00+08:00"));
  const auto refused = publish_records(store, records, settings, std::nullopt, "admin", kNow);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == PublishErrorKind::invalid_content);
  CHECK_FALSE(refused.error().messages.empty());
  for (const auto& m : refused.error().messages) CHECK(m.find("error") != std::string::npos);
  CHECK_FALSE(store.latest_version().value());
  CHECK_FALSE(std::filesystem::exists(settings.feeds_dir / "roster.xml"));
}

TEST_CASE("publishes from two threads at once: each whole, the folder equal to the latest version") {
  // The server answers requests on several threads: two approvers may
  // publish in the same moment.
  test::TempDir dir;
  auto store = store::Store::create((dir.path() / "console.db").string()).value();
  std::mutex one_at_a_time;  // the Console's, in the server
  auto settings = settings_in(dir.path());
  settings.one_at_a_time = &one_at_a_time;
  const auto records = demo_records();
  auto changed = records;
  changed.push_back(absence("a-new", "s05", "2026-12-07T09:00:00+08:00", "2026-12-07T12:00:00+08:00"));
  REQUIRE(publish_records(store, records, settings, std::nullopt, "admin", kNow).ok());
  constexpr int kEach = 15;
  std::vector<std::string> problems[2];
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const auto& content = (i + t) % 2 ? changed : records;
        const auto done = publish_records(store, content, settings, std::nullopt, "approver", kNow + i);
        if (!done) {
          problems[t].push_back(done.error().messages.empty() ? "?" : done.error().messages[0]);
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& list : problems) {
    for (const auto& p : list) FAIL_CHECK(p);
  }
  const auto latest = store.latest_version().value();
  REQUIRE(latest);
  CHECK(latest->number == 1 + 2 * kEach);
  // Every version's roster has a generated later than the one before it.
  std::int64_t last = 0;
  for (std::int64_t n = 1; n <= latest->number; ++n) {
    const auto files = store.version_feeds(n).value();
    const auto& roster = named(files, "roster.xml");
    CAPTURE(n);
    CHECK(roster.generated_unix >= last);
    if (n > 1) {
      const auto previous = store.version_feeds(n - 1).value();
      const auto& before = named(previous, "roster.xml");
      if (before.bytes != roster.bytes) CHECK(roster.generated_unix > before.generated_unix);
    }
    last = roster.generated_unix;
  }
  const auto latest_files = store.version_feeds(latest->number).value();
  for (const auto& f : latest_files) {
    CAPTURE(f.name);
    CHECK(read_whole_file(settings.feeds_dir / f.name) == f.bytes);
  }
}

TEST_CASE("write_file_atomically replaces whole files and leaves no temporary") {
  test::TempDir dir;
  CHECK_FALSE(write_file_atomically(dir.path(), "a.xml", "one"));
  CHECK(read_whole_file(dir / "a.xml") == "one");
  CHECK_FALSE(write_file_atomically(dir.path(), "a.xml", std::string(100000, 'x')));
  CHECK(read_whole_file(dir / "a.xml") == std::string(100000, 'x'));
  CHECK_FALSE(write_file_atomically(dir.path(), "a.xml", ""));
  CHECK(read_whole_file(dir / "a.xml") == "");
  CHECK_FALSE(std::filesystem::exists(dir / ".a.xml.tmp"));
  // A folder that is not there is an error message, not an exception.
  CHECK(write_file_atomically(dir / "missing", "a.xml", "x"));
  CHECK_FALSE(read_whole_file(dir / "missing" / "a.xml"));
}

}  // namespace hb::console

namespace hb::console {

TEST_CASE("signatures: kept with the bytes; sync signs a version published before; a failing signer publishes nothing") {
  test::TempDir dir;
  auto store = store::Store::create((dir.path() / "console.db").string()).value();
  const auto unsigned_settings = settings_in(dir.path());
  auto settings = unsigned_settings;
  // Not Ed25519 (the route tests verify real ones): a stand-in that shows which bytes were signed.
  settings.signer = [](std::string_view bytes) -> base::Result<std::string, SigningError> {
    return "signed:" + sha256_hex(bytes);
  };
  const auto records = demo_records();

  REQUIRE(publish_records(store, records, unsigned_settings, std::nullopt, "admin", kNow).ok());
  const auto feeds1 = store.version_feeds(1).value();
  for (const auto& f : feeds1) {
    CAPTURE(f.name);
    CHECK(f.signature.empty());
    CHECK_FALSE(std::filesystem::exists(settings.feeds_dir / (f.name + ".sig")));
  }
  // A key installed since (or a database from before signatures were kept):
  // serve's start signs the latest version into the database and the folder.
  CHECK_FALSE(sync_published_files(store, settings));
  const auto feeds2 = store.version_feeds(1).value();
  for (const auto& f : feeds2) {
    CAPTURE(f.name);
    CHECK(f.signature == "signed:" + f.sha256);
    CHECK(read_whole_file(settings.feeds_dir / (f.name + ".sig")) == f.signature);
  }
  // A damaged .sig is put back from the database.
  {
    std::ofstream damaged(settings.feeds_dir / "roster.xml.sig", std::ios::trunc);
    damaged << "x";
  }
  CHECK_FALSE(sync_published_files(store, settings));
  CHECK(read_whole_file(settings.feeds_dir / "roster.xml.sig") == "signed:" + sha256_hex(*read_whole_file(settings.feeds_dir / "roster.xml")));

  // Another key since the last publish: serve's start re-signs the latest
  // version, so screens given the new key accept it before anyone publishes.
  {
    auto rekeyed = settings;
    rekeyed.signer = [](std::string_view bytes) -> base::Result<std::string, SigningError> {
      return "new-key:" + sha256_hex(bytes);
    };
    CHECK_FALSE(sync_published_files(store, rekeyed));
    const auto resigned = store.version_feeds(1).value();
    for (const auto& f : resigned) {
      CAPTURE(f.name);
      CHECK(f.signature == "new-key:" + f.sha256);
      CHECK(read_whole_file(rekeyed.feeds_dir / (f.name + ".sig")) == f.signature);
    }
    CHECK_FALSE(sync_published_files(store, settings));  // and back
  }

  // A republish signs its new bytes.
  auto changed = records;
  changed.push_back(absence("a-new", "s05", "2026-12-07T09:00:00+08:00", "2026-12-07T12:00:00+08:00"));
  REQUIRE(publish_records(store, changed, settings, std::nullopt, "approver", kNow).ok());
  REQUIRE(publish_records(store, records, settings, 1, "approver", kNow).ok());
  const auto feeds3 = store.version_feeds(3).value();
  for (const auto& f : feeds3) {
    CAPTURE(f.name);
    CHECK(f.signature == "signed:" + sha256_hex(f.bytes));
    CHECK(read_whole_file(settings.feeds_dir / (f.name + ".sig")) == f.signature);
  }

  auto failing = settings;
  failing.signer = [](std::string_view) -> base::Result<std::string, SigningError> {
    return SigningError{"no key"};
  };
  const auto refused = publish_records(store, changed, failing, std::nullopt, "approver", kNow + 5);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == PublishErrorKind::files);
  CHECK(store.versions().value().size() == 3);
}

}  // namespace hb::console
