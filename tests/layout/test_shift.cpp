// A page moved by the burn-in shift keeps its edge bands at the edges.
#include <doctest/doctest.h>

#include <variant>

#include "layout/shift.h"

TEST_CASE("shifted page: elements move, bands at the edges still reach them") {
  using namespace hb::layout;
  Page page;
  page.elements = {
      FillRect{{0, 0, 1920, 120}, {200, 0, 0, 255}},    // header band
      FillRect{{0, 1020, 1920, 60}, {0, 0, 100, 255}},  // footer band
      FillRect{{100, 200, 50, 50}, {0, 0, 0, 255}},     // inside
      TextRun{{100, 20, 400, 80}, "办事指南", {}, {}}, LineSegment{10, 10, 20, 20, {}, 2},
  };
  struct Row {
    int dx, dy;
    Box header, footer, inside, text;
  };
  const Row rows[] = {
      {2, 1, {0, 0, 1922, 121}, {0, 1021, 1922, 60}, {102, 201, 50, 50}, {102, 21, 400, 80}},
      {-2, -1, {-2, -1, 1922, 120}, {-2, 1019, 1922, 61}, {98, 199, 50, 50}, {98, 19, 400, 80}},
      {0, 0, {0, 0, 1920, 120}, {0, 1020, 1920, 60}, {100, 200, 50, 50}, {100, 20, 400, 80}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.dx);
    const Page out = shifted(page, row.dx, row.dy, 1920, 1080);
    CHECK(std::get<FillRect>(out.elements[0]).box == row.header);
    CHECK(std::get<FillRect>(out.elements[1]).box == row.footer);
    CHECK(std::get<FillRect>(out.elements[2]).box == row.inside);
    CHECK(std::get<TextRun>(out.elements[3]).box == row.text);
    CHECK(std::get<LineSegment>(out.elements[4]).x1 == 10 + row.dx);
  }
}
