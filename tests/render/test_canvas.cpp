// Each kind of element drawn onto a surface, checked by its pixels.
#include <doctest/doctest.h>

#include "render/ttf_measurer.h"
#include "render_support.h"

namespace hb::render {
namespace {

using layout::Box;
using layout::Color;
using layout::TextStyle;
using layout::Weight;

constexpr Color canvas_white{255, 255, 255, 255};
constexpr Color ink{20, 30, 60, 255};

TEST_CASE("the background fills the page") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  const Color navy{12, 40, 90, 255};
  auto r = canvas.render(test::page_of({}, navy), 64, 48);
  REQUIRE(r.surface);
  CHECK(test::count_not(*r.surface, {0, 0, 64, 48}, navy) == 0);
  CHECK(r.report.problems.empty());
}

TEST_CASE("a FillRect's centre has its colour; nothing outside its box is touched") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  const Color red{190, 20, 30, 255};
  auto r = canvas.render(test::page_of({layout::FillRect{{20, 10, 100, 50}, red, 8}}), 160, 90);
  REQUIRE(r.surface);
  CHECK(test::pixel(*r.surface, 70, 35) == red);
  CHECK(test::count_not_outside(*r.surface, {20, 10, 100, 50}, canvas_white) == 0);
}

TEST_CASE("text is drawn inside its box only, centred in it") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  const TtfMeasurer m(*fonts);
  struct Row {
    const char* text;
    TextStyle style;
  };
  const Row rows[] = {
      {"政务服务大厅", {32, Weight::regular}},
      {"办事指南 Guide 2024", {24, Weight::bold}},
      {"䶮𠮷 gjpqy ÅÉ", {40, Weight::regular}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    const Box box{30, 20, m.width(row.text, row.style), m.line_height(row.style)};
    auto r =
        canvas.render(test::page_of({layout::TextRun{box, row.text, row.style, ink}}), 400, 120);
    REQUIRE(r.surface);
    CHECK(test::count_not(*r.surface, box, canvas_white) > row.style.size * 4);
    CHECK(test::count_not_outside(*r.surface, box, canvas_white) == 0);
    // Ink in the upper and in the lower half of the line: centred, not at one edge.
    CHECK(test::count_not(*r.surface, {box.x, box.y, box.w, box.h / 2}, canvas_white) > 0);
    CHECK(test::count_not(*r.surface, {box.x, box.y + box.h / 2, box.w, box.h / 2}, canvas_white) > 0);
    // The last character reaches the measured width's last quarter em.
    CHECK(test::count_not(*r.surface,
                          {box.x + box.w - row.style.size / 2, box.y, row.style.size / 2, box.h},
                          canvas_white) > 0);
  }
}

TEST_CASE("text longer than its box is cut at the box") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  const Box box{10, 10, 100, 48};
  auto r = canvas.render(
      test::page_of({layout::TextRun{box, "这一行文字比它的框长得多", {32, Weight::regular}, ink}}),
      300, 80);
  REQUIRE(r.surface);
  CHECK(test::count_not_outside(*r.surface, box, canvas_white) == 0);
  CHECK(test::count_not(*r.surface, {90, 10, 20, 48}, canvas_white) > 0);
}

TEST_CASE("a face from the fallback list sits on the same baseline") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  // Armenian is not in Noto Sans CJK: "Ի" (flat-footed) comes from DejaVu Sans, whose
  // ascent differs. Its foot and the foot of "H" must be on one row.
  const TextStyle style{40, Weight::regular};
  const TtfMeasurer m(*fonts);
  const std::string text = "H\u053BH";
  REQUIRE(fonts->face_for(U'\u053B', Weight::regular, 40) > 0);
  const Box box{0, 0, m.width(text, style), m.line_height(style)};
  auto r = canvas.render(test::page_of({layout::TextRun{box, text, style, ink}}), box.w, box.h);
  REQUIRE(r.surface);
  const auto lowest_ink = [&](int x0, int x1) {
    int lowest = -1;
    for (int y = 0; y < box.h; ++y)
      for (int x = x0; x < x1; ++x)
        if (test::pixel(*r.surface, x, y).r < 128) lowest = y;
    return lowest;
  };
  const int h = m.width("H", style);
  const int armenian = m.width("\u053B", style);
  CHECK(lowest_ink(0, h) == lowest_ink(h + 2, h + armenian - 2));
  CHECK(lowest_ink(0, h) == lowest_ink(box.w - h, box.w));
  CHECK(lowest_ink(0, h) > box.h / 2);
}

TEST_CASE("stroke and line elements") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  const Color grey{120, 120, 120, 255};
  auto r = canvas.render(test::page_of({layout::StrokeRect{{10, 10, 80, 60}, grey, 3, 0},
                                        layout::LineSegment{100, 40, 180, 40, grey, 2}}),
                         200, 80);
  REQUIRE(r.surface);
  CHECK(test::pixel(*r.surface, 11, 40) == grey);
  CHECK(test::pixel(*r.surface, 50, 40) == canvas_white);
  CHECK(test::pixel(*r.surface, 140, 39) == grey);
  CHECK(test::pixel(*r.surface, 140, 40) == grey);
  CHECK(test::pixel(*r.surface, 140, 41) == canvas_white);
}

TEST_CASE("a ticker starts at its box's left and is cut at its right") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  std::string text;
  for (int i = 0; i < 60; ++i)
    text += "请携带身份证原件办理业务，";
  const Box box{20, 40, 300, 48};
  auto r = canvas.render(
      test::page_of({layout::Ticker{box, text, {32, Weight::regular}, ink, 120}}), 360, 120);
  REQUIRE(r.surface);
  CHECK(test::count_not_outside(*r.surface, box, canvas_white) == 0);
  CHECK(test::count_not(*r.surface, {20, 40, 32, 48}, canvas_white) > 0);
  CHECK(test::count_not(*r.surface, {290, 40, 30, 48}, canvas_white) > 0);
}

TEST_CASE("a very long ticker is cut into chunks no wider than the limit, seamlessly") {
  auto fonts = test::open_fonts();
  const TextStyle style{48, Weight::regular};
  std::string text;
  for (int i = 0; i < 100; ++i)
    text += "政务公开 Open government 第" + std::to_string(i) + "条；";
  const auto chunks = chunk_text(*fonts, text, style, 8192);
  const TtfMeasurer m(*fonts);
  REQUIRE(chunks.size() > 3);
  std::string joined;
  int x = 0;
  for (const auto& c : chunks) {
    CHECK(c.width <= 8192);
    CHECK(c.x == x);
    x += c.width;
    joined += c.text;
  }
  CHECK(joined == text);
  // Cut between characters the width hardly changes (no kerning across a cut).
  CHECK(std::abs(x - m.width(text, style)) <= static_cast<int>(chunks.size()) * 2);

  // Scrolled far in, the ticker still shows text (chunks beyond the first).
  auto canvas = test::canvas_without_pictures(*fonts);
  auto surface = make_surface(400, 80);
  REQUIRE(surface);
  SDL_FillRect(surface.get(), nullptr, 0xFFFFFFFFu);
  const layout::Ticker ticker{{0, 0, 400, 72}, text, style, ink, 120};
  canvas.draw_ticker(ticker, *surface, x / 2);
  CHECK(test::count_not(*surface, {0, 0, 400, 72}, canvas_white) > 500);
  CHECK(canvas.text_cache_stats().entries <= 2);
}

TEST_CASE("a QR code has dark finder patterns in three corners, a light quiet zone") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  const Box box{10, 10, 200, 200};
  auto r =
      canvas.render(test::page_of({layout::QrCode{box, "https://zwfw.example.gov.cn/预约?id=42"}},
                                  {230, 240, 250, 255}),
                    220, 220);
  REQUIRE(r.surface);
  CHECK(r.report.problems.empty());
  // The exact geometry is checked in test_qr_code.cpp; here, the corners.
  const Color dark{0, 0, 0, 255};
  bool dark_top_left = false, dark_top_right = false, dark_bottom_left = false;
  for (int d = 10; d < 60; ++d) {
    dark_top_left = dark_top_left || test::pixel(*r.surface, d, d) == dark;
    dark_top_right = dark_top_right || test::pixel(*r.surface, 219 - d, d) == dark;
    dark_bottom_left = dark_bottom_left || test::pixel(*r.surface, d, 219 - d) == dark;
  }
  CHECK(dark_top_left);
  CHECK(dark_top_right);
  CHECK(dark_bottom_left);
  CHECK(test::count_not_outside(*r.surface, box, {230, 240, 250, 255}) == 0);
}

TEST_CASE("drawing onto a surface of another format is refused, not garbled") {
  auto fonts = test::open_fonts();
  auto canvas = test::canvas_without_pictures(*fonts);
  SurfacePtr rgb565(SDL_CreateRGBSurfaceWithFormat(0, 10, 10, 16, SDL_PIXELFORMAT_RGB565));
  REQUIRE(rgb565);
  const auto report = canvas.draw(test::page_of({}), *rgb565);
  CHECK(report.problems.size() == 1);
}

}  // namespace
}  // namespace hb::render
