// The ticker's pre-drawn round against drawing it frame by frame: the same
// pixels at every offset, or no round at all where it cannot be made.
#include <doctest/doctest.h>

#include <SDL2/SDL.h>

#include <string>
#include <vector>

#include "render/dirty_rect.h"
#include "render/present_scene.h"
#include "render/present_ticker.h"
#include "render/ticker_loop.h"
#include "render/ttf_measurer.h"
#include "render_support.h"

namespace hb::render {
namespace {

using layout::Box;
using layout::Color;

constexpr Color ticker_navy{12, 40, 90, 255};
constexpr Color ticker_pale{200, 230, 250, 255};
constexpr Color ticker_stripe{220, 30, 30, 255};

struct Case {
  const char* name;
  Size page;
  Box box;
  std::string text;
  int size;
  Color colour;
  std::vector<layout::Element> under;  // drawn before the ticker
  bool loop;                           // whether a round can be made
};

std::string long_text() {
  std::string s;
  for (int i = 0; i < 40; ++i)
    s += "【通知】" + std::to_string(i) + "号窗口暂停服务，请到综合窗口办理。";
  return s;
}

TEST_CASE("a ticker's pre-drawn round gives the pixels of drawing it, at every offset") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  const TtfMeasurer measure(*fonts);
  const std::vector<Case> cases{
      {"short text on a plain band",
       {320, 120},
       {10, 80, 300, 36},
       "政务服务大厅欢迎您",
       24,
       ticker_navy,
       {layout::FillRect{{0, 70, 320, 50}, ticker_pale, 0}},
       true},
      {"a stripe along the band",
       {320, 120},
       {10, 80, 300, 36},
       "办事请取号 Tel 0571-88888888",
       24,
       ticker_navy,
       {layout::FillRect{{0, 70, 320, 50}, ticker_pale, 0}, layout::FillRect{{0, 95, 320, 3}, ticker_stripe, 0}},
       true},
      {"text wider than one text surface (chunks)",
       {1920, 120},
       {0, 60, 1920, 60},
       long_text(),
       40,
       Color{255, 255, 255, 255},
       {layout::FillRect{{0, 60, 1920, 60}, ticker_navy, 0}},
       true},
      {"the box partly off the page",
       {320, 100},
       {-4, 80, 330, 36},
       "窗口A角 张三",
       24,
       ticker_navy,
       {layout::FillRect{{0, 70, 320, 30}, ticker_pale, 0}},
       true},
      {"a block across the band: no round",
       {320, 120},
       {10, 80, 300, 36},
       "政务服务",
       24,
       ticker_navy,
       {layout::FillRect{{0, 70, 320, 50}, ticker_pale, 0},
        layout::FillRect{{100, 70, 20, 50}, ticker_stripe, 0}},
       false},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    const layout::Ticker t{c.box, c.text, {c.size, layout::Weight::regular}, c.colour, 120};
    const int period = ticker_period(measure.width(t.text, t.style), t);
    auto page = test::page_of(c.under);
    auto base = canvas.render(page, c.page.w, c.page.h);
    REQUIRE(base.surface);
    SDL_SetSurfaceBlendMode(base.surface.get(), SDL_BLENDMODE_NONE);
    const SDL_Rect visible =
        intersect({c.box.x, c.box.y, c.box.w, c.box.h}, {0, 0, c.page.w, c.page.h});
    auto band = make_surface(visible.w, visible.h);
    REQUIRE(band);
    SDL_Rect from = visible;
    SDL_BlitSurface(base.surface.get(), &from, band.get(), nullptr);
    auto loop = TickerLoop::make(canvas, t, period, visible, *band);
    CHECK(static_cast<bool>(loop) == c.loop);
    if (!loop) continue;
    CHECK(loop->fits(t, period, visible, *band));
    CHECK_FALSE(loop->fits(t, period + 1, visible, *band));
    for (const int offset : {0, 1, 2, 37, period / 2, period - visible.w, period - visible.w + 1,
                             period - 2, period - 1}) {
      if (offset < 0 || offset >= period) continue;
      INFO("offset " << offset << " of " << period);
      auto expected = make_surface(c.page.w, c.page.h);
      auto actual = make_surface(c.page.w, c.page.h);
      REQUIRE((expected && actual));
      SDL_BlitSurface(base.surface.get(), nullptr, expected.get(), nullptr);
      SDL_BlitSurface(base.surface.get(), nullptr, actual.get(), nullptr);
      draw_ticker_loop(canvas, t, *expected, offset, period);
      loop->copy(offset, *actual);
      CHECK(changed_rects(*expected, *actual).empty());
    }
  }
}

TEST_CASE("a round too large for its memory bound is not made") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  auto band = make_surface(300, 36);
  REQUIRE(band);
  SDL_FillRect(band.get(), nullptr, 0xFF0C285A);
  const layout::Ticker t{{10, 80, 300, 36}, "政务服务", {24, layout::Weight::regular}, ticker_navy, 120};
  CHECK(TickerLoop::make(canvas, t, 1000, {10, 80, 300, 36}, *band, 1000 * 36 * 4));
  CHECK_FALSE(TickerLoop::make(canvas, t, 1000, {10, 80, 300, 36}, *band, 1000 * 36 * 4 - 1));
  // A band that does not match the box, or a period shorter than the box.
  CHECK_FALSE(TickerLoop::make(canvas, t, 1000, {10, 80, 300, 30}, *band));
  CHECK_FALSE(TickerLoop::make(canvas, t, 200, {10, 80, 300, 36}, *band));
}

TEST_CASE("uniform row colours: one per row, or none when a row varies") {
  auto s = make_surface(4, 3);
  REQUIRE(s);
  SDL_FillRect(s.get(), nullptr, 0xFF000000);
  SDL_Rect row1{0, 1, 4, 1};
  SDL_FillRect(s.get(), &row1, 0xFF112233);
  CHECK(uniform_row_colours(*s) == std::vector<std::uint32_t>{0xFF000000, 0xFF112233, 0xFF000000});
  SDL_Rect dot{3, 2, 1, 1};
  SDL_FillRect(s.get(), &dot, 0xFFFFFFFF);
  CHECK(uniform_row_colours(*s).empty());
}

TEST_CASE("the scene keeps a ticker's round across pages with the same band, and frees it") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  Scene scene(canvas, *fonts);
  const layout::Ticker t{
      {0, 80, 320, 36}, "政务服务大厅欢迎您", {24, layout::Weight::regular}, ticker_navy, 120};
  const auto band = layout::FillRect{{0, 70, 320, 50}, ticker_pale, 0};
  REQUIRE(scene.set(test::page_of({band, t}), {320, 120}).problems.empty());
  auto target = make_surface(320, 120);
  REQUIRE(target);
  scene.compose(*target);
  // The round is drawn when the ticker first moves, not for the page's
  // first frame.
  CHECK(scene.loop_bytes() == 0);
  scene.keep_ticker_bands_only();
  scene.advance(0);
  scene.advance(0.5);
  scene.redraw_ticker(0, *target);
  const auto bytes = scene.loop_bytes();
  CHECK(bytes > 0);
  // Another page, the same ticker and band: the round is kept.
  REQUIRE(scene
              .set(test::page_of({band, layout::TextRun{{0, 0, 200, 40}, "第二页", {24}, ticker_navy}, t}),
                   {320, 120})
              .problems.empty());
  scene.redraw_ticker(0, *target);
  CHECK(scene.loop_bytes() == bytes);
  // A picture-like band (a block across it): drawn frame by frame, no round held.
  REQUIRE(
      scene
          .set(test::page_of({band, layout::FillRect{{100, 70, 20, 50}, ticker_stripe, 0}, t}), {320, 120})
          .problems.empty());
  scene.redraw_ticker(0, *target);
  CHECK(scene.loop_bytes() == 0);
  scene.clear();
  CHECK(scene.loop_bytes() == 0);
}

TEST_CASE("a page drawn straight into the frame: the pixels of drawing it, composing and copying") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  const Size size{640, 200};
  struct Bands {
    const char* name;
    std::vector<layout::Element> under;
  };
  const Bands cases[] = {
      {"one colour a row (a round is made)", {layout::FillRect{{0, 140, 640, 60}, ticker_pale, 0}}},
      {"a block across the band (drawn frame by frame)",
       {layout::FillRect{{0, 140, 640, 60}, ticker_pale, 0},
        layout::FillRect{{300, 140, 30, 60}, ticker_stripe, 0}}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    auto elements = c.under;
    elements.push_back(layout::TextRun{{20, 20, 600, 60}, "第一窗口 综合受理", {40}, ticker_navy});
    elements.push_back(layout::Ticker{{0, 150, 640, 40}, long_text(), {28}, ticker_navy, 120});
    const auto page = test::page_of(elements);

    Scene composed(canvas, *fonts);
    REQUIRE(composed.set(page, size).problems.empty());
    auto a = make_surface(size.w, size.h);
    composed.compose(*a);
    composed.keep_ticker_bands_only();

    Scene direct(canvas, *fonts);
    auto b = make_surface(size.w, size.h);
    REQUIRE(direct.set_into(page, size, *b).problems.empty());
    CHECK(direct.base() == nullptr);  // no page-sized surface of its own
    CHECK(test::compare(*a, *b, 0).worst == 0);

    // And the tickers move on alike, from their bands.
    for (const double t : {0.0, 0.7, 3.1}) {
      composed.advance(t);
      direct.advance(t);
      composed.redraw_ticker(0, *a);
      direct.redraw_ticker(0, *b);
      CHECK(test::compare(*a, *b, 0).worst == 0);
    }
  }
}

}  // namespace
}  // namespace hb::render
