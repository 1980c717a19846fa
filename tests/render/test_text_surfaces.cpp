// The caches: bounded, least recently used out first, and a page drawn
// twice renders its text once.
#include <doctest/doctest.h>

#include "render/ttf_measurer.h"
#include "render_support.h"

namespace hb::render {
namespace {

layout::Page page_of_lines(int lines) {
  std::vector<layout::Element> elements;
  for (int i = 0; i < lines; ++i)
    elements.push_back(layout::TextRun{{0, i * 30, 400, 30},
                                       "第" + std::to_string(i + 1) + "号窗口 请到二楼办理",
                                       {20, layout::Weight::regular},
                                       {0, 0, 0, 255}});
  return test::page_of(std::move(elements));
}

TEST_CASE("a page drawn again renders no text again") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  const auto page = page_of_lines(8);
  auto r = canvas.render(page, 400, 240);
  REQUIRE(r.surface);
  const auto first = canvas.text_cache_stats();
  CHECK(first.misses == 8);
  CHECK(first.entries == 8);
  canvas.draw(page, *r.surface);
  const auto second = canvas.text_cache_stats();
  CHECK(second.misses == 8);
  CHECK(second.hits == first.hits + 8);
}

TEST_CASE("a page prepared ahead draws without rendering text, to the same pixels") {
  auto fonts = test::open_fonts();
  auto page = page_of_lines(6);
  // A ticker too long for one text surface: only what is in view is made.
  std::string long_text;
  for (int i = 0; i < 60; ++i)
    long_text += "请携带身份证原件办理，";
  page.elements.push_back(layout::Ticker{
      {0, 200, 400, 36}, long_text, {24, layout::Weight::regular}, {0, 0, 0, 255}, 120});
  auto plain = test::canvas_without_pictures(*fonts);
  const auto expected = plain.render(page, 400, 240);
  REQUIRE(expected.surface);

  auto ahead = test::canvas_without_pictures(*fonts);
  ahead.prepare(page);
  const auto prepared = ahead.text_cache_stats();
  CHECK(prepared.misses == plain.text_cache_stats().misses);
  const auto drawn = ahead.render(page, 400, 240);
  REQUIRE(drawn.surface);
  CHECK(ahead.text_cache_stats().misses == prepared.misses);  // nothing rendered now
  CHECK(test::compare(*drawn.surface, *expected.surface, 0).worst == 0);
}

TEST_CASE("the text cache stays within its byte budget") {
  auto fonts = test::open_fonts();
  CanvasOptions options;
  options.text_cache_bytes = 64 * 1024;
  Canvas canvas(*fonts, nullptr, options);
  const auto page = page_of_lines(8);
  auto r = canvas.render(page, 400, 240);
  REQUIRE(r.surface);
  const auto stats = canvas.text_cache_stats();
  CHECK(stats.cost <= 64 * 1024);
  CHECK(stats.evictions > 0);
  CHECK(stats.entries < 8);
}

TEST_CASE("the same text in another colour or style is another entry") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  const layout::Box box{0, 0, 200, 40};
  const auto page = test::page_of({
      layout::TextRun{box, "取号", {24, layout::Weight::regular}, {0, 0, 0, 255}},
      layout::TextRun{box, "取号", {24, layout::Weight::bold}, {0, 0, 0, 255}},
      layout::TextRun{box, "取号", {24, layout::Weight::regular}, {200, 0, 0, 255}},
      layout::TextRun{box, "取号", {24, layout::Weight::regular}, {0, 0, 0, 255}},
  });
  auto r = canvas.render(page, 200, 40);
  REQUIRE(r.surface);
  CHECK(canvas.text_cache_stats().entries == 3);
  CHECK(canvas.text_cache_stats().hits == 1);
}

}  // namespace
}  // namespace hb::render
