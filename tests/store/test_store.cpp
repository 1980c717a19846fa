// The store on real SQLite files: schema, users, sessions, records with
// optimistic versions, the audit log that cannot be changed, versions.
#include <doctest/doctest.h>

#include "files.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace hb::store {

namespace {

struct Fixture {
  test::TempDir dir;
  std::string path = (dir.path() / "console.db").string();
  Store store = Store::create(path).value();
};

constexpr int kBeijing = 8 * 60;
constexpr std::int64_t kDay0 = -28800;  // 1970-01-01T00:00+08:00, where the lines below start

Record item(const std::string& key, const std::string& body) {
  Record r;
  r.kind = "item";
  r.key = key;
  r.body = body;
  return r;
}

}  // namespace

TEST_CASE("a new database refuses to overwrite, and opens again with its schema") {
  Fixture f;
  const auto again = Store::create(f.path);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().kind == ErrorKind::exists);
  auto opened = Store::open(f.path);
  REQUIRE(opened.ok());
  CHECK(opened->users()->empty());
  const auto missing = Store::open((f.dir.path() / "nope.db").string());
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().kind == ErrorKind::not_found);
}

TEST_CASE("a file that is not a database is a storage error, not a crash") {
  test::TempDir dir;
  const auto path = (dir.path() / "junk.db").string();
  {
    std::ofstream out(path);
    out << "this is not a database, just text that is long enough to look like a header";
  }
  const auto opened = Store::open(path);
  REQUIRE_FALSE(opened.ok());
  CHECK(opened.error().kind == ErrorKind::storage);
}

TEST_CASE("users: unique names, roles kept") {
  Fixture f;
  REQUIRE(f.store.add_user("zhang", Role::editor, "hash", 100).ok());
  const auto twice = f.store.add_user("zhang", Role::admin, "hash", 100);
  REQUIRE_FALSE(twice.ok());
  CHECK(twice.error().kind == ErrorKind::exists);
  CHECK(f.store.user("zhang")->role == Role::editor);
  CHECK(f.store.user("li").error().kind == ErrorKind::not_found);
}

TEST_CASE("sessions are found by their token's hash and go when dropped or idle") {
  Fixture f;
  const User u = f.store.add_user("zhang", Role::approver, "hash", 100).value();
  REQUIRE(f.store.add_session(Session{"t1", u, "csrf1", 100, 100}).ok());
  REQUIRE(f.store.add_session(Session{"t2", u, "csrf2", 100, 500}).ok());
  CHECK(f.store.session("t1")->user.name == "zhang");
  CHECK(f.store.session("t1")->csrf == "csrf1");
  REQUIRE(f.store.drop_sessions_idle_since(200).ok());
  CHECK_FALSE(f.store.session("t1").ok());
  REQUIRE(f.store.drop_session("t2").ok());
  CHECK_FALSE(f.store.session("t2").ok());
}

TEST_CASE("login failures are counted per user name") {
  Fixture f;
  for (int t : {10, 20, 30}) REQUIRE(f.store.add_login_failure("zhang", t).ok());
  REQUIRE(f.store.add_login_failure("li", 25).ok());
  CHECK(f.store.login_failures_since("zhang", 15).value() == 2);
  CHECK(f.store.latest_login_failures("zhang", 2).value() == std::vector<std::int64_t>{30, 20});
  CHECK(f.store.latest_login_failures("zhang", 5)->size() == 3);
  REQUIRE(f.store.clear_login_failures("zhang").ok());
  CHECK(f.store.login_failures_since("zhang", 0).value() == 0);
  CHECK(f.store.login_failures_since("li", 0).value() == 1);
}

TEST_CASE("records: the second of two editors gets a conflict and nothing is lost") {
  Fixture f;
  const Record created = f.store.put_record(item("A1", "<item v='1'/>"), 0, "zhang", 100).value();
  CHECK(created.rev == 1);
  CHECK(created.position == 1);
  // Both read rev 1; zhang saves first.
  REQUIRE(f.store.put_record(item("A1", "<item v='zhang'/>"), 1, "zhang", 110).ok());
  const auto late = f.store.put_record(item("A1", "<item v='li'/>"), 1, "li", 120);
  REQUIRE_FALSE(late.ok());
  CHECK(late.error().kind == ErrorKind::conflict);
  CHECK(late.error().message.find("zhang") != std::string::npos);
  const Record stored = f.store.record("item", "A1").value();
  CHECK(stored.body == "<item v='zhang'/>");
  CHECK(stored.rev == 2);
  // Creating a key that exists is refused too.
  CHECK(f.store.put_record(item("A1", "<x/>"), 0, "li", 130).error().kind == ErrorKind::exists);
  // Deleting with a stale rev is a conflict; with the right one it goes.
  CHECK(f.store.delete_record("item", "A1", 1, "li", 140).error().kind == ErrorKind::conflict);
  REQUIRE(f.store.delete_record("item", "A1", 2, "li", 150).ok());
  CHECK(f.store.record("item", "A1").error().kind == ErrorKind::not_found);
}

TEST_CASE("records keep their order; replace_records audits only what changed") {
  Fixture f;
  REQUIRE(f.store.put_record(item("B", "<b/>"), 0, "zhang", 100).ok());
  REQUIRE(f.store.put_record(item("A", "<a/>"), 0, "zhang", 100).ok());
  auto list = f.store.records("item").value();
  REQUIRE(list.size() == 2);
  CHECK(list[0].key == "B");
  const auto before = f.store.audit_log(1 << 30, 100)->size();
  Record a = item("A", "<a/>");
  a.position = 1;
  Record c = item("C", "<c/>");
  c.position = 2;
  REQUIRE(f.store.replace_records({a, c}, "republish", "wang", 200).ok());
  list = f.store.records("item").value();
  REQUIRE(list.size() == 2);
  CHECK(list[0].key == "A");
  CHECK(list[0].rev == 1);  // same body: not a change
  CHECK(list[1].key == "C");
  const auto log = f.store.audit_log(1 << 30, 100).value();
  // C appeared, B went; A unchanged.
  CHECK(log.size() == before + 2);
  CHECK(log[0].user == "wang");
}

TEST_CASE("the audit log cannot be changed, even with SQL") {
  Fixture f;
  REQUIRE(f.store.put_record(item("A", "<a/>"), 0, "zhang", 100).ok());
  const auto log = f.store.audit_log(1 << 30, 10).value();
  REQUIRE(log.size() == 1);
  CHECK(log[0].action == "create");
  CHECK(log[0].after == "<a/>");
  CHECK_FALSE(log[0].before.has_value());
  Database raw = Database::open(f.path, false);
  CHECK_THROWS_AS(raw.exec("UPDATE audit SET user_name = 'nobody'"), SqliteFailure);
  CHECK_THROWS_AS(raw.exec("DELETE FROM audit"), SqliteFailure);
  CHECK(f.store.audit_log(1 << 30, 10)->at(0).user == "zhang");
}

TEST_CASE("versions keep every feed; equal bytes are stored once") {
  Fixture f;
  const FeedFile hall{"hall.xml", "<hall/>", "h1", "2026-12-04T08:00:00+08:00", 1000, ""};
  const FeedFile items{"items.xml", "<items/>", "i1", "2026-12-04T08:00:00+08:00", 1000, ""};
  const Version v1 = f.store.add_version({hall, items}, std::nullopt, "wang", 1000).value();
  CHECK(v1.number == 1);
  FeedFile items2 = items;
  items2.bytes = "<items n='2'/>";
  items2.sha256 = "i2";
  items2.generated_unix = 2000;
  const Version v2 = f.store.add_version({hall, items2}, std::nullopt, "wang", 2000).value();
  CHECK(v2.number == 2);
  CHECK(f.store.version_feeds(1)->at(1).bytes == "<items/>");
  CHECK(f.store.version_feeds(2)->at(1).bytes == "<items n='2'/>");
  CHECK(f.store.last_generated("items.xml").value() == 2000);
  CHECK(f.store.last_generated("hall.xml").value() == 1000);
  CHECK_FALSE(f.store.last_generated("stats.xml").value().has_value());
  CHECK(f.store.versions()->front().number == 2);
  CHECK(f.store.latest_version().value()->number == 2);
  CHECK(f.store.version_feeds(9).error().kind == ErrorKind::not_found);
  const Version v3 = f.store.add_version({hall, items}, 1, "li", 3000).value();
  CHECK(v3.source == 1);
}

TEST_CASE("a feed's signature is kept with its bytes; one signed later only where the bytes are the same") {
  Fixture f;
  const std::string sig("\0\x01" "binary" "\xff", 9);  // split: \x01b would be one escape
  const FeedFile hall{"hall.xml", "<hall/>", "h1", "2026-12-04T08:00:00+08:00", 1000, sig};
  const FeedFile items{"items.xml", "<items/>", "i1", "2026-12-04T08:00:00+08:00", 1000, ""};
  REQUIRE(f.store.add_version({hall, items}, std::nullopt, "wang", 1000).ok());
  CHECK(f.store.version_feeds(1)->at(0).signature == sig);
  CHECK(f.store.version_feeds(1)->at(1).signature.empty());
  REQUIRE(f.store.set_feed_signature(1, "items.xml", "other", "nope").ok());
  CHECK(f.store.version_feeds(1)->at(1).signature.empty());
  REQUIRE(f.store.set_feed_signature(1, "items.xml", "i1", "yes").ok());
  CHECK(f.store.version_feeds(1)->at(1).signature == "yes");
}

TEST_CASE("proof of play: a line is kept once per screen, number and start, however often sent") {
  Fixture f;
  const auto line = [](std::int64_t seq, std::int64_t seconds) {
    return PlayLine{seq, "2026-11-27T10:00:00+08:00", seconds, "items", "",
                    "{\"seq\":" + std::to_string(seq) + "}", 1000, 1000 + seconds};
  };
  struct Step {
    const char* screen;
    std::vector<PlayLine> lines;
  };
  const std::vector<Step> steps = {
      {"a", {line(1, 15), line(2, 15)}},
      {"a", {line(2, 99), line(3, 15)}},  // 2 resent (the first answer was lost): kept as first stored
      {"b", {line(1, 30)}},                // another screen's numbers are its own
      {"a", {}},
      // The screen's cache wiped: numbers from 1 again, a later start.
      {"a", {PlayLine{1, "2026-12-01T09:00:00+08:00", 60, "dark", "", "{}", 5000, 5060}}},
  };
  for (const auto& step : steps)
    REQUIRE(f.store.record_plays(step.screen, 100, kBeijing, step.lines).ok());
  const auto a = f.store.plays("a").value();
  REQUIRE(a.size() == 4);
  CHECK(a[0].seq == 1);
  CHECK(a[1].seq == 1);
  CHECK(a[1].slide == "dark");
  CHECK(a[2].seconds == 15);
  CHECK(a[3].seq == 3);
  CHECK(a[3].line == "{\"seq\":3}");
  CHECK(f.store.plays("b").value().size() == 1);
  CHECK(f.store.plays("c").value().empty());
  // The roll-up counted each stored line once: the resent 2 neither counted nor added its 99 s.
  const auto days = f.store.play_day_totals("a", kDay0, kDay0 + 86400).value();
  REQUIRE(days.size() == 2);
  CHECK(days[0].slide == "dark");
  CHECK(days[0].count == 1);
  CHECK(days[1].count == 3);
  CHECK(days[1].seconds == 45);
  CHECK(f.store.latest_plays("a", 2).value().at(0).slide == "dark");
  CHECK(f.store.latest_plays("a", 2).value().size() == 2);
}

// Two Beijing days: lines inside, across the midnight between them, outside.
TEST_CASE("proof of play: the daily roll-up splits at local midnight; raw lines clipped; retention") {
  Fixture f;
  constexpr std::int64_t kMid = kDay0 + 86400;  // the midnight between the days
  const auto line = [](std::int64_t seq, std::int64_t start, std::int64_t end, const char* slide,
                       const char* item) {
    return PlayLine{seq, "s" + std::to_string(start), end - start, slide, item, "{}", start, end};
  };
  REQUIRE(f.store.record_plays("a", 1, kBeijing, {
      line(1, kMid - 100, kMid + 20, "item", "x"),  // across midnight: 100 s, then 20 s
      line(2, kMid + 20, kMid + 35, "item", "x"),
      line(3, kMid + 35, kMid + 50, "item", "y"),
      line(4, kMid + 50, kMid + 80, "dark", ""),
      line(5, kDay0 - 10, kDay0 + 5, "dark", ""),  // from the day before: 5 s on day 0
  }).ok());
  REQUIRE(f.store.record_plays("b", 1, kBeijing, {line(1, kMid + 1, kMid + 2, "item", "x")}).ok());
  const auto second = f.store.play_day_totals("a", kMid, kMid + 86400).value();
  REQUIRE(second.size() == 3);
  CHECK(second[0].slide == "dark");
  CHECK(second[0].count == 1);
  CHECK(second[0].seconds == 30);
  CHECK(second[1].item == "x");
  CHECK(second[1].count == 1);  // line 1 counted on the day it started
  CHECK(second[1].seconds == 35);
  const auto both = f.store.play_day_totals("a", kDay0, kMid + 86400).value();
  REQUIRE(both.size() == 3);
  CHECK(both[0].count == 1);  // line 5 started the day before
  CHECK(both[0].seconds == 35);
  CHECK(both[1].count == 2);
  CHECK(both[1].seconds == 135);
  CHECK(f.store.play_day_seconds("a", kDay0, kMid).value() == 105);
  CHECK(f.store.play_day_seconds("a", kMid, kMid + 86400).value() == 80);
  CHECK(f.store.play_day_seconds("c", kDay0, kMid).value() == 0);
  // Raw lines answer a part of a day exactly.
  CHECK(f.store.play_seconds("a", kMid, kMid + 86400).value() == 80);
  CHECK(f.store.play_seconds("a", kMid + 30, kMid + 40).value() == 10);
  // Retention: raw lines by when they came, the roll-up by its day.
  REQUIRE(f.store.record_plays("b", 50, kBeijing, {line(2, kMid + 3, kMid + 4, "item", "x")}).ok());
  // In batches: at most 4 lines a call, then the rest.
  CHECK(f.store.delete_plays_received_before(10, 4).value() == 4);
  CHECK(f.store.delete_plays_received_before(10, 4).value() == 2);
  CHECK(f.store.delete_play_days_before(kMid).value() == 3);  // a's rows of day 0 (dark, x) and of the day before it (dark)
  CHECK(f.store.plays("b").value().size() == 1);
  CHECK(f.store.play_day_seconds("a", kMid, kMid + 86400).value() == 80);
  CHECK(f.store.play_day_seconds("a", kDay0, kMid).value() == 0);
}

// 200 000 lines of one screen (a month at 15 s a page is ~180 000): the
// roll-up is a few rows a day, and sums to the lines' count and seconds.
TEST_CASE("proof of play: a month of lines rolls up to a few rows a day") {
  Fixture f;
  constexpr int kLines = 200000;
  std::vector<PlayLine> lines;
  lines.reserve(kLines);
  for (int i = 0; i < kLines; ++i) {
    const std::int64_t start = kDay0 + 15 * static_cast<std::int64_t>(i);
    lines.push_back(PlayLine{i + 1, std::to_string(start), 15, i % 2 ? "item" : "roster",
                             i % 2 ? "item-" + std::to_string(i % 7) : "", "{}", start, start + 15});
  }
  REQUIRE(f.store.record_plays("a", 1, kBeijing, lines).ok());
  lines.clear();
  lines.shrink_to_fit();
  const std::int64_t to = kDay0 + 35 * 86400;
  const auto totals = f.store.play_day_totals("a", kDay0, to).value();
  CHECK(totals.size() == 8);
  std::int64_t count = 0;
  for (const auto& t : totals) count += t.count;
  CHECK(count == kLines);
  CHECK(f.store.play_day_seconds("a", kDay0, to).value() == 15 * kLines);
}

TEST_CASE("screens: a revoked screen gets no new token and stays revoked; screenshots, latest only") {
  Fixture f;
  REQUIRE(f.store.add_screen("a", "h1", 10).ok());
  REQUIRE(f.store.add_screen("b", "h2", 10).ok());
  {
    Database db = Database::open(f.path, false);
    db.exec("UPDATE screens SET revoked = 1 WHERE id = 'b'");
  }
  CHECK(f.store.replace_screen_token("a", "h3").ok());
  const auto refused = f.store.replace_screen_token("b", "h4");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().kind == ErrorKind::conflict);
  CHECK(f.store.replace_screen_token("c", "h5").error().kind == ErrorKind::not_found);
  const auto screens = f.store.screens().value();
  CHECK(screens[1].revoked);
  CHECK(screens[1].token_hash == "h2");
  CHECK_FALSE(screens[0].screenshot_at);
  CHECK(f.store.screenshot("a").error().kind == ErrorKind::not_found);
  REQUIRE(f.store.put_screenshot("a", {std::string("png\0one", 7), 10, 5, 100}).ok());
  REQUIRE(f.store.put_screenshot("a", {std::string("png\0two", 7), 20, 10, 200}).ok());
  const auto shot = f.store.screenshot("a").value();
  CHECK(shot.png == std::string("png\0two", 7));
  CHECK(shot.width == 20);
  CHECK(shot.taken_at == 200);
  CHECK(f.store.screens().value()[0].screenshot_at == std::optional<std::int64_t>(200));
}

TEST_CASE("a second connection sees what the first wrote (user add while serve runs)") {
  Fixture f;
  auto other = Store::open(f.path).value();
  REQUIRE(other.add_user("li", Role::editor, "hash", 100).ok());
  CHECK(f.store.user("li").ok());
}

}  // namespace hb::store
