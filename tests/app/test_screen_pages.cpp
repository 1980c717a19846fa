// Page counts a restart takes in: the same rotation as counting afresh,
// without laying the slides out, and a wrong count mended when its slide
// is shown; counting in parts.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "app/page_count_file.h"
#include "app/picture_sizes.h"
#include "app/player.h"
#include "app/screen_pages.h"
#include "demo_content.h"
#include "fake_measure.h"
#include "feed/queue_parse.h"
#include "files.h"
#include "net/cache.h"
#include "schedule/rotation.h"
#include "schedule/screen.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

struct Screen {
  FakeMeasure measure;
  model::Content content = demo_content();
  app::ScreenPages pages{content, "lobby-1", kZone, measure, layout::Theme{}, 1920, 1080};
};

// Index of the demo playlist's rotating item slide and of a slide of
// several pages, found rather than assumed.
int rotating_slide(const model::Playlist& p) {
  for (std::size_t i = 0; i < p.slides.size(); ++i)
    if (schedule::is_rotating_item_slide(p.slides[i])) return static_cast<int>(i);
  return -1;
}

}  // namespace

TEST_CASE("counts taken in give the same rotation, without laying slides out") {
  const auto t0 = at("2026-11-27T10:00:40");
  Screen first;
  const auto plan = first.pages.plan(t0 - 3600);
  std::vector<schedule::PageRef> expected;
  for (auto t = t0; t < t0 + 3600; t += 13)
    expected.push_back(*schedule::page_on_screen(plan, t));
  CHECK(first.pages.count_changes() > 0);
  const app::KnownCounts known = first.pages.known_counts();
  REQUIRE(known.slides.size() == first.content.playlists[0].slides.size());

  // Through the file's format, as a restart reads it.
  app::PageCountRecord r;
  r.setup = "s";
  r.content = "c";
  r.width = 1920;
  r.height = 1080;
  r.counts = known;
  const auto read = app::parse_page_counts(app::format_page_counts(r));
  REQUIRE(read.has_value());

  Screen second;
  second.pages.take_counts(read->counts);
  const auto plan2 = second.pages.plan(t0 - 3600);
  std::size_t i = 0;
  for (auto t = t0; t < t0 + 3600; t += 13, ++i) {
    const auto ref = schedule::page_on_screen(plan2, t);
    REQUIRE(ref.has_value());
    CHECK(ref->slide == expected[i].slide);
    CHECK(ref->page == expected[i].page);
    CHECK(ref->item == expected[i].item);
    CHECK(ref->start == expected[i].start);
  }
  CHECK(second.pages.count_changes() == 0);  // nothing was counted again
}

TEST_CASE("a wrong count taken in is mended when its slide is laid out") {
  const auto t0 = at("2026-11-27T10:00:40");
  Screen first;
  const auto plan = first.pages.plan(t0);
  for (const auto& s : first.content.playlists[0].slides)
    plan.pages(s, t0);
  app::KnownCounts known = first.pages.known_counts();
  const int items = rotating_slide(first.content.playlists[0]);
  REQUIRE(items >= 0);

  // Slide 0 said to have 7 pages, the first item 9.
  app::KnownCounts wrong = known;
  int right_pages = 0, right_item = 0;
  for (auto& k : wrong.slides) {
    if (k.slide == 0) {
      right_pages = k.pages.pages;
      k.pages.pages = 7;
    }
    if (k.slide == items) {
      right_item = k.pages.per_item.at(0);
      k.pages.per_item[0] = 9;
    }
  }
  REQUIRE(right_pages > 0);
  REQUIRE(right_pages != 7);
  REQUIRE(right_item != 9);

  Screen second;
  second.pages.take_counts(wrong);
  const auto& slides = second.content.playlists[0].slides;
  CHECK(second.pages.plan(t0).pages(slides[0], t0).pages == 7);
  schedule::PageRef ref;
  ref.slide = 0;
  ref.page = 0;
  ref.item = slides[0].item;
  REQUIRE(second.pages.page(ref, t0).has_value());
  CHECK(second.pages.count_changes() == 1);
  CHECK(second.pages.plan(t0).pages(slides[0], t0).pages == right_pages);

  ref.slide = items;
  ref.item = second.content.items.at(0).id;
  REQUIRE(second.pages.page(ref, t0).has_value());
  CHECK(second.pages.count_changes() == 2);
  CHECK(second.pages.plan(t0).pages(slides[static_cast<std::size_t>(items)], t0).per_item[0] ==
        right_item);
  // Mended, the counts are the ones a first start makes.
  CHECK(app::format_page_counts({"s", "c", 1, 1, second.pages.known_counts()}) ==
        app::format_page_counts({"s", "c", 1, 1, known}));
}

// The demo's counts at t0, with slide 0 and the first item of the rotating
// item slide said to have `pages` and `item_pages` (-1: as they have).
app::KnownCounts counts_with(int pages, int item_pages, model::UnixSeconds t0,
                             app::KnownCounts* right = nullptr) {
  Screen first;
  const auto plan = first.pages.plan(t0);
  for (const auto& s : first.content.playlists[0].slides)
    plan.pages(s, t0);
  app::KnownCounts known = first.pages.known_counts();
  if (right) *right = known;
  const int items = rotating_slide(first.content.playlists[0]);
  for (auto& k : known.slides) {
    if (k.slide == 0) k.pages.pages = pages;
    if (k.slide == items && item_pages >= 0) k.pages.per_item.at(0) = item_pages;
  }
  return known;
}

TEST_CASE("counts taken in are checked one by one, a slide remembered as empty too") {
  const auto t0 = at("2026-11-27T10:00:40");
  app::KnownCounts right;
  const auto wrong = counts_with(0, 0, t0, &right);
  Screen s;
  s.pages.take_counts(wrong);
  // Remembered as empty, slide 0 would never be shown, so never laid out.
  CHECK(s.pages.plan(t0).pages(s.content.playlists[0].slides[0], t0).pages == 0);
  int checks = 0;
  while (s.pages.check_taken_count(t0) && checks < 1000)
    ++checks;
  // One a slide, one an item of the rotating slide.
  CHECK(checks ==
        static_cast<int>(s.content.playlists[0].slides.size() - 1 + s.content.items.size()));
  CHECK(s.pages.count_changes() == 2);
  CHECK(app::format_page_counts({"s", "c", 1, 1, s.pages.known_counts()}) ==
        app::format_page_counts({"s", "c", 1, 1, right}));
  CHECK_FALSE(s.pages.check_taken_count(t0));
  // Another day's state: nothing of it was taken in, nothing to check.
  Screen other;
  other.pages.take_counts(wrong);
  CHECK_FALSE(other.pages.check_taken_count(at("2026-11-30T10:00:40")));
}

TEST_CASE("a remembered count too high never shows the waiting page") {
  const auto t0 = at("2026-11-27T10:00:40");
  app::KnownCounts right;
  const auto wrong = counts_with(9, -1, t0, &right);
  int real = 0;
  for (const auto& k : right.slides)
    if (k.slide == 0) real = k.pages.pages;
  REQUIRE(real > 0);
  REQUIRE(real < 9);
  // When the wrong rotation is past slide 0's real end.
  Screen probe;
  probe.pages.take_counts(wrong);
  const auto plan = probe.pages.plan(t0 - 60);
  std::optional<model::UnixSeconds> when;
  for (auto t = t0; t < t0 + 7200 && !when; t += 5) {
    const auto ref = schedule::page_on_screen(plan, t);
    if (ref && !ref->urgent && ref->slide == 0 && ref->page >= real) when = t;
  }
  REQUIRE(when.has_value());

  FakeMeasure measure;
  app::Player player("lobby-1", kZone, measure, layout::Theme{}, 1920, 1080);
  player.offer(demo_content(), t0 - 60, "v1", &wrong);
  CHECK(player.advance(*when).change == app::Change::turned);
  REQUIRE(player.page_ref().has_value());
  CHECK(player.page().slide_type != "waiting");
  // From here on the rotation is the one fresh counts give.
  app::Player fresh("lobby-1", kZone, measure, layout::Theme{}, 1920, 1080);
  fresh.offer(demo_content(), t0 - 60, "v1");
  fresh.advance(*when);
  CHECK(player.page_ref()->slide == fresh.page_ref()->slide);
  CHECK(player.page_ref()->page == fresh.page_ref()->page);
}

TEST_CASE("counts that do not fit the playlist are not taken in") {
  const auto t0 = at("2026-11-27T10:00:40");
  Screen s;
  const int items = rotating_slide(s.content.playlists[0]);
  REQUIRE(items >= 0);
  const std::int64_t day = model::days_from_civil({2026, 11, 27});
  app::KnownCounts odd;
  odd.slides.push_back({99, day, true, 0, {}});  // no such slide
  odd.slides.push_back({-1, day, true, 0, {}});  // nor this
  app::KnownCounts::Slide short_items{items, day, true, 0, {}};
  short_items.pages.per_item = {1, 1};  // fewer items than the content has
  odd.slides.push_back(short_items);
  app::KnownCounts::Slide plain_as_items{0, day, true, 0, {}};
  plain_as_items.pages.per_item = {1};  // a plain slide counted as items
  odd.slides.push_back(plain_as_items);
  s.pages.take_counts(odd);
  CHECK(s.pages.known_counts().slides.empty());
  // So everything is counted afresh.
  s.pages.plan(t0).pages(s.content.playlists[0].slides[0], t0);
  CHECK(s.pages.count_changes() == 1);
}

TEST_CASE("a player given the last run's counts shows what a fresh one shows") {
  const auto t0 = at("2026-11-27T10:00:40");
  FakeMeasure measure;
  app::Player fresh("lobby-1", kZone, measure, layout::Theme{}, 1920, 1080);
  fresh.offer(demo_content(), t0 - 60, "v1");
  fresh.advance(t0);
  const auto counts = fresh.shown_counts();
  REQUIRE(counts.has_value());
  CHECK(counts->version == "v1");
  CHECK(counts->width == 1920);
  const auto stamp = fresh.counts_stamp();

  app::Player warm("lobby-1", kZone, measure, layout::Theme{}, 1920, 1080);
  CHECK_FALSE(warm.shown_counts().has_value());
  warm.offer(demo_content(), t0 - 60, "v1", &counts->counts);
  CHECK(warm.advance(t0).change == app::Change::turned);
  CHECK(warm.page_ref()->slide == fresh.page_ref()->slide);
  CHECK(warm.page_ref()->page == fresh.page_ref()->page);
  for (auto t = t0 + 5; t < t0 + 2 * 3600; t += 5) {
    const auto a = fresh.advance(t);
    const auto b = warm.advance(t);
    REQUIRE(a.change == b.change);
    REQUIRE(fresh.page_ref().has_value() == warm.page_ref().has_value());
    CHECK(fresh.page_ref()->slide == warm.page_ref()->slide);
    CHECK(fresh.page_ref()->page == warm.page_ref()->page);
    CHECK(fresh.page_ref()->item == warm.page_ref()->item);
  }
  // The stamp moves with new content and with a new size.
  fresh.offer(demo_content(), t0 + 2 * 3600, "v2");
  fresh.advance(t0 + 3 * 3600);
  CHECK(fresh.counts_stamp() != stamp);
  const auto after_swap = fresh.counts_stamp();
  fresh.resize(1280, 720);
  CHECK(fresh.counts_stamp() != after_swap);
  fresh.advance(t0 + 3 * 3600);
  CHECK(fresh.shown_counts()->width == 1280);
  CHECK(fresh.shown_counts()->version == "v2");
}

}  // namespace hb::test

namespace hb::test {
namespace {

// The demo with `extra` more items (copies of its first, with ids of their own).
model::Content demo_with_items(std::size_t extra) {
  model::Content c = demo_content();
  const model::Item first = c.items.front();
  for (std::size_t i = 0; i < extra; ++i) {
    model::Item copy = first;
    copy.id = "COPY-" + std::to_string(i);
    c.items.push_back(std::move(copy));
  }
  return c;
}

// Counts what count_more lays out: a whole count at once would measure far more.
}  // namespace

TEST_CASE("a rotating item slide of many items is counted in parts, one page an item meanwhile") {
  const model::UnixSeconds t0 = at("2026-11-27T10:00:40");
  CountingMeasure measure;
  const model::Content content = demo_with_items(2000);
  app::ScreenPages pages{content, "lobby-1", kZone, measure, layout::Theme{}, 1920, 1080};
  pages.count_in_parts(true);
  const model::Slide* item_slide = nullptr;
  for (const auto& s : pages.playlist()->slides)
    if (schedule::is_rotating_item_slide(s)) item_slide = &s;
  REQUIRE(item_slide);

  const auto estimate = pages.plan(t0).pages(*item_slide, t0);
  REQUIRE(estimate.per_item.size() == content.items.size());
  CHECK(std::all_of(estimate.per_item.begin(), estimate.per_item.end(),
                    [](int n) { return n == 1; }));
  const long long before_counting = measure.calls;
  // One page an item is not a count to keep for the next start.
  const auto kept_slides = [&pages] {
    int n = 0;
    for (const auto& k : pages.known_counts().slides)
      n += k.pages.per_item.empty() ? 0 : 1;
    return n;
  };
  CHECK(kept_slides() == 0);

  // The page of any item is laid out as usual meanwhile, and mends no count.
  const auto ref = schedule::page_on_screen(pages.plan(t0), t0);
  REQUIRE(ref);
  const auto changes = pages.count_changes();
  CHECK(pages.page(*ref, t0));
  CHECK(pages.count_changes() == changes);

  int rounds = 0;
  app::ScreenPages::Counting state = app::ScreenPages::Counting::working;
  while ((state = pages.count_more(64)) == app::ScreenPages::Counting::working)
    ++rounds;
  CHECK(state == app::ScreenPages::Counting::finished);
  CHECK(rounds == static_cast<int>(content.items.size() / 64));
  CHECK(pages.count_more(64) == app::ScreenPages::Counting::idle);
  CHECK(measure.calls > before_counting);
  CHECK(kept_slides() == 1);

  // Now the real counts: the same as a count made at once.
  FakeMeasure plain;
  layout::PageLayout layout(plain, layout::Theme{}, 1920, 1080);
  const auto whole = layout.count(layout::moment_for(content, kZone, t0), *item_slide);
  CHECK(pages.plan(t0).pages(*item_slide, t0).per_item == whole.per_item);
}

TEST_CASE("a player keeps the page on screen to its end when a count in parts completes") {
  const model::UnixSeconds t0 = at("2026-11-27T10:00:40");
  FakeMeasure measure;
  app::Player player("lobby-1", kZone, measure, layout::Theme{}, 1920, 1080);
  player.offer(demo_with_items(2000), t0);
  player.advance(t0);
  REQUIRE(player.page_ref());
  const schedule::PageRef before = *player.page_ref();
  while (player.count_more(500) == app::ScreenPages::Counting::working) {
  }
  // Within the page's time the same page stays; after it, the rotation
  // with the real lengths.
  for (model::UnixSeconds t = t0 + 1; t < before.end; ++t) {
    player.advance(t);
    REQUIRE(player.page_ref());
    CHECK(player.page_ref()->slide == before.slide);
    CHECK(player.page_ref()->page == before.page);
    CHECK(player.page_ref()->start == before.start);
  }
  player.advance(before.end);
  REQUIRE(player.page_ref());
  CHECK(player.page_ref()->start >= before.end - 60);  // a page of the new rotation
}

}  // namespace hb::test

namespace hb::test {
namespace {

// The demo hall with a windows slide at the end of its playlist, and a
// queue document of its windows serving `ticket`, `waiting` waiting.
model::Content with_windows_slide() {
  model::Content c = demo_content();
  model::Slide s;
  s.type = model::SlideType::windows;
  s.where = {"windows.xml", 1, 1};
  c.playlists[0].slides.push_back(s);
  return c;
}

model::QueueDocument queue_serving(const model::Content& c, const std::string& ticket,
                                   int waiting) {
  std::string xml = "<queue>";
  for (const auto& w : c.roster.windows)
    xml += "<window id=\"" + w.id + "\" serving=\"" + ticket + "\" waiting=\"" +
           std::to_string(waiting) + "\"/>";
  model::Diagnostics out;
  auto q = feed::parse_queue(xml + "</queue>", "queue.xml", out);
  REQUIRE(q);
  return *q;
}

// Every slide's page count at t.
std::vector<int> counts_at(app::ScreenPages& pages, const model::Playlist& p, model::UnixSeconds t) {
  const auto plan = pages.plan(t);
  std::vector<int> counts;
  for (const auto& s : p.slides) {
    const auto n = plan.pages(s, t);
    counts.push_back(n.pages);
    counts.insert(counts.end(), n.per_item.begin(), n.per_item.end());
  }
  return counts;
}

// The demo hall with a windows slide, open, and its queue serving A024.
struct WindowsHall {
  model::UnixSeconds t = at("2026-11-27T10:00:40");
  FakeMeasure measure;
  model::Content c = with_windows_slide();
  model::QueueDocument q = queue_serving(c, "A024", 5);
  std::vector<int> counts(app::ScreenPages& pages) const {
    return counts_at(pages, c.playlists[0], t);
  }
};

}  // namespace

TEST_CASE("turning the band on or off counts every slide again: the band takes room") {
  const WindowsHall hall;
  app::ScreenPages with(hall.c, "lobby-1", kZone, hall.measure, layout::Theme{}, 1920, 1080);
  app::ScreenPages without(hall.c, "lobby-1", kZone, hall.measure, layout::Theme{}, 1920, 1080);
  with.set_queue(&hall.q);
  without.set_queue(&hall.q);
  with.set_band(true);
  const auto banded = hall.counts(with);
  const auto plain = hall.counts(without);
  REQUIRE(banded != plain);  // else this test would prove nothing
  without.set_band(true);
  CHECK(hall.counts(without) == banded);
  without.set_band(false);
  CHECK(hall.counts(without) == plain);
  // Setting it again as it is keeps what was counted.
  const auto changes = without.count_changes();
  without.set_band(false);
  CHECK(hall.counts(without) == plain);
  CHECK(without.count_changes() == changes);
}

TEST_CASE("new queue numbers: pages laid out again, counts kept, and the counts still right") {
  const WindowsHall hall;
  // The longest ticket and the most waiting the format allows.
  const auto worst = queue_serving(hall.c, "ABCDEFGHIJKLMNOP", 9999);
  const auto& slides = hall.c.playlists[0].slides;
  for (const bool band : {false, true}) {
    CAPTURE(band);
    app::ScreenPages pages(hall.c, "lobby-1", kZone, hall.measure, layout::Theme{}, 1920, 1080);
    pages.set_band(band);
    pages.set_queue(&hall.q);
    const auto counts = hall.counts(pages);
    schedule::PageRef ref;
    ref.slide = static_cast<int>(slides.size()) - 1;  // the windows slide
    REQUIRE(pages.page(ref, hall.t));
    const auto changes = pages.count_changes();
    pages.set_queue(&worst);
    // The page shows the new numbers at once...
    const auto after = pages.page(ref, hall.t);
    REQUIRE(after);
    const auto lines = layout::text_in_reading_order(*after);
    CHECK(std::find(lines.begin(), lines.end(), "9999人") != lines.end());
    // ...and every slide laid out with them has the pages it was counted
    // with: nothing to mend, nothing counted again.
    for (std::size_t i = 0; i < slides.size(); ++i)
      for (ref.slide = static_cast<int>(i), ref.page = 0; pages.page(ref, hall.t); ++ref.page) {
      }
    CHECK(pages.count_changes() == changes);
    CHECK(hall.counts(pages) == counts);
    CHECK(pages.count_changes() == changes);
  }
}

TEST_CASE("the live numbers coming or going count the windows slide again") {
  const WindowsHall hall;
  app::ScreenPages pages(hall.c, "lobby-1", kZone, hall.measure, layout::Theme{}, 1080, 1920);
  app::ScreenPages fresh(hall.c, "lobby-1", kZone, hall.measure, layout::Theme{}, 1080, 1920);
  fresh.set_queue(&hall.q);
  const auto silent = hall.counts(pages);
  pages.set_queue(&hall.q);
  CHECK(hall.counts(pages) == hall.counts(fresh));
  pages.set_queue(nullptr);
  CHECK(hall.counts(pages) == silent);
}

}  // namespace hb::test

namespace hb::test {

TEST_CASE("the demo's poster: a page a picture, drawn at its size once the size is known") {
  const auto t = at("2026-12-07T10:00");
  Screen s;
  const auto plan = s.pages.plan(t - 3600);
  const auto input = schedule::rotation_input(plan, t);
  std::vector<schedule::PageRef> posters;
  for (const auto& ref : schedule::cycle_pages(input, t))
    if (s.pages.playlist()->slides[static_cast<std::size_t>(ref.slide)].type ==
        model::SlideType::poster)
      posters.push_back(ref);
  REQUIRE(posters.size() == 2);  // two pictures, 10 s and 8 s
  CHECK(posters[0].end - posters[0].start == 10);
  CHECK(posters[1].end - posters[1].start == 8);
  const auto picture_of = [&](const schedule::PageRef& ref) -> std::optional<layout::Picture> {
    const std::optional<layout::Page> page = s.pages.page(ref, t);
    REQUIRE(page);
    for (const auto& e : page->elements)
      if (const auto* p = std::get_if<layout::Picture>(&e);
          p && p->source.find("/posters/") != std::string::npos)  // not the hall's logo
        return *p;
    return std::nullopt;
  };
  // No sizes: the alt text stands in.
  CHECK_FALSE(picture_of(posters[0]));
  // Sizes known: the portrait picture stands centred, its shape kept.
  const layout::PictureSizes sizes = [](const std::string& source) {
    return source.ends_with("portrait.png") ? std::optional(layout::PictureSize{1080, 1920})
                                            : std::optional(layout::PictureSize{1920, 1080});
  };
  s.pages.set_picture_sizes(&sizes);
  const auto landscape = picture_of(posters[0]);
  const auto portrait = picture_of(posters[1]);
  REQUIRE(landscape);
  REQUIRE(portrait);
  CHECK(landscape->source.ends_with("content/posters/landscape.png"));
  CHECK(portrait->box.h > portrait->box.w);
  CHECK(std::abs(portrait->box.x + portrait->box.w / 2 - 960) <= 1);
  // The counts did not change with the sizes.
  CHECK(schedule::cycle_pages(schedule::rotation_input(plan, t), t).size() ==
        schedule::cycle_pages(input, t).size());
}

TEST_CASE("poster pictures: counting reads none, laying out reads each header once a stamp") {
  const auto t = at("2026-12-07T10:00");
  Screen s;
  std::map<std::string, int> reads;
  int counted_stamp = 1;
  std::string portrait_head("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x04\x38\0\0\x07\x80\x08\x02\0\0\0", 29);
  const layout::PictureSizes sizes = app::picture_sizes_from(
      [&](const std::string& source) -> std::optional<std::string> {
        ++reads[source];
        return portrait_head;
      },
      [&](const std::string&) {
        return std::optional(net::FileStamp{counted_stamp, 100});
      });
  s.pages.set_picture_sizes(&sizes);
  const auto plan = s.pages.plan(t - 3600);
  CHECK(reads.empty());  // a poster is counted by its pictures, not laid out
  std::vector<schedule::PageRef> posters;
  for (const auto& ref : schedule::cycle_pages(schedule::rotation_input(plan, t), t))
    if (s.pages.playlist()->slides[static_cast<std::size_t>(ref.slide)].type ==
        model::SlideType::poster)
      posters.push_back(ref);
  REQUIRE(posters.size() == 2);
  // Laid out again and again (each minute, each queue document): one read each.
  for (int round = 0; round < 5; ++round) {
    s.pages.set_picture_sizes(&sizes);  // what pictures_changed does: pages laid out anew
    for (const auto& ref : posters) REQUIRE(s.pages.page(ref, t));
  }
  REQUIRE(reads.size() == 2);
  for (const auto& [source, n] : reads) CHECK_MESSAGE(n == 1, source);
  // A picture fetched anew (its file's stamp changed) is read again, once.
  counted_stamp = 2;
  for (int round = 0; round < 3; ++round) {
    s.pages.set_picture_sizes(&sizes);
    for (const auto& ref : posters) REQUIRE(s.pages.page(ref, t));
  }
  for (const auto& [source, n] : reads) CHECK_MESSAGE(n == 2, source);
}

}  // namespace hb::test
