// The decisions of the roster's pages that need no text set, apart so that
// they can be tested on their own.
#pragma once

#include <vector>

namespace hb::layout {

// How the duty cards are set: `columns` to a row, photos `photo_percent` %
// of a card's width; `compact` sets the rank and the badge beside the
// photo, under the name, instead of below it.
struct CardArrangement {
  int columns = 1, photo_percent = 30;
  bool compact = false;
  bool operator==(const CardArrangement&) const = default;
};

// The arrangements to try, best first, on a screen with room for `columns`
// cards a row: a card never spans two pages, so on a short screen (or under
// an urgent banner) the cards get compact, then fewer to a row, until a row
// fits.
std::vector<CardArrangement> card_arrangements(int columns);

// The photo shares, largest first, to try when the pages have room for
// more than `arrangement` (a compact card keeps its photo).
std::vector<int> larger_photos(const CardArrangement& arrangement);

// The height of each row when items of `heights` go `columns` to a row:
// the tallest of the row, so that the cards of a row line up.
std::vector<int> row_heights(const std::vector<int>& heights, int columns);

// Where labels (the role, 党员) of `widths` go in a column from `left`,
// `width` wide: side by side `spacing` apart, the next one on a new line
// (`line` counts them from 0) when it would pass the column's right edge.
struct Spot {
  int x = 0, line = 0;
  bool operator==(const Spot&) const = default;
};
std::vector<Spot> label_spots(const std::vector<int>& widths, int left, int width, int spacing);

}  // namespace hb::layout
