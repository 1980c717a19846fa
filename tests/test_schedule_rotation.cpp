// The rotation: a pure function of the clock, the playlist and page counts.
#include <doctest/doctest.h>

#include <random>

#include "schedule/notices.h"
#include "schedule/rotation.h"
#include "schedule/screen.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

model::Slide slide(model::SlideType type, int seconds, std::string item = "") {
  model::Slide s;
  s.type = type;
  s.seconds = seconds;
  s.item = std::move(item);
  return s;
}

std::string describe(const std::optional<schedule::PageRef>& p) {
  if (!p) return "nothing";
  if (p->urgent) return "urgent";
  std::string r = std::to_string(p->slide) + ":" + std::to_string(p->page + 1) + "/" +
                  std::to_string(p->page_count);
  if (!p->item.empty()) r += ":" + p->item;
  return r;
}

// roster (1 page), items (2 pages), stats (1 page), 10 s each: 40 s a cycle.
schedule::RotationInput three_slides() {
  schedule::RotationInput in;
  in.slides = {slide(model::SlideType::roster, 10), slide(model::SlideType::items, 10),
               slide(model::SlideType::stats, 10)};
  in.pages = {{1, {}}, {2, {}}, {1, {}}};
  return in;
}

}  // namespace

TEST_CASE("pages follow each other, clock-aligned to the epoch") {
  const auto in = three_slides();
  const std::pair<model::UnixSeconds, const char*> rows[] = {
      {0, "0:1/1"},  {9, "0:1/1"},  {10, "1:1/2"}, {19, "1:1/2"}, {20, "1:2/2"},
      {30, "2:1/1"}, {39, "2:1/1"}, {40, "0:1/1"}, {-1, "2:1/1"}, {4000000015, "1:1/2"},
  };
  for (const auto& [t, expected] : rows) {
    CAPTURE(t);
    CHECK(describe(schedule::page_at(in, t)) == expected);
  }
  const auto p = schedule::page_at(in, 25);
  CHECK(p->start == 20);
  CHECK(p->end == 30);
}

TEST_CASE("slides with nothing to show are skipped") {
  auto in = three_slides();
  in.pages[1].pages = 0;
  CHECK(describe(schedule::page_at(in, 10)) == "2:1/1");
  CHECK(describe(schedule::page_at(in, 20)) == "0:1/1");
  in.pages = {{0, {}}, {0, {}}, {0, {}}};
  CHECK(describe(schedule::page_at(in, 10)) == "nothing");
}

TEST_CASE("the item slide shows the next item at each showing") {
  schedule::RotationInput in;
  in.slides = {slide(model::SlideType::roster, 10), slide(model::SlideType::item, 20)};
  in.item_ids = {"A", "B", "C"};
  in.pages = {{1, {}}, {0, {1, 2, 1}}};  // item B has two pages
  // Cycles: roster, A | roster, B, B | roster, C: 30 + 50 + 30 = 110 s.
  const std::pair<model::UnixSeconds, const char*> rows[] = {
      {0, "0:1/1"},  {10, "1:1/1:A"}, {30, "0:1/1"},  {40, "1:1/2:B"},  {60, "1:2/2:B"},
      {80, "0:1/1"}, {90, "1:1/1:C"}, {110, "0:1/1"}, {120, "1:1/1:A"},
  };
  for (const auto& [t, expected] : rows) {
    CAPTURE(t);
    CHECK(describe(schedule::page_at(in, t)) == expected);
  }
  // A fixed item slide always shows its item.
  in.slides[1].item = "B";
  in.pages[1] = {2, {}};
  CHECK(describe(schedule::page_at(in, 10)) == "1:1/2:B");
  CHECK(describe(schedule::page_at(in, 30)) == "1:2/2:B");
  CHECK(describe(schedule::page_at(in, 50)) == "0:1/1");
}

TEST_CASE("the pages of the cycle that contains an instant") {
  schedule::RotationInput in;
  in.slides = {slide(model::SlideType::roster, 10), slide(model::SlideType::item, 20)};
  in.item_ids = {"A", "B", "C"};
  in.pages = {{1, {}}, {0, {1, 2, 1}}};
  std::string seen;
  for (const auto& p : schedule::cycle_pages(in, 65))
    seen += describe(p) + " ";
  CHECK(seen == "0:1/1 1:1/2:B 1:2/2:B ");
  CHECK(schedule::cycle_pages(in, 65).front().start == 30);
}

TEST_CASE("two rotating item slides step through the items together") {
  schedule::RotationInput in;
  in.slides = {slide(model::SlideType::item, 10), slide(model::SlideType::item, 10)};
  in.item_ids = {"A", "B", "C"};
  in.pages = {{0, {1, 1, 1}}, {0, {1, 1, 1}}};
  std::string seen;
  for (model::UnixSeconds t = 0; t < 70; t += 10)
    seen += schedule::page_at(in, t)->item;
  CHECK(seen == "ABCABCA");
}

TEST_CASE("two screens with the same content and clock agree at 1,000 random instants") {
  std::mt19937_64 random(20261127);
  std::uniform_int_distribution<model::UnixSeconds> when(at("2026-01-01T00:00"),
                                                         at("2028-12-31T23:59"));
  schedule::RotationInput screen_a;
  screen_a.slides = {slide(model::SlideType::items, 15), slide(model::SlideType::item, 20),
                     slide(model::SlideType::roster, 15), slide(model::SlideType::stats, 12)};
  screen_a.item_ids = {"JS-0001", "JS-0002", "FC-0001", "ZB-0001", "WY-0001"};
  screen_a.pages = {{3, {}}, {0, {1, 2, 1, 3, 1}}, {2, {}}, {1, {}}};
  const schedule::RotationInput screen_b = screen_a;  // built separately on another machine
  for (int i = 0; i < 1000; ++i) {
    const auto t = when(random);
    const auto a = schedule::page_at(screen_a, t);
    const auto b = schedule::page_at(screen_b, t);
    REQUIRE(a);
    CHECK(describe(a) == describe(b));
    CHECK(a->start == b->start);
    CHECK(a->start <= t);
    CHECK(t < a->end);
  }
}

TEST_CASE("a content change mid-rotation") {
  auto before = three_slides();
  const model::UnixSeconds t = at("2026-11-27T10:00:25");
  const auto page = schedule::page_at(before, t);
  // An edit that keeps every slide's page count moves nothing.
  auto edited = before;
  edited.slides[1].category = "建设工程";
  CHECK(describe(schedule::page_at(edited, t)) == describe(page));
  CHECK(schedule::page_at(edited, t)->start == page->start);
  // A change in page counts keeps the rotation on the wall clock: the page
  // shown is where that clock is in the new rotation, not the first slide.
  auto longer = before;
  longer.pages[2].pages = 2;  // 50 s a cycle now
  const auto after = schedule::page_at(longer, t);
  REQUIRE(after);
  const model::UnixSeconds in_cycle = ((t % 50) + 50) % 50;
  CHECK(after->start == t - in_cycle % 10);
  CHECK(describe(after) != "0:1/1");
}

TEST_CASE("urgent notices pre-empt the rotation and recur after every slide") {
  auto in = three_slides();
  const model::UnixSeconds since = 45;  // during roster (40..50)
  in.urgent_since = since;
  in.urgent_seconds = 15;
  const std::pair<model::UnixSeconds, const char*> rows[] = {
      {44, "0:1/1"},  // before: the plain rotation (urgent_since is in the future)
      {45, "urgent"},
      {59, "urgent"},
      {60, "1:1/2"},
      {70, "1:2/2"},  // the slide after the
                      // interrupted roster
      {80, "urgent"},
      {95, "2:1/1"},
      {105, "urgent"},
      {120, "0:1/1"},
      {130, "urgent"},
      {145, "1:1/2"},
  };
  for (const auto& [t, expected] : rows) {
    CAPTURE(t);
    auto input = in;
    if (t < since) input.urgent_since.reset();
    CHECK(describe(schedule::page_at(input, t)) == expected);
  }
  // Far into a long urgent stretch the answer comes from the period, not a walk.
  const auto far = schedule::page_at(in, since + 15 + 1000000 * (40 + 3 * 15));
  CHECK(describe(far) == "1:1/2");
  // Only urgent pages when nothing else has content.
  in.pages = {{0, {}}, {0, {}}, {0, {}}};
  CHECK(describe(schedule::page_at(in, 500)) == "urgent");
}

TEST_CASE("notices: active between from and to, urgent ones appear and vanish on the second") {
  model::Diagnostics out;
  std::vector<model::Feed> feeds;
  feeds.push_back(*feed::parse_feed(feed_doc(R"(<notices>
  <notice id="i1" from="2026-11-27T00:00" to="2026-12-31T23:59">系统升级</notice>
  <notice id="u1" level="urgent" from="2026-11-27T10:30" to="2026-11-27T11:00">消防演练</notice>
  <notice id="u2" level="urgent" from="2026-11-27T10:50" to="2026-11-27T11:30">演练延长</notice>
  <notice id="i2">长期公告</notice>
</notices>)"),
                                    "n.xml", out));
  const auto c = feed::merge(std::move(feeds), out);
  REQUIRE(out.empty());
  const auto urgent = [&](const char* t) {
    return schedule::active_notices(c, model::NoticeLevel::urgent, at(t), kZone).size();
  };
  CHECK(urgent("2026-11-27T10:29:59") == 0);
  CHECK(urgent("2026-11-27T10:30") == 1);
  CHECK(urgent("2026-11-27T10:55") == 2);
  CHECK(urgent("2026-11-27T11:00:59") == 2);  // "to 11:00" includes that minute
  CHECK(urgent("2026-11-27T11:01") == 1);
  CHECK(urgent("2026-11-27T11:31") == 0);
  // With seconds written, "to" names that second: gone the second after.
  std::vector<model::Feed> seconds;
  seconds.push_back(
      *feed::parse_feed(feed_doc("<notices><notice level=\"urgent\" from=\"2026-11-27T09:00\" "
                                 "to=\"2026-11-27T10:00:00\">演练</notice></notices>"),
                        "s.xml", out));
  const auto cs = feed::merge(std::move(seconds), out);
  CHECK(schedule::active_notices(cs, model::NoticeLevel::urgent, at("2026-11-27T10:00:00"), kZone)
            .size() == 1);
  CHECK(schedule::active_notices(cs, model::NoticeLevel::urgent, at("2026-11-27T10:00:01"), kZone)
            .empty());
  CHECK(
      schedule::active_notices(c, model::NoticeLevel::info, at("2027-01-01T00:00"), kZone).size() ==
      1);
  CHECK(schedule::active_notices(c, model::NoticeLevel::info, at("2026-12-31T23:59:30"), kZone)
            .size() == 2);
  // The urgent stretch began with u1 and runs on through u2.
  CHECK(schedule::urgent_since(c, at("2026-11-27T11:10"), kZone) == at("2026-11-27T10:30"));
  CHECK_FALSE(schedule::urgent_since(c, at("2026-11-27T12:00"), kZone));
  CHECK(schedule::next_notice_change(c, at("2026-11-27T10:00"), kZone) == at("2026-11-27T10:30"));
  CHECK(schedule::next_notice_change(c, at("2026-11-27T11:00"), kZone) == at("2026-11-27T11:01"));
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("the screen follows notices: urgent from the moment it is known, gone when it ends") {
  model::Diagnostics out;
  std::vector<model::Feed> feeds;
  feeds.push_back(*feed::parse_feed(
      feed_doc("<notices><notice id=\"u\" level=\"urgent\" from=\"2026-11-27T10:30\" "
               "to=\"2026-11-27T10:44\">消防演练</notice></notices>" +
               roster() + "<playlist><slide type=\"roster\" seconds=\"20\"/></playlist>"),
      "n.xml", out));
  const auto c = feed::merge(std::move(feeds), out);
  REQUIRE(out.empty());
  schedule::ScreenPlan plan;
  plan.content = &c;
  plan.playlist = &c.playlists.at(0);
  plan.utc_offset_minutes = kZone;
  plan.pages = schedule::one_page_each(c, kZone);

  // Feed known before the notice starts: urgent exactly at its from.
  CHECK_FALSE(schedule::page_on_screen(plan, at("2026-11-27T10:29:59"))->urgent);
  CHECK(schedule::page_on_screen(plan, at("2026-11-27T10:30:00"))->urgent);
  // A feed that arrives at 10:40 with the notice already running: urgent at once.
  plan.content_since = at("2026-11-27T10:40:00");
  const auto arrived = schedule::page_on_screen(plan, at("2026-11-27T10:40:00"));
  CHECK(arrived->urgent);
  CHECK(arrived->start == at("2026-11-27T10:40:00"));
  // In force (banner, urgent page after every slide) until the end of the
  // minute "to" names, and gone the second after.
  CHECK(schedule::rotation_input(plan, at("2026-11-27T10:44:59")).urgent_since);
  CHECK_FALSE(schedule::rotation_input(plan, at("2026-11-27T10:45:00")).urgent_since);
  CHECK_FALSE(schedule::page_on_screen(plan, at("2026-11-27T10:45:00"))->urgent);
  // The timeline cuts a page where the notice starts.
  plan.content_since = 0;
  const auto pages =
      schedule::screen_timeline(plan, at("2026-11-27T10:29:50"), at("2026-11-27T10:30:30"));
  REQUIRE(pages.size() >= 2);
  CHECK_FALSE(pages[0].urgent);
  CHECK(pages[0].end == at("2026-11-27T10:30:00"));
  CHECK(pages[1].urgent);
  CHECK(pages[1].start == at("2026-11-27T10:30:00"));
}

}  // namespace hb::test
