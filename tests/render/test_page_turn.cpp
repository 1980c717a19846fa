// The one rule both presenters turn pages by: a ticker the old page had,
// unchanged, survives; everything else turns with its page.
#include <doctest/doctest.h>

#include <optional>
#include <vector>

#include "render/page_turn.h"

namespace hb::render {
namespace {

LiveTicker live(const char* text, int y, int speed = 80) {
  return {layout::Ticker{{0, y, 320, 30}, text, {24}, {12, 40, 90, 255}, speed}};
}

TEST_CASE("a page turn keeps the tickers the old page had unchanged, and turns the rest") {
  const auto news = live("办事请取号", 80), slow = live("办事请取号", 80, 40),
             hours = live("工作时间", 0), moved = live("工作时间", 40),
             still = live("欢迎", 120, 0);
  PageTurn first;  // from nothing
  first.arrive({news});
  CHECK_FALSE(first.survives(0));
  CHECK(first.survivors().empty());

  PageTurn turn({hours, news, still});
  turn.arrive({slow, news, moved, still});
  CHECK_FALSE(turn.survives(0));  // another speed: another ticker
  CHECK(turn.source(1) == std::optional<std::size_t>(1));
  CHECK_FALSE(turn.survives(2));                           // moved: turns with its page
  CHECK(turn.source(3) == std::optional<std::size_t>(2));  // a still one survives too
  CHECK_FALSE(turn.survives(9));
  CHECK(turn.survivors() == std::vector<std::size_t>{1, 3});

  // Content changed during the turn: still measured against the page left.
  turn.arrive({hours});
  CHECK(turn.survivors() == std::vector<std::size_t>{0});
  CHECK(turn.source(0) == std::optional<std::size_t>(0));
}

}  // namespace
}  // namespace hb::render
