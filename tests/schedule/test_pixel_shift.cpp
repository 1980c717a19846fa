// The burn-in shift: small, one pixel at a time, all offsets visited.
#include <doctest/doctest.h>

#include <cstdlib>
#include <set>
#include <utility>

#include "schedule/pixel_shift.h"

using hb::schedule::pixel_shift;
using hb::schedule::PixelShift;

TEST_CASE("pixel shift: walks every offset within the radius one pixel at a time") {
  for (int radius : {1, 2, 3}) {
    CAPTURE(radius);
    std::set<std::pair<int, int>> seen;
    PixelShift last = pixel_shift(0, radius, 300);
    const long long period = 2LL * ((2 * radius + 1) * (2 * radius + 1) - 1);
    for (long long step = 1; step <= 2 * period; ++step) {
      const PixelShift now = pixel_shift(step * 300, radius, 300);
      CHECK(std::abs(now.dx) <= radius);
      CHECK(std::abs(now.dy) <= radius);
      CHECK(std::abs(now.dx - last.dx) + std::abs(now.dy - last.dy) == 1);
      seen.insert({now.dx, now.dy});
      last = now;
    }
    CHECK(seen.size() == static_cast<std::size_t>((2 * radius + 1) * (2 * radius + 1)));
  }
}

TEST_CASE("pixel shift: steady within a step, off at radius 0, sane before 1970") {
  CHECK(pixel_shift(1795744800) == pixel_shift(1795744800 + 299 - 1795744800 % 300));
  CHECK(pixel_shift(1795744800, 0) == PixelShift{0, 0});
  const PixelShift early = pixel_shift(-1000);
  CHECK(std::abs(early.dx) <= 2);
  CHECK(std::abs(early.dy) <= 2);
}
