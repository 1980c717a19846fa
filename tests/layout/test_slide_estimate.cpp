// Layout under hostile content (tests/support/hostile_feeds.h): every page stays on
// the page at every size, no text below min_text, a slide shows at most
// max_slide_pages, and the work a page costs grows linearly with the text.
// Work is counted (measure calls, characters measured), never timed; the
// times are bench/layout_bounds.cpp's.
#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>

#include "demo_content.h"
#include "fake_measure.h"
#include "hostile_feeds.h"
#include "layout/pages.h"
#include "layout/slide_estimate.h"
#include "schedule_support.h"

namespace hb::test {
namespace {

// FakeMeasure that counts what it is asked.
const std::pair<int, int> kBoundSizes[] = {{1920, 1080}, {1080, 1920}, {1280, 720}, {3840, 2160}};

model::Content content_of(const std::string& xml) {
  model::Diagnostics out;
  std::vector<model::Feed> feeds;
  if (auto f = feed::parse_feed(xml, "hostile.xml", out)) feeds.push_back(std::move(*f));
  return feed::merge(std::move(feeds), out);
}

struct Box {
  int x0, y0, x1, y1;
};

Box extent(const layout::Element& e) {
  if (const auto* l = std::get_if<layout::LineSegment>(&e))
    return {std::min(l->x1, l->x2), std::min(l->y1, l->y2), std::max(l->x1, l->x2),
            std::max(l->y1, l->y2)};
  return std::visit(
      [](const auto& el) -> Box {
        if constexpr (requires { el.box; })
          return {el.box.x, el.box.y, el.box.x + el.box.w, el.box.y + el.box.h};
        return {0, 0, 0, 0};
      },
      e);
}

// Every page of every slide of the feed's playlist (an item slide: its
// item, or the first three items), checked as it is laid out.
struct Laid {
  long long pages = 0;
};

Laid lay_out_and_check(const model::Content& c, int w, int h, layout::TextMeasurer& measure) {
  Laid r;
  const auto moment = layout::moment_for(c, kZone, at("2026-11-27T10:00"));
  layout::PageLayout layout(measure, layout::Theme{}, w, h);
  const int min_text = layout::Theme{}.min_text;
  for (const auto& playlist : c.playlists)
    for (const auto& s : playlist.slides) {
      std::vector<std::string> ids{s.item};
      if (s.type == model::SlideType::item && s.item.empty()) {
        ids.clear();
        for (std::size_t i = 0; i < c.items.size() && i < 3; ++i)
          ids.push_back(c.items[i].id);
      }
      for (const auto& id : ids) {
        const auto pages = layout.slide(moment, s, id);
        CAPTURE(static_cast<int>(s.type));
        CHECK(pages.size() <= static_cast<std::size_t>(layout::max_slide_pages(s.seconds)));
        r.pages += static_cast<long long>(pages.size());
        for (const auto& p : pages)
          for (const auto& e : p.elements) {
            const Box b = extent(e);
            const auto* t = std::get_if<layout::TextRun>(&e);
            CAPTURE((t ? t->text.substr(0, 60) : std::string("(not text)")));
            CHECK(b.x0 >= 0);
            CHECK(b.y0 >= 0);
            CHECK(b.x1 <= w);
            CHECK(b.y1 <= h);
            if (t) CHECK(t->style.size >= min_text);
          }
      }
    }
  // The urgent pages too (the long-text feed has an urgent notice).
  for (const auto& p : layout.urgent_pages(moment))
    for (const auto& e : p.elements) {
      const Box b = extent(e);
      CHECK((b.x0 >= 0 && b.y0 >= 0 && b.x1 <= w && b.y1 <= h));
    }
  return r;
}

void check_hostile_feeds_fit(std::initializer_list<std::pair<int, int>> sizes) {
  for (const auto& f : hostile_feeds()) {
    CAPTURE(f.name);
    const model::Content c = content_of(f.xml);
    for (const auto& [w, h] : sizes) {
      CAPTURE(w);
      CAPTURE(h);
      CountingMeasure measure;
      const Laid laid = lay_out_and_check(c, w, h, measure);
      // Work per page: a page of 5,000-character texts measures far less
      // than the texts hold (a 100 KB notice is never measured whole).
      CHECK(measure.chars / std::max(laid.pages, 1LL) < 400000);
    }
  }
}

}  // namespace

// Two test cases over the sizes of kBoundSizes, so ctest runs the halves
// side by side (a minute and more each under ASan).
TEST_CASE("hostile feeds: every page fits the page at 1920x1080 and 1080x1920, text never below min_text") {
  check_hostile_feeds_fit({kBoundSizes[0], kBoundSizes[1]});
}

TEST_CASE("hostile feeds: every page fits the page at 1280x720 and 3840x2160, text never below min_text") {
  check_hostile_feeds_fit({kBoundSizes[2], kBoundSizes[3]});
}

namespace {

void check_work_linear(std::initializer_list<std::pair<int, int>> sizes) {
  for (const Breaks b : {Breaks::clauses, Breaks::none, Breaks::latin})
    for (const auto& [w, h] : sizes) {
      CAPTURE(static_cast<int>(b));
      CAPTURE(w);
      long long chars[3] = {}, calls[3] = {};
      for (int k = 0; k < 3; ++k) {
        const model::Content c = content_of(long_texts_feed(1000u << k, b).xml);
        CountingMeasure measure;
        lay_out_and_check(c, w, h, measure);
        chars[k] = measure.chars;
        calls[k] = measure.calls;
      }
      // Doubling every text at most doubles the work (and a little): a
      // quadratic step would make it four times.
      CHECK(chars[2] <= chars[1] * 5 / 2);
      CHECK(chars[1] <= chars[0] * 5 / 2);
      CHECK(calls[2] <= calls[1] * 5 / 2);
    }
}

}  // namespace

// Halves again, as above.
TEST_CASE("layout work grows linearly with the length of every text at 1920x1080 and 1080x1920") {
  check_work_linear({kBoundSizes[0], kBoundSizes[1]});
}

TEST_CASE("layout work grows linearly with the length of every text at 1280x720 and 3840x2160") {
  check_work_linear({kBoundSizes[2], kBoundSizes[3]});
}

TEST_CASE("a hall's name of any length costs the header work linear in what it shows") {
  // Today's ladder tried every break of the name: a 1,200-character name
  // measured the name's halves at every break, quadratic (over a minute
  // with the real fonts).
  long long chars[4] = {};
  for (int k = 0; k < 4; ++k) {
    model::Content c = demo_content();
    c.hall->name = long_text(300u << k, Breaks::clauses);
    CountingMeasure measure;
    layout::PageLayout layout(measure, layout::Theme{}, 1920, 1080);
    const auto p = layout.waiting("lobby-1", "正在载入", layout::moment_for(c, kZone, 0));
    chars[k] = measure.chars;
    // One or two lines, the last cut with "…".
    int name_lines = 0;
    for (const auto& e : p.elements)
      if (const auto* t = std::get_if<layout::TextRun>(&e);
          t && t->box.y < 150 && t->box.x < 1000) {
        ++name_lines;
        CHECK(t->box.x + t->box.w <= 1920);
      }
    CHECK(name_lines <= 3);  // two of the name, one of the subtitle
  }
  CHECK(chars[3] <= chars[2] * 5 / 2);
  CHECK(chars[2] <= chars[1] * 5 / 2);
  CHECK(chars[3] < 200000);
}

TEST_CASE("a slide past its cap ends with a page that says where the full text is") {
  const model::Content c = content_of(many_materials_feed(10000, 100000).xml);
  CountingMeasure measure;
  layout::PageLayout layout(measure, layout::Theme{}, 1920, 1080);
  const auto moment = layout::moment_for(c, kZone, at("2026-11-27T10:00"));
  model::Slide s;
  s.type = model::SlideType::item;
  s.seconds = 20;
  const auto pages = layout.slide(moment, s, "BIG-1");
  REQUIRE(pages.size() == static_cast<std::size_t>(layout::max_slide_pages(20)));
  std::string last;
  bool qr = false;
  for (const auto& e : pages.back().elements) {
    if (const auto* t = std::get_if<layout::TextRun>(&e)) last += t->text;
    if (const auto* q = std::get_if<layout::QrCode>(&e))
      qr = q->data == "https://zwfw.example.gov.cn/item/BIG-1";
  }
  CHECK(last.find("完整内容") != std::string::npos);
  CHECK(qr);
  // The layout stopped early: 10,000 materials were not all measured.
  CHECK(measure.calls < 20000);
  // Lint warns about it, without fonts.
  model::Diagnostics out;
  layout::check_slide_lengths(c, out);
  CHECK_FALSE(out.empty());
  CHECK_FALSE(model::has_errors(out));
}

TEST_CASE("the demo's slides all run under ten minutes: lint says nothing") {
  model::Diagnostics out;
  layout::check_slide_lengths(demo_content(), out);
  CHECK(out.empty());
}

}  // namespace hb::test
