// The roster's decisions that need no text set: which arrangements of duty
// cards to try, the height of each row of cards, where the labels go.
#include <doctest/doctest.h>

#include "layout/slide_people.h"

namespace hb::layout {

TEST_CASE("duty cards are tried large first, then compact, then fewer to a row") {
  const std::vector<CardArrangement> landscape{
      {4, 36, false}, {4, 30, true}, {3, 30, true}, {3, 25, true}};
  CHECK(card_arrangements(4) == landscape);
  CHECK(card_arrangements(2).back() == CardArrangement{1, 25, true});
}

TEST_CASE("larger photos are tried only for cards that are not compact") {
  CHECK(larger_photos({4, 36, false}) == std::vector<int>{46, 42});
  CHECK(larger_photos({4, 44, false}) == std::vector<int>{46});
  CHECK(larger_photos({4, 46, false}).empty());
  CHECK(larger_photos({4, 30, true}).empty());
}

TEST_CASE("a row of cards is as tall as its tallest card") {
  struct Row {
    std::vector<int> heights;
    int columns;
    std::vector<int> rows;
  };
  const Row rows[] = {
      {{}, 4, {}},
      {{10}, 4, {10}},
      {{10, 30, 20, 5, 7}, 4, {30, 7}},
      {{10, 30, 20, 5, 7}, 2, {30, 20, 7}},
      {{10, 30}, 1, {10, 30}},
      {{10, 30}, 0, {10, 30}},  // no columns: one to a row
  };
  for (const auto& row : rows) {
    CAPTURE(row.columns);
    CHECK(row_heights(row.heights, row.columns) == row.rows);
  }
}

TEST_CASE("labels go side by side and wrap when the column ends") {
  struct Row {
    const char* what;
    std::vector<int> widths;
    int width;
    std::vector<Spot> spots;
  };
  const Row rows[] = {
      {"one", {40}, 100, {{10, 0}}},
      {"two side by side", {40, 40}, 100, {{10, 0}, {55, 0}}},
      {"the second wraps", {40, 60}, 100, {{10, 0}, {10, 1}}},
      {"a first label wider than the column stays", {140, 40}, 100, {{10, 0}, {10, 1}}},
      {"exactly to the edge", {40, 55}, 100, {{10, 0}, {55, 0}}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    CHECK(label_spots(row.widths, 10, row.width, 5) == row.spots);
  }
}

}  // namespace hb::layout
