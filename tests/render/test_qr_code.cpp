// QR codes: every module where libqrencode put it, whole pixels, a quiet
// zone, and a plain box (with a reason) when a code cannot be drawn.
#include <doctest/doctest.h>

#include "render/qr_code.h"
#include "render_support.h"

namespace hb::render {
namespace {

using layout::Box;
using layout::Color;

constexpr Color paper{240, 240, 240, 255};

SurfacePtr page_surface(int w, int h) {
  auto s = make_surface(w, h);
  REQUIRE(s);
  SDL_FillRect(s.get(), nullptr, SDL_MapRGBA(s->format, paper.r, paper.g, paper.b, paper.a));
  return s;
}

TEST_CASE("every module is drawn as a whole square of pixels, centred, with a quiet zone") {
  struct Row {
    std::string data;
    Box box;
  };
  const Row rows[] = {
      {"https://zwfw.example.gov.cn/", {0, 0, 200, 200}},
      {"预约取号：市民中心二楼 A 区", {13, 7, 171, 240}},
      {std::string(300, 'x'), {5, 5, 300, 290}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.data);
    const layout::QrCode qr{row.box, row.data, {10, 20, 30, 255}, {250, 250, 245, 255}};
    auto s = page_surface(320, 320);
    CHECK(draw_qr(*s, qr).empty());
    const auto code = encode_qr(row.data);
    REQUIRE(code);
    const int n = code->width;
    const int m = qr_module_size(n, row.box);
    REQUIRE(m >= 1);
    const int side = m * (n + 2 * qr_quiet_zone);
    const int x0 = row.box.x + (row.box.w - side) / 2, y0 = row.box.y + (row.box.h - side) / 2;
    CHECK(test::count_not_outside(*s, {x0, y0, side, side}, paper) == 0);
    CHECK(test::count_not(*s, {x0, y0, side, m * qr_quiet_zone}, qr.light) == 0);
    CHECK(test::count_not(*s, {x0, y0, m * qr_quiet_zone, side}, qr.light) == 0);
    int wrong = 0;
    for (int r = 0; r < n; ++r)
      for (int c = 0; c < n; ++c) {
        const bool dark = code->data[r * n + c] & 1;
        const Box module{x0 + (c + qr_quiet_zone) * m, y0 + (r + qr_quiet_zone) * m, m, m};
        wrong += test::count_not(*s, module, dark ? qr.dark : qr.light) > 0;
      }
    CHECK(wrong == 0);
    // Finder patterns: the top-left module of each is dark.
    CHECK(test::pixel(*s, x0 + qr_quiet_zone * m, y0 + qr_quiet_zone * m) == qr.dark);
    CHECK(test::pixel(*s, x0 + (qr_quiet_zone + n - 7) * m, y0 + qr_quiet_zone * m) == qr.dark);
    CHECK(test::pixel(*s, x0 + qr_quiet_zone * m, y0 + (qr_quiet_zone + n - 7) * m) == qr.dark);
  }
}

TEST_CASE("data is encoded as bytes at level M: the version follows from the length") {
  // Version 1-M holds 14 bytes; version 2-M, 26.
  CHECK(encode_qr(std::string(14, 'a'))->version == 1);
  CHECK(encode_qr(std::string(15, 'a'))->version == 2);
  // Six hanzi are 18 UTF-8 bytes: version 2 in 8-bit mode.
  CHECK(encode_qr("政务服务大厅")->version == 2);
  CHECK_FALSE(encode_qr(""));
  CHECK_FALSE(encode_qr(std::string(3000, 'a')));
}

TEST_CASE("a code that cannot be drawn leaves a light box and says why") {
  struct Row {
    std::string data;
    Box box;
    const char* reason;
  };
  const Row rows[] = {
      {std::string(3000, 'a'), {10, 10, 100, 100}, "does not fit"},
      {"https://zwfw.example.gov.cn/", {10, 10, 20, 20}, "pixels a side"},
      {"", {10, 10, 100, 100}, "no data"},
  };
  for (const auto& row : rows) {
    auto s = page_surface(120, 120);
    const layout::QrCode qr{row.box, row.data};
    const auto problem = draw_qr(*s, qr);
    CHECK(problem.find(row.reason) != std::string::npos);
    CHECK(test::count_not(*s, row.box, qr.light) == 0);
    CHECK(test::count_not_outside(*s, row.box, paper) == 0);
  }
}

}  // namespace
}  // namespace hb::render
