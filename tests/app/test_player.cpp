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
  const auto t0 = at("2026-11-27T10:00:00");
  f.player.offer(content, t0 - 3600);
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
