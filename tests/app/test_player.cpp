// The live player's sequence of pages, with the clock passed in: when a page
// turns, when it is only redrawn, and when new content takes over.
#include <doctest/doctest.h>

#include "app/player.h"
#include "demo_content.h"
#include "fake_measure.h"
#include "files.h"
#include "schedule/notices.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

struct Fixture {
  FakeMeasure measure;
  app::Player player{"lobby-1", kZone, measure, layout::Theme{}, 1920, 1080};
};

}  // namespace

TEST_CASE("without content the player shows the waiting page, never nothing") {
  Fixture f;
  const auto step = f.player.advance(at("2026-11-27T10:00:00"));
  CHECK(step.change == app::Change::turned);
  CHECK(f.player.page().slide_type == "waiting");
  CHECK_FALSE(f.player.page_ref().has_value());
  // Nothing changes within the minute; the clock in the header changes with it.
  CHECK(f.player.advance(at("2026-11-27T10:00:30")).change == app::Change::none);
  CHECK(f.player.advance(at("2026-11-27T10:01:00")).change == app::Change::updated);
}

TEST_CASE("pages turn at their boundaries and are redrawn in place each minute") {
  Fixture f;
  f.player.offer(demo_content(), at("2026-11-27T09:00:00"));
  const auto t0 = at("2026-11-27T10:00:00");
  REQUIRE(f.player.advance(t0).change == app::Change::turned);
  REQUIRE(f.player.page_ref().has_value());
  const auto end = f.player.page_ref()->end;
  REQUIRE(end > t0);
  int turned = 0, updated = 0;
  for (auto t = t0 + 1; t < end; ++t) {
    const auto c = f.player.advance(t).change;
    turned += c == app::Change::turned;
    updated += c == app::Change::updated;
  }
  CHECK(turned == 0);
  CHECK(updated <= (end - t0) / 60 + 1);  // at most once a minute
  const auto step = f.player.advance(end);
  CHECK(step.change == app::Change::turned);
  CHECK(step.transition == model::Transition::fade);  // the demo playlist's
  CHECK(f.player.page_ref()->start == end);
}

TEST_CASE("new content waits for the page boundary, unless it brings an urgent notice") {
  Fixture f;
  model::Content content = demo_content();
  auto t0 = at("2026-11-27T10:00:00");
  f.player.offer(content, t0 - 3600);
  f.player.advance(t0);
  // From the start of a page, whatever the demo's round length puts at 10:00.
  t0 = f.player.page_ref()->end;
  f.player.advance(t0);
  const auto ref = *f.player.page_ref();
  REQUIRE(ref.end - t0 >= 2);

  model::Content edited = content;
  edited.hall->name = "改名后的政务服务中心";
  f.player.offer(edited, t0 + 1);
  CHECK(f.player.advance(t0 + 1).change == app::Change::none);
  const auto step = f.player.advance(ref.end);
  CHECK(step.change == app::Change::turned);
  bool renamed = false;
  for (const auto& line : layout::text_in_reading_order(f.player.page()))
    renamed |= line.find("改名后的政务服务中心") != std::string::npos;
  CHECK(renamed);

  // An urgent notice shows at once, mid-page.
  model::Content urgent = edited;
  for (auto& n : urgent.notices)
    n.level = model::NoticeLevel::info;
  model::Notice alarm;
  alarm.id = "fire";
  alarm.level = model::NoticeLevel::urgent;
  alarm.text = "消防演练，请听从工作人员指挥有序疏散";
  urgent.notices.push_back(alarm);
  const auto t1 = f.player.page_ref()->start + 1;
  f.player.advance(t1);
  f.player.offer(urgent, t1 + 1);
  const auto urgent_step = f.player.advance(t1 + 1);
  CHECK(urgent_step.change == app::Change::turned);
  REQUIRE(f.player.page_ref().has_value());
  CHECK(f.player.page_ref()->urgent);
  CHECK(f.player.page().slide_type == "urgent");
}

TEST_CASE("a long urgent notice is shown page by page, each page for the urgent time") {
  Fixture f;
  model::Content content = demo_content();
  for (auto& n : content.notices)
    n.level = model::NoticeLevel::info;
  model::Notice alarm;
  alarm.id = "long";
  alarm.level = model::NoticeLevel::urgent;
  for (int i = 0; i < 40; ++i)
    alarm.text += "因供电线路检修，大厅今日下午暂停办理全部业务，请合理安排。";
  const auto t0 = at("2026-11-27T10:00:00");
  alarm.from = model::DateTime{{2026, 11, 27}, 10 * 3600, std::nullopt, false};
  content.notices.push_back(alarm);
  f.player.offer(content, t0 - 3600);
  f.player.advance(t0);
  REQUIRE(f.player.page_ref().has_value());
  REQUIRE(f.player.page_ref()->urgent);
  const int n = f.player.page_ref()->page_count;
  REQUIRE(n > 1);
  const auto start = f.player.page_ref()->start;
  CHECK(f.player.page_ref()->end - start == 15 * n);
  std::vector<int> seen;
  for (auto t = start; t < start + 15 * n; ++t) {
    f.player.advance(t);
    REQUIRE(f.player.page_ref()->urgent);
    if (seen.empty() || seen.back() != f.player.page().page) seen.push_back(f.player.page().page);
    CHECK(f.player.page().page_count == n);
  }
  std::vector<int> expected;
  for (int i = 0; i < n; ++i)
    expected.push_back(i);
  CHECK(seen == expected);
}

TEST_CASE("a day of seconds: the page on screen always agrees with the rotation") {
  Fixture f;
  f.player.offer(demo_content(), at("2026-11-27T00:00:00"));
  const auto t0 = at("2026-11-27T08:00:00");
  int turns = 0;
  for (auto t = t0; t < t0 + 4 * 3600; t += 7) {
    if (f.player.advance(t).change == app::Change::turned) ++turns;
    REQUIRE(f.player.page_ref().has_value());
    const auto& r = *f.player.page_ref();
    REQUIRE(r.start <= t);
    REQUIRE(t < r.end);
    REQUIRE(f.player.page().page == r.page);
  }
  CHECK(turns > 4 * 3600 / 30);
}

}  // namespace hb::test

namespace hb::test {
namespace {

model::QueueCall a_call(const std::string& id, const std::string& ticket,
                        model::UnixSeconds when) {
  model::QueueCall c;
  c.id = id;
  c.ticket = ticket;
  c.window = "1";
  c.at = when;
  return c;
}

bool page_says(const layout::Page& page, const std::string& text) {
  for (const auto& line : layout::text_in_reading_order(page))
    if (line.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("a call pre-empts the page, and the rotation goes on where it was") {
  Fixture f;
  f.player.offer(demo_content(), at("2026-11-27T09:00:00"));
  auto t0 = at("2026-11-27T10:00:00");
  f.player.advance(t0);
  // From the start of a page, whatever the demo's round length puts at 10:00.
  t0 = f.player.page_ref()->end;
  f.player.advance(t0);
  const auto before = *f.player.page_ref();
  REQUIRE(before.end - t0 >= 4);
  const auto cut = t0 + 2;  // two seconds of the page shown
  f.player.advance(cut);
  const auto step = f.player.show_call(a_call("c1", "A024", cut), cut);
  CHECK(step.change == app::Change::turned);
  CHECK(f.player.page().slide_type == "call");
  CHECK(page_says(f.player.page(), "A024"));

  // Eight seconds later the page comes back for the time it had left.
  const auto back = cut + 8;
  CHECK(f.player.advance(back).change == app::Change::turned);
  const auto after = *f.player.page_ref();
  CHECK(after.slide == before.slide);
  CHECK(after.page == before.page);
  CHECK(after.item == before.item);
  CHECK(after.end == before.end + 8);
  CHECK(after.start == before.start + 8);
  // And then the next page, as it would have come without the call.
  CHECK(f.player.advance(after.end).change == app::Change::turned);
}

TEST_CASE("calls never hold the rotation past a change of day or of notices") {
  struct Row {
    const char* what;
    const char* cut;
    int call_seconds;
    bool rotation_lags;
  };
  const Row rows[] = {
      {"mid-morning: the rotation lags by the call", "2026-11-27T10:00:00", 8, true},
      {"a call across midnight: the new day starts on time", "2026-11-27T23:59:55", 10, false},
      {"an hour of calls at once is more than the rotation waits", "2026-11-27T10:00:00", 3700,
       false},
  };
  for (const auto& r : rows) {
    CAPTURE(r.what);
    Fixture f;
    f.player.offer(demo_content(), at("2026-11-27T09:00:00"));
    const auto cut = at(r.cut);
    f.player.advance(cut);
    f.player.show_call(a_call("c1", "A001", cut), cut);
    const auto back = cut + r.call_seconds;
    f.player.advance(back);
    // Compared with a player that never showed the call.
    Fixture plain;
    plain.player.offer(demo_content(), at("2026-11-27T09:00:00"));
    plain.player.advance(back);
    const bool same = f.player.page_ref().has_value() == plain.player.page_ref().has_value() &&
                      (!f.player.page_ref() ||
                       (f.player.page_ref()->start == plain.player.page_ref()->start &&
                        f.player.page_ref()->slide == plain.player.page_ref()->slide));
    CHECK(same != r.rotation_lags);
  }
}

TEST_CASE("live numbers: the page showing them is laid out anew when they change") {
  Fixture f;
  model::Content content = demo_content();
  f.player.set_band(true);
  f.player.offer(content, at("2026-11-27T09:00:00"));
  const auto t0 = at("2026-11-27T10:00:00");
  f.player.advance(t0);
  model::QueueDocument q;
  model::QueueWindow w;
  w.id = content.roster.windows.front().id;
  w.serving = "B777";
  w.waiting = 4;
  q.windows.push_back(w);
  f.player.set_queue(&q);
  CHECK(f.player.advance(t0 + 1).change == app::Change::updated);
  CHECK(page_says(f.player.page(), "B777"));
  // Nothing new: nothing to draw.
  CHECK(f.player.advance(t0 + 2).change == app::Change::none);
  f.player.set_queue(nullptr);  // the source fell silent
  CHECK(f.player.advance(t0 + 3).change == app::Change::updated);
  CHECK_FALSE(page_says(f.player.page(), "B777"));
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("a call before the first page shows the hall of the content just offered") {
  Fixture f;
  f.player.offer(demo_content(), at("2026-11-27T10:00:00"));
  const auto t = at("2026-11-27T10:00:00");
  f.player.show_call(a_call("c1", "A001", t), t);
  CHECK(f.player.has_content());
  CHECK(page_says(f.player.page(), demo_content().hall->name));
}

}  // namespace hb::test
