// Rectangles, rounded corners, strokes and lines, pixel by pixel.
#include <doctest/doctest.h>

#include "render/pixels.h"
#include "render_support.h"

namespace hb::render {
namespace {

using layout::Box;
using layout::Color;

constexpr Color pixel_white{255, 255, 255, 255};
constexpr Color pixel_red{200, 30, 40, 255};

SurfacePtr white_surface(int w = 100, int h = 80) {
  auto s = make_surface(w, h);
  REQUIRE(s);
  SDL_FillRect(s.get(), nullptr, 0xFFFFFFFFu);
  return s;
}

TEST_CASE("a filled rectangle covers exactly its box") {
  auto s = white_surface();
  fill_rect(*s, {10, 20, 30, 15}, pixel_red);
  CHECK(test::count_not(*s, {10, 20, 30, 15}, pixel_red) == 0);
  CHECK(test::count_not_outside(*s, {10, 20, 30, 15}, pixel_white) == 0);
}

TEST_CASE("rounded corners: centre and edges filled, the corner pixel left, edges anti-aliased") {
  auto s = white_surface();
  fill_rounded_rect(*s, {10, 10, 60, 40}, 12, pixel_red);
  CHECK(test::pixel(*s, 40, 30) == pixel_red);
  CHECK(test::pixel(*s, 40, 10) == pixel_red);    // top edge, between the corners
  CHECK(test::pixel(*s, 10, 30) == pixel_red);    // left edge
  CHECK(test::pixel(*s, 10, 10) == pixel_white);  // the very corner is cut
  CHECK(test::pixel(*s, 69, 49) == pixel_white);
  CHECK(test::count_not_outside(*s, {10, 10, 60, 40}, pixel_white) == 0);
  // Somewhere on the curve a pixel is neither colour: the edge is smoothed.
  bool blended = false;
  for (int i = 0; i < 12; ++i) {
    const auto c = test::pixel(*s, 10 + i, 10 + i / 2);
    blended = blended || (!(c == pixel_red) && !(c == pixel_white));
  }
  CHECK(blended);
}

TEST_CASE("a radius larger than the box is clamped to a pill") {
  auto s = white_surface();
  fill_rounded_rect(*s, {10, 10, 60, 20}, 500, pixel_red);
  CHECK(test::pixel(*s, 40, 20) == pixel_red);
  CHECK(test::pixel(*s, 11, 11) == pixel_white);
  CHECK(test::pixel(*s, 10, 20).r >= 200);  // the middle of the round end, almost all pixel_red
  CHECK(test::pixel(*s, 10, 20).g < 60);
}

TEST_CASE("a stroke lies inside its box and leaves the middle alone") {
  struct Row {
    int width, radius;
  };
  for (const auto row : {Row{1, 0}, Row{3, 0}, Row{4, 10}, Row{2, 20}}) {
    CAPTURE(row.width);
    CAPTURE(row.radius);
    auto s = white_surface();
    const Box box{10, 10, 70, 50};
    stroke_rounded_rect(*s, box, row.width, row.radius, pixel_red);
    CHECK(test::pixel(*s, 45, 35) == pixel_white);
    CHECK(test::pixel(*s, 45, 10) == pixel_red);
    CHECK(test::pixel(*s, 45, 10 + row.width - 1) == pixel_red);
    CHECK(test::pixel(*s, 45, 10 + row.width) == pixel_white);
    CHECK(test::pixel(*s, 79, 35) == pixel_red);
    CHECK(test::count_not_outside(*s, box, pixel_white) == 0);
  }
}

TEST_CASE("lines: axis-aligned ones are crisp, diagonal ones smooth, ends butt") {
  auto s = white_surface();
  draw_line(*s, 10, 20, 90, 20, 2, pixel_red);
  CHECK(test::count_not(*s, {10, 19, 80, 2}, pixel_red) == 0);
  CHECK(test::count_not_outside(*s, {10, 19, 80, 2}, pixel_white) == 0);

  auto v = white_surface();
  draw_line(*v, 30, 70, 30, 10, 3, pixel_red);
  CHECK(test::count_not(*v, {29, 10, 3, 60}, pixel_red) == 0);
  CHECK(test::count_not_outside(*v, {29, 10, 3, 60}, pixel_white) == 0);

  auto d = white_surface();
  draw_line(*d, 10, 10, 90, 70, 4, pixel_red);
  CHECK(test::pixel(*d, 50, 40) == pixel_red);
  CHECK(test::pixel(*d, 90, 10) == pixel_white);
  CHECK(test::pixel(*d, 10, 70) == pixel_white);
  CHECK(test::count_not_outside(*d, {6, 6, 88, 68}, pixel_white) == 0);
}

TEST_CASE("translucent colours blend with what is below") {
  auto s = white_surface();
  fill_rect(*s, {0, 0, 10, 10}, {0, 0, 0, 128});
  const auto c = test::pixel(*s, 5, 5);
  CHECK(c.r >= 125);
  CHECK(c.r <= 129);
  CHECK(c.a == 255);
}

TEST_CASE("drawing respects the clip rectangle, and a clip scope restores it") {
  auto s = white_surface();
  {
    const ClipScope clip(*s, {0, 0, 50, 80});
    fill_rect(*s, {0, 0, 100, 80}, pixel_red);
    draw_line(*s, 0, 0, 100, 80, 5, pixel_red);
  }
  CHECK(test::count_not_outside(*s, {0, 0, 50, 80}, pixel_white) == 0);
  SDL_Rect clip{};
  SDL_GetClipRect(s.get(), &clip);
  CHECK(clip.w == 100);
  CHECK(clip.h == 80);
}

TEST_CASE("shapes partly or wholly off the surface are cut, not a crash") {
  auto s = white_surface();
  fill_rounded_rect(*s, {-50, -50, 80, 80}, 10, pixel_red);
  stroke_rounded_rect(*s, {90, 70, 40, 40}, 3, 8, pixel_red);
  draw_line(*s, -100, -100, 300, 300, 6, pixel_red);
  fill_disc(*s, 500, 500, 30, pixel_red);
  fill_rect(*s, {10, 10, 0, 10}, pixel_red);
  fill_rect(*s, {10, 10, -5, 10}, pixel_red);
  CHECK(test::pixel(*s, 0, 0) == pixel_red);
  CHECK(test::pixel(*s, 95, 71) == pixel_red);
}

}  // namespace
}  // namespace hb::render
