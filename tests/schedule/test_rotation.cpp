// The rotation: a pure function of the clock, the playlist and page counts.
#include <doctest/doctest.h>

#include <numeric>
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

// The rotation as it was first written: every call rebuilds the cycles of the
// super-cycle and walks them. Slow (O(items x slides) per call, more with
// urgent notices) but plainly right; the indexed rotation must agree with it
// page for page.
namespace hb::test::reference {
namespace {

struct Showing {
  int slide = 0;
  int pages = 0;
  int seconds = 0;
  std::string item;
  model::UnixSeconds length() const { return static_cast<model::UnixSeconds>(pages) * seconds; }
};

class Sequence {
 public:
  explicit Sequence(const schedule::RotationInput& in) : in_(in) {
    for (const auto& s : in.slides)
      if (schedule::is_rotating_item_slide(s)) ++rotating_;
    const int n = static_cast<int>(in.item_ids.size());
    cycles_ = rotating_ > 0 && n > 0 ? n / std::gcd(n, rotating_) : 1;
    for (int c = 0; c < cycles_; ++c)
      for (const auto& s : showings(c)) {
        super_length_ += s.length();
        ++showings_per_super_;
      }
  }
  model::UnixSeconds super_length() const { return super_length_; }
  model::UnixSeconds showings_per_super() const { return showings_per_super_; }
  int cycles() const { return cycles_; }

  std::vector<Showing> showings(int c) const {
    std::vector<Showing> r;
    int ordinal = 0;
    for (std::size_t i = 0; i < in_.slides.size(); ++i) {
      const auto& slide = in_.slides[i];
      const schedule::SlidePages& p = i < in_.pages.size() ? in_.pages[i] : schedule::SlidePages{};
      Showing s{static_cast<int>(i), p.pages, slide.seconds, {}};
      if (schedule::is_rotating_item_slide(slide)) {
        const auto n = static_cast<long long>(in_.item_ids.size());
        const long long showing = static_cast<long long>(c) * rotating_ + ordinal++;
        if (n == 0) continue;
        const auto k = static_cast<std::size_t>(showing % n);
        s.item = in_.item_ids[k];
        s.pages = k < p.per_item.size() ? p.per_item[k] : 0;
      } else if (slide.type == model::SlideType::item) {
        s.item = slide.item;
      }
      if (s.pages > 0 && s.seconds > 0) r.push_back(std::move(s));
    }
    return r;
  }

 private:
  const schedule::RotationInput& in_;
  int rotating_ = 0;
  int cycles_ = 1;
  model::UnixSeconds super_length_ = 0;
  model::UnixSeconds showings_per_super_ = 0;
};

model::UnixSeconds floor_mod(model::UnixSeconds a, model::UnixSeconds b) {
  const model::UnixSeconds r = a % b;
  return r < 0 ? r + b : r;
}

schedule::PageRef page_in(const Showing& s, model::UnixSeconds showing_start,
                          model::UnixSeconds t) {
  const auto page = static_cast<int>((t - showing_start) / s.seconds);
  schedule::PageRef r;
  r.slide = s.slide;
  r.page = page;
  r.page_count = s.pages;
  r.item = s.item;
  r.start = showing_start + static_cast<model::UnixSeconds>(page) * s.seconds;
  r.end = r.start + s.seconds;
  return r;
}

schedule::PageRef urgent_page(model::UnixSeconds start, int seconds) {
  schedule::PageRef r;
  r.urgent = true;
  r.start = start;
  r.end = start + seconds;
  return r;
}

struct Cursor {
  int cycle = 0;
  std::size_t index = 0;
  model::UnixSeconds start = 0;
};

Cursor locate(const Sequence& seq, model::UnixSeconds t) {
  model::UnixSeconds at = t - floor_mod(t, seq.super_length());
  for (int c = 0; c < seq.cycles(); ++c) {
    const auto cycle = seq.showings(c);
    for (std::size_t i = 0; i < cycle.size(); ++i) {
      if (t < at + cycle[i].length()) return Cursor{c, i, at};
      at += cycle[i].length();
    }
  }
  return Cursor{};
}

Cursor next_showing(const Sequence& seq, Cursor cur, std::vector<Showing>& cycle) {
  cur.start += cycle[cur.index].length();
  if (++cur.index >= cycle.size()) {
    cur.index = 0;
    do {
      cur.cycle = (cur.cycle + 1) % seq.cycles();
      cycle = seq.showings(cur.cycle);
    } while (cycle.empty());
  }
  return cur;
}

std::optional<schedule::PageRef> page_at(const schedule::RotationInput& in, model::UnixSeconds t) {
  const Sequence seq(in);
  if (in.urgent_since && t >= *in.urgent_since && in.urgent_seconds > 0) {
    const model::UnixSeconds since = *in.urgent_since;
    const int d = in.urgent_seconds;
    if (t < since + d || seq.super_length() == 0)
      return urgent_page(since + (t - since) / d * d, d);
    Cursor cur = locate(seq, since);
    auto cycle = seq.showings(cur.cycle);
    cur = next_showing(seq, cur, cycle);
    const model::UnixSeconds period = seq.super_length() + seq.showings_per_super() * d;
    model::UnixSeconds at = since + d + ((t - since - d) / period) * period;
    while (true) {
      const Showing& s = cycle[cur.index];
      if (t < at + s.length()) return page_in(s, at, t);
      at += s.length();
      if (t < at + d) return urgent_page(at, d);
      at += d;
      cur = next_showing(seq, cur, cycle);
    }
  }
  if (seq.super_length() == 0) return std::nullopt;
  const Cursor cur = locate(seq, t);
  return page_in(seq.showings(cur.cycle)[cur.index], cur.start, t);
}

std::vector<schedule::PageRef> cycle_pages(const schedule::RotationInput& in,
                                           model::UnixSeconds t) {
  const Sequence seq(in);
  if (seq.super_length() == 0) return {};
  const Cursor cur = locate(seq, t);
  const auto cycle = seq.showings(cur.cycle);
  model::UnixSeconds at = cur.start;
  for (std::size_t i = 0; i < cur.index; ++i)
    at -= cycle[i].length();
  std::vector<schedule::PageRef> r;
  for (const auto& s : cycle) {
    for (int p = 0; p < s.pages; ++p)
      r.push_back(page_in(s, at, at + static_cast<model::UnixSeconds>(p) * s.seconds));
    at += s.length();
  }
  return r;
}

}  // namespace
}  // namespace hb::test::reference

namespace hb::test {
namespace {

std::string exactly(const std::optional<schedule::PageRef>& p) {
  if (!p) return "nothing";
  return describe(p) + "@" + std::to_string(p->start) + "-" + std::to_string(p->end);
}

// A random playlist over `items` items: every kind of slide, some with
// nothing to show, some counts missing (shorter vectors than slides or items).
schedule::RotationInput random_input(std::mt19937_64& random, int items) {
  const auto pick = [&](int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, hi)(random);
  };
  schedule::RotationInput in;
  for (int i = 0; i < items; ++i)
    in.item_ids.push_back("I" + std::to_string(i));
  const int slides = pick(1, 8);
  for (int i = 0; i < slides; ++i) {
    const int kind = pick(0, 5);
    const int seconds = pick(0, 9) == 0 ? 0 : pick(5, 30);
    schedule::SlidePages p;
    if (kind <= 1) {  // a rotating item slide
      in.slides.push_back(slide(model::SlideType::item, seconds));
      const int known = pick(0, 9) == 0 ? pick(0, items) : items;
      const int empty_share = pick(0, 3);  // some feeds have many items with nothing to show
      for (int k = 0; k < known; ++k)
        p.per_item.push_back(pick(0, 9) < empty_share ? 0 : pick(1, 4));
    } else {
      const model::SlideType types[] = {model::SlideType::items, model::SlideType::roster,
                                        model::SlideType::stats, model::SlideType::item};
      in.slides.push_back(slide(types[pick(0, 3)], seconds, kind == 5 ? "FIXED" : ""));
      if (in.slides.back().type == model::SlideType::item && in.slides.back().item.empty())
        in.slides.back().item = "FIXED";  // a fixed item slide, not a rotating one
      p.pages = pick(0, 4) == 0 ? 0 : pick(1, 5);
    }
    in.pages.push_back(std::move(p));
  }
  if (pick(0, 9) == 0) in.pages.resize(static_cast<std::size_t>(pick(0, slides)));
  return in;
}

}  // namespace

TEST_CASE("the indexed rotation agrees with the plain walk at random instants") {
  std::mt19937_64 random(20261127);
  std::uniform_int_distribution<model::UnixSeconds> when(at("2026-01-01T00:00"),
                                                         at("2028-12-31T23:59"));
  struct Row {
    int items;
    int inputs;
    int instants;
  };
  for (const Row row :
       {Row{1000, 12, 30}, Row{999, 6, 30}, Row{7, 60, 40}, Row{1, 20, 20}, Row{0, 20, 20}}) {
    for (int n = 0; n < row.inputs; ++n) {
      auto in = random_input(random, row.items);
      const bool urgent = n % 2 == 1;
      if (urgent) {
        in.urgent_since = when(random);
        in.urgent_seconds = std::uniform_int_distribution<int>(0, 20)(random);
      }
      const schedule::Rotation rotation(in);
      const model::UnixSeconds super = schedule::RotationIndex(in).super_length();
      for (int i = 0; i < row.instants; ++i) {
        model::UnixSeconds t = when(random);
        if (urgent && i % 3 == 0)  // near the notice, where the interleaving starts
          t = *in.urgent_since + std::uniform_int_distribution<int>(-60, 600)(random);
        if (i % 7 == 0) t = -t;                           // before the epoch
        if (i % 11 == 0 && super > 0) t = t - t % super;  // a super-cycle's first second
        CAPTURE(row.items);
        CAPTURE(n);
        CAPTURE(t);
        const std::string expected = exactly(reference::page_at(in, t));
        CHECK(exactly(schedule::page_at(in, t)) == expected);
        CHECK(exactly(rotation.page_at(t)) == expected);
        if (i % 5 == 0) {
          std::string want, got;
          for (const auto& p : reference::cycle_pages(in, t))
            want += exactly(p) + " ";
          for (const auto& p : rotation.cycle_pages(t))
            got += exactly(p) + " ";
          CHECK(got == want);
        }
      }
    }
  }
}

TEST_CASE("the rotation index: one entry per cycle, super-cycle as long as its cycles") {
  schedule::RotationInput in;
  in.slides = {slide(model::SlideType::roster, 10), slide(model::SlideType::item, 20),
               slide(model::SlideType::item, 5)};
  in.item_ids = {"A", "B", "C", "D"};
  in.pages = {{1, {}}, {0, {1, 2, 0, 1}}, {0, {1, 1, 1, 1}}};
  // Two rotating slides over four items: two cycles, (A, B) then (C, D),
  // each slide with its own count of each item's pages.
  const schedule::RotationIndex index(in);
  CHECK(index.cycles() == 2);
  CHECK(index.length_before(0) == 0);
  CHECK(index.length_before(1) == 10 + 1 * 20 + 1 * 5);
  CHECK(index.super_length() == 35 + 10 + 0 + 1 * 5);  // C has nothing to show on the first
  CHECK(index.showings_before(1) == 3);
  CHECK(index.showings() == 3 + 2);
  CHECK(describe(schedule::Rotation(in).page_at(35 + 10)) == "2:1/1:D");
}

}  // namespace hb::test

namespace hb::test {
namespace {

model::Slide poster(std::initializer_list<int> seconds) {
  model::Slide s;
  s.type = model::SlideType::poster;
  s.seconds = 99;  // each picture says its own
  for (const int n : seconds) {
    model::PosterImage image;
    image.src = "p" + std::to_string(s.images.size()) + ".png";
    image.seconds = n;
    s.images.push_back(image);
  }
  return s;
}

}  // namespace

TEST_CASE("a poster of K pictures is K pages, each for its own seconds") {
  schedule::RotationInput in;
  // roster 10 s, a poster of 5 + 20 + 7 s, stats 10 s: 52 s a cycle.
  in.slides = {slide(model::SlideType::roster, 10), poster({5, 20, 7}),
               slide(model::SlideType::stats, 10)};
  in.pages = {{1, {}}, {3, {}}, {1, {}}};
  struct Row {
    model::UnixSeconds t;
    const char* page;
    model::UnixSeconds start, end;
  };
  const Row rows[] = {
      {0, "0:1/1", 0, 10},    {10, "1:1/3", 10, 15},  {14, "1:1/3", 10, 15},
      {15, "1:2/3", 15, 35},  {34, "1:2/3", 15, 35},  {35, "1:3/3", 35, 42},
      {41, "1:3/3", 35, 42},  {42, "2:1/1", 42, 52},  {52, "0:1/1", 52, 62},
      {-10, "2:1/1", -10, 0}, {52 * 1000 + 16, "1:2/3", 52 * 1000 + 15, 52 * 1000 + 35},
  };
  for (const auto& r : rows) {
    CAPTURE(r.t);
    const auto p = schedule::page_at(in, r.t);
    CHECK(describe(p) == r.page);
    REQUIRE(p);
    CHECK(p->start == r.start);
    CHECK(p->end == r.end);
  }
  const auto cycle = schedule::cycle_pages(in, 20);
  REQUIRE(cycle.size() == 5);
  CHECK(cycle[1].start == 10);
  CHECK(cycle[2].start == 15);
  CHECK(cycle[3].start == 35);
  CHECK(cycle[3].end == 42);
  CHECK(cycle[4].start == 42);
}

TEST_CASE("urgent notices interleave with a poster's own page lengths") {
  schedule::RotationInput in;
  in.slides = {poster({5, 20}), slide(model::SlideType::stats, 10)};
  in.pages = {{2, {}}, {1, {}}};
  in.urgent_since = 3;  // in the poster's first page
  in.urgent_seconds = 15;
  // urgent 3-18, then stats 18-28, urgent 28-43, the poster 43-48 and 48-68, urgent 68-83.
  const std::pair<model::UnixSeconds, const char*> rows[] = {
      {3, "urgent"}, {18, "1:1/1"}, {28, "urgent"}, {43, "0:1/2"},
      {48, "0:2/2"}, {67, "0:2/2"}, {68, "urgent"}, {83, "1:1/1"},
  };
  for (const auto& [t, expected] : rows) {
    CAPTURE(t);
    CHECK(describe(schedule::page_at(in, t)) == expected);
  }
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("one_page_each counts a poster's pictures, at most kMaxPosterImages as the layout") {
  model::Content c;
  model::Slide poster;
  poster.type = model::SlideType::poster;
  poster.images.resize(model::kMaxPosterImages + 10);  // built past the reader's cap
  const auto pages = schedule::one_page_each(c, kZone);
  CHECK(pages(poster, at("2026-11-27T10:00")).pages == static_cast<int>(model::kMaxPosterImages));
  poster.images.resize(3);
  CHECK(pages(poster, at("2026-11-27T10:00")).pages == 3);
}

}  // namespace hb::test
