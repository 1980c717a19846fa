// Lists shared out over pages: counts balanced, cards as even as the pages
// hold, the space a page leaves spread between its rows.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "layout/blocks.h"

namespace hb::layout {
namespace {

Block card(int height, const std::string& text) {
  Block b;
  b.height = height;
  b.elements.push_back(StrokeRect{Box{0, 0, 100, height}, {}, 2, 4});
  b.elements.push_back(TextRun{Box{0, 0, 50, 10}, text, {}, {}});
  return b;
}

std::size_t texts_on(const std::vector<Element>& page) {
  return static_cast<std::size_t>(std::count_if(page.begin(), page.end(), [](const Element& e) {
    return std::holds_alternative<TextRun>(e);
  }));
}

std::vector<int> tops(const std::vector<Element>& page) {
  std::vector<int> r;
  for (const auto& e : page)
    if (const auto* t = std::get_if<TextRun>(&e)) r.push_back(t->box.y);
  return r;
}

}  // namespace

TEST_CASE("balanced counts differ by at most one, the first pages taking the rest") {
  struct Row {
    std::size_t count, pages;
    std::vector<std::size_t> counts;
  };
  const Row rows[] = {
      {9, 3, {3, 3, 3}}, {7, 2, {4, 3}}, {10, 4, {3, 3, 2, 2}}, {1, 1, {1}}, {0, 0, {}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.count);
    CHECK(balanced_counts(row.count, row.pages) == row.counts);
  }
}

TEST_CASE("cards of different heights share pages by count: 3, 3, 3, not 2, 4, 3") {
  // Two to a row; the first row is taller, so rows spread evenly leave it
  // alone on the first page.
  std::vector<Block> cards;
  for (int i = 0; i < 9; ++i)
    cards.push_back(card(i < 2 ? 55 : 40, std::to_string(i)));
  const auto by_rows = paginate_evenly(card_rows(cards, 2, 100, 10), 100, nullptr, 5);
  REQUIRE(by_rows.size() == 3);
  CHECK(texts_on(by_rows[0]) == 2);
  const auto pages = paginate_cards(cards, 2, 100, 10, 100, 5, false);
  REQUIRE(pages.size() == 3);
  for (const auto& page : pages)
    CHECK(texts_on(page) == 3);
}

TEST_CASE("cards fall back to rows when a balanced page would not hold its cards") {
  std::vector<Block> cards{card(90, "a"), card(90, "b"), card(10, "c"), card(10, "d"),
                           card(10, "e")};
  // One to a row: 90 | 90 | 10 10 10 by rows; 2, 2, 1 would need 180 on a page.
  const auto pages = paginate_cards(cards, 1, 100, 10, 100, 0, false);
  REQUIRE(pages.size() == 3);
  CHECK(texts_on(pages[0]) == 1);
  CHECK(texts_on(pages[2]) == 3);
}

TEST_CASE("spreading shares out what the fullest page leaves, the same on every page") {
  std::vector<Block> rows;
  for (int i = 0; i < 5; ++i)
    rows.push_back(card(20, std::to_string(i)));
  // Without spreading, 3 and 2 rows 0, 20, 40 down a page of 80.
  const auto tight = paginate_evenly(rows, 80, nullptr, 0, false);
  REQUIRE(tight.size() == 2);
  CHECK(tops(tight[0]) == std::vector<int>{0, 20, 40});
  // The first page leaves 20 over two gaps: 10 each (and half a row's
  // height at most); the second page keeps the pitch.
  const auto spread = paginate_evenly(rows, 80, nullptr, 0, true);
  REQUIRE(spread.size() == 2);
  CHECK(tops(spread[0]) == std::vector<int>{0, 30, 60});
  CHECK(tops(spread[1]) == std::vector<int>{0, 30});
  // Half a row at most: a short list does not fall apart.
  const auto one_page = paginate_evenly({card(20, "a"), card(20, "b")}, 1000, nullptr, 0, true);
  REQUIRE(one_page.size() == 1);
  CHECK(tops(one_page[0]) == std::vector<int>{0, 30});
}

TEST_CASE("spreading never pushes a row off a page") {
  std::vector<Block> rows;
  for (int i = 0; i < 7; ++i)
    rows.push_back(card(10 + 7 * i, std::to_string(i)));
  for (const int area : {60, 77, 100, 131, 250}) {
    CAPTURE(area);
    const auto pages = paginate_evenly(rows, area, nullptr, 3, true);
    CHECK(pages.size() == paginate_evenly(rows, area, nullptr, 3, false).size());
    for (const auto& page : pages)
      for (const auto& e : page)
        if (const auto* s = std::get_if<StrokeRect>(&e)) CHECK(s->box.y + s->box.h <= area);
  }
}

}  // namespace hb::layout
